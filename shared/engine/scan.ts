// The scanner: text in, diagnosed findings out.
//
//   text ──prefilter (one regex of every recogniser's literal hints)──▶ hit offsets
//        ──expand each hit to its event (continuation lines, `leadsInto` headers)──▶ LogEvent
//        ──normalize lines (ANSI, prefixes, JSON envelopes)──▶ recognisers whose hints occur
//        ──▶ RawFinding (+ StartupConfig context) ──rules──▶ DiagnosedFinding
//
// Only lines near a hit are ever split or normalised, so a 100 MB log with 0.1% tracer
// errors costs one regex pass plus newline counting (bench/scan.bench.mjs).
import {classifyCause, EMPTY_TARGET, mergeTarget} from './classify';
import {diagnose} from './diagnose';
import {ERROR_START, isContinuation, MAX_EVENT_LINES} from './events';
import {normalizeLine} from './normalize';
import type {DiagnosedFinding, Env, Facts, LogEvent, LogLine, RawFinding, Recognizer, StartupConfig, Target} from './types';
import {recognizers as defaultRecognizers} from '../tracers/index';

export interface ScanOptions {
  /** Where the app runs; tailors advice. Default `unknown`. */
  env?: Env;
  facts?: Partial<Facts>;
  /** For tests of a single recogniser. Default: shared/tracers/index.ts. */
  recognizers?: readonly Recognizer[];
}

export interface ScanResult {
  findings: DiagnosedFinding[];
  configs: StartupConfig[];
}

/** Longest excerpt kept per finding (popover, bundle); the rest of the event is only counted. */
const MAX_EXCERPT_LINES = 12;
const MAX_EXCERPT_CHARS = 4000;
/** Lines longer than this are cut before normalisation: recognisers need the head of a line, and a 1 MB line must stay linear. */
const MAX_LINE_CHARS = 64 * 1024;
/** How far back from a hit we look for the start of its event. */
const MAX_LOOKBACK_LINES = 60;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

interface Compiled {
  list: readonly Recognizer[];
  prefilter: RegExp;
  /**
   * Hints that prove a tracer line on their own (all hints minus every recogniser's weak
   * ones), as a sticky regex that tests one line in place: `[^\n]*?` stops at the newline,
   * so no line is sliced out (this runs on every weak hit).
   */
  strongInLine: RegExp;
  leadsInto: readonly RegExp[];
}

/** Words in a weak-hint line that make it worth a full look (the agent's port, host names, socket). */
const AGENTISH = /8126|[Dd]atadog|dd-agent|ddagent|trace-agent|apm\.sock/;

const compiledCache = new WeakMap<readonly Recognizer[], Compiled>();

function compile(list: readonly Recognizer[]): Compiled {
  let c = compiledCache.get(list);
  if (!c) {
    const hints = [...new Set(list.flatMap((r) => r.hints))].sort((a, b) => b.length - a.length);
    const weak = new Set(list.flatMap((r) => r.weakHints ?? []));
    const strong = hints.filter((h) => !weak.has(h));
    c = {
      list,
      prefilter: new RegExp(hints.map(escapeRe).join('|'), 'g'),
      strongInLine: new RegExp(`[^\\n]*?(?:${strong.length ? strong.map(escapeRe).join('|') : '(?!)'}|${AGENTISH.source})`, 'y'),
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

function boundedExcerpt(lines: readonly LogLine[]): string {
  const text = lines
    .slice(0, MAX_EXCERPT_LINES)
    .map((l) => l.text)
    .join('\n');
  return text.length > MAX_EXCERPT_CHARS ? `${text.slice(0, MAX_EXCERPT_CHARS)}…` : text;
}

/**
 * Incremental scanning: each `add()` scans one batch of text while remembering context
 * (startup configs, agent addresses) across batches. `firstLine` numbers the batch's first
 * line (default 1). With `more: true` the batch is a chunk of a longer stream: an event that
 * runs to its end is carried into the next `add()` instead of being cut.
 */
export class Scanner {
  private readonly compiled: Compiled;
  private readonly configs: StartupConfig[] = [];
  private readonly agentAddrs = new Set<string>();
  private pending: RawFinding[] = [];
  private carry = '';
  private carryLine = 1;
  private readonly opts: ScanOptions;

  constructor(opts: ScanOptions = {}) {
    this.opts = opts;
    this.compiled = compile(opts.recognizers ?? defaultRecognizers);
  }

  add(text: string, firstLine = 1, more = false): ScanResult {
    let input = text;
    let line0 = firstLine;
    if (this.carry) {
      input = this.carry + text;
      line0 = this.carryLine;
      this.carry = '';
    }
    const configsBefore = this.configs.length;
    const raw = this.scanChunk(input, line0, more);
    // A bare error seen before the config line that names its address is still resolved
    // within the same batch (dd-trace 2.x prints the DNS error before its configuration).
    const kept: RawFinding[] = [];
    for (const found of raw) {
      // Context from the whole batch: dd-trace 2.x–4.x print their first errors before the config line.
      const f = this.withContext(found);
      if (found !== f && this.needsContext.has(found)) this.needsContext.add(f);
      if (f.target && this.needsContext.has(f)) {
        if (isAgentTarget(f.target, this.agentAddrs)) kept.push(f);
        else this.pending.push(f);
      } else kept.push(f);
    }
    this.needsContext.clear();
    return {findings: this.diagnoseAll(kept), configs: this.configs.slice(configsBefore)};
  }

  private streamLine = 1;

  /**
   * Streams a long input chunk by chunk (the CLI reads files in 64 KB pieces): numbering
   * continues across chunks and an event split by a chunk boundary is carried whole.
   */
  push(chunk: string): ScanResult {
    const first = this.streamLine;
    let nl = 0;
    for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) nl++;
    this.streamLine += nl;
    return this.add(chunk, first, true);
  }

  /** Ends a stream: flushes a carried event and resolves bare errors against everything seen. */
  finish(): ScanResult {
    const tail = this.carry ? this.add('', this.carryLine, false) : {findings: [], configs: []};
    const late = this.pending.filter((f) => isAgentTarget(f.target, this.agentAddrs));
    this.pending = [];
    return {findings: [...tail.findings, ...this.diagnoseAll(late)], configs: tail.configs};
  }

  get allConfigs(): readonly StartupConfig[] {
    return this.configs;
  }

  private readonly needsContext = new Set<RawFinding>();

  private diagnoseAll(raw: readonly RawFinding[]): DiagnosedFinding[] {
    if (raw.length === 0) return [];
    return diagnose(raw, {env: this.opts.env ?? 'unknown', facts: this.opts.facts ?? {}, configs: this.configs});
  }

  private scanChunk(text: string, firstLine: number, more: boolean): RawFinding[] {
    const out: RawFinding[] = [];
    const re = this.compiled.prefilter;
    re.lastIndex = 0;
    let countedTo = 0;
    let countedLine = firstLine;
    let coveredUntil = 0;
    const lineNoAt = (offset: number): number => {
      let i = text.indexOf('\n', countedTo);
      while (i !== -1 && i < offset) {
        countedLine++;
        i = text.indexOf('\n', i + 1);
      }
      countedTo = offset;
      return countedLine;
    };
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const hit = m.index;
      if (hit < coveredUntil) {
        re.lastIndex = coveredUntil;
        continue;
      }
      const lineStart = hit === 0 ? 0 : text.lastIndexOf('\n', hit - 1) + 1;
      if (!this.worthALook(text, lineStart)) {
        const eol = text.indexOf('\n', hit);
        re.lastIndex = eol === -1 ? text.length : eol;
        continue;
      }
      const lineNo = lineNoAt(lineStart);
      const ev = this.buildEvent(text, lineStart, lineNo, coveredUntil);
      if (more && (ev.end >= text.length || text.indexOf('\n', ev.end + 1) === -1)) {
        // Until the line after the event is complete we can't know the event ended: carry it over whole.
        this.carry = text.slice(ev.start);
        this.carryLine = ev.startLine;
        return out;
      }
      coveredUntil = ev.end;
      re.lastIndex = Math.max(ev.end, hit + 1);
      const f = this.recognize(ev.event);
      if (f) out.push(f);
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
    return out;
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
    const norm = (raw: string, n: number): LogLine[] => normalizeLine(raw, n);
    const head = (ls: LogLine[]): string => ls[0]?.text ?? '';

    // Walk back while the current line continues the one above (or the one above is a header).
    let start = lineStart;
    let startLine = lineNo;
    let cur = norm(lineAt(start).text, startLine);
    for (let back = 0; back < MAX_LOOKBACK_LINES && start > floor && start > 0; back++) {
      // `lastIndexOf` clamps a negative index to 0, so the first line needs its own case.
      const prevStart = start < 2 ? 0 : text.lastIndexOf('\n', start - 2) + 1;
      if (prevStart < floor) break;
      const prev = norm(lineAt(prevStart).text, startLine - 1);
      const prevText = prev[prev.length - 1]?.text ?? '';
      const glued = isContinuation(head(cur), prevText) || (ERROR_START.test(head(cur)) && this.leadsInto(prevText));
      if (!glued) break;
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
      const nl = norm(next.text, n + 1);
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
   * Cheap test on the line of a hit: does it hold a strong hint, an agent-looking word, or a
   * known agent address? Lines whose only hints are weak (the app's own `ECONNREFUSED` to its
   * database) are skipped without building an event. A weak line right after a `leadsInto`
   * header needs no test: the header is a strong hit whose event already covers the line.
   */
  private worthALook(text: string, lineStart: number): boolean {
    const re = this.compiled.strongInLine;
    re.lastIndex = lineStart;
    if (re.test(text)) return true;
    if (this.agentAddrs.size === 0) return false;
    let eol = text.indexOf('\n', lineStart);
    if (eol === -1) eol = text.length;
    const line = text.slice(lineStart, Math.min(eol, lineStart + MAX_LINE_CHARS));
    for (const addr of this.agentAddrs) if (line.includes(addr.endsWith(':*') ? addr.slice(0, -2) : addr)) return true;
    return false;
  }

  private leadsInto(text: string): boolean {
    for (const re of this.compiled.leadsInto) if (re.test(text)) return true;
    return false;
  }

  private recognize(ev: LogEvent): RawFinding | null {
    for (const r of this.compiled.list) {
      if (!r.hints.some((h) => ev.text.includes(h))) continue;
      try {
        const cfg = r.config?.(ev);
        if (cfg) {
          this.configs.push(cfg);
          for (const k of addrKeys(cfg.target)) this.agentAddrs.add(k);
          return this.fromConfig(r, cfg, ev);
        }
        const rec = r.recognize(ev);
        if (!rec) continue;
        const target = mergeTarget(rec.target, EMPTY_TARGET);
        const f: RawFinding = {
          line: ev.line,
          endLine: ev.endLine,
          lang: rec.lang ?? r.lang,
          source: r.source,
          recognizer: r.id,
          cause: rec.cause,
          target,
          tracerVersion: rec.tracerVersion ?? null,
          httpStatus: rec.httpStatus ?? null,
          errorCode: rec.errorCode ?? null,
          timestamp: rec.timestamp ?? ev.lines[0]?.timestamp ?? null,
          excerpt: boundedExcerpt(ev.lines),
        };
        if (rec.needsAgentTarget) this.needsContext.add(f);
        return f;
      } catch {
        // One recogniser's bug must not hide the others' findings (STYLE §10).
        continue;
      }
    }
    return null;
  }

  /** A startup configuration line is context; it is a finding only when it reports an agent error. */
  private fromConfig(r: Recognizer, cfg: StartupConfig, ev: LogEvent): RawFinding | null {
    const err = cfg.agentError;
    if (err === null || err === false || err === '') return null;
    const classified = typeof err === 'string' ? classifyCause(err) : null;
    return {
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
    };
  }

  private withContext(f: RawFinding): RawFinding {
    const target = this.fillFromConfig(f.target, f.lang);
    const tracerVersion = f.tracerVersion ?? this.configVersion(f.lang);
    return target === f.target && tracerVersion === f.tracerVersion ? f : {...f, target, tracerVersion};
  }

  /** A message without an address (Python's `after 3 retries`) was sent where the startup config said. */
  private fillFromConfig(t: Target, lang: string): Target {
    if (t.socket) return t;
    const cfg = [...this.configs].reverse().find((c) => c.lang === lang);
    if (!cfg) return t;
    if (!t.host && !t.url) return cfg.target;
    // `getaddrinfo ENOTFOUND datadog-agent` names no port: the configured one is the one tried.
    if (t.port === null && t.host !== null && t.host === cfg.target.host) {
      return {...t, port: cfg.target.port, url: cfg.target.url};
    }
    return t;
  }

  private configVersion(lang: string): string | null {
    return [...this.configs].reverse().find((c) => c.lang === lang)?.tracerVersion ?? null;
  }
}

/** Scans a whole text (a page of log lines) and diagnoses every agent-connection failure in it. */
export function scanText(text: string, opts: ScanOptions = {}): ScanResult {
  const s = new Scanner(opts);
  const a = s.add(text);
  const b = s.finish();
  return {findings: [...a.findings, ...b.findings], configs: [...a.configs, ...b.configs]};
}
