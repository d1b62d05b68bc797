// Building and rendering: the six things support asks for (SPEC §2.6) are there, bounded, in
// both languages; hostile or malformed parts don't break the bundle.
import {describe, expect, it} from 'vitest';
import {buildBundle, bundleJsonObject, extractAgentYaml, renderBundleJson, renderBundleMarkdown} from '../../../shared/bundle/index';
import type {SupportBundle} from '../../../shared/bundle/index';
import {EXCERPT_LIMITS, pickLines} from '../../../shared/bundle/excerpts';
import {code, fence} from '../../../shared/bundle/markdown';
import type {DiagnosedFinding} from '../../../shared/engine/types';
import type {ProbeResult} from '../../../shared/probe/types';
import {replacers} from '../../../shared/scrub/index';
import {AGENT_YAML, FINDINGS, plantedInput, PROBE} from './planted';

const clean = buildBundle(plantedInput({envSnapshot: undefined, probe: undefined, status: undefined, agentYaml: undefined, logText: 'Error: connect ECONNREFUSED 10.0.0.7:8127\n    at x', findings: FINDINGS.map((f) => ({...f, line: 1, endLine: 2, diagnosis: {...f.diagnosis, explanation: {key: 'rule_check_agent_explanation', subs: {target: '10.0.0.7:8127'}}}})), configs: []}));

describe('the bundle has what support asks for', () => {
  const md = renderBundleMarkdown(buildBundle(plantedInput()), 'en');
  const sections = [
    {why: 'the environment, chosen and detected', re: /Where the app runs \(your choice\): Kubernetes[\s\S]*Detected: Docker/},
    {why: 'runtime and tracer versions from the startup config', re: /Tracer: Node\.js 5\.1\.0 `service=checkout env=prod version=1\.4\.2/},
    {why: 'proxy settings', re: /`HTTPS_PROXY`: `http:\/\/squid-user:\*{8}@proxy\.corp:3128`/},
    {why: 'the agent port when it is not 8126', re: /Not the default 8126: `8127`/},
    {why: 'the app’s DD_* variables', re: /```sh\nDD_AGENT_HOST=10\.0\.0\.7\n/},
    {why: 'the datadog.yaml APM section', re: /```yaml\n[\s\S]*apm_config:\n {2}enabled: true\n {2}receiver_port: 8127/},
    {why: 'the log lines behind the finding, with context', re: /```\n {2}2 \| app started on :3000\n[\s\S]*> 5 \| Error: connect ECONNREFUSED 10\.0\.0\.7:8127\n> 6 \|/},
    {why: 'the startup log line', re: /### Tracer startup configuration\n\n```\n> 1 \| DATADOG TRACER CONFIGURATION/},
    {why: 'the probe', re: /## 6\. Probe of the agent\n\n- Result: failed\./},
    {why: 'agent status', re: /## 7\. Agent status \(APM section\)\n\n- Command: `kubectl exec -n datadog/},
    {why: 'how to send a flare here', re: /kubectl exec -it -n datadog datadog-agent-x7k2p -c trace-agent -- agent flare 1234567 --local/},
  ];
  it.each(sections)('$why', ({re}) => {
    expect(md).toMatch(re);
  });

  it('leaves the rest of datadog.yaml out (comments, other products)', () => {
    const y = extractAgentYaml(AGENT_YAML);
    expect(y.found).toEqual(['api_key', 'site', 'proxy', 'apm_config']);
    expect(y.text).not.toMatch(/logs_enabled|process_config|#/);
  });

  it('says “not collected” for every part it was not given', () => {
    const md0 = renderBundleMarkdown(buildBundle({findings: [], configs: [], env: {detected: null, chosen: null}, generatedAt: 'now'}), 'en');
    for (const s of ['No tracer-to-agent connection failure', 'Not collected (no environment snapshot)', 'No probe was run', 'Not collected. On the agent, run `agent status`', 'Not included.', 'sudo datadog-agent flare <CASE_ID>']) {
      expect(md0).toContain(s);
    }
  });
});

describe('both languages', () => {
  it('Korean headings differ from English and no key is left unrendered', () => {
    const b = buildBundle(plantedInput());
    const ko = renderBundleMarkdown(b, 'ko');
    const en = renderBundleMarkdown(b, 'en');
    expect(ko).toMatch(/^## 1\. 환경$/m);
    expect(ko).toMatch(/^## \d\. Agent 플레어 보내기$/m);
    for (const text of [en, ko]) expect(text).not.toMatch(/\bbundle_[a-z_]+\b/);
  });
});

describe('JSON', () => {
  it('round-trips a secret-free bundle unchanged: our own field names never look like secrets to the scrubber', () => {
    expect(JSON.parse(renderBundleJson(clean))).toEqual(JSON.parse(JSON.stringify(bundleJsonObject(clean))));
  });

  it('no field name of the bundle, a probe or agent status is taken for a secret by a key rule', () => {
    const names = new Set<string>();
    const walk = (v: unknown, parent: string) => {
      if (v === null || typeof v !== 'object') return;
      for (const [k, x] of Object.entries(v)) {
        // Variable maps are keyed by variable names: those ARE meant to match (DD_API_KEY).
        if (parent !== 'variables' && parent !== 'from') names.add(k);
        walk(x, Array.isArray(v) ? parent : k);
      }
    };
    walk(bundleJsonObject(buildBundle(plantedInput())), '');
    expect(names.size).toBeGreaterThan(100);
    expect([...names].filter((k) => replacers.some((r) => r.key?.(k)))).toEqual([]);
  });

  it('renders every message in English', () => {
    const j = JSON.parse(renderBundleJson(buildBundle(plantedInput()))) as {findings: {title: unknown}[]; probe: {verdict: {summary: unknown}}};
    expect(typeof j.findings[0]?.title).toBe('string');
    expect(typeof j.probe.verdict.summary).toBe('string');
  });
});

const many = (n: number, f: (i: number) => Partial<DiagnosedFinding>): DiagnosedFinding[] => Array.from({length: n}, (_, i) => ({...(FINDINGS[0] as DiagnosedFinding), ...f(i)}));

describe('bounds', () => {
  it('groups repeats of one failure and lists their lines, bounded', () => {
    const b = buildBundle(plantedInput({findings: many(500, (i) => ({line: i * 2 + 1, endLine: i * 2 + 1}))}));
    expect(b.findings).toHaveLength(1);
    expect(b.findings[0]?.sameCount).toBe(499);
    expect(b.findings[0]?.sameOnLines).toHaveLength(EXCERPT_LIMITS.sameLines);
  });

  it('shows at most 20 different failures and counts the rest', () => {
    const b = buildBundle(plantedInput({findings: many(30, (i) => ({line: i + 1, endLine: i + 1, target: {url: null, host: 'h', port: 9000 + i, socket: null}}))}));
    expect(b.findings).toHaveLength(EXCERPT_LIMITS.groups);
    expect(b.findingsOmitted).toBe(10);
  });

  it('cuts a long event, long lines and control characters', () => {
    const log = ['Error: connect ECONNREFUSED 10.0.0.7:8127', ...Array.from({length: 200}, (_, i) => `    at frame${i} ${'y'.repeat(2000)}\u001b[31m\u0007`)].join('\n');
    const b = buildBundle(plantedInput({logText: log, findings: many(1, () => ({line: 1, endLine: 201})), configs: []}));
    const f = b.findings[0];
    expect(f?.context).toHaveLength(EXCERPT_LIMITS.eventLines);
    expect(f?.omittedLines).toBe(181);
    expect(Math.max(...(f?.context ?? []).map((l) => l.text.length))).toBeLessThanOrEqual(EXCERPT_LIMITS.lineChars + 1);
    expect((f?.context ?? []).some((l) => [...l.text].some((ch) => ch.charCodeAt(0) < 0x09 || ch === '\u001b'))).toBe(false);
  });

  it('picks the lines it needs from a big text without an off-by-one at the end', () => {
    expect([...pickLines('a\nb\nc\n', new Set([1, 3, 4]))]).toEqual([
      [1, 'a'],
      [3, 'c'],
    ]);
  });

  const body = (c: string) => c.repeat(64);
  const keyLog = ['-----BEGIN RSA PRIVATE KEY-----', 'MIICdQIBADANBgkqhkiG9w0BAQEFAASCAl8w', body('A'), 'Error: connect ECONNREFUSED 10.0.0.7:8127', ...Array.from({length: 10}, () => body('Q')), 'x==', '-----END RSA PRIVATE KEY-----'].join('\n');
  const cuts = [
    {why: 'BEGIN inside the window, END outside', line: 4},
    {why: 'neither BEGIN nor END inside the window', line: 9},
    {why: 'END inside the window, BEGIN outside', line: 13},
  ];
  it.each(cuts)('masks a private key cut by a context window: $why', ({line}) => {
    const b = buildBundle(plantedInput({logText: keyLog, findings: many(1, () => ({line, endLine: line})), configs: []}));
    const text = (b.findings[0]?.context ?? []).map((l) => l.text).join('\n');
    expect(text).not.toMatch(/MIICdQ|AAAAAAAA|QQQQQQQQ/);
    expect(text).toContain('********');
  });
});

describe('hostile or malformed input', () => {
  it('a fence is longer than any backtick run in the log, and inline code can hold backticks', () => {
    expect(fence('a ``` b ```` c')).toMatch(/^`{5}\n[\s\S]*\n`{5}$/);
    expect(code('x`y')).toBe('`` x`y ``');
  });

  it('a malformed probe (an old bridge’s shape) becomes a line, not a crash', () => {
    const broken = {...PROBE, tcp: null, verdict: null} as unknown as ProbeResult;
    const b = buildBundle(plantedInput({probe: broken}));
    expect(() => renderBundleMarkdown(b, 'en')).not.toThrow();
    expect(() => JSON.parse(renderBundleJson(b)) as unknown).not.toThrow();
  });

  it('HTML in a log line stays text inside a code block', () => {
    const b: SupportBundle = buildBundle(plantedInput({logText: '<script>alert(1)</script>\nError: connect ECONNREFUSED 10.0.0.7:8127', findings: many(1, () => ({line: 2, endLine: 2})), configs: []}));
    const md = renderBundleMarkdown(b, 'en');
    expect(md).toMatch(/```\n {2}1 \| <script>alert\(1\)<\/script>\n> 2 \|/);
  });
});
