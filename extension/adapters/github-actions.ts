import type {ConsoleAdapter} from './types';

// GitHub Actions job logs: each step is a <check-step> whose log lines are
// `.js-check-step-line.CheckStep-line` with the line number in `a.CheckStep-line-number`,
// an optional `.CheckStep-line-timestamp` and the text in `.js-check-line-content`
// (the selectors public userscripts use on github.com/*/*/actions/runs/*/job/*). The log view
// renders only the lines near the viewport, and streams lines into running steps.
export const adapter: ConsoleAdapter = {
  id: 'github-actions',
  name: 'GitHub Actions',
  hosts: [/^github\.com$/],
  signature: 'check-step',
  rows: '.js-check-step-line',
  message: '.js-check-line-content',
  context: (doc) => [doc.title],
  modelledOn: 'GitHub Actions job log markup as used by public userscripts (check-step, .js-check-step-line, .js-check-line-content)',
};
