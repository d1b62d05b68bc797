// Linear equivalents of the agent's YAML-key helpers (pkg/util/scrubber/default.go:
// matchYAMLKeyPart, matchYAMLKey, matchYAMLKeyEnding, matchYAMLKeyPrefixSuffix).
//
// Their Go regexes, e.g. `(\s*(\w|_|-)*KEY(\w|_|-)*\s*:).+`, are linear in RE2 but backtrack
// exponentially in JavaScript (`(\w|_)*` can match `_` two ways), and the unanchored leading
// `\s*` is quadratic on long blank runs. Reasoning about what they match instead:
//  - `.+` runs to the end of the line, so there is at most one match per line;
//  - the key part can't contain `:`, so the leftmost match belongs to the first colon whose
//    key qualifies, and a match needs at least one character after that colon;
//  - the replacement `$1 "********"` keeps everything up to the colon.
// So: find the first colon whose key qualifies and replace the rest of the line.
import {isGoSpace, isKeyCode} from './chars';
import {REDACTED} from './mask';

/** Where the key before a colon sits: `line.slice(start, end)` is the `[\w-]` run, then Go-spaces, then the colon. */
export interface KeySpan {
  line: string;
  start: number;
  end: number;
}

export const YAML_MASK = ` "${REDACTED}"`;

/**
 * Replaces the value after the first colon whose key span satisfies `accept`.
 * `anchored`: only the first colon counts and the line must be `\s*key\s*:` up to it (matchYAMLKeyEnding's `^`).
 */
export function replaceYamlValue(line: string, accept: (k: KeySpan) => boolean, anchored = false): string {
  let c = line.indexOf(':');
  while (c >= 0) {
    let end = c;
    while (end > 0 && isGoSpace(line.charCodeAt(end - 1))) end--;
    let start = end;
    while (start > 0 && isKeyCode(line.charCodeAt(start - 1))) start--;
    if (anchored) {
      for (let i = 0; i < start; i++) if (!isGoSpace(line.charCodeAt(i))) return line;
    }
    if (accept({line, start, end})) return c + 1 < line.length ? line.slice(0, c + 1) + YAML_MASK : line;
    if (anchored) return line;
    c = line.indexOf(':', c + 1);
  }
  return line;
}

const keyText = (k: KeySpan) => k.line.slice(k.start, k.end);

/** matchYAMLKeyPart: the key contains one of `parts`. */
export function keyContains(parts: readonly string[]): (k: KeySpan) => boolean {
  return (k) => {
    const key = keyText(k);
    return parts.some((p) => key.includes(p));
  };
}

/**
 * matchYAMLKey: `(\s*KEY\s*:)` is unanchored and has no `\b`, so it matches when the text right
 * before the colon (spaces aside) *ends with* one of the keys — `my_community:` matches `community`.
 */
export function keyEndsWithAny(keys: readonly string[]): (k: KeySpan) => boolean {
  return (k) => keys.some((key) => k.end - key.length >= 0 && k.line.startsWith(key, k.end - key.length));
}

/** matchYAMLKeyEnding (used anchored): the whole key ends with one of `endings`. */
export function keyEnding(endings: readonly string[]): (k: KeySpan) => boolean {
  return (k) => {
    const key = keyText(k);
    return endings.some((e) => key.endsWith(e));
  };
}

/** matchYAMLKeyPrefixSuffix: `prefix[\w-]*suffix` ends the key (the prefix may start mid-key). */
export function keyPrefixSuffix(prefix: string, suffix: string): (k: KeySpan) => boolean {
  return (k) => {
    const key = keyText(k);
    if (!key.endsWith(suffix)) return false;
    const i = key.indexOf(prefix);
    return i >= 0 && i + prefix.length + suffix.length <= key.length;
  };
}
