// The linear rewrites must match what the agent's Go regexes match. JavaScript's backtracking
// engine has the same leftmost-first semantics as Go's RE2 for these patterns, so on small
// inputs (where backtracking is harmless) the original regexes are the reference. Inputs are
// ASCII with only ' ', '\t' and '\n' as spaces, where JS and Go agree on \s, \w and \b.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {scrubInvalidBearer} from '../../../shared/scrub/bearer';
import {scrubText, StreamScrubber} from '../../../shared/scrub/index';
import {scrubCertificates, scrubCommunityStrings} from '../../../shared/scrub/multiline';
import {scrubUriPasswords} from '../../../shared/scrub/uri-password';
import {keyContains, keyEnding, keyEndsWithAny, keyPrefixSuffix, replaceYamlValue} from '../../../shared/scrub/yaml-key';

const textOf = (parts: readonly string[], maxLength = 14) => fc.array(fc.constantFrom(...parts), {maxLength}).map((a) => a.join(''));
const RUNS = {numRuns: 3000};

describe('linear rewrites ≡ the agent’s regexes', () => {
  it('uriPasswordReplacer', () => {
    const re = /([a-z][a-z0-9+-.]+:\/\/|\b)([^:\s]+):([^\s|"]+)@/gi;
    fc.assert(
      fc.property(textOf(['a', 'B', '1', ':', '//', '@', ' ', '|', '"', '-', '.', '+', 'http://', 'u:p@', '\t', '_'], 16), (s) => {
        expect(scrubUriPasswords(s)).toBe(s.replace(re, '$1$2:********@'));
      }),
      RUNS,
    );
  });

  it('hintedBearerInvalidReplacer', () => {
    const re = /\bBearer\s+[^*]+\b/g;
    fc.assert(
      fc.property(textOf(['Bearer', ' ', '\t', '*', 'a', '.', ',', 'xBearer', '_', '-']), (s) => {
        expect(scrubInvalidBearer(s)).toBe(s.replace(re, 'Bearer ********'));
      }),
      RUNS,
    );
  });

  const yamlCases = [
    {name: 'matchYAMLKeyPart (pass|pwd)', re: /(\s*(\w|_|-)*(pass(word)?|pwd)(\w|_|-)*\s*:).+/, ours: (l: string) => replaceYamlValue(l, keyContains(['pass', 'pwd']))},
    {name: 'matchYAMLKey (snmp keys)', re: /(\s*(community_string|auth_?[Kk]ey|community)\s*:).+/, ours: (l: string) => replaceYamlValue(l, keyEndsWithAny(['community_string', 'authKey', 'authkey', 'auth_Key', 'auth_key', 'community']))},
    {name: 'matchYAMLKeyEnding (token|jwt)', re: /(^\s*(\w|_|-)*_?(token|jwt)\s*:).+/, ours: (l: string) => replaceYamlValue(l, keyEnding(['token', 'jwt']), true)},
    {name: 'matchYAMLKeyPrefixSuffix (x- … key)', re: /(\s*x-(\w|_|-)*key\s*:).+/, ours: (l: string) => replaceYamlValue(l, keyPrefixSuffix('x-', 'key'))},
  ];
  it.each(yamlCases)('$name', ({re, ours}) => {
    fc.assert(
      fc.property(textOf(['pass', 'pwd', 'x-', 'key', 'token', 'jwt', 'community', '_string', 'auth', '_', '-', ':', ' ', '\t', 'a', 'K', '#']), (s) => {
        expect(ours(s)).toBe(s.replace(re, '$1 "********"'));
      }),
      RUNS,
    );
  });

  it('certReplacer', () => {
    const re = /-----BEGIN (?:.*)-----[A-Za-z0-9=+/\s]*-----END (?:.*)-----/g;
    fc.assert(
      fc.property(textOf(['-----BEGIN ', '-----END ', '-----', 'K', 'Q=', '/', '\n', ' ', ':', '-'], 12), (s) => {
        expect(scrubCertificates(s)).toBe(s.replace(re, '********'));
      }),
      RUNS,
    );
  });

  // The Go regex with two changes: `+` items instead of `*` (we differ on purpose on zero items;
  // the generator writes no column-0 items, our other deliberate difference), and the bracket
  // part `\[(?:\n?.*?)*?\]` written as the equivalent `\[[\s\S]*?\]` — the original nests
  // quantifiers and hangs JavaScript for minutes even on these short inputs, which is the point.
  it('snmpMultilineReplacer (bracket lists and indented block lists)', () => {
    const re = /(\s*community_strings\s*:)\s*(?:\n(?:\s+-\s+.*)+|\[[\s\S]*?\])/g;
    fc.assert(
      fc.property(textOf(['community_strings', ':', ' ', '\n', '[', ']', "'a'", ',', '\n  - x', '\n  -', 'k: v', '\n\t- y'], 12), (s) => {
        expect(scrubCommunityStrings(s)).toBe(s.replace(re, '$1 "********"'));
      }),
      RUNS,
    );
  });
});

describe('the stream scrubber equals scrubText on the whole input, however it is cut', () => {
  const pieces = ['-----BEGIN K-----', '-----END K-----', 'QUJD', '\n', '\r\n', ' ', 'community_strings:', '[', ']', '  - a', 'api_key=abcdefgh12345', 'x: 1', 'password: p', ':', '-'];
  it('random texts, random cuts', () => {
    fc.assert(
      fc.property(textOf(pieces, 30), fc.array(fc.integer({min: 1, max: 9}), {minLength: 1, maxLength: 10}), (text, cuts) => {
        const s = new StreamScrubber();
        let out = '';
        let i = 0;
        let k = 0;
        while (i < text.length) {
          const len = cuts[k++ % cuts.length] ?? 1;
          out += s.push(text.slice(i, i + len));
          i += len;
        }
        out += s.end();
        expect(out).toBe(scrubText(text));
      }),
      {numRuns: 20_000},
    );
  });

  it('ends like scrubText when the last list item is empty and a trailing newline follows (fast-check counterexample)', () => {
    const text = 'community_strings:\n-\r\n';
    const s = new StreamScrubber();
    let out = '';
    for (const ch of text) out += s.push(ch);
    expect(out + s.end()).toBe(scrubText(text));
  });

  it('releases a finished line at once, and holds a PEM block until its END line', () => {
    const s = new StreamScrubber();
    expect(s.push('plain line\n')).toBe('plain line\n');
    expect(s.push('-----BEGIN RSA PRIVATE KEY-----\nMIIC\n')).toBe('');
    expect(s.push('-----END RSA PRIVATE KEY-----\nnext\n')).toBe('********\nnext\n');
    expect(s.end()).toBe('');
  });
});
