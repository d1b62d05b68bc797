// Hostile input must stay linear (STYLE habit 4). Each rule gets inputs built to trigger the
// backtracking its Go regex would suffer in JavaScript (nested or overlapping quantifiers,
// long runs that almost match, many starts). A quadratic rule takes minutes on these; a
// linear one takes milliseconds, so a generous bound separates them on a busy machine.
import {describe, expect, it} from 'vitest';
import {replacers, scrubText, StreamScrubber} from '../../../shared/scrub/index';

const N = 200_000;
const BOUND_MS = 2_000;

const rows: {id: string; input: string; why: string}[] = [
  {id: 'hintedAPIKeyReplacer', input: 'api_key=' + 'a'.repeat(N) + '_', why: 'a long token that fails at the final \\b'},
  {id: 'hintedAPIKeyReplacer', input: 'api_key=a'.repeat(N / 9), why: 'many hinted starts'},
  {id: 'hintedAPPKeyReplacer', input: 'application_key=' + '9'.repeat(N) + '_', why: 'a long token that fails at the final \\b'},
  {id: 'prefixedAPPKeyReplacer', input: 'ddapp_'.repeat(N / 6), why: 'many prefixes, none long enough'},
  {id: 'hintedBearerReplacer', input: 'Bearer ' + 'a'.repeat(N), why: 'hex run far longer than 64'},
  {id: 'hintedBearerInvalidReplacer', input: 'Bearer' + ' '.repeat(N) + '*', why: '`\\s+[^*]+\\b` share the spaces: quadratic when backtracking'},
  {id: 'hintedBearerInvalidReplacer', input: 'Bearer  ,'.repeat(N / 9) + '*', why: 'many Bearers, no word char before the star'},
  {id: 'httpHeaderKeyReplacer', input: 'x-api-key' + ' '.repeat(N) + 'x', why: 'the unanchored leading `\\s*` re-scans blanks from every start'},
  {id: 'httpHeaderKeyReplacer', input: 'x-api-key ' + 'x-'.repeat(N / 2) + 'ke:', why: '`(\\w|_|-)*` after every x-'},
  {id: 'httpHeaderTokenReplacer', input: 'x-vault-token ' + '_'.repeat(N) + ' :', why: '`(\\w|_|-)*`: `_` matches two alternatives (exponential)'},
  {id: 'httpHeaderAuthReplacer', input: 'x-auth' + ':'.repeat(N), why: 'a colon at every position'},
  {id: 'httpHeaderSecretReplacer', input: 'x-api-secret' + ' :'.repeat(N / 2), why: 'many empty keys'},
  {id: 'exactKeyReplacer', input: 'cookie' + ' :'.repeat(N / 2), why: 'many colons'},
  {id: 'privateKeyReplacer', input: ' '.repeat(N) + 'private_key', why: 'anchored rule after a long blank run'},
  {id: 'apiKeyReplacerYAML', input: ':' + ' '.repeat(N) + 'g', why: 'optional blanks then a failing key'},
  {id: 'apiKeyReplacerYAML', input: ': '.repeat(N / 2), why: 'many separators'},
  {id: 'apiKeyReplacer', input: 'a'.repeat(N), why: 'one huge hex run'},
  {id: 'appKeyReplacerYAML', input: '-' + 'f'.repeat(N), why: 'one huge hex run after a separator'},
  {id: 'appKeyReplacer', input: '0123456789abcdef0123456789abcdef012345 '.repeat(N / 39), why: 'near-miss lengths'},
  {id: 'rcAppKeyReplacer', input: 'DDRCM_' + 'A'.repeat(N) + 'a', why: 'long run that fails at \\b'},
  {id: 'uriPasswordReplacer', input: 'a:'.repeat(N / 2) + '@', why: 'every start scans to the last @'},
  {id: 'uriPasswordReplacer', input: 'http://'.repeat(N / 7) + 'u:p', why: 'many schemes, no @'},
  {id: 'uriPasswordReplacer', input: ':'.repeat(N) + '@', why: 'empty users'},
  {id: 'yamlPasswordReplacer', input: 'pass' + '_'.repeat(N) + ' ', why: '`(\\w|_|-)*`: exponential in JavaScript'},
  {id: 'yamlPasswordReplacer', input: 'pwd ' + ' '.repeat(N) + 'x', why: 'blanks, no colon'},
  {id: 'passwordReplacer', input: 'pass'.repeat(N / 4), why: 'a keyword at every 4th position'},
  {id: 'passwordReplacer', input: 'password='.repeat(N / 9), why: 'one greedy value run'},
  {id: 'tokenReplacer', input: 'token' + '_'.repeat(N) + ' x', why: 'exponential `(\\w|_|-)*`'},
  {id: 'consumerKeyAndTokenIDReplacer', input: 'token_id' + ' :'.repeat(N / 2), why: 'many colons'},
  {id: 'secretReplacer', input: '_secret' + '-'.repeat(N), why: 'a long key run'},
  {id: 'accessKeyReplacer', input: 'access_key' + '_'.repeat(N), why: 'a long key run'},
  {id: 'snmpReplacer', input: 'community' + ' '.repeat(N) + 'x', why: 'blanks, no colon'},
  {id: 'ours:secretKeyValue', input: '='.repeat(N), why: 'a separator at every position'},
  {id: 'ours:secretKeyValue', input: 'token='.repeat(N / 6), why: 'a secret name at every 6th position'},
  {id: 'ours:secretKeyValue', input: 'a'.repeat(N) + ':', why: 'one long name'},
  {id: 'ours:awsAccessKeyId', input: 'AKIA'.repeat(N / 4), why: 'many prefixes'},
  {id: 'ours:gcpApiKey', input: 'AIza'.repeat(N / 4), why: 'many prefixes'},
  {id: 'ours:inlinePrivateKey', input: '-----BEGIN PRIVATE KEY-----'.repeat(N / 27), why: 'many BEGINs, no END'},
  {id: 'ours:inlinePrivateKey', input: '-----BEGIN '.repeat(N / 11), why: 'many BEGINs without a header end'},
  {id: 'snmpMultilineReplacer', input: 'community_strings: ['.repeat(N / 20), why: 'unclosed brackets (the Go regex nests quantifiers)'},
  {id: 'snmpMultilineReplacer', input: 'community_strings:\n' + '  - a\n'.repeat(N / 6), why: 'a long list'},
  {id: 'certReplacer', input: '-----BEGIN '.repeat(N / 11), why: 'many BEGINs on one line'},
  {id: 'certReplacer', input: '-----BEGIN X-----' + '-----'.repeat(N / 5), why: 'every "-----" is a candidate end of the header'},
  {id: 'certReplacer', input: '-----BEGIN K-----\n' + 'QUJD\n'.repeat(N / 5), why: 'a long body with no END'},
];

function timed(f: () => void): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}

describe('pathological inputs finish in linear time', () => {
  it('every rule that rewrites text has at least one pathological row', () => {
    const covered = new Set(rows.map((r) => r.id));
    const missing = replacers.filter((r) => r.replace && !covered.has(r.id)).map((r) => r.id);
    expect(missing).toEqual([]);
  });

  it.each(rows)('$id: $why', ({id, input}) => {
    const rule = replacers.find((r) => r.id === id);
    expect(rule?.replace).toBeDefined();
    expect(timed(() => rule?.replace?.(input))).toBeLessThan(BOUND_MS);
    expect(timed(() => scrubText(input))).toBeLessThan(BOUND_MS);
  });

  it('a megabyte of random bytes (decoded byte-per-char, as redact reads them)', () => {
    let seed = 42;
    const bytes = new Uint8Array(1 << 20);
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      bytes[i] = seed >>> 24;
    }
    const text = new TextDecoder('latin1').decode(bytes);
    expect(timed(() => scrubText(text))).toBeLessThan(BOUND_MS * 2);
  });

  it('every hint repeated on one long line, and the stream scrubber fed one byte-sized chunk at a time', () => {
    const hints = [...new Set(replacers.flatMap((r) => r.hints))].join(' = : ');
    const line = hints.repeat(Math.ceil(N / hints.length));
    expect(timed(() => scrubText(line))).toBeLessThan(BOUND_MS * 2);
    const s = new StreamScrubber();
    const chunk = '-----BEGIN K-----\nQUJD\n'.repeat(2000);
    expect(
      timed(() => {
        for (let i = 0; i < chunk.length; i += 7) s.push(chunk.slice(i, i + 7));
        s.end();
      }),
    ).toBeLessThan(BOUND_MS * 2);
  });
});
