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

/**
 * Every signature's selectors, one by one, for the whole document. Chromium answers a query of
 * one simple selector from its own indexes (a class, a tag, an attribute no element has: ~0 ms on
 * a 150,000-element page), but matches a selector list against every element: the signatures as
 * one list took ~20 ms there, one task at the content script's start. (Signatures are simple
 * selectors, so a comma only ever separates two of them.)
 */
const SIGNATURE_PARTS = adapters.flatMap((a) => a.signature.split(',').map((part) => part.trim()));
/**
 * All signatures as one list: for what a page adds (a row of a live tail, each one a query), where
 * one call over a small subtree costs less than one call per selector.
 */
const ANY_SIGNATURE = SIGNATURE_PARTS.join(', ');

/** The first element in document order that shows a signature. */
function firstSignature(root: Document): Element | null {
  let first: Element | null = null;
  for (const part of SIGNATURE_PARTS) {
    const el = root.querySelector(part);
    if (el && (!first || first.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING)) first = el;
  }
  return first;
}

function adapterOf(found: Element | null): ConsoleAdapter | null {
  return found ? (adapters.find((a) => found.matches(a.signature)) ?? null) : null;
}

/** The adapter for this page: by host, or by a signature element in the document. */
export function pickAdapter(hostname: string, doc: Document): ConsoleAdapter | null {
  for (const a of adapters) if (a.hosts.some((h) => h.test(hostname))) return a;
  return adapterOf(firstSignature(doc));
}

/** The adapter whose signature an element (or its subtree) shows, if any. */
export function adapterIn(el: Element): ConsoleAdapter | null {
  return adapterOf(el.matches(ANY_SIGNATURE) ? el : el.querySelector(ANY_SIGNATURE));
}
