import type {ConsoleAdapter} from './types';
import {textsOf} from './types';

// GCP Logs Explorer is an Angular app whose class names are generated; no public capture of its
// markup was found, so this adapter keys on what Angular Material/CDK and ARIA keep stable:
// a `cdk-virtual-scroll-viewport` holding `role="row"` entries, with the summary line in the
// entry's last `role="gridcell"`. The resource labels (k8s_container, cloud_run_revision,
// namespace_name, pod_name) shown in each entry's chips feed the environment detection.
export const adapter: ConsoleAdapter = {
  id: 'gcp-logging',
  name: 'Google Cloud Logs Explorer',
  hosts: [/^console\.cloud\.google\.com$/],
  signature: 'cdk-virtual-scroll-viewport',
  rows: 'cdk-virtual-scroll-viewport [role="row"]',
  message: '[role="gridcell"].log-summary, [role="gridcell"]:last-child',
  context: (doc) => textsOf(doc, '.log-resource-label, [role="gridcell"] .mat-mdc-chip, mat-chip', 80),
  modelledOn: 'Angular CDK virtual scroll (cdk-virtual-scroll-viewport) + ARIA grid rows; GCP resource labels (k8s_container)',
};
