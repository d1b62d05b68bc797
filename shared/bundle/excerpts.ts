// The log lines behind each finding, with a little context, bounded: a bundle is pasted into a
// support ticket, so one huge event or ten thousand identical errors must not make it huge.
import type {DiagnosedFinding, StartupConfig} from '../engine/types';
import {REDACTED, scrubData, scrubText} from '../scrub/index';
import type {BundleFinding, ContextLine} from './types';

export const EXCERPT_LIMITS = {
  before: 3,
  after: 3,
  /** Lines of one event shown; the rest is counted. */
  eventLines: 20,
  lineChars: 500,
  startupLineChars: 2000,
  /** Distinct failures shown; more are counted in `findingsOmitted`. */
  groups: 20,
  /** Line numbers listed for repeats of one failure. */
  sameLines: 20,
  startupLines: 10,
} as const;

// ANSI colour codes and C0 controls other than tab: they would garble the clipboard text.
// eslint-disable-next-line no-control-regex
const CONTROL = /\u001b\[[0-9;?]*[ -/]*[@-~]|[\u0000-\u0008\u000b-\u001f\u007f]/g;

export function cleanLine(text: string, max: number): string {
  const t = text.replace(CONTROL, '');
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

/** Only the requested lines of a text, in one pass (a 100 MB log is not split into an array). */
export function pickLines(text: string, wanted: ReadonlySet<number>): Map<number, string> {
  const out = new Map<number, string>();
  if (wanted.size === 0) return out;
  const max = Math.max(...wanted);
  let n = 1;
  let start = 0;
  // `start < length`: a final newline ends the last line, it doesn't begin an empty one.
  while (n <= max && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (wanted.has(n)) out.set(n, text.slice(start, end).replace(/\r$/, ''));
    if (end === text.length) break;
    start = end + 1;
    n++;
  }
  return out;
}

const groupKey = (f: DiagnosedFinding) =>
  [f.diagnosis.rule, f.cause, f.lang, f.target.url, f.target.host, f.target.port, f.target.socket].map((x) => String(x ?? '')).join('\u0000');

interface Window {
  from: number;
  to: number;
  hitFrom: number;
  hitTo: number;
  omitted: number;
}

function windowOf(f: DiagnosedFinding): Window {
  const last = Math.max(f.line, f.endLine);
  const shownTo = Math.min(last, f.line + EXCERPT_LIMITS.eventLines - 1);
  return {
    from: Math.max(1, f.line - EXCERPT_LIMITS.before),
    to: shownTo + (shownTo === last ? EXCERPT_LIMITS.after : 0),
    hitFrom: f.line,
    hitTo: shownTo,
    omitted: last - shownTo,
  };
}

const PEM_BODY = /^[\t ]*[A-Za-z0-9+/=]{16,}[\t ]*$/;
/** A full-width PEM body line (64 base64 characters, RFC 7468), whatever surrounds it. */
const PEM_LINE = /^[\t ]*[A-Za-z0-9+/]{60,76}={0,2}[\t ]*$/;

/**
 * A window can cut a PEM private key (BEGIN inside and END outside, the reverse, or neither
 * inside); the certReplacer then can't see the whole block, so the key's lines are masked here.
 */
function maskCutPrivateKeys(texts: string[]): string[] {
  const out = texts.map((t) => (PEM_LINE.test(t) ? REDACTED : t));
  out.forEach((t, i) => {
    if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(t)) {
      out[i] = t.replace(/-----BEGIN [A-Z ]*PRIVATE KEY-----.*/, REDACTED);
      for (let j = i + 1; j < out.length && PEM_BODY.test(out[j] ?? ''); j++) out[j] = REDACTED;
    }
    if (/-----END [A-Z ]*PRIVATE KEY-----/.test(t)) {
      out[i] = t.replace(/.*-----END [A-Z ]*PRIVATE KEY-----/, REDACTED);
      for (let j = i - 1; j >= 0 && PEM_BODY.test(out[j] ?? ''); j--) out[j] = REDACTED;
    }
  });
  return out;
}

/** Scrubs a window as one text (a PEM block or a list may span its lines), then splits it back. */
function scrubWindow(lines: ContextLine[]): ContextLine[] {
  const clean = maskCutPrivateKeys(scrubText(lines.map((l) => l.text).join('\n')).split('\n'));
  // A multi-line rule can merge lines; then the window is shown as one block from its first line.
  if (clean.length !== lines.length) return [{n: lines[0]?.n ?? 1, text: clean.join('\n'), hit: true}];
  return lines.map((l, i) => ({...l, text: clean[i] ?? ''}));
}

export function buildExcerpts(
  findings: readonly DiagnosedFinding[],
  configs: readonly StartupConfig[],
  logText: string | undefined,
): {findings: BundleFinding[]; omitted: number; startupLines: ContextLine[]} {
  const groups = new Map<string, DiagnosedFinding[]>();
  for (const f of findings) {
    const k = groupKey(f);
    const g = groups.get(k);
    if (g) g.push(f);
    else groups.set(k, [f]);
  }
  const shown = [...groups.values()].slice(0, EXCERPT_LIMITS.groups);
  const omitted = [...groups.values()].slice(EXCERPT_LIMITS.groups).reduce((n, g) => n + g.length, 0);

  const windows = shown.map((g) => windowOf(g[0] as DiagnosedFinding));
  const configLines = [...new Set(configs.map((c) => c.line))].slice(0, EXCERPT_LIMITS.startupLines);
  const wanted = new Set<number>(configLines);
  for (const w of windows) for (let n = w.from; n <= w.to; n++) wanted.add(n);
  const lines = logText === undefined ? new Map<number, string>() : pickLines(logText, wanted);

  const out = shown.map((g, i): BundleFinding => {
    const f = g[0] as DiagnosedFinding;
    const w = windows[i] as Window;
    let context: ContextLine[] = [];
    if (lines.size > 0) {
      for (let n = w.from; n <= w.to; n++) {
        const text = lines.get(n);
        if (text !== undefined) context.push({n, text: cleanLine(text, EXCERPT_LIMITS.lineChars), hit: n >= w.hitFrom && n <= w.hitTo});
      }
    }
    if (context.length === 0) {
      context = String(f.excerpt ?? '')
        .split('\n')
        .slice(0, EXCERPT_LIMITS.eventLines)
        .map((text, j) => ({n: f.line + j, text: cleanLine(text, EXCERPT_LIMITS.lineChars), hit: true}));
    }
    const same = g.slice(1);
    const d = scrubData(f.diagnosis) as DiagnosedFinding['diagnosis'];
    return {
      line: f.line,
      endLine: f.endLine,
      lang: f.lang,
      cause: f.cause,
      rule: d.rule,
      title: d.title,
      explanation: d.explanation,
      advice: [...d.advice],
      target: scrubData(f.target) as BundleFinding['target'],
      tracerVersion: f.tracerVersion,
      httpStatus: f.httpStatus,
      errorCode: f.errorCode === null ? null : scrubText(String(f.errorCode)),
      sameOnLines: same.slice(0, EXCERPT_LIMITS.sameLines).map((x) => x.line),
      sameCount: same.length,
      context: scrubWindow(context),
      omittedLines: w.omitted,
    };
  });

  const startupLines = configLines.flatMap((n) => {
    const text = lines.get(n);
    return text === undefined ? [] : scrubWindow([{n, text: cleanLine(text, EXCERPT_LIMITS.startupLineChars), hit: true}]);
  });
  return {findings: out, omitted, startupLines};
}
