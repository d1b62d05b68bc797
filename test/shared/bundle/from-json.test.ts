// A bundle request's findings come from a content script inside an untrusted page: each is
// checked and bounded; the bundle is built whatever the rest looks like.
import {describe, expect, it} from 'vitest';
import {buildBundle, bundleInputFromRequest, findingFromJson, renderBundleJson, renderBundleMarkdown} from '../../../shared/bundle/index';
import {FINDINGS, PROBE, SNAPSHOT, STATUS} from './planted';

const good = JSON.parse(JSON.stringify(FINDINGS[0])) as Record<string, unknown>;

describe('findingFromJson', () => {
  it('keeps a well-formed finding as it is', () => {
    expect(findingFromJson(good)).toEqual(FINDINGS[0]);
  });

  const bad = [
    {why: 'not an object', v: 'Error: connect ECONNREFUSED'},
    {why: 'no diagnosis', v: {...good, diagnosis: undefined}},
    {why: 'line is a string', v: {...good, line: '5'}},
    {why: 'line 0', v: {...good, line: 0}},
    {why: 'a rule id with markup', v: {...good, diagnosis: {...(good['diagnosis'] as object), rule: '<img src=x>'}}},
    {why: 'a title that is not a message', v: {...good, diagnosis: {...(good['diagnosis'] as object), title: 'hello'}}},
  ];
  it.each(bad)('drops one with $why', ({v}) => {
    expect(findingFromJson(v)).toBeNull();
  });

  const coerced = [
    {why: 'an unknown lang becomes unknown', v: {...good, lang: 'cobol'}, check: {lang: 'unknown'}},
    {why: 'an unknown cause becomes other', v: {...good, cause: 'gremlins'}, check: {cause: 'other'}},
    {why: 'a port out of range is dropped', v: {...good, target: {url: null, host: 'h', port: 70000, socket: null}}, check: {target: {url: null, host: 'h', port: null, socket: null}}},
    {why: 'endLine before line is raised to line', v: {...good, line: 9, endLine: 2}, check: {line: 9, endLine: 9}},
  ];
  it.each(coerced)('$why', ({v, check}) => {
    expect(findingFromJson(v)).toMatchObject(check);
  });

  it('bounds a huge excerpt and substitution', () => {
    const f = findingFromJson({...good, excerpt: 'x'.repeat(1e6), diagnosis: {...(good['diagnosis'] as object), explanation: {key: 'k', subs: {target: 'y'.repeat(1e6)}}}});
    expect(f?.excerpt.length).toBe(4000);
    expect(f?.diagnosis.explanation.subs?.['target']?.length).toBe(4000);
  });
});

describe('bundleInputFromRequest', () => {
  it('builds a bundle from a request, counting the findings it left out', () => {
    const input = bundleInputFromRequest({findings: [good, 42, {line: 1}], env: 'kubernetes', probe: PROBE, status: STATUS, snapshot: SNAPSHOT}, '2026-01-01T00:00:00Z');
    expect(input.findings).toHaveLength(1);
    expect(input.problems).toEqual(['2 malformed finding(s) left out']);
    const b = buildBundle(input);
    expect(b.environment).toMatchObject({chosen: 'kubernetes', detected: 'docker'});
    expect(renderBundleMarkdown(b, 'en')).toContain('2 malformed finding(s) left out');
  });

  it('survives parts of the wrong shape', () => {
    const input = bundleInputFromRequest({findings: [good], env: null, probe: {tcp: 'x', verdict: 7}, status: {apm: {clients: 'none'}}, snapshot: {dd: 'DD_API_KEY=x', proxy: 5, container: null}}, 'now');
    const b = buildBundle(input);
    expect(() => renderBundleMarkdown(b, 'ko')).not.toThrow();
    expect(() => JSON.parse(renderBundleJson(b)) as unknown).not.toThrow();
    expect(b.findings).toHaveLength(1);
  });
});
