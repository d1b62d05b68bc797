// Linear equivalent of the agent's hintedBearerInvalidReplacer (7.53, DataDog/datadog-agent#23448):
//
//   \bBearer\s+[^*]+\b   →   Bearer ********
//
// In JavaScript `\s+[^*]+\b` is quadratic on a long run of spaces (both quantifiers can take
// them). What the leftmost-first match is: after a "Bearer" that starts at a word boundary and
// is followed by whitespace, `[^*]+` reaches the first '*' (or the end), and the match ends
// just after the LAST word character before that point. If there's no word character after
// the whitespace there's no match (the '*' of an already-masked token stops it: that's why the
// agent wrote `[^*]`).
import {isGoSpace, isWordAt} from './chars';

export function scrubInvalidBearer(line: string): string {
  const n = line.length;
  let out = '';
  let last = 0;
  let from = 0;
  for (;;) {
    const b = line.indexOf('Bearer', from);
    if (b < 0) break;
    from = b + 1;
    if (isWordAt(line, b - 1)) continue;
    const s = b + 6;
    let w = s;
    while (w < n && isGoSpace(line.charCodeAt(w))) w++;
    if (w === s) continue;
    let t = line.indexOf('*', s);
    if (t < 0) t = n;
    let q = t - 1;
    while (q >= w && !isWordAt(line, q)) q--;
    if (q < w) {
      // No word char before the '*': the next "Bearer" can't start before it either.
      from = Math.max(from, t);
      continue;
    }
    out += line.slice(last, b) + 'Bearer ********';
    last = from = q + 1;
  }
  return last === 0 ? line : out + line.slice(last);
}
