// The scanner's core: text in, raw findings out (scan.ts diagnoses them).
//
//   text ──stage 1: every hint occurrence — by a `HintFinder` where the runtime has one (the CLI's
//          WebAssembly search), else by one regex of short anchor grams (every strong hint holds
//          one) and the whole weak hints (bare error codes)──▶ hits
//        ──stage 2, once per line with a strong hit: which hints the line really holds; a line of
//          weak hints only is kept when it names the agent (8126, datadog…, a config's address)──▶
//        ──expand the line to its event (continuation lines, `leadsInto` headers)──▶ LogEvent
//        ──normalize lines (ANSI, prefixes, JSON envelopes)──▶ recognisers whose hints occur
//        ──▶ RawFinding (+ StartupConfig context)
//
// Only lines near a hit are ever split or normalised, so a 100 MB log with 0.1% tracer errors
// costs one stage-1 pass plus newline counting (bench/scan.bench.mjs measures it against grep -E).
import {classifyCause, completeTarget} from './classify';
import {ERROR_START, isContinuation, MAX_EVENT_LINES} from './events';
import {normalizeLine} from './normalize';
import type {Env, Facts, Recognition, LogEvent, LogLine, RawFinding, Recognizer, StartupConfig, Target} from './types';
import {recognizers as defaultRecognizers} from '../tracers/index';
import {STAGE1_PLAN} from './stage1-plan';

export interface ScanOptions {
  /** Where the app runs; tailors advice. Default `unknown`. */
  env?: Env;
  facts?: Partial<Facts>;
  /** For tests of a single recogniser. Default: shared/tracers/index.ts. */
  recognizers?: readonly Recognizer[];
  /** A faster stage 1 where the runtime has one (the CLI's WebAssembly search); default: one regex. */
  hintFinder?: HintFinderFactory;
}

/**
 * Stage 1 done elsewhere: every occurrence of every hint in a text, by start offset (ascending).
 * It must find exactly what `includes` would, overlapping ones too.
 */
export interface HintFinder {
  /** null: this text can't be searched here; the scanner uses its regex for it. */
  find(text: string): HintHits | null;
}
export interface HintHits {
  count: number;
  starts: Int32Array;
  /** Index into the factory's hint list. */
  ids: Int32Array;
  /** Newlines in the text before each start. */
  lines: Int32Array;
  /** Newlines in the whole text. */
  newlines: number;
}
export interface FinderHint {
  text: string;
  weak: boolean;
  /**
   * A qualifier (8126, datadog…), not a hint: the scan skips its hits; a reader that sieves a
   * stream by hits (the CLI's bridge/hint-sieve.ts) tells from them which weak lines need a look.
   */
  qualifier?: true;
}
export type HintFinderFactory = (hints: readonly FinderHint[]) => HintFinder;

/** Longest excerpt kept per finding (popover, bundle); the rest of the event is only counted. */
const MAX_EXCERPT_LINES = 12;
const MAX_EXCERPT_CHARS = 4000;
/** Lines longer than this are cut before normalisation: recognisers need the head of a line, and a 1 MB line must stay linear. */
const MAX_LINE_CHARS = 64 * 1024;
/** Event texts whose recognition is remembered (see RawScanner.recognized), and the longest. */
const MAX_REMEMBERED = 1024;
const MAX_REMEMBERED_TEXT = 8192;
/** How far back from a hit we look for the start of its event. */
export const MAX_LOOKBACK_LINES = 60;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * `a|ab|b` as a trie (`(?:ab?|b)`): V8's backtracking engine dispatches on the first character
 * once instead of trying every hint at every position, which matters as the hint list grows.
 */
export function trieAlternation(words: readonly string[]): string {
  interface Node {
    end: boolean;
    next: Map<string, Node>;
  }
  const root: Node = {end: false, next: new Map()};
  for (const w of words) {
    let n = root;
    for (const ch of w) {
      let child = n.next.get(ch);
      if (!child) n.next.set(ch, (child = {end: false, next: new Map()}));
      n = child;
    }
    n.end = true;
  }
  const emit = (n: Node): string => {
    if (n.next.size === 0) return '';
    const parts = [...n.next].map(([ch, child]) => escapeRe(ch) + emit(child));
    const body = parts.length === 1 ? (parts[0] ?? '') : `(?:${parts.join('|')})`;
    // A hint that is a prefix of another still matches on its own.
    return n.end ? `(?:${body})?` : body;
  };
  return words.length === 0 ? '(?!)' : emit(root);
}

// How unusual a character is in ordinary log text: capitals, digits and punctuation are rare;
// lower-case letters by English frequency (`etaoinshr` the commonest); a space is everywhere.
const COMMON_LOWER = 'etaoinsrhldcumfpgwybvkxjqz';
function charRarity(ch: string): number {
  if (ch === ' ') return -3;
  const i = COMMON_LOWER.indexOf(ch);
  if (i !== -1) return i < 9 ? -1 : i < 17 ? 1 : 3;
  return /[A-Z]/.test(ch) ? 4 : 5;
}

/**
 * A small set of substrings such that every word contains at least one: greedy set cover over
 * 4-grams, preferring grams with capitals, digits or punctuation (rarer in ordinary log text
 * than lower-case words). A word shorter than 4 is its own anchor.
 */
export function anchorCover(words: readonly string[], N = 4): string[] {
  const grams = new Map<string, Set<string>>();
  const chosen: string[] = [];
  const left = new Set<string>();
  for (const w of words) {
    if (w.length < N) {
      chosen.push(w);
      continue;
    }
    left.add(w);
    // A gram that spans a word boundary (`ing `, `d to`) fires on ordinary prose: use one only
    // when the hint has no gram inside a word.
    const inWord: string[] = [];
    const all: string[] = [];
    for (let i = 0; i + N <= w.length; i++) {
      const g = w.slice(i, i + N);
      all.push(g);
      if (!g.includes(' ')) inWord.push(g);
    }
    for (const g of inWord.length ? inWord : all) {
      let set = grams.get(g);
      if (!set) grams.set(g, (set = new Set()));
      set.add(w);
    }
  }
  const rarity = (g: string) => {
    let r = 0;
    for (const ch of g) r += charRarity(ch);
    return r;
  };
  while (left.size > 0) {
    let best = '';
    let bestScore = -Infinity;
    for (const [g, set] of grams) {
      let covered = 0;
      for (const w of set) if (left.has(w)) covered++;
      if (covered === 0) continue;
      // Rarity outweighs coverage: an anchor that fires on ordinary prose (`ing `, `rror`) costs a
      // stage-2 check on most lines of a log, far more than one more alternative costs stage 1.
      const score = covered * 4 + rarity(g);
      if (score > bestScore) {
        bestScore = score;
        best = g;
      }
    }
    chosen.push(best);
    for (const w of grams.get(best) ?? []) left.delete(w);
  }
  return chosen;
}

interface Compiled {
  list: readonly Recognizer[];
  /**
   * Stage 1 by regex (without a `HintFinder`), built on first use: a few short substrings that
   * every hint contains one of (a greedy set cover of 4-grams). V8 scans a dozen-odd short
   * alternatives ~3× faster than eighty long hints, and most lines of a log hold none of them.
   * `kinds` says what a match is: a whole weak hint, or part of a strong hint.
   */
  regexStage1: () => {anchors: RegExp; kinds: ReadonlyMap<string, 'weak' | 'partial'>};
  /** Every recogniser hint once, for a `HintFinder`. */
  hintList: readonly FinderHint[];
  /** Stage 2, on lines with an anchor: every hint and qualifier, as one trie regex. */
  hints: RegExp;
  /**
   * What a hint match means (absent = strong: the line is looked at). `weak`: a bare runtime
   * error code any app prints (`ECONNREFUSED`); such a line is looked at only when a
   * `qualifier` (8126, datadog, the socket…) is on it too or it names a known agent address.
   */
  kinds: ReadonlyMap<string, 'weak' | 'qualifier'>;
  leadsInto: readonly RegExp[];
}

/** The address of a Node system error (`connect ECONNREFUSED 10.0.0.9:9126`, IPv6 unbracketed). */
const WEAK_ADDR = /connect E[A-Z]+ ([0-9a-fA-F:.]{2,45}|[\w.-]{1,253}):(\d{1,5})\b/y;

/**
 * The first `host:port` of a Node system error in a line's first 1,024 characters (WEAK_ADDR's
 * leftmost match), tried only where `connect E` occurs: V8 took ~2.5× as long to find it with the
 * regex unanchored, and the CLI asks this of thousands of the app's own error lines.
 */
function weakAddrOf(line: string): string | null {
  const text = line.length > 1024 ? line.slice(0, 1024) : line;
  for (let i = text.indexOf('connect E'); i !== -1; i = text.indexOf('connect E', i + 1)) {
    WEAK_ADDR.lastIndex = i;
    const m = WEAK_ADDR.exec(text);
    if (m) return `${m[1]}:${m[2]}`;
  }
  return null;
}
const MAX_WEAK_PER_ADDR = 20;
const MAX_WEAK_TOTAL = 2000;
/**
 * Weak lines looked at for keeping (kept or not) before a log without any config line stops paying
 * for them: each costs a decode and a parse, 2–3 µs while the code is still cold, and an app that
 * logs its own connect errors pays it on every one. The lines worth keeping are dd-trace's first
 * bare errors, logged seconds before its config line; a log with 2,000 others before any config
 * line is an app's own. (At 10,000, they cost the CLI ~20 ms of ~300 on its bench log.)
 */
const MAX_WEAK_TRIES = 2_000;

/** Words that make a weak-hint line worth a look: the agent's port, host names, socket. */
const QUALIFIERS = ['8126', 'Datadog', 'datadog', 'DATADOG', 'dd-agent', 'ddagent', 'trace-agent', 'apm.sock'];
const QUALIFIER_RE = new RegExp(QUALIFIERS.map(escapeRe).join('|'));

const compiledCache = new WeakMap<readonly Recognizer[], Compiled>();

/**
 * Every hint of the recognisers once, in order, and whether it is weak, then the qualifiers that
 * are not hints themselves: what a `HintFinder` gets.
 */
export function finderHints(list: readonly Recognizer[]): FinderHint[] {
  const weak = new Set(list.flatMap((r) => r.weakHints ?? []));
  const hints = [...new Set(list.flatMap((r) => r.hints))];
  const qualifiers = QUALIFIERS.filter((q) => !hints.includes(q)).map((text): FinderHint => ({text, weak: false, qualifier: true}));
  return [...hints.map((text) => ({text, weak: weak.has(text)})), ...qualifiers];
}

/**
 * The regexes compile() derives from a recogniser list's hints. Building them (a greedy set cover
 * of 4-grams, two trie alternations) cost every page the content script ran in (the set cover
 * alone: 11 ms in a Chromium profile of the 50,000-row bench page; 40 ms in Node), so
 * the default list's is computed ahead (stage1-plan.ts, written by `npm run stage1`; a test fails
 * when it no longer matches the recognisers) and any other list's on first use.
 */
export interface Stage1Plan {
  /** What it was computed from: the hints and what each word means (planKeyOf). */
  key: string;
  /** Stage 2: every hint and qualifier, as one trie regex source. */
  hints: string;
  /** Stage 1: the anchors, what a match of each means, and the anchors as one trie regex source. */
  anchors: readonly (readonly [string, 'weak' | 'partial'])[];
  anchorsSource: string;
}

function planInputs(list: readonly Recognizer[]): {hintList: FinderHint[]; hints: string[]; kinds: Map<string, 'weak' | 'qualifier'>; words: string[]} {
  const hintList = finderHints(list);
  const hints = hintList.flatMap((h) => (h.qualifier ? [] : [h.text]));
  const kinds = new Map<string, 'weak' | 'qualifier'>();
  for (const w of list.flatMap((r) => r.weakHints ?? [])) kinds.set(w, 'weak');
  for (const q of QUALIFIERS) if (!hints.includes(q)) kinds.set(q, 'qualifier');
  return {hintList, hints, kinds, words: [...new Set([...hints, ...QUALIFIERS])]};
}

const planKeyOf = (inputs: ReturnType<typeof planInputs>): string => JSON.stringify([inputs.hints, [...inputs.kinds]]);

/** The plan for a recogniser list, computed now. */
export function planStage1(list: readonly Recognizer[]): Stage1Plan {
  const inputs = planInputs(list);
  return {key: planKeyOf(inputs), hints: trieAlternation(inputs.words), ...anchorsOf(inputs)};
}

function anchorsOf({hints, kinds}: ReturnType<typeof planInputs>): Pick<Stage1Plan, 'anchors' | 'anchorsSource'> {
  // Weak hints are anchors whole, so the app's own `ECONNREFUSED` lines are classified in
  // stage 1; strong hints are covered by short grams and verified in stage 2.
  // Qualifiers are not anchors: `8126` and `datadog` start with characters that fill every log
  // (timestamps, lower-case words) and make V8's scan ~2× slower; a weak line is checked for them
  // with one small regex when the scan leaves it.
  const anchors = new Map<string, 'weak' | 'partial'>();
  for (const g of anchorCover(hints.filter((h) => !kinds.has(h)))) anchors.set(g, 'partial');
  for (const [word, kind] of kinds) if (kind === 'weak') anchors.set(word, kind);
  return {anchors: [...anchors], anchorsSource: trieAlternation([...anchors.keys()])};
}

function compile(list: readonly Recognizer[]): Compiled {
  let c = compiledCache.get(list);
  if (!c) {
    const inputs = planInputs(list);
    const ahead = STAGE1_PLAN.key === planKeyOf(inputs) ? STAGE1_PLAN : null;
    let stage1: ReturnType<Compiled['regexStage1']> | undefined;
    const regexStage1 = () => {
      if (!stage1) {
        const {anchors, anchorsSource} = ahead ?? anchorsOf(inputs);
        stage1 = {anchors: new RegExp(anchorsSource, 'g'), kinds: new Map(anchors)};
      }
      return stage1;
    };
    c = {
      list,
      regexStage1,
      hintList: inputs.hintList,
      hints: new RegExp(ahead?.hints ?? trieAlternation(inputs.words), 'g'),
      kinds: inputs.kinds,
      leadsInto: list.flatMap((r) => (r.leadsInto ? [r.leadsInto] : [])),
    };
    compiledCache.set(list, c);
  }
  return c;
}

/** Whether a target is plausibly the Datadog Agent's trace receiver, given what the page said. */
function isAgentTarget(t: Target, agentAddrs: ReadonlySet<string>): boolean {
  if (t.socket) return !t.socket.includes('dsd.sock');
  if (t.port === 8126) return true;
  if (t.host && /datadog|dd-agent|ddagent|trace-agent/i.test(t.host)) return true;
  if (t.host && t.port !== null && agentAddrs.has(`${t.host}:${t.port}`)) return true;
  return t.host !== null && t.port === null && agentAddrs.has(`${t.host}:*`);
}

function addrKeys(t: Target): string[] {
  if (t.socket) return [t.socket];
  if (!t.host) return [];
  return [`${t.host}:${t.port ?? 8126}`, `${t.host}:*`];
}

/**
 * A copy that shares no memory with the text it came from. V8 keeps a substring as a view of its
 * parent, so a finding kept for the report would otherwise keep its whole 64 KB chunk alive: the
 * CLI then held most of a 100 MB log and spent its time in the garbage collector. (Flattening
 * `' ' + s` copies s into a new string; slicing that copy holds only the copy.)
 */
function ownString(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

function ownCopy<T>(x: T): T {
  if (typeof x === 'string') return ownString(x) as T;
  if (x === null || typeof x !== 'object') return x;
  if (Array.isArray(x)) return x.map(ownCopy) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(x)) out[k] = ownCopy(v);
  return out as T;
}

function boundedExcerpt(lines: readonly LogLine[]): string {
  const text = lines
    .slice(0, MAX_EXCERPT_LINES)
    .map((l) => l.text)
    .join('\n');
  return text.length > MAX_EXCERPT_CHARS ? `${text.slice(0, MAX_EXCERPT_CHARS)}…` : text;
}

/**
 * The scanner without diagnosis (scan.ts adds it): what a scan thread of the CLI runs, so that
 * its bundle leaves out the rules and their texts. Raw findings carry context (startup configs,
 * agent addresses) across the chunks of a stream; `firstLine` numbers a batch's first line.
 * With `more: true` a batch is a chunk of a longer stream: an event that runs to its end is
 * carried into the next batch instead of being cut.
 */
export class RawScanner {
  private readonly compiled: Compiled;
  protected readonly configs: StartupConfig[] = [];
  private readonly agentAddrs = new Set<string>();
  private pending: RawFinding[] = [];
  protected carry = '';
  protected carryLine = 1;
  protected readonly opts: ScanOptions;
  private readonly finder: HintFinder | null;

  constructor(opts: ScanOptions = {}) {
    this.opts = opts;
    this.compiled = compile(opts.recognizers ?? defaultRecognizers);
    this.finder = opts.hintFinder?.(this.compiled.hintList) ?? null;
  }

  /** `context: false` leaves startup-config context to be filled later (`withContexts`). */
  protected addRaw(text: string, firstLine: number, more: boolean, context = true): RawFinding[] {
    let input = text;
    let line0 = firstLine;
    if (this.carry) {
      input = this.carry + text;
      line0 = this.carryLine;
      this.carry = '';
    }
    const raw = this.scanChunk(input, line0, more);
    // A bare error seen before the config line that names its address is still resolved
    // within the same batch (dd-trace 2.x prints the DNS error before its configuration).
    const kept: RawFinding[] = [];
    for (const found of raw) {
      // Context from the whole batch: dd-trace 2.x–4.x print their first errors before the config line.
      const f = context ? this.withContext(found) : found;
      // A bare error is judged by the address it names itself: `read ECONNRESET` names none,
      // and the app prints those too, so it is never attributed to the agent by context alone.
      if (!this.needsContext.has(found) || isAgentTarget(found.target, this.agentAddrs)) kept.push(f);
      else if (found.target.host || found.target.socket) this.pending.push(found);
    }
    this.needsContext.clear();
    const revived = this.reviveWeak();
    return revived.length ? [...kept, ...revived].sort((a, b) => a.line - b.line) : kept;
  }

  /**
   * `push` without diagnosis, and without the startup-config context yet: a reader that diagnoses
   * what several pieces found together (`Scanner.diagnoseRaw`) fills it then, from every config
   * seen by that time, as a scan of the whole text would from every config in it.
   */
  pushRaw(chunk: string): RawFinding[] {
    const found = this.addRaw(chunk, this.streamLine, true, false);
    // The scanned input (carry + chunk) started at line `inputLine` and ended on the line the next chunk continues.
    this.streamLine = this.inputLine + this.inputNewlines;
    return found;
  }

  /**
   * For a reader that sieves its input (bridge/hint-sieve.ts): `n` whole lines the scan need not
   * see — no hint on them, or only weak ones that `weakLineNeedsLook` turned down. Only between
   * lines and while nothing is carried (`busy`): a carried event may go on in them.
   */
  skipLines(n: number): void {
    if (this.carry) throw new Error('skipLines while an event is carried');
    this.streamLine += n;
  }

  /** Whether the scan holds the start of an event (or a line) that the next input may continue. */
  get busy(): boolean {
    return this.carry !== '';
  }

  /**
   * Whether a line whose hints are all weak, and that has no qualifier, needs a look: when config
   * lines have named agent addresses, whether it names one (`line()` gives its text); before that,
   * whether it may still be kept in case a later config names its address (`rememberWeak`'s budget).
   */
  weakLineNeedsLook(line: () => string): boolean {
    if (this.agentAddrs.size > 0) return this.knownAgentAddrIn(line());
    if (!this.keepsWeakLines()) return false;
    const addr = weakAddrOf(line());
    if (addr !== null && (this.weak.get(addr)?.length ?? 0) < MAX_WEAK_PER_ADDR) return true;
    // A line `rememberWeak` would not keep: counted as its try, so the budget runs out as it would.
    this.weakTries++;
    return false;
  }

  /** False when `weakLineNeedsLook` would say no to any line (no agent address known, the budget spent). */
  weakLinesMayNeedLook(): boolean {
    return this.agentAddrs.size > 0 || this.keepsWeakLines();
  }

  /** Whether a weak line may still be kept: `rememberWeak`'s budget (tries and kept lines) isn't spent. */
  private keepsWeakLines(): boolean {
    return this.weakCount < MAX_WEAK_TOTAL && this.weakTries < MAX_WEAK_TRIES;
  }

  /** The hints (and qualifiers) a `HintFinder` gets for this scan: what a sieve's finder must search for. */
  get finderHintList(): readonly FinderHint[] {
    return this.compiled.hintList;
  }

  private streamLine = 1;
  /** Of the input `scanChunk` saw last: its first line's number and its newlines. */
  private inputLine = 1;
  private inputNewlines = 0;

  /**
   * Bare errors kept from earlier batches whose address a later config line named: what
   * `finishRaw` would find, found as soon as it can be. A reader of a text that never ends (the
   * content script's page) never finishes; without this, whether such an error was found
   * depended on where its batch ended, before or after the config line.
   */
  protected takeResolvedPending(): RawFinding[] {
    if (this.pending.length === 0 || this.agentAddrs.size === 0) return [];
    const resolved: RawFinding[] = [];
    const still: RawFinding[] = [];
    for (const f of this.pending) (isAgentTarget(f.target, this.agentAddrs) ? resolved : still).push(f);
    this.pending = still;
    return resolved.map((f) => this.withContext(f));
  }

  /** Ends a stream without diagnosis: a carried event's findings, then bare errors resolved against everything seen. */
  protected finishRaw(): {tail: RawFinding[]; late: RawFinding[]} {
    const tail = this.carry ? this.addRaw('', this.carryLine, false) : [];
    const late = [...this.pending.filter((f) => isAgentTarget(f.target, this.agentAddrs)), ...this.reviveWeak()].map((f) => this.withContext(f));
    this.pending = [];
    return {tail, late: late.sort((a, b) => a.line - b.line)};
  }

  private readonly needsContext = new Set<RawFinding>();

  /**
   * Weak-hint lines skipped because their address wasn't (yet) known as the agent's, kept per
   * address (a few per address, a bounded total) so a config line that comes later can still
   * claim them: dd-trace 2.x–4.x log the first bare errors before their configuration line.
   */
  private weak = new Map<string, {line: number; text: string}[]>();
  private weakCount = 0;
  private weakTries = 0;

  private rememberWeak(text: string, lineStart: number, eol: number, lineNoAt: (o: number) => number): void {
    // Once any agent address is known, later weak lines are judged on the spot; only the ones
    // before it (the first flush's errors) need keeping.
    if (this.agentAddrs.size > 0 || !this.keepsWeakLines()) return;
    this.weakTries++;
    const addr = weakAddrOf(text.slice(lineStart, eol));
    if (addr === null) return;
    const bucket = this.weakBucket(addr);
    if (bucket.length >= MAX_WEAK_PER_ADDR) return;
    // Keep the error object's own lines (stack frames, `{ errno… }`) so a revived finding spans its event.
    let end = eol;
    for (let n = 0; n < 30 && end < text.length; n++) {
      const c = text.charCodeAt(end + 1);
      if (c !== 32 && c !== 9 && c !== 125 /* } */) break;
      const next = text.indexOf('\n', end + 1);
      end = next === -1 ? text.length : next;
    }
    bucket.push({line: lineNoAt(lineStart), text: ownCopy(text.slice(lineStart, Math.min(end, lineStart + 8192)))});
    this.weakCount++;
  }

  private weakBucket(key: string): {line: number; text: string}[] {
    let bucket = this.weak.get(key);
    if (!bucket) this.weak.set(key, (bucket = []));
    return bucket;
  }

  /** Scans remembered weak lines whose address has since become an agent address. */
  private reviveWeak(): RawFinding[] {
    if (this.weak.size === 0) return [];
    const out: RawFinding[] = [];
    for (const [key, bucket] of this.weak) {
      if (!this.agentAddrs.has(key)) continue;
      this.weak.delete(key);
      for (const {line, text} of bucket) {
        const raw = text.split('\n');
        const lines = raw.flatMap((r, i) => normalizeLine(r, line + i));
        const f = this.recognize({lines, text: lines.map((l) => l.text).join('\n'), line, endLine: line + raw.length - 1});
        this.needsContext.clear();
        if (f) out.push(this.withContext(f));
      }
    }
    return out;
  }

  private scanChunk(text: string, firstLine: number, more: boolean): RawFinding[] {
    const out: RawFinding[] = [];
    const {hintList} = this.compiled;
    const found = this.finder?.find(text) ?? null;
    const stage1 = found ? null : this.compiled.regexStage1();
    /** Where the next search starts (the regex's `lastIndex`, or the finder's cursor). */
    let from = 0;
    let k = 0;
    let hitWeak = false;
    /** The next hint (or anchor) at or after `from`: its offset, or -1; `hitWeak` says which kind. */
    const nextHit = (): number => {
      if (found) {
        if (k > 0 && (found.starts[k - 1] ?? 0) >= from) k = firstHitFrom(from);
        while (k < found.count && ((found.starts[k] ?? 0) < from || hintList[found.ids[k] ?? 0]?.qualifier)) k++;
        if (k >= found.count) return -1;
        hitWeak = hintList[found.ids[k] ?? 0]?.weak === true;
        return found.starts[k] ?? -1;
      }
      if (!stage1) return -1;
      stage1.anchors.lastIndex = from;
      const m = stage1.anchors.exec(text);
      if (!m) return -1;
      hitWeak = stage1.kinds.get(m[0]) === 'weak';
      return m.index;
    };
    /** The index of the finder's first hit at or after `offset` (`count` when none). */
    const firstHitFrom = (offset: number): number => {
      let lo = 0;
      let hi = found?.count ?? 0;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((found?.starts[mid] ?? 0) < offset) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    let countedTo = 0;
    let countedLine = firstLine;
    let coveredUntil = 0;
    /** The number of the line at `offset` (a line start). */
    const lineNoAt = (offset: number): number => {
      if (found) {
        // The last line, or the line of a hit: the finder counted the newlines before them.
        if (offset >= text.length || text.indexOf('\n', offset) === -1) return firstLine + found.newlines;
        const j = firstHitFrom(offset);
        const at = found.starts[j] ?? -1;
        if (j < found.count && text.lastIndexOf('\n', at - 1) < offset) return firstLine + (found.lines[j] ?? 0);
      }
      let i = text.indexOf('\n', countedTo);
      while (i !== -1 && i < offset) {
        countedLine++;
        i = text.indexOf('\n', i + 1);
      }
      countedTo = offset;
      return countedLine;
    };
    /**
     * A stream (`pushRaw`) needs the input's newlines, whether or not the scan ran to its end; a
     * whole text (the content script's page) doesn't, so it isn't counted there.
     */
    const done = (): RawFinding[] => {
      this.inputLine = firstLine;
      this.inputNewlines = more ? lineNoAt(text.length) - firstLine : 0;
      return out;
    };
    /** Builds and recognises the event at a line; false when it was carried to the next chunk. */
    const processAt = (lineStart: number, hit: number): boolean => {
      const ev = this.buildEvent(text, lineStart, lineNoAt(lineStart), coveredUntil);
      if (more && (ev.end >= text.length || text.indexOf('\n', ev.end + 1) === -1)) {
        // Until the line after the event is complete we can't know the event ended: carry it over whole.
        this.carry = text.slice(ev.start);
        this.carryLine = ev.startLine;
        return false;
      }
      coveredUntil = ev.end;
      from = Math.max(ev.end, hit + 1);
      const f = this.recognize(ev.event);
      if (f) out.push(f);
      return true;
    };
    // A line whose anchors are all weak hints waits here until the scan leaves it; then one
    // substring test decides whether it names the agent (8126, datadog…, a known address).
    let weakStart = -1;
    let weakEol = -1;
    const lineStartOf = (hit: number) => (hit === 0 ? 0 : text.lastIndexOf('\n', hit - 1) + 1);
    for (;;) {
      const next = nextHit();
      const hit = next === -1 ? text.length : next;
      if (weakStart >= 0 && hit >= weakEol) {
        const ls = weakStart;
        weakStart = -1;
        if (this.namesAgent(text, ls, weakEol)) {
          if (!processAt(ls, ls)) return done();
          continue;
        }
        this.rememberWeak(text, ls, weakEol, lineNoAt);
      }
      if (next === -1) break;
      if (hit < coveredUntil) {
        from = coveredUntil;
        continue;
      }
      if (hitWeak) {
        // A whole weak hint (`ECONNREFUSED`): no stage 2 needed to know what it is.
        from = hit + 1;
        if (weakStart >= 0) continue;
        weakStart = lineStartOf(hit);
        const eol = text.indexOf('\n', hit);
        weakEol = eol === -1 ? text.length : eol;
        continue;
      }
      // Part of a strong hint: stage 2 reads the whole line once and decides for it.
      const lineStart = lineStartOf(hit);
      let eol = text.indexOf('\n', hit);
      if (eol === -1) eol = text.length;
      if (weakStart === lineStart) weakStart = -1;
      const line = text.slice(lineStart, Math.min(eol, lineStart + MAX_LINE_CHARS));
      const verdict = this.classifyLine(line);
      if (verdict === 'strong' || (verdict === 'weak' && this.knownAgentAddrIn(line))) {
        if (!processAt(lineStart, hit)) return done();
        continue;
      }
      if (verdict === 'weak') this.rememberWeak(text, lineStart, eol, lineNoAt);
      from = eol;
    }
    if (more) {
      // Keep the last partial line for the next chunk.
      const lastNl = text.lastIndexOf('\n');
      const start = lastNl + 1;
      if (start < text.length && start >= coveredUntil) {
        this.carry = text.slice(start);
        this.carryLine = lineNoAt(start);
      }
    }
    return done();
  }

  /** Expands the line at `lineStart` to the event it belongs to. */
  private buildEvent(
    text: string,
    lineStart: number,
    lineNo: number,
    floor: number,
  ): {event: LogEvent; start: number; end: number; startLine: number} {
    const lineAt = (start: number): {text: string; end: number} => {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      const rawLine = end - start > MAX_LINE_CHARS ? text.slice(start, start + MAX_LINE_CHARS) : text.slice(start, end);
      return {text: rawLine, end};
    };
    const head = (ls: LogLine[]): string => ls[0]?.text ?? '';

    // Walk back while the current line continues the one above (or the one above is a header).
    let start = lineStart;
    let startLine = lineNo;
    let cur = normalizeLine(lineAt(start).text, startLine);
    for (let back = 0; back < MAX_LOOKBACK_LINES && start > floor && start > 0; back++) {
      // `lastIndexOf` clamps a negative index to 0, so the first line needs its own case.
      const prevStart = start < 2 ? 0 : text.lastIndexOf('\n', start - 2) + 1;
      if (prevStart < floor) break;
      const prev = normalizeLine(lineAt(prevStart).text, startLine - 1);
      if (!this.gluedToAbove(cur, prev)) break;
      start = prevStart;
      startLine--;
      cur = prev;
    }

    // Walk forward collecting continuation lines; a header glues the error that follows it.
    const lines: LogLine[] = [...cur];
    let {end} = lineAt(start);
    let lineCount = 1;
    let headerOpen = this.leadsInto(head(cur));
    let n = startLine;
    while (end < text.length && lineCount < MAX_EVENT_LINES) {
      const nextStart = end + 1;
      if (nextStart >= text.length) break;
      const next = lineAt(nextStart);
      const nl = normalizeLine(next.text, n + 1);
      const t = head(nl);
      const prevText = lines[lines.length - 1]?.text ?? null;
      if (isContinuation(t, prevText)) {
        // fallthrough: part of this event
      } else if (headerOpen && ERROR_START.test(t)) {
        headerOpen = false;
      } else break;
      lines.push(...nl);
      end = next.end;
      n++;
      lineCount++;
    }
    const eventText = lines.map((l) => l.text).join('\n');
    return {
      event: {lines, text: eventText, line: startLine, endLine: n},
      start,
      end,
      startLine,
    };
  }

  /**
   * Whether a line (normalised) belongs to the event of the line above it: an event's start is
   * where this stops — for `buildEvent`, and for a sieve (bridge/hint-sieve.ts) that hands on the
   * text of a line's event from its start.
   */
  gluedToAbove(cur: readonly LogLine[], above: readonly LogLine[]): boolean {
    const head = cur[0]?.text ?? '';
    const prevText = above[above.length - 1]?.text ?? '';
    return isContinuation(head, prevText) || (ERROR_START.test(head) && this.leadsInto(prevText));
  }

  /**
   * For a reader that skips text (the content script's list sieve): whether `text` holds an
   * anchor. Text without one yields nothing by itself; it matters only as lines of an event
   * whose anchored line is elsewhere (`gluedToAbove` above it, `mayContinue` below it).
   */
  hasAnchor(text: string): boolean {
    const re = this.compiled.regexStage1().anchors;
    re.lastIndex = 0;
    const found = re.test(text);
    re.lastIndex = 0;
    return found;
  }

  /**
   * For a sieve reading on below an event: whether line `cur` (normalised) may belong to it.
   * `buildEvent`'s forward rule, widened so that the sieve keeps no event state: an error start
   * stays glued after a `leadsInto` header anywhere in the lines read on (`headerSeen`, see
   * `isHeader`), where `buildEvent` looks at the event's first line only.
   */
  mayContinue(cur: readonly LogLine[], above: readonly LogLine[], headerSeen: boolean): boolean {
    const head = cur[0]?.text ?? '';
    return this.gluedToAbove(cur, above) || (headerSeen && ERROR_START.test(head));
  }

  /** Whether a line (normalised) is a header that glues the error line after it (a recogniser's `leadsInto`). */
  isHeader(lines: readonly LogLine[]): boolean {
    return lines.some((l) => this.leadsInto(l.text));
  }

  /** `strong`: look at the line; `weak`: only bare error codes (and no qualifier); `none`: an anchor but no hint. */
  private classifyLine(line: string): 'strong' | 'weak' | 'none' {
    const re = this.compiled.hints;
    re.lastIndex = 0;
    let weak = false;
    let qualified = false;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      const kind = this.compiled.kinds.get(m[0]);
      if (!kind) return 'strong';
      if (kind === 'weak') weak = true;
      else qualified = true;
      if (weak && qualified) return 'strong';
      // Hints may overlap: resume after this one's start, not its end.
      re.lastIndex = m.index + 1;
    }
    return weak ? 'weak' : 'none';
  }

  /** Whether a weak line names the agent: a qualifier word or an address learnt from a config line. */
  private namesAgent(text: string, lineStart: number, eol: number): boolean {
    const line = text.slice(lineStart, Math.min(eol, lineStart + MAX_LINE_CHARS));
    return QUALIFIER_RE.test(line) || this.knownAgentAddrIn(line);
  }

  /** Whether a line names an agent address learnt from a config line (a custom host/port). */
  private knownAgentAddrIn(line: string): boolean {
    if (this.agentAddrs.size === 0) return false;
    for (const addr of this.agentAddrs) if (line.includes(addr.endsWith(':*') ? addr.slice(0, -2) : addr)) return true;
    return false;
  }

  private leadsInto(text: string): boolean {
    for (const re of this.compiled.leadsInto) if (re.test(text)) return true;
    return false;
  }

  /**
   * What the recognisers said about an event text seen before. A failing tracer prints the same
   * event over and over (dd-trace-js's error objects carry no timestamp), and recognisers read
   * nothing but the lines' text, so the answer for a text is the answer for its repeats. Startup
   * configs are never remembered: they are context, counted each time.
   */
  private readonly recognized = new Map<string, {r: Recognizer; rec: Recognition} | null>();

  private recognize(ev: LogEvent): RawFinding | null {
    const known = this.recognized.get(ev.text);
    if (known !== undefined) return known && this.finding(known.r, known.rec, ev);
    for (const r of this.compiled.list) {
      if (!r.hints.some((h) => ev.text.includes(h))) continue;
      try {
        const parsed = r.config?.(ev);
        if (parsed) {
          const cfg = ownCopy(parsed);
          this.configs.push(cfg);
          for (const k of addrKeys(cfg.target)) this.agentAddrs.add(k);
          return this.fromConfig(r, cfg, ev);
        }
        const rec = r.recognize(ev);
        if (!rec) continue;
        const kept = ownCopy(rec);
        this.remember(ev.text, {r, rec: kept});
        return this.finding(r, kept, ev);
      } catch {
        // One recogniser's bug must not hide the others' findings (STYLE §10).
        continue;
      }
    }
    this.remember(ev.text, null);
    return null;
  }

  private remember(text: string, answer: {r: Recognizer; rec: Recognition} | null): void {
    if (text.length > MAX_REMEMBERED_TEXT) return;
    // Bounded: a log of ever-different events gains nothing from the memory anyway.
    if (this.recognized.size >= MAX_REMEMBERED) this.recognized.clear();
    this.recognized.set(ownCopy(text), answer);
  }

  /** `rec` is already a copy of its own (see `recognize`); only what comes from `ev` is copied here. */
  private finding(r: Recognizer, rec: Recognition, ev: LogEvent): RawFinding {
    const stamp = ev.lines[0]?.timestamp;
    const f: RawFinding = {
      line: ev.line,
      endLine: ev.endLine,
      lang: rec.lang ?? r.lang,
      source: r.source,
      recognizer: r.id,
      cause: rec.cause,
      target: completeTarget(rec.target),
      tracerVersion: rec.tracerVersion ?? null,
      httpStatus: rec.httpStatus ?? null,
      errorCode: rec.errorCode ?? null,
      timestamp: rec.timestamp ?? (stamp ? ownString(stamp) : null),
      excerpt: ownString(boundedExcerpt(ev.lines)),
    };
    if (rec.needsAgentTarget) this.needsContext.add(f);
    return f;
  }


  /** A startup configuration line is context; it is a finding only when it reports an agent error. */
  private fromConfig(r: Recognizer, cfg: StartupConfig, ev: LogEvent): RawFinding | null {
    const err = cfg.agentError;
    if (err === null || err === false || err === '') return null;
    const classified = typeof err === 'string' ? classifyCause(err) : null;
    return ownCopy({
      line: ev.line,
      endLine: ev.endLine,
      lang: cfg.lang,
      source: r.source,
      recognizer: r.id,
      cause: classified?.cause ?? 'agent_error_flag',
      target: cfg.target,
      tracerVersion: cfg.tracerVersion,
      httpStatus: classified?.httpStatus ?? null,
      errorCode: classified?.errorCode ?? null,
      timestamp: ev.lines[0]?.timestamp ?? null,
      excerpt: boundedExcerpt(ev.lines),
    });
  }

  protected withContexts(found: readonly RawFinding[]): RawFinding[] {
    return found.map((f) => this.withContext(f));
  }

  private withContext(f: RawFinding): RawFinding {
    const cfg = this.lastConfig(f.lang);
    if (!cfg) return f;
    const target = fillFromConfig(f.target, cfg);
    const tracerVersion = f.tracerVersion ?? cfg.tracerVersion;
    return target === f.target && tracerVersion === f.tracerVersion ? f : {...f, target, tracerVersion};
  }

  /** The latest startup config of a tracer language (the one in force for what follows it). */
  private lastConfig(lang: string): StartupConfig | undefined {
    for (let i = this.configs.length - 1; i >= 0; i--) if (this.configs[i]?.lang === lang) return this.configs[i];
    return undefined;
  }
}

/** A message without an address (Python's `after 3 retries`) was sent where the startup config said. */
function fillFromConfig(t: Target, cfg: StartupConfig): Target {
  if (t.socket) return t;
  if (!t.host && !t.url) return cfg.target;
  // `getaddrinfo ENOTFOUND datadog-agent` names no port: the configured one is the one tried.
  if (t.port === null && t.host !== null && t.host === cfg.target.host) {
    return {...t, port: cfg.target.port, url: cfg.target.url};
  }
  return t;
}

