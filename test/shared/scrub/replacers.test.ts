// Keeps the rule catalogue honest (STYLE habits 2–4): every rule has provenance, hints that its
// own examples contain, examples that pass, and inputs it must keep; order follows the agent.
import {describe, expect, it} from 'vitest';
import {replacers, scrubData, scrubLine} from '../../../shared/scrub/index';
import type {Replacer} from '../../../shared/scrub/index';

function applyOne(r: Replacer, input: string): string {
  if (!r.replace) return input;
  if (r.hints.length > 0 && !r.hints.some((h) => input.includes(h))) return input;
  return r.replace(input);
}

const examples = replacers.flatMap((r) => r.examples.map((e) => [r.id, e.input, e.output, r] as const));
const keeps = replacers.flatMap((r) => r.keeps.map((k) => [r.id, k.input, k.why, r] as const));

describe('scrubber rule catalogue', () => {
  it('ids are unique', () => {
    expect(new Set(replacers.map((r) => r.id)).size).toBe(replacers.length);
  });

  it.each(replacers.map((r) => [r.id, r] as const))('%s has provenance and something to run', (_id, r) => {
    expect(r.source.length).toBeGreaterThan(10);
    expect(r.source).toMatch(r.id.startsWith('ours:') ? /^ours: / : /DataDog\/datadog-agent pkg\/util\/scrubber\/default\.go/);
    expect(Boolean(r.replace) || Boolean(r.key)).toBe(true);
  });

  it.each(replacers.filter((r) => r.replace).map((r) => [r.id, r] as const))('%s has at least one example', (_id, r) => {
    expect(r.examples.length).toBeGreaterThan(0);
  });

  it.each(examples)('%s: %j', (_id, input, output, r) => {
    // An example must contain a hint, or the scrubber would never run the rule on it.
    expect(r.hints.length === 0 || r.hints.some((h) => input.includes(h))).toBe(true);
    expect(applyOne(r, input)).toBe(output);
  });

  it.each(keeps)('%s keeps %j (%s)', (_id, input, _why, r) => {
    expect(applyOne(r, input)).toBe(input);
  });

  it('runs the agent’s rules first, ours after them, multi-line rules last (agent order)', () => {
    const ids = replacers.map((r) => r.id);
    const firstOurs = ids.findIndex((id) => id.startsWith('ours:'));
    const lastAgentLine = Math.max(...ids.map((id, i) => (!id.startsWith('ours:') && replacers[i]?.kind === 'line' ? i : -1)));
    const firstText = replacers.findIndex((r) => r.kind === 'text');
    expect(lastAgentLine).toBeLessThan(firstOurs);
    expect(replacers.slice(firstText).every((r) => r.kind === 'text')).toBe(true);
    expect(ids.slice(0, 5)).toEqual(['hintedAPIKeyReplacer', 'hintedAPPKeyReplacer', 'prefixedAPPKeyReplacer', 'hintedBearerReplacer', 'hintedBearerInvalidReplacer']);
    expect(ids.slice(-2)).toEqual(['snmpMultilineReplacer', 'certReplacer']);
  });
});

// The agent's ScrubDataObj: the first rule whose key matcher accepts a key replaces its value.
describe('structured data (scrubData)', () => {
  const rows = [
    {key: 'api_key', value: '0123456789abcdef0123456789abcdef', out: '***************************bcdef', why: 'apiKeyYaml keeps 5 of a 32-char key'},
    {key: 'api_key', value: 'short', out: '********', why: 'apiKeyYaml: other lengths fully replaced (5-char era)'},
    {key: 'app_key', value: '0123456789abcdef0123456789abcdef01234567', out: '***********************************34567', why: 'appKeyYaml keeps 5 of 40'},
    {key: 'mysql_password', value: 'hunter2', out: '********', why: 'yamlPasswordReplacer key contains pass'},
    {key: 'auth_token', value: 'abc', out: '********', why: 'tokenReplacer key ends with token'},
    {key: 'client_secret', value: {nested: 'x'}, out: '********', why: 'a matched key replaces the whole value, objects too'},
    {key: 'DD_API_KEY', value: '0123456789abcdef0123456789abcdef', out: '***************************bcdef', why: 'ours: upper-case env name, 32-hex keeps 5'},
    {key: 'DD_APP_KEY', value: 'not-hex', out: '********', why: 'ours: not a hex key, fully replaced'},
    {key: 'X-Datadog-Api-Key', value: 'abc', out: '********', why: 'ours: header names in any case'},
    {key: 'DD_AGENT_HOST', value: '10.0.0.5', out: '10.0.0.5', why: 'not secret'},
    {key: 'auth_token_file_path', value: '/x', out: '/x', why: 'a path to a token'},
  ];
  it.each(rows)('$key → $out ($why)', ({key, value, out}) => {
    expect(scrubData({[key]: value})).toEqual({[key]: out});
  });

  it('additional_endpoints: map form masks every leaf, list form re-enters the walk', () => {
    expect(scrubData({additional_endpoints: {'https://app.datadoghq.com': ['k1', 'k2']}})).toEqual({additional_endpoints: {'https://app.datadoghq.com': ['********', '********']}});
    expect(scrubData({additional_endpoints: [{host: 'a.example', api_key: 'x'}]})).toEqual({additional_endpoints: [{host: 'a.example', api_key: '********'}]});
  });

  it('scrubs string leaves and keys as text, leaves other scalars alone', () => {
    const out = scrubData({url: 'http://u:p@proxy:3128', n: 8126, ok: true, nil: null, list: ['Bearer abc.def'], 'http://u:p@h': 1});
    expect(out).toEqual({url: 'http://u:********@proxy:3128', n: 8126, ok: true, nil: null, list: ['Bearer ********'], 'http://u:********@h': 1});
  });

  it('keeps a hostile "__proto__" key as data, never as a prototype', () => {
    const out = scrubData(JSON.parse('{"__proto__": {"password": "x"}, "a": 1}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(out, '__proto__')).toBe(true);
    expect(JSON.stringify(out)).toBe('{"__proto__":{"password":"********"},"a":1}');
  });

  it('replaces data nested deeper than the walk goes instead of recursing without end', () => {
    let deep: unknown = 'secret';
    for (let i = 0; i < 200; i++) deep = {d: deep};
    expect(JSON.stringify(scrubData(deep))).toContain('"********"');
  });

  it('scrubLine applies only line rules', () => {
    expect(scrubLine('-----BEGIN CERTIFICATE-----')).toBe('-----BEGIN CERTIFICATE-----');
  });
});
