// The CLI's stage 1 (shared/engine/raw-scan.ts `HintFinder`): every occurrence of every
// recogniser hint in a chunk of log, found and verified by the WebAssembly search in teddy.wat.
// V8's regex engine slows down with each alternative of a long alternation; this search costs
// about the same for 80 hints as for 8 (bench/scan.bench.mjs measures the whole CLI).
//
// The text goes into WebAssembly memory as latin1, one byte per character, so a byte offset is a
// string offset. A text with characters above U+00FF is left to the scanner's regex (it would
// keep only their low bytes); V8 answers that test without a scan for its one-byte strings.
import type {FinderHint, HintFinder, HintFinderFactory, HintHits} from '../../shared/engine/raw-scan';
import {computePlan, type FinderPlan} from './fingerprints';
import {BUCKETS, GROUPS, HINT_BYTES, HINT_BYTES_END, HINTS, MASKS, MAX_GROUPS, MAX_HINTS, OUT, OUT_RESULTS, PAD, PAGE, TABLE, TABLE_SLOTS, TEXT} from './layout';
import {PLAN} from './plan';
import {TEDDY_WASM_BASE64} from './teddy-wasm';

interface TeddyExports {
  memory: WebAssembly.Memory;
  newlines: WebAssembly.Global;
  resume: WebAssembly.Global;
  scan(text: number, p: number, end: number, out: number, outEnd: number): number;
}

interface Hint {
  text: string;
  /** Where its fingerprint starts in it. */
  offset: number;
  /** Its index in the factory's list. */
  id: number;
}

let compiled: WebAssembly.Module | null | undefined;

function teddyModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      const bytes = Buffer.from(TEDDY_WASM_BASE64, 'base64');
      compiled = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
    } catch {
      // No WebAssembly SIMD here: the scanner's regex still finds everything, only slower.
      compiled = null;
    }
  }
  return compiled;
}

const fingerprintKey = (s: string, at: number) =>
  (s.charCodeAt(at) | (s.charCodeAt(at + 1) << 8) | (s.charCodeAt(at + 2) << 16) | (s.charCodeAt(at + 3) << 24)) >>> 0;

export class TeddyHintFinder implements HintFinder {
  private readonly ex: TeddyExports;
  private bytes!: Buffer;
  private words!: Int32Array;
  /** The factory's id of each hint, in the module's order (grouped by fingerprint). */
  readonly hintIds: Int32Array;
  private starts = new Int32Array(1024);
  private ids = new Int32Array(1024);
  private lines = new Int32Array(1024);

  constructor(mod: WebAssembly.Module, groups: Map<string, Hint[]>, buckets: readonly number[]) {
    this.ex = new WebAssembly.Instance(mod, {}).exports as unknown as TeddyExports;
    this.reserve(0);
    const grams = [...groups.keys()];
    const view = new DataView(this.ex.memory.buffer);
    const order: number[] = [];
    let bytesAt = HINT_BYTES;
    grams.forEach((g, gi) => {
      const bit = 1 << (buckets[gi] ?? 0);
      for (let k = 0; k < 4; k++) {
        const c = g.charCodeAt(k);
        const lo = MASKS + 32 * k + (c & 15);
        const hi = MASKS + 32 * k + 16 + (c >> 4);
        this.bytes[lo] = (this.bytes[lo] ?? 0) | bit;
        this.bytes[hi] = (this.bytes[hi] ?? 0) | bit;
      }
      const key = fingerprintKey(g, 0);
      let slot = Math.imul(key, 0x9e3779b1) >>> 23;
      while (view.getUint32(TABLE + slot * 8, true) !== 0) slot = (slot + 1) % TABLE_SLOTS;
      view.setUint32(TABLE + slot * 8, key, true);
      view.setUint32(TABLE + slot * 8 + 4, gi + 1, true);
      const hints = groups.get(g) ?? [];
      view.setUint32(GROUPS + (gi + 1) * 8, order.length, true);
      view.setUint32(GROUPS + (gi + 1) * 8 + 4, hints.length, true);
      for (const h of hints) {
        const at = HINTS + order.length * 12;
        view.setUint32(at, h.offset, true);
        view.setUint32(at + 4, h.text.length, true);
        view.setUint32(at + 8, bytesAt, true);
        bytesAt += this.bytes.write(h.text, bytesAt, 'latin1');
        order.push(h.id);
      }
    });
    this.hintIds = Int32Array.from(order);
  }

  /** Grows memory to hold a text of `length` and refreshes the views a grow detaches. */
  private reserve(length: number): void {
    const need = TEXT + length + PAD;
    const mem = this.ex.memory;
    if (mem.buffer.byteLength < need) mem.grow(Math.ceil((need - mem.buffer.byteLength) / PAGE));
    if (this.bytes?.buffer !== mem.buffer) {
      this.bytes = Buffer.from(mem.buffer);
      this.words = new Int32Array(mem.buffer);
    }
  }

  /** The arrays of the result are reused by the next call. */
  find(text: string): HintHits | null {
    // Above U+00FF a character keeps only its low byte: 上 (U+4E0A) would count as a newline.
    if (BEYOND_LATIN1.test(text)) return null;
    this.textBytes(text.length).write(text, 0, 'latin1');
    return this.findBytes(text.length);
  }

  /** Where a text of `length` bytes goes to be searched (valid until the next call). */
  textBytes(length: number): Buffer {
    this.reserve(length);
    return this.bytes.subarray(TEXT, TEXT + length);
  }

  /** Searches the first `length` bytes of `textBytes(…)`: every hit, sorted. */
  findBytes(length: number): HintHits {
    let count = 0;
    let sorted = true;
    const {hintIds} = this;
    const newlines = this.scanRaw(length, (words, n) => {
      if (count + n > this.starts.length) this.growResults(count + n);
      for (let i = 0, r = RAW_HITS; i < n; i++, r += 3) {
        const start = (words[r] ?? 0) - RAW_TEXT;
        if (count > 0 && (this.starts[count - 1] ?? 0) > start) sorted = false;
        this.starts[count] = start;
        this.ids[count] = hintIds[words[r + 1] ?? 0] ?? 0;
        this.lines[count] = words[r + 2] ?? 0;
        count++;
      }
    });
    if (!sorted) this.sortResults(count);
    return {count, starts: this.starts, ids: this.ids, lines: this.lines, newlines};
  }

  /**
   * Searches the first `length` bytes of `textBytes(…)` and hands the hits over as the module
   * wrote them — for a caller that reads many and needs no order but their lines'. `batch` gets
   * `n` hits as triples from `words[RAW_HITS]`: the hit's start (+ RAW_TEXT), its index in
   * `hintIds` (the module's order), the newlines before it (in line order, not start order).
   * Returns the text's newlines. The bytes after the text are left as they were: the search
   * needs zeros there, so they are put back after it.
   */
  scanRaw(length: number, batch: (words: Int32Array, n: number) => void): number {
    const {bytes, padSaved, ex} = this;
    // Byte loops: Buffer's copy and fill check their arguments at a cost that shows for short texts.
    const end = TEXT + length;
    for (let i = 0; i < PAD; i++) {
      padSaved[i] = bytes[end + i] ?? 0;
      bytes[end + i] = 0;
    }
    try {
      ex.newlines.value = 0;
      for (let p = TEXT; p < end; p = ex.resume.value as number) batch(this.words, ex.scan(TEXT, p, end, OUT, OUT + OUT_RESULTS * 12));
      return ex.newlines.value as number;
    } finally {
      for (let i = 0; i < PAD; i++) bytes[end + i] = padSaved[i] ?? 0;
    }
  }

  private readonly padSaved = Buffer.alloc(PAD);

  private growResults(need: number): void {
    let size = this.starts.length;
    while (size < need) size *= 2;
    const grow = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.starts = grow(this.starts);
    this.ids = grow(this.ids);
    this.lines = grow(this.lines);
  }

  /** Hints whose fingerprints sit at different offsets arrive nearly in order: insertion sort. */
  private sortResults(count: number): void {
    const {starts, ids, lines} = this;
    for (let i = 1; i < count; i++) {
      const s = starts[i] ?? 0;
      const id = ids[i] ?? 0;
      const line = lines[i] ?? 0;
      let j = i - 1;
      for (; j >= 0 && (starts[j] ?? 0) > s; j--) {
        starts[j + 1] = starts[j] ?? 0;
        ids[j + 1] = ids[j] ?? 0;
        lines[j + 1] = lines[j] ?? 0;
      }
      starts[j + 1] = s;
      ids[j + 1] = id;
      lines[j + 1] = line;
    }
  }
}

/** Where `scanRaw`'s triples start in its `words`, and what its starts are offset by. */
export const RAW_HITS = OUT >> 2;
export const RAW_TEXT = TEXT;

const ASCII_4 = /^[\x20-\x7e]{4,}$/;
const BEYOND_LATIN1 = /[^\0-\xff]/;

/**
 * The CLI's `HintFinder`, or one that always defers to the regex when WebAssembly SIMD is missing
 * or a hint can't be fingerprinted (shorter than 4 characters, not printable ASCII).
 */
const samePlan = (plan: FinderPlan, texts: readonly string[]) => plan.hints.length === texts.length && plan.hints.every((h, i) => h === texts[i]);

export const wasmHintFinder: HintFinderFactory = (hints: readonly FinderHint[]) => {
  const mod = teddyModule();
  const texts = hints.map((h) => h.text);
  if (!mod || !texts.every((t) => ASCII_4.test(t))) return {find: () => null};
  const plan = samePlan(PLAN, texts) ? PLAN : computePlan(texts, BUCKETS);
  // Groups in first-use order of their fingerprints, as the plan numbers its buckets.
  const groups = new Map<string, Hint[]>();
  for (const [i, h] of hints.entries()) {
    const offset = plan.offsets[i] ?? 0;
    const gram = h.text.slice(offset, offset + 4);
    let group = groups.get(gram);
    if (!group) groups.set(gram, (group = []));
    group.push({text: h.text, offset, id: i});
  }
  // The table stays at most half full so that a probe for an absent key ends quickly.
  const hintBytes = texts.reduce((n, t) => n + t.length, 0);
  if (groups.size > Math.min(TABLE_SLOTS / 2, MAX_GROUPS - 1) || hints.length > MAX_HINTS || hintBytes > HINT_BYTES_END - HINT_BYTES) return {find: () => null};
  return new TeddyHintFinder(mod, groups, plan.buckets);
};
