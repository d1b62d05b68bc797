// A console's log view is often one element holding thousands of rows (50,000 <div>s). Read row
// by row, each row costs the content script a few µs however plain it is: every node it touches
// gets a wrapper object of the isolated world's own. The sieve reads such a list in groups of
// GROUP rows instead, each group's text in one native call (Range.toString()), and asks the
// engine whether the text holds an anchor — what its own first stage looks for. A group without
// one is passed over unread, unless its first rows continue an event above it; in a group with
// one, each row is read, and a row with an anchor is handed on from where its event starts (the
// engine's own glue rule, walked back) to where it may end (`mayContinue`, read on). Most of a
// healthy log never reaches the engine, and what does is what the engine would look at.
//
// What the engine gets is what a full read would give it around every anchor: the same rows,
// in order. Where rows were passed over, the next row handed on carries `gap`: the pipeline
// puts an empty line before it, which ends any event, so nothing is glued across the rows
// skipped (an empty line is never glued to the line above it, nor a line below to it unless
// that line would have been glued to its own row above, which the walk back then handed on).
import type {Scanner} from '../../shared/engine/api';
import {normalizeLine} from '../../shared/engine/normalize';
import type {LogLine} from '../../shared/engine/types';

/**
 * Rows read as one text. On the 50,000-row bench page (bench/extension.bench.mjs), 16 was no
 * faster and 32 slower: larger groups hold an anchor more often, and then every row is read.
 */
const GROUP = 8;
/** Lists shorter than this are walked as usual. */
export const MIN_ROWS = 64;
/** Rows walked back from a group with an anchor to its event's start: the engine's own lookback (MAX_LOOKBACK_LINES). */
const MAX_BACK_ROWS = 60;
/**
 * Empty elements (where a shadow root may hang: blank rows, icons) checked up front, ~1 µs each;
 * more and the list is walked as usual.
 */
const MAX_EMPTY = 2048;
/** Check the clock every this many groups. */
const CHECK_EVERY = 4;

/**
 * Whether a list may be sieved: no text of its own (the walk makes that a row spanning the
 * list); and its shadow roots, which the walk would have found: looked for on empty elements,
 * as hosts (nearly) never have light children. Null when the list must be walked. One XPath and
 * one selector, both native: a check that visited every row (or matched every element against a
 * list of tags) cost more than the sieve saves. Whether a row is plain is checked when the
 * sieve hands it on or reads it for the glue rule (`RowReader.plain`; if not, the list is walked
 * after all).
 */
export function sievableList(list: Element): {shadowRoots: ShadowRoot[]} | null {
  const doc = list.ownerDocument;
  if (doc.evaluate('boolean(text()[normalize-space()])', list, null, XPathResult.BOOLEAN_TYPE, null).booleanValue) return null;
  const empty = list.querySelectorAll(':empty');
  if (empty.length > MAX_EMPTY) return null;
  const shadowRoots: ShadowRoot[] = [];
  for (const el of empty) if (el.shadowRoot) shadowRoots.push(el.shadowRoot);
  return {shadowRoots};
}

/** First and last physical line of a row's text. */
export function firstLine(text: string): string {
  const nl = text.indexOf('\n');
  return nl < 0 ? text : text.slice(0, nl);
}
export function lastLine(text: string): string {
  return text.slice(text.lastIndexOf('\n') + 1);
}
const isBlank = (text: string) => !/\S/.test(text);

/** What the sieve did in a slice: read the whole list; stopped at the deadline; met a row it can't read plain (walk the list instead). */
export type SieveState = 'done' | 'paused' | 'walk';

export interface RowReader {
  /** A row's text as the pipeline reads it when the row is plain; else at least every character of the row's text. */
  text(row: Element): string;
  /**
   * Whether the walk would read the row as one row with that text (no nested block, line break,
   * shadow host…). Not asked of blank rows: the pipeline drops them, whatever they hold.
   */
  plain(row: Element): boolean;
}

/** Hands a row on to scan: its text, and whether rows were passed over since the row handed on before it. */
export type SieveFeed = (row: Element, text: string, gap: boolean) => void;

export class ListSieve {
  private readonly rows: HTMLCollection;
  private readonly range: Range;
  /** The next group's first row. */
  private next = 0;
  /**
   * Rows below this were handed on (or are blank rows right after one): a row handed on follows
   * the last one only if it is this row; a walk back stops here.
   */
  private handedTo = 0;
  /** Normalised last line of the last row handed on; whether a header was among the rows of its run. */
  private above: LogLine[] = [];
  private headerSeen = false;
  /** The row at `next` when a slice stopped: a mutation that moved it restarts the sieve. */
  private expect: Element | null = null;
  /** After a restart, the next row handed on doesn't follow the last one. */
  private restarted = false;
  private handed = 0;
  private notPlain = false;
  /** Times the sieve started over (for the pipeline's stats). */
  restarts = 0;

  /** `shadowRoots`: the list's (sievableList), for the pipeline to report once the sieve read the list. */
  constructor(
    private readonly list: Element,
    readonly shadowRoots: readonly ShadowRoot[],
    private readonly scanner: Scanner,
    private readonly reader: RowReader,
    private readonly feed: SieveFeed,
  ) {
    this.rows = list.children;
    this.range = list.ownerDocument.createRange();
  }

  /** Rows of the list not handed on (for the pipeline's stats). */
  get passedOver(): number {
    return this.rows.length - this.handed;
  }

  /** Whether rows at the end of the list were passed over: the row handed on after the list doesn't follow the last one. */
  get gapAfter(): boolean {
    return this.handedTo < this.rows.length;
  }

  /** Reads on until `deadline`. */
  run(deadline: number): SieveState {
    const rows = this.rows;
    if (this.expect && rows[this.next] !== this.expect) {
      // Rows were added or removed above the cursor between two slices: start over (rows read
      // already are skipped by the pipeline's memo; the changed ones are queued by the observer).
      this.next = 0;
      this.handedTo = 0;
      this.restarted = true;
      this.restarts++;
    }
    this.expect = null;
    if (!this.list.isConnected) return 'done';
    const n = rows.length;
    let budget = CHECK_EVERY;
    while (this.next < n) {
      if (--budget <= 0) {
        budget = CHECK_EVERY;
        if (performance.now() >= deadline) {
          this.expect = rows[this.next] ?? null;
          return 'paused';
        }
      }
      let i = this.next;
      const j = Math.min(n, i + GROUP);
      // Rows right below the last row handed on may continue its event: each is looked at until
      // one doesn't; the rest of the group is read whole, as any group.
      while (i < j && this.follows(i)) this.look(i++);
      if (i < j && this.groupHasAnchor(i, j)) {
        for (let r = i; r < j; r++) this.look(r);
      }
      if (this.notPlain) return 'walk';
      this.next = j;
    }
    return 'done';
  }

  private groupHasAnchor(i: number, j: number): boolean {
    const first = this.rows[i];
    const last = this.rows[j - 1];
    if (!first || !last) return false;
    // Boundaries inside rows: setStartBefore/setEndAfter place them in the list itself, at a
    // child index that Blink finds by counting siblings (quadratic over a list).
    this.range.setStart(first, 0);
    const after = this.rows[j];
    if (after) this.range.setEnd(after, 0);
    else this.range.setEnd(last, last.childNodes.length);
    return this.scanner.hasAnchor(this.range.toString());
  }

  private follows(r: number): boolean {
    return r === this.handedTo && !this.restarted;
  }

  /** One row of a group that needs a look: handed on if it has an anchor (with its event's rows above) or may continue the event above. */
  private look(r: number): void {
    const row = this.rows[r] as Element;
    const text = this.reader.text(row);
    if (this.scanner.hasAnchor(text)) {
      if (!this.isPlain(row)) return;
      if (!this.follows(r)) this.walkBack(r, text);
      this.hand(r, text);
    } else if (this.follows(r)) {
      if (isBlank(text)) this.hand(r, text);
      else if (this.isPlain(row) && this.scanner.mayContinue(normalizeLine(firstLine(text), 0), this.above, this.headerSeen)) this.hand(r, text);
    }
  }

  private isPlain(row: Element): boolean {
    if (this.reader.plain(row)) return true;
    this.notPlain = true;
    return false;
  }

  /**
   * Hands on the rows above row `r` that belong to its event: the engine's own lookback
   * (`gluedToAbove`, blank rows read through as the pipeline drops them).
   */
  private walkBack(r: number, text: string): void {
    if (isBlank(text)) return;
    let cur = normalizeLine(firstLine(text), 0);
    const texts: string[] = [];
    let start = r;
    let k = r - 1;
    for (let back = 0; k >= this.handedTo && back < MAX_BACK_ROWS; k--) {
      const row = this.rows[k] as Element;
      const above = this.reader.text(row);
      texts.push(above);
      if (isBlank(above)) continue;
      if (!this.isPlain(row)) return;
      back++;
      const aboveLast = normalizeLine(lastLine(above), 0);
      if (!this.scanner.gluedToAbove(cur, aboveLast)) break;
      start = k;
      // A row of one line (most) is its own first line: normalised once.
      cur = above.includes('\n') ? normalizeLine(firstLine(above), 0) : aboveLast;
    }
    // Read back to the rows handed on already (or the list's start): the run joins theirs.
    if (k < this.handedTo) start = this.handedTo;
    for (let a = start; a < r; a++) this.hand(a, texts[r - 1 - a] ?? '');
  }

  private hand(r: number, text: string): void {
    const row = this.rows[r];
    if (!row) return;
    const follows = this.follows(r);
    if (isBlank(text)) {
      // Dropped by the pipeline, so invisible to the engine: the rows around it stay neighbours.
      if (follows) this.handedTo = r + 1;
      return;
    }
    this.restarted = false;
    if (!follows) this.headerSeen = false;
    this.feed(row, text, !follows);
    this.handed++;
    this.handedTo = r + 1;
    this.above = normalizeLine(lastLine(text), 0);
    if (!this.headerSeen) this.headerSeen = text.includes('\n') ? text.split('\n').some((l) => this.scanner.isHeader(normalizeLine(l, 0))) : this.scanner.isHeader(this.above);
  }
}
