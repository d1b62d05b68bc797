// The CLI's reader for the scanner: reads a file (or stdin) in 1 MB blocks straight into the
// WebAssembly search's memory, finds every hint and qualifier in the raw bytes, and hands the
// scanner only the lines around the ones that need a look, as text; the lines between are
// skipped by count. Most of a log holds no hint, so most of it is never decoded into a string
// (the decoding and the garbage it made were half of a scan's time).
//
// A line needs a look when it holds a strong hint, or only weak ones (`ECONNREFUSED`) with a
// qualifier (8126, datadog…), or only weak ones while the scanner wants them (it compares them
// with agent addresses, or keeps a few in case a later config names their address). It goes to
// the scanner with up to MAX_LOOKBACK_LINES lines before it (where its event may start) and AHEAD
// lines after; an event that runs on is carried by the scanner (`busy`), and fed on until it ends.
// Hints are ASCII, so they are found in UTF-8 bytes as in text; a newline byte is never part of
// a multi-byte character, so lines are cut in bytes.
import {StringDecoder} from 'node:string_decoder';
import {normalizeLine} from '../shared/engine/normalize';
import {MAX_LOOKBACK_LINES, type RawScanner} from '../shared/engine/raw-scan';
import {RAW_HITS, RAW_TEXT, TeddyHintFinder, wasmHintFinder} from './hint-finder/index';
import {readWaiting} from './fd-io';
import {LONG_LINE_HEAD, readLinePieces} from './line-pieces';

const BLOCK = 1 << 20;
/**
 * The first read, smaller: the WebAssembly search starts in V8's baseline code, many times slower
 * than the optimised code V8 compiles in the background once the search has run a while, which
 * takes over at the next call. A first block of 1 MB spent ~2.5 ms more in the search than one of
 * 64 KB (the first 3 MB of the bench log, instrumented runs).
 */
const FIRST_FILL = 64 * 1024;
/** What kinds of hint a line holds (bits). */
const STRONG = 1;
const WEAK = 2;
const QUALIFIER = 4;
/** Lines after a line that needs a look fed with it: a short event (a Node error object) ends within them. */
const AHEAD = 16;
/** Lines fed at a time while the scanner carries an event. */
const BUSY_STEP = 32;
/** What a block keeps of its unfed end for the next block's lookback: lines, and bytes at most. */
const KEEP_BYTES = 64 * 1024;
/** What of a line is read to tell where its event starts (the scanner cuts longer lines at as many characters). */
const MAX_LINE_BYTES = 64 * 1024;

/** The scanner (what it wants, what it carries) and where its text goes. */
export interface SieveTarget {
  scanner: RawScanner;
  /** Whole lines (or the piece of a line longer than a block) for the scanner. */
  text(piece: string): void;
  /** After each block (`live`: each read, of `bytesRead`): a time to report what its text found. */
  blockDone?(bytesRead: number): void;
}

export interface SieveOptions {
  /** Sieve every read's complete lines at once (`kubectl logs -f`), not once a block is full. */
  live?: boolean;
  /** The block size (tests make it small, to cross many blocks). */
  block?: number;
}

/**
 * Reads `fd` from its position to its end (a file, a pipe) into `target`. Without WebAssembly
 * SIMD every line goes to the scanner, as text.
 */
export function sieveLines(fd: number, target: SieveTarget, {live = false, block = BLOCK}: SieveOptions = {}): void {
  const hints = target.scanner.finderHintList;
  const finder = wasmHintFinder(hints);
  if (!(finder instanceof TeddyHintFinder)) {
    const each = (t: string) => {
      target.text(t);
      target.blockDone?.(Buffer.byteLength(t));
    };
    readLinePieces(fd, each, live);
    return;
  }
  const {scanner} = target;
  const kinds = Uint8Array.from(finder.hintIds, (id) => {
    const h = hints[id];
    return h?.qualifier ? QUALIFIER : h?.weak ? WEAK : STRONG;
  });
  const buf = finder.textBytes(block);
  const decoder = new StringDecoder('utf8');
  let have = 0;

  // Per block: the bytes [0, cut) hold whole lines (the last block: to its end); `fedTo` is where
  // the scanner is (a line start but for a line longer than a block), `fedLine` its line index in
  // the block. The pending region [regStart, regEnd) is fed in one piece when a line after it
  // needs a look (or at the block's end).
  let cut = 0;
  let fedTo = 0;
  let fedLine = 0;
  let regStart = -1;
  let regStartLine = 0;
  let regEnd = 0;
  let regEndLine = 0;

  const feedTo = (off: number, line: number): void => {
    if (off > fedTo) target.text(decoder.write(buf.subarray(fedTo, off)));
    fedTo = off;
    fedLine = line;
  };
  /** Hands on [fedTo, off): fed while the scanner carries an event, skipped by count once it doesn't. */
  const skipTo = (off: number, line: number): void => {
    while (fedTo < off && scanner.busy) {
      let e = fedTo;
      let l = fedLine;
      for (let i = 0; i < BUSY_STEP && e < off; i++) {
        const nl = buf.indexOf(10, e);
        if (nl === -1 || nl >= off) e = off;
        else {
          e = nl + 1;
          l++;
        }
      }
      feedTo(e, l);
    }
    if (fedTo < off) {
      scanner.skipLines(line - fedLine);
      fedTo = off;
      fedLine = line;
    }
  };
  const flush = (): void => {
    if (regStart < 0) return;
    skipTo(regStart, regStartLine);
    feedTo(regEnd, regEndLine);
    regStart = -1;
    // What it fed may have named agent addresses (a config line).
    weakMayNeedLook = scanner.weakLinesMayNeedLook();
  };
  /**
   * The start of the line `back` lines before the one at `ls` (not before `floor`), and how many
   * lines it went; with `glued`, only as far as the lines continue the ones above them.
   */
  const walkBack = (ls: number, back: number, floor: number, glued = false): [number, number] => {
    let off = ls;
    let went = 0;
    // Each line normalised once: as the line above, then as the one it is compared with.
    let cur = glued ? normalizeLine(lineText(ls), 0) : [];
    while (went < back && off > floor) {
      const prev = off < 2 ? 0 : buf.lastIndexOf(10, off - 2) + 1;
      if (prev < floor) break;
      if (glued) {
        const above = normalizeLine(lineText(prev), 0);
        if (!scanner.gluedToAbove(cur, above)) break;
        cur = above;
      }
      off = prev;
      went++;
    }
    return [off, went];
  };
  const lineText = (ls: number): string => buf.toString('utf8', ls, Math.min(lineEndOf(ls), ls + MAX_LINE_BYTES));
  /** The end of the AHEAD lines after the line at `ls` (index `line`), within the block. */
  const aheadOf = (ls: number, line: number): [number, number] => {
    let e = ls;
    let l = line;
    for (let i = 0; i <= AHEAD && e < cut; i++) {
      const nl = buf.indexOf(10, e);
      if (nl === -1 || nl >= cut) e = cut;
      else {
        e = nl + 1;
        l++;
      }
    }
    return [e, l];
  };

  /** The weak line being asked about (one closure for all of them: there are many). */
  let weakAt = 0;
  /** Whether the scanner may want a weak-only line at all (else those are passed without a call). */
  let weakMayNeedLook = true;
  /**
   * The block's first bytes that the block before looked at and left unfed (its lookback tail):
   * a weak line there was asked about and turned down then; asked again, it would count twice
   * against the scanner's budget for weak lines.
   */
  let askedTo = 0;
  const weakLine = (): string => lineText(lineStartOf(weakAt));

  /** A line with hits (`flags`: what kinds; `at`: one hit's start), in line order. */
  const lineWithHits = (line: number, at: number, flags: number): void => {
    if (!(flags & (STRONG | WEAK))) return;
    const sure = (flags & (STRONG | QUALIFIER)) !== 0;
    if (regStart >= 0 && line < regEndLine) {
      // Already in the pending region: it only reaches further.
      if (sure) [regEnd, regEndLine] = maxEnd(aheadOf(lineStartOf(at), line));
      return;
    }
    if (sure) {
      if (regStart >= 0 && line - MAX_LOOKBACK_LINES <= regEndLine) {
        [regEnd, regEndLine] = maxEnd(aheadOf(lineStartOf(at), line));
        return;
      }
      flush();
    } else {
      // Weak hints only: whether the scanner wants the line depends on what it has seen.
      if (regStart >= 0) flush();
      if (!weakMayNeedLook || at < askedTo) return;
      weakAt = at;
      const look = scanner.weakLineNeedsLook(weakLine);
      weakMayNeedLook = scanner.weakLinesMayNeedLook();
      if (!look) return;
    }
    const ls = lineStartOf(at);
    const [rs, went] = walkBack(ls, MAX_LOOKBACK_LINES, fedTo, true);
    regStart = rs;
    regStartLine = line - went;
    [regEnd, regEndLine] = aheadOf(ls, line);
  };

  const sieveBlock = (last: boolean): void => {
    fedTo = 0;
    fedLine = 0;
    regStart = -1;
    weakMayNeedLook = scanner.weakLinesMayNeedLook();
    // The module's hits come grouped by line (not sorted by start within one): each line's
    // kinds are gathered, then it is judged once.
    let line = -1;
    let at = 0;
    let flags = 0;
    const endLine = finder.scanRaw(cut, (words, n) => {
      for (let i = 0, r = RAW_HITS; i < n; i++, r += 3) {
        const l = words[r + 2] ?? 0;
        if (l !== line) {
          if (line >= 0) lineWithHits(line, at, flags);
          line = l;
          at = (words[r] ?? 0) - RAW_TEXT;
          flags = 0;
        }
        flags |= kinds[words[r + 1] ?? 0] ?? 0;
      }
    });
    if (line >= 0) lineWithHits(line, at, flags);
    flush();
    if (last) {
      skipTo(cut, endLine);
      return;
    }
    // The last lines stay unfed, for the next block's lookback; but the block must make room.
    let [keep, went] = walkBack(cut, MAX_LOOKBACK_LINES, Math.max(fedTo, cut - Math.min(KEEP_BYTES, block >> 2)));
    if (keep === 0 && have >= block) [keep, went] = [cut, 0];
    skipTo(keep, endLine - went);
  };
  const maxEnd = ([e, l]: [number, number]): [number, number] => (e > regEnd ? [e, l] : [regEnd, regEndLine]);
  const lineStartOf = (at: number): number => (at === 0 ? 0 : buf.lastIndexOf(10, at - 1) + 1);
  const lineEndOf = (ls: number): number => {
    const nl = buf.indexOf(10, ls);
    return nl === -1 || nl >= cut ? cut : nl;
  };

  /** Of a line longer than a block, the bytes the scanner has (LONG_LINE_HEAD: all it needs). */
  let longLineFed = 0;
  /** What a read fills the buffer to before its lines are sieved. */
  let fill = Math.min(block, FIRST_FILL);
  for (;;) {
    const n = readWaiting(fd, buf, have, fill - have);
    have += n;
    const last = n === 0;
    if (!last && !live && have < fill) continue;
    cut = last ? have : buf.lastIndexOf(10, have - 1) + 1;
    if (cut === 0 && !last) {
      if (have < block) {
        // No whole line in the first read yet: read on, up to a block, as any block would.
        fill = block;
        continue;
      }
      // One line longer than a block: the scanner takes its head as text (and carries it); the
      // rest, up to its newline, it never sees (LONG_LINE_HEAD).
      if (longLineFed < LONG_LINE_HEAD) {
        target.text(decoder.write(buf.subarray(0, have)));
        longLineFed += have;
        // A character cut at the head's end is dropped with the rest of the line.
        if (longLineFed >= LONG_LINE_HEAD) decoder.end();
      }
      have = 0;
      askedTo = 0;
      continue;
    }
    longLineFed = 0;
    sieveBlock(last);
    fill = block;
    target.blockDone?.(n);
    if (last) break;
    buf.copy(buf, 0, fedTo, have);
    have -= fedTo;
    askedTo = cut - fedTo;
  }
  const rest = decoder.end();
  if (rest) target.text(rest);
}
