import type {ConsoleAdapter} from './types';
import {textsOf} from './types';

// CloudWatch Logs renders the log events in an iframe (#microConsole-Logs) served from the same
// console host, so this adapter runs in that frame (manifest: all_frames). Rows are awsui table
// rows; the collapsed message is [data-testid="logs__log-events-table__message"], the expanded
// one [data-testid="logs__log-events-table__formatted-message"] .logs__log-events-table__content,
// and timestamps sit in .logs__log-events-table__timestamp-cell — the selectors public
// userscripts use (MishaKav/userscripts cloudwatch-helper.user.js; cloudwatch colorizer
// extensions: `.logs__log-events-table-v3 table`, `span.logs__log-events-table__cell`).
export const adapter: ConsoleAdapter = {
  id: 'cloudwatch',
  name: 'AWS CloudWatch Logs',
  hosts: [/(^|\.)console\.aws\.amazon\.com$/],
  signature: '[data-testid="logs__log-events-table__message"], .logs__log-events-table-v3',
  rows: '.logs__log-events-table-v3 tbody tr, tr.awsui-table-row',
  message: '[data-testid="logs__log-events-table__message"], [data-testid="logs__log-events-table__formatted-message"]',
  context: (doc) => [...textsOf(doc, 'h1, [data-testid="log-group-name"], [data-testid="log-stream-name"]', 10), doc.title],
  modelledOn: 'MishaKav/userscripts cloudwatch-helper.user.js; CloudWatch colorizer extensions (logs__log-events-table-v3, #microConsole-Logs iframe)',
};
