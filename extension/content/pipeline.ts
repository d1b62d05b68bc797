// From page changes to placed findings, in budgeted steps:
//   changed nodes ─(dedupe: skip nodes whose ancestor is queued)─▶ walk jobs
//   walk jobs ─(adapter rows, else the nearest block of each text node; inline-only blocks whole;
//              long lists of rows through the list sieve, list-sieve.ts)─▶ rows
//   rows ─(text unchanged since last scan? skip)─▶ segments ─(joined, one engine call per batch,
//              batches ending only where no event runs on)─▶ findings ─(line → row → Range)─▶ FindingStore
// Every step is resumable, so a slice stops at its deadline wherever it is. Above
// RESCAN_THRESHOLD queued nodes, the queue becomes one rescan of their roots: nothing is
// dropped, the seen-text memo makes unchanged rows cheap.
import type {Scanner} from '../../shared/engine/api';
import {normalizeLine} from '../../shared/engine/normalize';
import type {DiagnosedFinding} from '../../shared/engine/types';
import type {ConsoleAdapter} from '../adapters/types';
import {blockOf, isBlockTag, isSkipped, OWN_TAG, SKIP_TAGS} from './dom';
import type {FindingStore, Placed} from './findings';
import {hasOnlyInline, hasOnlyInlineNoHost} from './inline-text';
import type {Life} from './life';
import type {RowReader, SieveState} from './list-sieve';
import {firstLine, lastLine, ListSieve, MIN_ROWS, sievableList} from './list-sieve';
import {Queue} from './queue';
import type {ReadMode} from './row-text';
import {lineSpan, rangeFor, readRowText, rowText} from './row-text';

/** Queued nodes above which one rescan of their roots is cheaper than walking each. */
export const RESCAN_THRESHOLD = 2_000;
/**
 * Engine batch size: characters joined into one `Scanner.add` call. A batch grows past it until
 * no event can run on past its end, to at most 4 times it.
 */
const BATCH_CHARS = 32_000;
/** Rows larger than this are scanned in line chunks, one chunk per batch. */
const CHUNK_CHARS = 64_000;
/** Rows larger than this remember their text, so an append (live tail in one <pre>) scans only the new lines. */
const REMEMBER_TEXT_CHARS = 16_000;
/**
 * Batches remembered after their scan: the engine may report a bare error of an earlier batch
 * once a later config line names its address (dd-trace 2.x–4.x print errors before their config).
 */
const RECENT_BATCHES = 64;
/** Check the clock every this many walked nodes. */
const WALK_CHECK_EVERY = 256;
/**
 * Child elements above which the walk does not read a block whole: one call over a <pre> of
 * 200,000 colour spans took ~30 ms, where the walk can stop between any two nodes.
 */
const WHOLE_BLOCK_CHILDREN = 256;

/**
 * A row's text as last scanned: a 30-bit hash of text and length (a small integer: no allocation
 * per row); until the row's batch is joined, the text itself (see indexBatch).
 */
type RowMemo = number | string;

interface Segment {
  row: Element;
  mode: ReadMode;
  text: string;
  /** Line of the row's text where `text` starts. */
  lineOffset: number;
  /** `text` is the whole row and the row's memo is still that text: indexBatch hashes it. */
  settlesMemo: boolean;
  /** Rows were passed over before this one (list-sieve.ts): an empty line goes before it in the batch. */
  gap: boolean;
}

interface WalkJob {
  walker: TreeWalker;
  root: Node;
  /** The adapter's row selector (null: no adapter, or one whose selector doesn't parse). */
  rows: string | null;
  /** Where the next slice goes on: the first node not handled yet. */
  next: Node | null;
  /** Generic blocks wholly inside `root`, with their own text gathered during the walk. */
  texts: Map<Element, string>;
  /** The block whose text the walk is appending to, and whether it is wholly inside `root`. */
  block: Element | null;
  blockInside: boolean;
  /** The current block's text so far (moved into `texts` when the walk leaves the block). */
  text: string;
  rootIsDocument: boolean;
  /** Blocks the walk is inside of, interrupted by nested blocks (innermost last). */
  open: Element[];
  /** A list of rows being sieved (the walk stands on the list element meanwhile). */
  sieve: ListSieve | null;
}

/** Where a batch's lines came from: the line each segment starts at, and its row. */
interface BatchRecord {
  firstLines: number[];
  segments: {row: Element; mode: ReadMode; lineOffset: number}[];
}

export interface PipelineOptions {
  /** Inline-only blocks read with one textContent call (inline-text.ts); false walks every node. */
  readWholeBlocks?: boolean;
  /** Long lists of rows read through the list sieve (list-sieve.ts); false reads every row. */
  sieveLists?: boolean;
  /**
   * Characters per engine call (default BATCH_CHARS). Where a page's batches end changes which
   * startup config a finding is told of, and so, for a bare error, whether it is one at all:
   * tests that compare two readings of a page give both one batch.
   */
  batchChars?: number;
}

export interface PipelineHooks {
  /** A new open shadow root was found: watch it and scan it. */
  onShadowRoot: (root: ShadowRoot) => void;
}

// FNV-1a. `| 0`: the offset basis is above 2^31, and a hash that starts as a double and goes on as
// an int32 made the loop ~1.3× slower (it runs over every character of every row).
const FNV_BASIS = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function memoOf(hash: number, length: number): number {
  return (hash ^ Math.imul(length, 0x9e3779b1)) & 0x3fffffff;
}

function textMemo(s: string): number {
  let h = FNV_BASIS;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return memoOf(h, s.length);
}

function countLines(text: string, end = text.length): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export class Pipeline {
  private pendingNodes: Node[] = [];
  private readonly rescanRoots = new Set<Document | ShadowRoot>();
  private readonly walkJobs: WalkJob[] = [];
  private readonly pendingRows = new Queue<{row: Element; mode: ReadMode; text?: string; gap?: boolean}>();
  /** The next row queued follows rows a sieve passed over at the end of its list. */
  private gapNextRow = false;
  /** The next segment follows rows passed over (a gap row's that yielded no segment carries it on). */
  private gapNextSegment = false;
  /** The engine's line number for the next batch's first line. */
  private nextLine = 1;
  private readonly recentBatches: BatchRecord[] = [];
  /** The batch being filled when a slice ended (fillBatch), and the segment read past a full batch. */
  private partialBatch: Segment[] = [];
  private partialChars = 0;
  private heldSegment: Segment | null = null;
  private pendingRowSet = new Set<Element>();
  private readonly segments = new Queue<Segment>();
  private pruneNeeded = false;
  private memo = new WeakMap<Element, RowMemo>();
  /** Full text of large rows, so an append (live tail in one <pre>) scans only the new lines. */
  private bigTexts = new WeakMap<Element, string>();
  /** Whether bigTexts was ever written (since reset): most pages have no such row to look up. */
  private anyBigText = false;
  /** Counters for tests and the benchmark. */
  readonly stats = {batches: 0, rowsScanned: 0, rowsSkipped: 0, rowsSieved: 0, sievesAbandoned: 0, sieveRestarts: 0, rescans: 0, msWalk: 0, msRead: 0, msEngine: 0, msPlace: 0};
  private readonly readWholeBlocks: boolean;
  private readonly sieveLists: boolean;
  private readonly batchChars: number;

  /** `options`: the fast paths can be turned off (tests compare what each reads). */
  constructor(
    private readonly life: Life,
    private readonly store: FindingStore,
    private adapter: ConsoleAdapter | null,
    private scanner: Scanner,
    private readonly hooks: PipelineHooks,
    options: PipelineOptions = {},
  ) {
    this.readWholeBlocks = options.readWholeBlocks ?? true;
    this.sieveLists = options.sieveLists ?? true;
    this.batchChars = options.batchChars ?? BATCH_CHARS;
  }

  get idle(): boolean {
    return !this.pendingNodes.length && !this.rescanRoots.size && !this.walkJobs.length && !this.pendingRows.length && !this.segments.length && !this.partialBatch.length && !this.heldSegment && !this.pruneNeeded;
  }

  /** A different adapter or engine context (env changed): forget everything, rescan the roots. */
  reset(adapter: ConsoleAdapter | null, scanner: Scanner, roots: Iterable<Document | ShadowRoot>): void {
    this.adapter = adapter;
    this.scanner = scanner;
    this.memo = new WeakMap();
    this.bigTexts = new WeakMap();
    this.anyBigText = false;
    this.pendingNodes = [];
    this.walkJobs.length = 0;
    this.pendingRows.clear();
    this.pendingRowSet = new Set();
    this.segments.clear();
    this.gapNextRow = false;
    this.gapNextSegment = false;
    this.recentBatches.length = 0;
    this.partialBatch = [];
    this.partialChars = 0;
    this.heldSegment = null;
    this.store.clearAll();
    for (const r of roots) this.rescanRoots.add(r);
  }

  enqueueRoot(root: Document | ShadowRoot): void {
    this.rescanRoots.add(root);
  }

  enqueue(nodes: readonly Node[], removed: boolean): void {
    if (removed) this.pruneNeeded = true;
    for (const n of nodes) this.pendingNodes.push(n);
    if (this.pendingNodes.length > RESCAN_THRESHOLD) {
      for (const n of this.pendingNodes) {
        if (!n.isConnected) continue;
        const root = n.getRootNode();
        if (root instanceof Document || root instanceof ShadowRoot) this.rescanRoots.add(root);
      }
      this.pendingNodes = [];
      this.stats.rescans++;
    }
  }

  /** Does what fits before `deadline`; true when work remains. */
  run(deadline: number): boolean {
    if (this.pruneNeeded) {
      this.pruneNeeded = false;
      this.store.prune();
    }
    while (performance.now() < deadline) {
      if (this.rescanRoots.size) {
        const [root] = this.rescanRoots;
        if (root) {
          this.rescanRoots.delete(root);
          this.startWalk(root);
        }
      } else if (this.pendingNodes.length) {
        this.takePendingNodes(deadline);
      } else if (this.walkJobs.length) {
        const t = performance.now();
        this.walk(deadline);
        this.stats.msWalk += performance.now() - t;
      } else if (this.segments.length || this.pendingRows.length || this.partialBatch.length || this.heldSegment) {
        this.scanBatch(deadline);
      } else {
        return false;
      }
    }
    return !this.idle;
  }

  // ---- nodes → walk jobs ------------------------------------------------------------------

  private takePendingNodes(deadline: number): void {
    const nodes = this.pendingNodes;
    this.pendingNodes = [];
    const queued = new Set(nodes);
    for (let i = 0; i < nodes.length; i++) {
      if (i % 64 === 63 && performance.now() >= deadline) {
        // The rest waits for the next slice (ahead of anything queued meanwhile).
        this.pendingNodes = [...nodes.slice(i), ...this.pendingNodes];
        return;
      }
      const node = nodes[i];
      if (!node?.isConnected) continue;
      let skip = false;
      for (let p = node.parentNode; p; p = p.parentNode) {
        if (queued.has(p)) {
          skip = true;
          break;
        }
      }
      if (!skip) this.startWalk(node);
    }
  }

  private startWalk(node: Node): void {
    const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : null;
    const parent = el ?? node.parentElement;
    // Inside one of the adapter's rows: that row is the unit.
    if (this.adapter && parent) {
      const row = this.life.guard('adapter rows', () => parent.closest(this.adapter?.rows ?? ':not(*)'));
      if (row) {
        this.addRow(row, 'entry');
        return;
      }
    }
    if (node.nodeType === Node.TEXT_NODE) {
      const block = blockOf(node);
      if (block && /\S/.test((node as Text).data)) this.addRow(block, 'own');
      return;
    }
    if (el && isSkipped(el)) return;
    if (!(el || node instanceof Document || node instanceof ShadowRoot || node instanceof DocumentFragment)) return;
    const doc = node.ownerDocument ?? (node as Document);
    // The walk tells the adapter's rows as it reaches them (Element.matches): collecting them up
    // front (querySelectorAll of the page, then a Set of its rows) was one task no slice could
    // split, 30–80 ms on the 50,000-row bench page.
    const rows = this.rowSelector(doc);
    const walker = doc.createTreeWalker(node, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    this.walkJobs.push({walker, root: node, rows, next: node, texts: new Map(), block: null, blockInside: false, text: '', rootIsDocument: node.nodeType === Node.DOCUMENT_NODE, open: [], sieve: null});
  }

  /** The adapter's row selector, if it parses (with a bad one the page gets the generic walk). */
  private rowSelector(doc: Document): string | null {
    const selector = this.adapter?.rows;
    if (!selector) return null;
    return (
      this.life.guard('adapter rows', () => {
        // Parsed against an empty fragment: nothing of the page is matched.
        doc.createDocumentFragment().querySelector(selector);
        return selector;
      }) ?? null
    );
  }

  // ---- walk jobs → rows -------------------------------------------------------------------

  // One pass finds the rows and, for generic blocks wholly inside the walked subtree, gathers
  // their text too (the same text readRowText(…, 'own') would read), so the page is walked once.
  private walk(deadline: number): void {
    const job = this.walkJobs[0];
    if (!job) return;
    const w = job.walker;
    let n = job.next;
    if (job.sieve) {
      // The walk stopped inside a list: it goes on there, then after the list (or into it).
      const state = this.runSieve(job, deadline);
      if (state === 'paused') return;
      n = state === 'done' ? this.skipSubtree(w) : w.nextNode();
    }
    let budget = WALK_CHECK_EVERY;
    const rows = job.rows;
    while (n) {
      let skipChildren = false;
      const type = n.nodeType;
      if (type === Node.TEXT_NODE) {
        const parent = n.parentElement;
        if (parent) this.walkText(job, parent === this.lastParent ? this.lastBlock : this.blockOfParent(parent), (n as Text).data);
      } else if (type === Node.ELEMENT_NODE) {
        const el = n as Element;
        const tag = el.tagName;
        const block = isBlockTag(tag);
        /** childElementCount, once read (-1: not yet): both the whole-block read and the sieve ask. */
        let children = -1;
        if (rows !== null && el.matches(rows)) {
          this.addRow(el, 'entry');
          skipChildren = true;
        } else if (SKIP_TAGS.has(tag) || tag === OWN_TAG) {
          skipChildren = true;
        } else if (tag === 'BR' && el.parentElement) {
          this.walkText(job, this.blockOfParent(el.parentElement), '\n');
        } else if (!rows && this.readWholeBlocks && block && (children = el.childElementCount) <= WHOLE_BLOCK_CHILDREN && hasOnlyInlineNoHost(el)) {
          // What the walk would append for each of its text nodes, in one call (inline-text.ts).
          // An adapter's rows may be inline elements, so only the generic walk does this; and a
          // block with no text node is walked, as the walk changes blocks only at a text node.
          const text = el.textContent;
          if (text) {
            this.wholeBlock(job, el, text);
            skipChildren = true;
          }
        }
        // (Before the sieve, which may stop the slice while the walk stands on this element.)
        if (el.shadowRoot) this.hooks.onShadowRoot(el.shadowRoot);
        if (!skipChildren && this.sieveLists && (rows !== null || block) && (children < 0 ? el.childElementCount : children) >= MIN_ROWS && this.startSieve(job, el)) {
          const state = this.runSieve(job, deadline);
          if (state === 'paused') {
            job.next = n;
            this.flushWalkTexts(job, false);
            return;
          }
          skipChildren = state === 'done';
        }
      }
      n = skipChildren ? this.skipSubtree(w) : w.nextNode();
      if (--budget <= 0) {
        budget = WALK_CHECK_EVERY;
        if (n && performance.now() >= deadline) {
          job.next = n;
          this.flushWalkTexts(job, false);
          return;
        }
      }
    }
    this.flushWalkTexts(job, true);
    this.walkJobs.shift();
  }

  /** A long list of rows: sieved (list-sieve.ts) instead of walked, when its rows allow. */
  private startSieve(job: WalkJob, list: Element): boolean {
    const rows = job.rows;
    const sievable = this.life.guard('sieve', () => sievableList(list));
    if (!sievable) return false;
    // Blocks before the list are queued before its rows, as the walk would on reaching its first row.
    this.switchBlock(job, list);
    job.block = null;
    const mode: ReadMode = rows === null ? 'own' : 'entry';
    // A plain row is what the walk would read as one row: a block read whole (inline-text.ts), or an adapter's row.
    // (Shadow hosts among the rows are known already: sievableList.)
    const reader: RowReader =
      rows === null
        ? {text: (row) => row.textContent ?? '', plain: (row) => isBlockTag(row.tagName) && hasOnlyInline(row) && !row.shadowRoot}
        : {text: (row) => rowText(this.partsOf(row, mode), mode), plain: (row) => row.matches(rows) && !row.shadowRoot};
    job.sieve = new ListSieve(list, sievable.shadowRoots, this.scanner, reader, (row, text, gap) => this.addRow(row, mode, text, gap));
    return true;
  }

  /** Runs the job's sieve until `deadline`. 'walk' (or an exception): the walk goes into the list as usual. */
  private runSieve(job: WalkJob, deadline: number): SieveState {
    const sieve = job.sieve;
    if (!sieve) return 'walk';
    const state = this.life.guard('sieve', () => sieve.run(deadline)) ?? 'walk';
    if (state === 'paused') return state;
    job.sieve = null;
    this.stats.sieveRestarts += sieve.restarts;
    if (state === 'walk') {
      // Rows handed on already are met again: still queued, or their memo says they're unchanged.
      this.gapNextRow = true;
      this.stats.sievesAbandoned++;
      return state;
    }
    // The walk into a list finds its shadow roots itself.
    for (const root of sieve.shadowRoots) this.hooks.onShadowRoot(root);
    if (sieve.gapAfter) this.gapNextRow = true;
    this.stats.rowsSieved += sieve.passedOver;
    return state;
  }

  private lastParent: Element | null = null;
  private lastBlock: Element | null = null;

  /** blockOf(parent), remembered for the next text node (siblings share parents). */
  private blockOfParent(parent: Element): Element | null {
    if (parent !== this.lastParent) {
      this.lastParent = parent;
      this.lastBlock = blockOf(parent);
    }
    return this.lastBlock;
  }

  private walkText(job: WalkJob, block: Element | null, data: string): void {
    if (!block) return;
    if (block !== job.block) this.switchBlock(job, block);
    if (job.blockInside) job.text += data;
    else if (/\S/.test(data)) this.addRow(block, 'own');
  }

  /**
   * A block read whole, entered and left in one step: walked node by node, it would be left at
   * the next text node outside it and queued before anything else then, as here.
   */
  private wholeBlock(job: WalkJob, block: Element, text: string): void {
    this.switchBlock(job, block);
    job.block = null;
    if (/\S/.test(text)) this.addRow(block, 'own', job.blockInside ? text : undefined);
  }

  /**
   * Rows are queued in document order as the walk leaves them (the engine reads a batch as
   * consecutive lines). A block interrupted by a nested block stays open until the walk leaves
   * it; coming back into it continues its text after a line break.
   */
  private switchBlock(job: WalkJob, block: Element): void {
    const prev = job.block;
    if (prev) {
      if (job.blockInside) job.texts.set(prev, job.text);
      if (prev.contains(block)) job.open.push(prev);
      else this.emitBlock(job, prev);
    }
    for (let top = job.open.at(-1); top && top !== block && !top.contains(block); top = job.open.at(-1)) {
      job.open.pop();
      this.emitBlock(job, top);
    }
    if (job.open.at(-1) === block) job.open.pop();
    job.block = block;
    const root = job.root;
    job.blockInside = job.rootIsDocument || (root.nodeType === Node.DOCUMENT_FRAGMENT_NODE ? block.getRootNode() === root : block === root || root.contains(block));
    const sofar = job.texts.get(block);
    job.text = sofar === undefined ? '' : `${sofar}\n`;
  }

  private emitBlock(job: WalkJob, block: Element): void {
    const text = job.texts.get(block);
    if (text === undefined) return;
    job.texts.delete(block);
    if (/\S/.test(text)) this.addRow(block, 'own', text);
  }

  /** At a slice end the current and open blocks wait for the next slice; when the walk is done they are queued. */
  private flushWalkTexts(job: WalkJob, done: boolean): void {
    if (job.block && job.blockInside) job.texts.set(job.block, job.text);
    if (!done) return;
    if (job.block) this.emitBlock(job, job.block);
    for (let top = job.open.pop(); top; top = job.open.pop()) this.emitBlock(job, top);
    job.block = null;
  }

  private skipSubtree(w: TreeWalker): Node | null {
    for (;;) {
      const sib = w.nextSibling();
      if (sib) return sib;
      if (!w.parentNode()) return null;
    }
  }

  private addRow(row: Element, mode: ReadMode, text?: string, gap = false): void {
    if (this.pendingRowSet.has(row)) return;
    this.pendingRowSet.add(row);
    if (this.gapNextRow) {
      gap = true;
      this.gapNextRow = false;
    }
    this.pendingRows.push(text === undefined && !gap ? {row, mode} : {row, mode, text, gap});
  }

  // ---- rows → segments → engine → findings ------------------------------------------------

  private partsOf(row: Element, mode: ReadMode): Element[] {
    const message = mode === 'entry' ? this.adapter?.message : undefined;
    if (!message) return [row];
    const parts = this.life.guard('adapter message', () => [...row.querySelectorAll(message)]) ?? [];
    return parts.length ? parts : [row];
  }

  /**
   * Turns pending rows into segments until the batch is full, and full only where no event can
   * run on into the next batch (the engine's batches are scanned apart: a cut inside an event
   * would split it, or leave its first lines behind). Null when the deadline came first: what
   * was gathered waits for the next slice, which goes on filling it.
   */
  private fillBatch(deadline: number): Segment[] | null {
    const batch = this.partialBatch;
    let chars = this.partialChars;
    this.partialBatch = [];
    this.partialChars = 0;
    let rowsRead = 0;
    for (;;) {
      let seg = this.heldSegment ?? this.segments.shift();
      this.heldSegment = null;
      while (!seg) {
        const next = this.pendingRows.shift();
        if (!next) return batch;
        this.pendingRowSet.delete(next.row);
        if (next.gap) this.gapNextSegment = true;
        this.life.guard('row', () => this.segmentRow(next.row, next.mode, next.text));
        seg = this.segments.shift();
        if (++rowsRead % 64 === 0 && performance.now() >= deadline) {
          if (seg) this.heldSegment = seg;
          this.partialBatch = batch;
          this.partialChars = chars;
          return null;
        }
      }
      const last = batch[batch.length - 1];
      if (last && chars >= this.batchChars && (chars >= 4 * this.batchChars || !this.mayRunOn(last, seg))) {
        this.heldSegment = seg;
        return batch;
      }
      batch.push(seg);
      chars += seg.text.length + 1;
    }
  }

  /** Whether an event at the end of segment `a` may go on into segment `b` (or `b`'s first line look back into `a`). */
  private mayRunOn(a: Segment, b: Segment): boolean {
    if (b.gap) return false;
    const above = normalizeLine(lastLine(a.text), 0);
    const first = normalizeLine(firstLine(b.text), 0);
    return this.scanner.mayContinue(first, above, this.scanner.isHeader(above));
  }

  private segmentRow(row: Element, mode: ReadMode, known?: string): void {
    if (!row.isConnected) return;
    const text = known ?? rowText(this.partsOf(row, mode), mode);
    const gap = this.gapNextSegment;
    const old = this.memo.get(row);
    // A row seen before: its memo now. A new one (or one still pending): in indexBatch.
    const memo = typeof old === 'number' ? textMemo(text) : undefined;
    if (old !== undefined && (memo === undefined ? old === text : old === memo)) {
      this.stats.rowsSkipped++;
      return;
    }
    this.stats.rowsScanned++;
    const oldText = this.anyBigText ? this.bigTexts.get(row) : undefined;
    if (text.length > REMEMBER_TEXT_CHARS) {
      this.bigTexts.set(row, text);
      this.anyBigText = true;
    } else if (oldText !== undefined) {
      this.bigTexts.delete(row);
    }
    let from = 0;
    let lineOffset = 0;
    if (oldText !== undefined && text.length > oldText.length && text.startsWith(oldText)) {
      // Appended: rescan from the start of the old last line (it may have grown).
      from = oldText.lastIndexOf('\n', oldText.length - 1) + 1;
      lineOffset = countLines(oldText, from);
      this.store.clearRow(row, lineOffset);
    } else {
      this.store.clearRow(row);
    }
    const blank = !/\S/.test(text);
    const settlesMemo = memo === undefined && from === 0 && text.length <= CHUNK_CHARS && !blank;
    this.memo.set(row, settlesMemo ? text : (memo ?? textMemo(text)));
    if (blank) return;
    this.gapNextSegment = false;
    if (text.length - from <= CHUNK_CHARS) {
      this.segments.push({row, mode, text: from ? text.slice(from) : text, lineOffset, settlesMemo, gap});
      return;
    }
    // Huge row (a whole log in one <pre>): whole-line chunks, each its own batch entry.
    while (from < text.length) {
      let end = Math.min(text.length, from + CHUNK_CHARS);
      if (end < text.length) {
        const nl = text.lastIndexOf('\n', end);
        end = nl > from ? nl : end;
      }
      const chunk = text.slice(from, end);
      this.segments.push({row, mode, text: chunk, lineOffset, settlesMemo, gap: gap && from === 0});
      lineOffset += countLines(chunk) + (text[end] === '\n' ? 1 : 0);
      from = text[end] === '\n' ? end + 1 : end;
    }
  }

  private scanBatch(deadline: number): void {
    const t0 = performance.now();
    const batch = this.fillBatch(deadline);
    const t1 = performance.now();
    this.stats.msRead += t1 - t0;
    if (!batch?.length) return;
    // Each row's text ends with a line break; a gap is an empty line.
    const text = batch.map((s) => (s.gap ? `\n${s.text}\n` : `${s.text}\n`)).join('');
    // Lines are numbered on from batch to batch: a config line may name a bare error's address batches later.
    const base = this.nextLine;
    const {firstLines, next} = this.indexBatch(batch, text, base);
    this.nextLine = next;
    const result = this.life.guard('engine', () => this.scanner.add(text, base));
    const t2 = performance.now();
    this.stats.msEngine += t2 - t1;
    this.stats.batches++;
    this.recentBatches.push({firstLines, segments: batch.map(({row, mode, lineOffset}) => ({row, mode, lineOffset}))});
    if (this.recentBatches.length > RECENT_BATCHES) this.recentBatches.shift();
    if (result) this.placeFindings(result.findings);
    this.stats.msPlace += performance.now() - t2;
  }

  /** Places findings on their rows: each finding's line, in whichever recent batch held it. */
  private placeFindings(findings: readonly DiagnosedFinding[]): void {
    const byRow = new Map<Element, {mode: ReadMode; items: {lineIndex: number; finding: DiagnosedFinding}[]}>();
    for (const f of findings) {
      const rec = this.batchOfLine(f.line);
      if (!rec) continue;
      const i = this.segmentIndex(rec.firstLines, f.line);
      const seg = rec.segments[i];
      const first = rec.firstLines[i];
      if (!seg || first === undefined) continue;
      const entry = byRow.get(seg.row) ?? {mode: seg.mode, items: []};
      entry.items.push({lineIndex: seg.lineOffset + (f.line - first), finding: f});
      byRow.set(seg.row, entry);
    }
    for (const [row, {mode, items}] of byRow) this.life.guard('place', () => this.place(row, mode, items));
  }

  /**
   * The line of the joined batch `text` where each segment starts; and, in the same pass, the memo
   * of each row first seen in this batch. Hashing here rather than in segmentRow: text read from
   * the page comes as Blink's own (external) strings, on which charCodeAt was 1.5–2× slower than
   * on the joined string.
   */
  private indexBatch(batch: readonly Segment[], text: string, firstLine: number): {firstLines: number[]; next: number} {
    const firstLines: number[] = [];
    let line = firstLine;
    let pos = 0;
    for (const seg of batch) {
      if (seg.gap) {
        line++;
        pos++;
      }
      firstLines.push(line);
      const end = pos + seg.text.length;
      if (seg.settlesMemo) {
        let h = FNV_BASIS;
        for (let i = pos; i < end; i++) {
          const c = text.charCodeAt(i);
          if (c === 10) line++;
          h = Math.imul(h ^ c, FNV_PRIME);
        }
        // Unless the row was read again since (its memo is then that newer text).
        if (this.memo.get(seg.row) === seg.text) this.memo.set(seg.row, memoOf(h, seg.text.length));
      } else {
        line += countLines(seg.text);
      }
      line++;
      pos = end + 1;
    }
    return {firstLines, next: line};
  }

  /** The batch (of the last RECENT_BATCHES) that held a line. */
  private batchOfLine(line: number): BatchRecord | null {
    for (let k = this.recentBatches.length - 1; k >= 0; k--) {
      const rec = this.recentBatches[k];
      if (rec && (rec.firstLines[0] ?? Infinity) <= line) return rec;
    }
    return null;
  }

  private segmentIndex(firstLines: readonly number[], line: number): number {
    let lo = 0;
    let hi = firstLines.length - 1;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((firstLines[mid] ?? 0) <= line) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  private place(row: Element, mode: ReadMode, items: readonly {lineIndex: number; finding: DiagnosedFinding}[]): void {
    if (!row.isConnected) return;
    const rt = readRowText(this.partsOf(row, mode), mode, true);
    const placed: Omit<Placed, 'id' | 'row'>[] = [];
    for (const {lineIndex, finding} of items) {
      const span = lineSpan(rt.text, lineIndex);
      if (!span) continue;
      const range = rangeFor(rt, span[0], span[1]);
      if (!range) continue;
      placed.push({lineIndex, range, lineText: rt.text.slice(span[0], span[1]), finding});
    }
    this.store.add(row, placed);
  }
}
