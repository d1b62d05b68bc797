// Bundled by row-reading.test.ts and run in a fixture page's own world: the content script's
// row reading without the extension around it, so a test can run its whole-row fast paths and
// its node-by-node paths on the same DOM and compare what each reads.
import {adapters} from '../../../extension/adapters/index';
import {OWN_TAG} from '../../../extension/content/dom';
import {FindingStore} from '../../../extension/content/findings';
import {hasOnlyInline} from '../../../extension/content/inline-text';
import {Life} from '../../../extension/content/life';
import {Pipeline} from '../../../extension/content/pipeline';
import type {PipelineOptions} from '../../../extension/content/pipeline';
import type {ReadMode} from '../../../extension/content/row-text';
import {readRowText, rowText} from '../../../extension/content/row-text';
import {Scanner} from '../../../shared/engine/api';
import type {Recognizer, ScanResult} from '../../../shared/engine/api';
import {recognizers} from '../../../shared/tracers/index';

/** A node's address from the document: child indexes, `#shadow` where a shadow root starts. */
function path(node: Node): string {
  const parts: string[] = [];
  for (let n: Node | null = node; n && n !== document; ) {
    if (n instanceof ShadowRoot) {
      parts.push('#shadow');
      n = n.host;
      continue;
    }
    const parent: Node | null = n.parentNode;
    parts.push(parent ? String(Array.prototype.indexOf.call(parent.childNodes, n)) : '?');
    n = parent;
  }
  return parts.reverse().join('/');
}

class RecordingScanner extends Scanner {
  readonly inputs: string[] = [];

  override add(text: string, firstLine?: number, more?: boolean): ScanResult {
    this.inputs.push(text);
    return super.add(text, firstLine, more);
  }
}

/** Elements whose textContent was read while `fn` ran (the whole-row reads). */
function countingTextContent<T>(fn: () => T): {result: T; reads: number} {
  const desc = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent');
  const get = desc?.get;
  if (!desc || !get) throw new Error('no textContent getter');
  let reads = 0;
  Object.defineProperty(Node.prototype, 'textContent', {
    ...desc,
    get(this: Node) {
      if (this.nodeType === Node.ELEMENT_NODE) reads++;
      return get.call(this) as string | null;
    },
  });
  try {
    return {result: fn(), reads};
  } finally {
    Object.defineProperty(Node.prototype, 'textContent', desc);
  }
}

/**
 * A recogniser for tests only: an event holding `SIEVE-PROBE-8126` anywhere. The tracers' own
 * events carry a hint on their first line; this one lets a test put the hint on a continuation
 * line, below a first line with none, where only the sieve's walk back hands the first line on.
 */
const probeRecognizer: Recognizer = {
  id: 'sieve-probe',
  lang: 'nodejs',
  source: 'tracer',
  hints: ['SIEVE-PROBE-8126'],
  recognize: (ev) => (ev.text.includes('SIEVE-PROBE-8126') ? {cause: 'refused', target: {host: '127.0.0.1', port: 8126}} : null),
  examples: {matches: [], ignores: []},
  sources: [],
};

/**
 * The whole pipeline over the document: what the engine was given, and where findings were
 * placed. `sliced`: every run() gets a deadline a few clock reads away, so the walk stops (and
 * resumes) at nearly every clock check, as it does on a large page. The clock is a counter while
 * it runs: the page's own `performance.now()` is coarsened (to 0.1 ms without cross-origin
 * isolation), and a fast machine then did a whole batch between two of its ticks, so how often
 * the walk stopped depended on the machine (a CI failure: no more batches sliced than not).
 * `removeAt`: after that many slices, 300 of the app's own rows near the top of each list built
 * by `buildLists` are removed (a virtualised list scrolled on); findings on removed rows aren't listed.
 * `probe`: the tracers' recognisers and probeRecognizer; 'only': probeRecognizer alone (no finding
 * depends on context).
 */
function scanPage(options: PipelineOptions & {adapter?: string; probe?: boolean | 'only'}, sliced = false, removeAt = -1) {
  const life = new Life();
  const store = new FindingStore();
  const scanner = new RecordingScanner({env: 'unknown', facts: {}, ...(options.probe ? {recognizers: options.probe === 'only' ? [probeRecognizer] : [...recognizers, probeRecognizer]} : {})});
  const shadowRoots: string[] = [];
  const adapter = adapters.find((a) => a.id === options.adapter) ?? null;
  const pipeline: Pipeline = new Pipeline(life, store, adapter, scanner, {
    onShadowRoot: (root) => {
      // The loaded extension's own overlay (open in test builds) changes as it annotates.
      if (root.host.tagName === OWN_TAG) return;
      shadowRoots.push(root.host.id || path(root));
      pipeline.enqueueRoot(root);
    },
  }, options);
  pipeline.enqueueRoot(document);
  let slices = 0;
  const {reads} = countingTextContent(() => {
    if (!sliced) {
      while (pipeline.run(performance.now() + 60_000)) slices++;
      return;
    }
    let clock = 0;
    Object.defineProperty(performance, 'now', {configurable: true, value: () => (clock += 0.001)});
    try {
      for (; pipeline.run(performance.now() + 0.004); slices++) if (slices === removeAt) removeAppRows(300);
    } finally {
      // Performance.prototype.now again.
      delete (performance as unknown as {now?: unknown}).now;
    }
  });
  const placed = store.all().filter((p) => p.row.isConnected).map((p) => ({
    row: path(p.row),
    lineIndex: p.lineIndex,
    lineText: p.lineText,
    start: `${path(p.range.startContainer)}:${p.range.startOffset}`,
    end: `${path(p.range.endContainer)}:${p.range.endOffset}`,
    highlighted: p.range.toString(),
  }));
  life.end();
  const {batches, rowsScanned, rowsSieved, sievesAbandoned, sieveRestarts} = pipeline.stats;
  return {engineInput: scanner.inputs, placed, shadowRoots, wholeReads: reads, slices, batches, rowsScanned, rowsSieved, sievesAbandoned, restarts: sieveRestarts};
}

/** Every element under `root` read alone, in both modes: rowText, and readRowText without and with nodes. */
function readEveryElement(root: string) {
  const rows: {element: string; mode: ReadMode; fast: string; slow: string; withNodes: string; inlineOnly: boolean}[] = [];
  for (const el of document.querySelectorAll(`${root} *`)) {
    for (const mode of ['entry', 'own'] as const) {
      rows.push({element: path(el), mode, fast: rowText([el], mode), slow: readRowText([el], mode, false).text, withNodes: readRowText([el], mode, true).text, inlineOnly: hasOnlyInline(el)});
    }
  }
  return rows;
}

/** Several parts read at once (an adapter's message cells), both ways. */
function readParts(selector: string) {
  const parts = [...document.querySelectorAll(selector)];
  return {parts: parts.length, fast: rowText(parts, 'entry'), slow: readRowText(parts, 'entry', true).text};
}

/**
 * Long lists of log rows for the list sieve: `lines` (one row each, a string with newlines a row
 * of several lines) in the generic markup (a block of two spans per row) and in the Kubernetes
 * Dashboard's, replacing the body.
 */
function buildLists(lines: readonly string[]) {
  const generic = document.createElement('div');
  generic.id = 'generic-list';
  const k8s = document.createElement('div');
  k8s.className = 'kd-log-line-container';
  lines.forEach((line, i) => {
    const row = document.createElement('div');
    row.style.whiteSpace = 'pre';
    const ts = document.createElement('span');
    ts.textContent = `2026-12-06T10:${String(i % 60).padStart(2, '0')}:00Z `;
    const msg = document.createElement('span');
    msg.textContent = line;
    row.append(ts, msg);
    generic.append(row);
    const entry = document.createElement('div');
    entry.className = 'kd-logs-element';
    const span = document.createElement('span');
    span.textContent = line;
    entry.append(span);
    k8s.append(entry);
  });
  document.body.replaceChildren(generic, k8s);
}

/** Removes the first `n` rows of the app's own (with another above and below) from each list. */
function removeAppRows(n: number): void {
  const isApp = (row: Element | null | undefined) => Boolean(row?.textContent?.includes('GET /api/orders/'));
  for (const list of [document.getElementById('generic-list'), document.querySelector('.kd-log-line-container')]) {
    const rows = [...(list?.children ?? [])];
    rows.filter((row, i) => isApp(row) && isApp(rows[i - 1]) && isApp(rows[i + 1])).slice(0, n).forEach((row) => row.remove());
  }
}

const rowReading = {scanPage, readEveryElement, readParts, buildLists};
export type RowReading = typeof rowReading;
Object.assign(globalThis, {rowReading});
