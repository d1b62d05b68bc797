// Bundled by row-reading.test.ts and run in a fixture page's own world: the content script's
// row reading without the extension around it, so a test can run its whole-row fast paths and
// its node-by-node paths on the same DOM and compare what each reads.
import {OWN_TAG} from '../../../extension/content/dom';
import {FindingStore} from '../../../extension/content/findings';
import {hasOnlyInline} from '../../../extension/content/inline-text';
import {Life} from '../../../extension/content/life';
import {Pipeline} from '../../../extension/content/pipeline';
import type {ReadMode} from '../../../extension/content/row-text';
import {readRowText, rowText} from '../../../extension/content/row-text';
import {Scanner} from '../../../shared/engine/api';
import type {ScanResult} from '../../../shared/engine/api';

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
 * The whole pipeline over the document: what the engine was given, and where findings were
 * placed. `sliced`: every run() gets a deadline a few clock reads away, so the walk stops (and
 * resumes) at nearly every clock check, as it does on a large page. The clock is a counter while
 * it runs: the page's own `performance.now()` is coarsened (to 0.1 ms without cross-origin
 * isolation), and a fast machine then did a whole batch between two of its ticks, so how often
 * the walk stopped depended on the machine (a CI failure: no more batches sliced than not).
 */
function scanPage(readWholeBlocks: boolean, sliced = false) {
  const life = new Life();
  const store = new FindingStore();
  const scanner = new RecordingScanner({env: 'unknown', facts: {}});
  const shadowRoots: string[] = [];
  const pipeline: Pipeline = new Pipeline(life, store, null, scanner, {
    onShadowRoot: (root) => {
      // The loaded extension's own overlay (open in test builds) changes as it annotates.
      if (root.host.tagName === OWN_TAG) return;
      shadowRoots.push(root.host.id || path(root));
      pipeline.enqueueRoot(root);
    },
  }, readWholeBlocks);
  pipeline.enqueueRoot(document);
  const {reads} = countingTextContent(() => {
    if (!sliced) {
      while (pipeline.run(performance.now() + 60_000));
      return;
    }
    let clock = 0;
    Object.defineProperty(performance, 'now', {configurable: true, value: () => (clock += 0.001)});
    try {
      while (pipeline.run(performance.now() + 0.004));
    } finally {
      // Performance.prototype.now again.
      delete (performance as unknown as {now?: unknown}).now;
    }
  });
  const placed = store.all().map((p) => ({
    row: path(p.row),
    lineIndex: p.lineIndex,
    lineText: p.lineText,
    start: `${path(p.range.startContainer)}:${p.range.startOffset}`,
    end: `${path(p.range.endContainer)}:${p.range.endOffset}`,
    highlighted: p.range.toString(),
  }));
  life.end();
  return {engineInput: scanner.inputs, placed, shadowRoots, wholeReads: reads, batches: pipeline.stats.batches};
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

const rowReading = {scanPage, readEveryElement, readParts};
export type RowReading = typeof rowReading;
Object.assign(globalThis, {rowReading});
