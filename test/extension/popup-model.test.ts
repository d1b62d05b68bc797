// The popup's pure logic (extension/popup/model.ts, vantage.ts): grouping by diagnosis, the
// probe's default target, the support bundle's input, and the vantage fields' validation.
// Findings come from the real engine over recorded dd-trace output, summarised the way the
// content script summarises them (extension/content/index.ts).
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {buildBundle, renderBundleMarkdown} from '../../shared/bundle/index';
import {scanText} from '../../shared/engine/api';
import type {DiagnosedFinding, Env} from '../../shared/engine/types';
import type {FindingSummary} from '../../extension/messages';
import {bundleInput, distinctLines, envScopes, findingTargets, groupFindings, tabEnv, type FrameFindings} from '../../extension/popup/model';
import {draftErrors, vantageOf, EMPTY_DRAFT} from '../../extension/popup/vantage';

const LOGS = new URL('../fixtures/logs/nodejs/', import.meta.url);
const log = (name: string) => readFileSync(new URL(name, LOGS), 'utf8');

function summaries(text: string, env: Env = 'unknown'): FindingSummary[] {
  const lines = text.split('\n');
  return scanText(text, {env}).findings.map((f: DiagnosedFinding) => ({
    rule: f.diagnosis.rule,
    cause: f.cause,
    lang: f.lang,
    source: f.source,
    target: f.target,
    tracerVersion: f.tracerVersion,
    lineText: (lines[f.line - 1] ?? '').trim(),
    excerpt: f.excerpt,
    title: f.diagnosis.title,
    explanation: f.diagnosis.explanation,
    advice: f.diagnosis.advice,
  }));
}

const frame = (frameId: number, findings: FindingSummary[], env: Env = 'unknown', envSource: 'detected' | 'override' = 'detected', origin: string | null = null): FrameFindings => ({
  frameId,
  origin,
  env,
  envSource,
  adapter: 'generic',
  findings,
});

const refused = log('dd-trace-js-6.21/refused-default.debug.log');
const dns = log('dd-trace-js-6.21/dns-unresolvable-host.debug.log');

describe('groupFindings', () => {
  it('puts findings with the same diagnosis together, most frequent first, across frames', () => {
    const a = summaries(refused);
    const b = summaries(dns);
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    const groups = groupFindings([frame(0, [...a, ...a]), frame(3, b)]);
    const rules = new Set([...a, ...b].map((f) => f.rule));
    expect(groups.map((g) => g.rule).sort()).toEqual(expect.arrayContaining([...rules]));
    expect(groups.reduce((n, g) => n + g.items.length, 0)).toBe(2 * a.length + b.length);
    for (let i = 1; i < groups.length; i++) expect(groups[i - 1]!.items.length).toBeGreaterThanOrEqual(groups[i]!.items.length);
    // Every item points back at its own frame and index (what "Show" sends).
    for (const g of groups) for (const ref of g.items) expect([frame(0, [...a, ...a]), frame(3, b)].find((f) => f.frameId === ref.frameId)?.findings[ref.index]).toBe(ref.finding);
  });

  it('keeps one diagnosis per group: a different target (other advice) is another group', () => {
    const one = summaries('Error: connect ECONNREFUSED 10.0.0.5:8126\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16)', 'kubernetes');
    const two = summaries('Error: connect ECONNREFUSED 10.0.0.9:8126\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16)', 'kubernetes');
    expect(one).toHaveLength(1);
    expect(two).toHaveLength(1);
    const same = JSON.stringify([one[0]!.explanation, one[0]!.advice]) === JSON.stringify([two[0]!.explanation, two[0]!.advice]);
    expect(groupFindings([frame(0, [...one, ...two])])).toHaveLength(same ? 1 : 2);
  });

  it('lists a repeated line once, with its count', () => {
    const f = summaries(refused);
    const repeated = groupFindings([frame(0, [f[0]!, f[0]!, f[0]!])]);
    expect(distinctLines(repeated[0]!.items)).toEqual([{ref: repeated[0]!.items[0], count: 3}]);
  });
});

describe('tabEnv and findingTargets', () => {
  it('takes the env of the frame with the most findings', () => {
    const f = summaries(refused);
    expect(tabEnv([frame(0, [], 'docker'), frame(2, f, 'kubernetes', 'override')])).toEqual({env: 'kubernetes', source: 'override'});
    expect(tabEnv([])).toBeNull();
  });

  it('scopes an env override to every reporting frame origin (a console often logs in an iframe of another origin)', () => {
    expect(
      envScopes([
        frame(0, [], 'unknown', 'detected', 'https://console.aws.amazon.com'),
        frame(5, [], 'unknown', 'detected', 'https://logs.example.net'),
        frame(6, [], 'unknown', 'detected', 'https://console.aws.amazon.com'),
        frame(7, [], 'unknown', 'detected', null),
        frame(8, [], 'unknown', 'detected', 'chrome-extension://abc'),
      ]),
    ).toEqual(['https://console.aws.amazon.com', 'https://logs.example.net']);
  });

  it('offers the targets the findings name, most frequent first', () => {
    const r = summaries(refused);
    const d = summaries(dns);
    // Whichever log names its address more often comes first.
    const [more, less] = r.length * 3 > d.length ? ['127.0.0.1:8126', 'datadog-agent.invalid'] : ['datadog-agent.invalid', '127.0.0.1:8126'];
    const targets = findingTargets([...r, ...r, ...r, ...d]);
    expect(targets).toHaveLength(2);
    expect(targets[0]).toContain(more);
    expect(targets[1]).toContain(less);
  });
});

describe('bundleInput', () => {
  it('carries the page findings with their diagnosis, lines that point into the log text, and the pasted text after them', () => {
    const page = summaries(refused, 'docker');
    const pasted = dns;
    const input = bundleInput({page, pasted, env: {detected: 'docker', chosen: null}, probe: null, status: null, snapshot: null, origin: 'logs.example', generatedAt: '2026-01-01T00:00:00.000Z'});
    const lines = (input.logText ?? '').split('\n');
    expect(input.findings.length).toBe(page.length + scanText(pasted).findings.length);
    for (const f of input.findings) {
      const excerptFirst = f.excerpt.split('\n')[0]!.trim();
      expect(lines[f.line - 1]?.trim()).toBe(excerptFirst);
      expect(f.endLine).toBeGreaterThanOrEqual(f.line);
    }
    // The page's own diagnoses are kept as the user saw them.
    expect(input.findings.slice(0, page.length).map((f) => f.diagnosis.rule)).toEqual(page.map((f) => f.rule));
    // A re-scan adds what a summary lacks (the errno the line printed).
    expect(input.findings.some((f) => f.errorCode === 'ECONNREFUSED')).toBe(true);
    expect(input.origin).toBe('logs.example');
  });

  it('builds a bundle whose Markdown lists the findings and keeps a planted secret out', () => {
    const secret = 'f00dfeedcafebabe0123456789a1b2c3';
    const withSecret = `${refused}\nDD_API_KEY=${secret} Error: connect ECONNREFUSED 127.0.0.1:8126`;
    const page = summaries(withSecret);
    const md = renderBundleMarkdown(buildBundle(bundleInput({page, pasted: null, env: {detected: null, chosen: 'host'}, probe: null, status: null, snapshot: null, origin: null, generatedAt: '2026-01-01T00:00:00.000Z'})), 'en');
    expect(md).toContain('ECONNREFUSED 127.0.0.1:8126');
    expect(md).not.toContain(secret);
  });
});

describe('vantage fields', () => {
  it.each([
    [{kind: 'local'}, {kind: 'local'}, 'nothing to type'],
    [{kind: 'docker', container: 'shop-api_1'}, {kind: 'docker', container: 'shop-api_1'}, 'a docker name'],
    [{kind: 'docker', container: '-it'}, null, 'a leading dash would be an option'],
    [{kind: 'docker', container: ''}, null, 'the container is required'],
    [{kind: 'k8s', pod: 'shop-7d9c', namespace: 'prod'}, {kind: 'k8s', pod: 'shop-7d9c', namespace: 'prod'}, 'pod and namespace'],
    [{kind: 'k8s', pod: 'Shop'}, null, 'pods are lower-case'],
    [{kind: 'k8s', pod: 'shop', namespace: 'a b'}, null, 'no spaces in a namespace'],
    [{kind: 'k8s', pod: 'shop', context: 'arn:aws:eks:eu-west-1:1:cluster/x'}, {kind: 'k8s', pod: 'shop', context: 'arn:aws:eks:eu-west-1:1:cluster/x'}, 'an EKS context name'],
  ] as const)('%j → %j (%s)', (fields, expected, _why) => {
    const draft = {...EMPTY_DRAFT, ...fields};
    expect(vantageOf(draft)).toEqual(expected);
    expect(Object.keys(draftErrors(draft)).length === 0).toBe(expected !== null);
  });
});
