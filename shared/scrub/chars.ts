// Character classes exactly as Go's RE2 defines them, because the replacers reproduce the
// agent's Go regexes: `\s` is [\t\n\f\r ] (no \v, no Unicode spaces, unlike JS `\s`), `\w` is
// [0-9A-Za-z_], and `\b` is an ASCII word boundary. Non-ASCII is never a word or space char.

export function isGoSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

export function isWordCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

/** `[\w-]`: the characters of a YAML key in the agent's `matchYAMLKey*` helpers. */
export function isKeyCode(c: number): boolean {
  return isWordCode(c) || c === 0x2d;
}

export function isWordAt(s: string, i: number): boolean {
  return i >= 0 && i < s.length && isWordCode(s.charCodeAt(i));
}

/** Go's `\b` at position i (between s[i-1] and s[i]). */
export function isBoundary(s: string, i: number): boolean {
  return isWordAt(s, i - 1) !== isWordAt(s, i);
}

export function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
