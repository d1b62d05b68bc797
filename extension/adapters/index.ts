// Every console adapter, in the order they are tried (STYLE §1: an exported array, no
// side-effect registration). Pages no adapter claims get the generic text scan.
import {adapter as cloudwatch} from './cloudwatch';
import {adapter as datadogLogs} from './datadog-logs';
import {adapter as gcpLogging} from './gcp-logging';
import {adapter as githubActions} from './github-actions';
import {adapter as grafanaExplore} from './grafana-explore';
import {adapter as k8sDashboard} from './k8s-dashboard';
import {adapter as kibanaDiscover} from './kibana-discover';
import type {ConsoleAdapter} from './types';

export type {ConsoleAdapter} from './types';

export const adapters: readonly ConsoleAdapter[] = [datadogLogs, cloudwatch, gcpLogging, grafanaExplore, kibanaDiscover, k8sDashboard, githubActions];

/** Every signature in one selector list: one pass over a large page instead of one per adapter. */
const ANY_SIGNATURE = adapters.map((a) => a.signature).join(', ');

/** The adapter for this page: by host, or by a signature element in the document. */
export function pickAdapter(hostname: string, doc: Document): ConsoleAdapter | null {
  for (const a of adapters) if (a.hosts.some((h) => h.test(hostname))) return a;
  const found = doc.querySelector(ANY_SIGNATURE);
  return found ? (adapters.find((a) => found.matches(a.signature)) ?? null) : null;
}

/** The adapter whose signature an element (or its subtree) shows, if any. */
export function adapterIn(el: Element): ConsoleAdapter | null {
  const found = el.matches(ANY_SIGNATURE) ? el : el.querySelector(ANY_SIGNATURE);
  return found ? (adapters.find((a) => found.matches(a.signature)) ?? null) : null;
}
