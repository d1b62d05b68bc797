import type {ConsoleAdapter} from './types';
import {textsOf} from './types';

// Grafana's log list (public/app/features/logs/components/panel/LogLine.tsx, LogList.tsx in
// grafana/grafana) is a react-window VariableSizeList: absolutely positioned rows whose
// emotion class names are hashed, so the stable hooks are the plain class names Grafana adds
// itself: `unwrapped-log-line` (unwrapped mode) and the `field` spans, the body being
// `span.field.no-highlighting` or `span.field.log-syntax-highlight`.
export const adapter: ConsoleAdapter = {
  id: 'grafana-explore',
  name: 'Grafana Explore (Loki)',
  hosts: [],
  signature: '.unwrapped-log-line, .field.no-highlighting, .field.log-syntax-highlight',
  rows: '.unwrapped-log-line, div:has(> .field.no-highlighting), div:has(> .field.log-syntax-highlight)',
  message: '.field.no-highlighting, .field.log-syntax-highlight',
  context: (doc) => [...textsOf(doc, '[data-testid="query-editor-row"], .field[title]', 40), doc.title],
  modelledOn: 'grafana/grafana public/app/features/logs/components/panel/LogLine.tsx (unwrapped-log-line, .field.no-highlighting)',
};
