// Linear equivalents of the agent's two MultiLine replacers (pkg/util/scrubber/default.go).
import {isGoSpace} from './chars';
import {REDACTED} from './mask';

// ---------------------------------------------------------------------------------------------
// certReplacer (7.33):  -----BEGIN (?:.*)-----[A-Za-z0-9=\+\/\s]*-----END (?:.*)-----  →  ********
//
// Backtracking makes this quadratic on a line of many "-----" (each BEGIN retries every "-----"
// of its line). What the match is, for a BEGIN at b: `(?:.*)` can't leave b's line, and greedy
// means the LAST "-----" q of the line (q ≥ b+11) for which the rest matches. The body class
// has no '-', so the body is the maximal class run r from q+5 and "-----END " must start exactly
// at r; then `(?:.*)-----` takes the last "-----" of the END line (at ≥ r+9). Whether q works
// doesn't depend on b, so each line's best q is computed once and shared by its BEGINs.

const isBodyCode = (c: number) =>
  (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x3d || c === 0x2b || c === 0x2f || isGoSpace(c);

function lineEndOf(s: string, i: number): number {
  const e = s.indexOf('\n', i);
  return e < 0 ? s.length : e;
}

export function scrubCertificates(text: string): string {
  if (!text.includes('-----BEGIN ')) return text;
  const lastDashesOfLine = new Map<number, number>();
  const lastDashes = (lineEnd: number, lineStart: number): number => {
    let v = lastDashesOfLine.get(lineEnd);
    if (v === undefined) {
      v = lineEnd - 5 >= lineStart ? text.lastIndexOf('-----', lineEnd - 5) : -1;
      if (v < lineStart) v = -1;
      lastDashesOfLine.set(lineEnd, v);
    }
    return v;
  };
  /** End of the match when the body starts after "-----" at q, or -1. */
  const tryDashes = (q: number): number => {
    let r = q + 5;
    while (r < text.length && isBodyCode(text.charCodeAt(r))) r++;
    if (!text.startsWith('-----END ', r)) return -1;
    const endLineEnd = lineEndOf(text, r);
    const e = lastDashes(endLineEnd, r);
    return e >= r + 9 ? e + 5 : -1;
  };

  let out = '';
  let last = 0;
  let from = 0;
  let cachedLineEnd = -1;
  let best = {q: -1, end: -1};
  for (;;) {
    const b = text.indexOf('-----BEGIN ', from);
    if (b < 0) break;
    const le = lineEndOf(text, b);
    if (le !== cachedLineEnd) {
      cachedLineEnd = le;
      best = {q: -1, end: -1};
      const ls = text.lastIndexOf('\n', b) + 1;
      for (let q = le - 5 >= ls ? text.lastIndexOf('-----', le - 5) : -1; q >= ls; q = q > 0 ? text.lastIndexOf('-----', q - 1) : -1) {
        const end = tryDashes(q);
        if (end >= 0) {
          best = {q, end};
          break;
        }
      }
    }
    if (best.q >= b + 11) {
      out += text.slice(last, b) + REDACTED;
      last = from = best.end;
      cachedLineEnd = -1;
    } else {
      // Every later BEGIN on this line needs an even later q: none works.
      from = le + 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

// ---------------------------------------------------------------------------------------------
// snmpMultilineReplacer (7.34, DataDog/datadog-agent#10305), from matchYAMLKeyWithListValue:
//
//   (\s*community_strings\s*:)\s*(?:\n(?:\s+-\s+.*)*|\[(?:\n?.*?)*?\])   →   $1 "********"
//
// `(?:\n?.*?)*?` is a nested quantifier (exponential in JavaScript). Its meaning: after the
// colon, either a flow list `[ … ]` up to the first ']' (across lines), or a newline followed by
// block-list items `- …`. Two deliberate differences from the Go regex, both where the agent
// leaks or corrupts: the agent's regex also matches zero items (it then eats the line break:
// `community_strings:\nother: 1` → `community_strings: "********"other: 1`) and misses items at
// column 0 (`- 'secret'` right under the key); we accept column-0 items and require at least one.

const KEY = 'community_strings';
const MASK = ` "${REDACTED}"`;

export function scrubCommunityStrings(text: string): string {
  if (!text.includes(KEY)) return text;
  const n = text.length;
  let nextClose = -2;
  const closeAfter = (x: number): number => {
    if (nextClose === -1) return -1;
    if (nextClose < x) nextClose = text.indexOf(']', x);
    return nextClose;
  };

  let out = '';
  let last = 0;
  let from = 0;
  for (;;) {
    const i = text.indexOf(KEY, from);
    if (i < 0) break;
    from = i + 1;
    let c = i + KEY.length;
    while (c < n && isGoSpace(text.charCodeAt(c))) c++;
    if (text.charCodeAt(c) !== 0x3a) continue;
    let w = c + 1;
    let lastNewline = -1;
    while (w < n && isGoSpace(text.charCodeAt(w))) {
      if (text.charCodeAt(w) === 0x0a) lastNewline = w;
      w++;
    }
    let end = -1;
    if (text.charCodeAt(w) === 0x5b) {
      const close = closeAfter(w + 1);
      if (close >= 0) end = close + 1;
    } else if (lastNewline >= 0) {
      // Block items: (\s*-\s+.*)+ from the line after the key.
      let p = lastNewline + 1;
      for (;;) {
        let d = p;
        while (d < n && isGoSpace(text.charCodeAt(d))) d++;
        if (text.charCodeAt(d) !== 0x2d) break;
        let v = d + 1;
        while (v < n && isGoSpace(text.charCodeAt(v))) v++;
        if (v === d + 1) break;
        end = p = lineEndOf(text, v);
      }
    }
    if (end < 0) continue;
    out += text.slice(last, c + 1) + MASK;
    last = from = end;
  }
  return last === 0 ? text : out + text.slice(last);
}
