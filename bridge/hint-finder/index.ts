// The CLI's stage 1 (shared/engine/scan.ts `HintFinder`): every occurrence of every recogniser
// hint in a chunk of log, found by the WebAssembly search in teddy.wat and verified here with
// `startsWith`. V8's regex engine slows down with each alternative of a long alternation; this
// search costs about the same for 80 hints as for 8 (bench/scan.bench.mjs measures the whole CLI).
//
// The text goes into WebAssembly memory as latin1, one byte per character, so a byte offset is a
// string offset. A text with characters above U+00FF is left to the scanner's regex (it would
// keep only their low bytes); V8 answers that test without a scan for its one-byte strings.
import type {FinderHint, HintFinder, HintFinderFactory, HintHits} from '../../shared/engine/raw-scan';
import {assignBuckets, fingerprintOffsets} from './fingerprints';
import {TEDDY_WASM_BASE64} from './teddy-wasm';

// The module's memory layout (teddy.wat's header).
const MASKS = 0;
const TABLE = 1024;
const TABLE_SLOTS = 512;
const OUT = 8192;
/** Results per call of `scan` (12 bytes each); a text with more calls it again from where it stopped. */
const OUT_RESULTS = 16384;
const TEXT = OUT + OUT_RESULTS * 12;
/** Zero bytes after the text: the search loads up to 19 bytes past a block's start. */
const PAD = 32;
const BUCKETS = 8;
const PAGE = 65536;

interface TeddyExports {
  memory: WebAssembly.Memory;
  newlines: WebAssembly.Global;
  resume: WebAssembly.Global;
  scan(p: number, end: number, out: number, outEnd: number): number;
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

class TeddyHintFinder implements HintFinder {
  private readonly ex: TeddyExports;
  private bytes!: Buffer;
  private words!: Int32Array;
  /** Hints by fingerprint group (the table's 1-based value − 1). */
  private readonly groups: Hint[][];
  private starts = new Int32Array(1024);
  private ids = new Int32Array(1024);
  private lines = new Int32Array(1024);

  constructor(mod: WebAssembly.Module, groups: Map<string, Hint[]>) {
    this.ex = new WebAssembly.Instance(mod, {}).exports as unknown as TeddyExports;
    this.groups = [...groups.values()];
    this.reserve(0);
    const grams = [...groups.keys()];
    const buckets = assignBuckets(grams, BUCKETS);
    const view = new DataView(this.ex.memory.buffer);
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
    });
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
    this.reserve(text.length);
    const {bytes, ex} = this;
    bytes.write(text, TEXT, 'latin1');
    bytes.fill(0, TEXT + text.length, TEXT + text.length + PAD);
    ex.newlines.value = 0;
    const end = TEXT + text.length;
    let count = 0;
    let sorted = true;
    for (let p = TEXT; p < end; p = ex.resume.value as number) {
      const n = ex.scan(p, end, OUT, OUT + OUT_RESULTS * 12);
      for (let i = 0, r = OUT >> 2; i < n; i++, r += 3) {
        const at = (this.words[r] ?? 0) - TEXT;
        for (const h of this.groups[(this.words[r + 1] ?? 1) - 1] ?? []) {
          const start = at - h.offset;
          if (start < 0 || !text.startsWith(h.text, start)) continue;
          if (count === this.starts.length) this.growResults();
          if (count > 0 && (this.starts[count - 1] ?? 0) > start) sorted = false;
          this.starts[count] = start;
          this.ids[count] = h.id;
          // A hint holds no newline: the ones before its fingerprint are the ones before it.
          this.lines[count] = this.words[r + 2] ?? 0;
          count++;
        }
      }
    }
    if (!sorted) this.sortResults(count);
    return {count, starts: this.starts, ids: this.ids, lines: this.lines, newlines: ex.newlines.value as number};
  }

  private growResults(): void {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
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

const ASCII_4 = /^[\x20-\x7e]{4,}$/;
const BEYOND_LATIN1 = /[^\0-\xff]/;

/**
 * The CLI's `HintFinder`, or one that always defers to the regex when WebAssembly SIMD is missing
 * or a hint can't be fingerprinted (shorter than 4 characters, not printable ASCII).
 */
export const wasmHintFinder: HintFinderFactory = (hints: readonly FinderHint[]) => {
  const mod = teddyModule();
  const texts = hints.map((h) => h.text);
  if (!mod || !texts.every((t) => ASCII_4.test(t))) return {find: () => null};
  const groups = new Map<string, Hint[]>();
  const offsets = fingerprintOffsets(texts);
  for (const [i, h] of hints.entries()) {
    const offset = offsets[i] ?? 0;
    const gram = h.text.slice(offset, offset + 4);
    let group = groups.get(gram);
    if (!group) groups.set(gram, (group = []));
    group.push({text: h.text, offset, id: i});
  }
  // The table stays at most half full so that a probe for an absent key ends quickly.
  if (groups.size > TABLE_SLOTS / 2) return {find: () => null};
  return new TeddyHintFinder(mod, groups);
};
