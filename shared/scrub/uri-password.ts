// Linear equivalent of the agent's uriPasswordReplacer (7.62 form, DataDog/datadog-agent#32503):
//
//   (?i)([a-z][a-z0-9+-.]+://|\b)([^:\s]+):([^\s|"]+)@   →   $1$2:********@
//
// In a backtracking engine this is quadratic (each start re-scans `[^\s|"]+` to the end of a
// long run looking for '@'). What a leftmost-first match is, position by position p:
//   alt 1: p is a letter, `[a-z0-9+,.-]+` is the maximal run after it and "://" follows it;
//          then the user part starts after "://".
//   alt 2: `\b` at p; the user part starts at p.
//   user:  `[^:\s]+` is the maximal run from its start (it can't give back a ':'), and a ':' must follow.
//   pass:  `[^\s|"]+` is greedy, so the match ends at the LAST '@' of the maximal run after the
//          colon, which must leave at least one character before it.
// Each maximal run is scanned once: queries move forward, so a cursor remembers the run it is in.
// (`[a-z0-9+-.]` is a range: '+', ',', '-', '.'.)
import {isAsciiLetter, isBoundary, isGoSpace} from './chars';

const COLON = 0x3a;
const AT = 0x40;

class RunCursor {
  private start = -1;
  private end = -1;
  /** Last '@' seen inside [start, end), or -1. */
  private lastAt = -1;

  constructor(
    private readonly s: string,
    private readonly inRun: (c: number) => boolean,
  ) {}

  /** End (exclusive) of the maximal run that starts at x (x itself when s[x] isn't in the run). */
  endFrom(x: number): number {
    this.seek(x);
    return x >= this.start && x < this.end ? this.end : x;
  }

  /** The last '@' at or after `min` in the run containing x, or -1. */
  lastAtFrom(x: number, min: number): number {
    this.seek(x);
    return x >= this.start && x < this.end && this.lastAt >= min ? this.lastAt : -1;
  }

  private seek(x: number): void {
    if (x >= this.start && x < this.end) return;
    const s = this.s;
    if (x >= s.length || !this.inRun(s.charCodeAt(x))) return;
    let e = x;
    let at = -1;
    while (e < s.length) {
      const c = s.charCodeAt(e);
      if (!this.inRun(c)) break;
      if (c === AT) at = e;
      e++;
    }
    this.start = x;
    this.end = e;
    this.lastAt = at;
  }
}

const isUserCode = (c: number) => c !== COLON && !isGoSpace(c);
const isPassCode = (c: number) => c !== 0x7c && c !== 0x22 && !isGoSpace(c);
const isSchemeCode = (c: number) => isAsciiLetter(c) || (c >= 0x30 && c <= 0x39) || (c >= 0x2b && c <= 0x2e);

export function scrubUriPasswords(line: string): string {
  if (!line.includes('@') || !line.includes(':')) return line;
  const n = line.length;
  // One cursor per query stream keeps each stream's positions non-decreasing (linear total).
  const scheme = new RunCursor(line, isSchemeCode);
  const user1 = new RunCursor(line, isUserCode);
  const pass1 = new RunCursor(line, isPassCode);
  const user2 = new RunCursor(line, isUserCode);
  const pass2 = new RunCursor(line, isPassCode);

  const tryUser = (u: number, user: RunCursor, pass: RunCursor): {colon: number; end: number} | null => {
    const colon = user.endFrom(u);
    if (colon === u || colon >= n || line.charCodeAt(colon) !== COLON) return null;
    const at = pass.lastAtFrom(colon + 1, colon + 2);
    return at < 0 ? null : {colon, end: at + 1};
  };

  let out = '';
  let last = 0;
  let p = 0;
  while (p < n) {
    let m: {colon: number; end: number} | null = null;
    if (isAsciiLetter(line.charCodeAt(p))) {
      const se = scheme.endFrom(p + 1);
      if (se > p + 1 && line.startsWith('://', se)) m = tryUser(se + 3, user1, pass1);
    }
    if (!m && isBoundary(line, p)) m = tryUser(p, user2, pass2);
    if (m) {
      out += line.slice(last, m.colon) + ':********@';
      last = p = m.end;
    } else {
      p++;
    }
  }
  return last === 0 ? line : out + line.slice(last);
}
