import type {ConsoleAdapter} from './types';
import {textsOf} from './types';

// Kubernetes Dashboard's log view (kubernetes/dashboard modules/web/src/logs/template.html):
// `.kd-log-line-container` holding one `div.kd-logs-element` (or `.kd-logs-element-compact`)
// per line, the text in a single <span>. The route `#/log/<namespace>/<pod>/…` names the pod.
export const adapter: ConsoleAdapter = {
  id: 'k8s-dashboard',
  name: 'Kubernetes Dashboard',
  hosts: [],
  signature: '.kd-log-line-container',
  rows: '.kd-log-line-container .kd-logs-element, .kd-log-line-container .kd-logs-element-compact',
  context: (doc) => ['kubernetes dashboard', ...textsOf(doc, 'mat-select .mat-mdc-select-value, mat-select .mat-select-value', 4)],
  modelledOn: 'kubernetes/dashboard modules/web/src/logs/template.html',
};
