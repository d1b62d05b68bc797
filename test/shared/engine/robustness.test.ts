// Hostile input never breaks the engine: it never throws, and time grows linearly with input
// (no catastrophic regex backtracking). Times are compared between sizes, never against a clock.
import {readFileSync} from 'node:fs';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {Scanner, scanText} from '../../../shared/engine/scan';
import {recognizers} from '../../../shared/tracers/index';
import {expectLinear} from '../../helpers/linear';

const hints = [...new Set(recognizers.flatMap((r) => r.hints))];
const fragments = [
  ...hints,
  'Error: connect ECONNREFUSED 127.0.0.1:8126',
  '\n    at foo (bar.js:1:1)',
  '\n{',
  '\n}',
  '\n  errno: -111,',
  '"',
  '\\n',
  '{"message":"',
  '\x1b[31m',
  'http://',
  'unix:///var/run/datadog/apm.socket',
  ':8126',
  '\n',
  '\r\n',
  '\u0000',
  '<img src=x onerror=alert(1)>',
];

describe('engine robustness', () => {
  it('never throws on arbitrary text, hint soup or binary', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({maxLength: 2000}), fc.array(fc.constantFrom(...fragments), {maxLength: 200}).map((a) => a.join('')), fc.uint8Array({maxLength: 2000}).map((b) => String.fromCharCode(...b))), (text) => {
        const r = scanText(text);
        for (const f of r.findings) {
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.endLine).toBeGreaterThanOrEqual(f.line);
          expect(f.diagnosis.rule).toBeTruthy();
        }
      }),
      {numRuns: 300},
    );
  });

  it('streamed, fills a finding without an address from a config line later in the same chunk, as a whole-text scan does', () => {
    const upload =
      '[dd.trace 2024-02-01 12:01:00:000 +0000] [dd-profiler-http-dispatcher] WARN com.datadog.profiling.uploader.ProfileUploader - Failed to upload profile. Datadog Agent is not accepting profiles. Agent-based profiling deployments require Datadog Agent >= 7.20 (Will not log warnings for 5 minutes)';
    const config =
      '[dd.trace 2021-08-24 18:38:01:501 +0000] [dd-task-scheduler] INFO datadog.trace.agent.core.StatusLogger - DATADOG TRACER CONFIGURATION {"version":"0.84.0","lang":"jvm","agent_url":"http://10.1.2.3:8126","agent_error":false}';
    const text = `${upload}\n${config}\nGET /health 200\n`;
    const whole = scanText(text).findings;
    expect(whole.map((f) => f.target.url)).toEqual(['http://10.1.2.3:8126']);
    const s = new Scanner();
    const streamed = [...s.push(text).findings, ...s.finish().findings];
    expect(streamed.map((f) => [f.line, f.target.url])).toEqual(whole.map((f) => [f.line, f.target.url]));
  });

  it('in batches scanned apart (the content script), finds a bare error of an earlier batch once a later config line names its address', () => {
    // dd-trace 2.x prints its first refused connections (to a custom port) before its
    // configuration line; here after another app's, whose agent is on the same host at the usual port.
    const other = 'DATADOG TRACER CONFIGURATION - {"version":"5.132.0","lang":"nodejs","service":"billing","agent_url":"http://127.0.0.1:8126/"}';
    const text = `${other}\n${readFileSync(new URL('../../fixtures/logs/nodejs/dd-trace-js/v2/refused.log', import.meta.url), 'utf8')}`;
    const lines = text.split('\n');
    const conf = lines.findIndex((l, i) => i > 0 && l.includes('DATADOG TRACER CONFIGURATION'));
    expect(conf).toBeGreaterThan(3);
    const whole = scanText(text).findings.map((f) => [f.line, f.cause, f.target.port]);
    expect(whole.some(([line, , port]) => (line as number) < conf && port !== 8126)).toBe(true);
    const s = new Scanner();
    const first = s.add(`${lines.slice(0, conf).join('\n')}\n`, 1).findings;
    const second = s.add(lines.slice(conf).join('\n'), conf + 1).findings;
    expect([...first, ...second].map((f) => [f.line, f.cause, f.target.port]).sort((a, b) => (a[0] as number) - (b[0] as number))).toEqual(whole);
  });

  it('gives the same findings whether a text is scanned whole or streamed in any chunking', () => {
    const sample = [
      'app started',
      'Error sending payload to the agent (status code: undefined)',
      'Error: connect ECONNREFUSED 127.0.0.1:8126',
      '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16) {',
      '  errno: -111,',
      "  code: 'ECONNREFUSED',",
      '}',
      'GET /health 200',
      'DATADOG TRACER DIAGNOSTIC - Agent Error: getaddrinfo ENOTFOUND datadog-agent',
    ].join('\n');
    const whole = scanText(sample).findings.map((f) => [f.line, f.endLine, f.cause]);
    expect(whole.length).toBe(2);
    fc.assert(
      fc.property(fc.array(fc.integer({min: 1, max: sample.length}), {maxLength: 8}), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const s = new Scanner();
        const got: (number | string)[][] = [];
        let prev = 0;
        for (const p of [...points, sample.length]) {
          got.push(...s.push(sample.slice(prev, p)).findings.map((f) => [f.line, f.endLine, f.cause]));
          prev = p;
        }
        got.push(...s.finish().findings.map((f) => [f.line, f.endLine, f.cause]));
        expect(got).toEqual(whole);
      }),
      {numRuns: 200},
    );
  });

  it.each([
    ['a 1 MB line of one hint repeated', (n: number) => 'ECONNREFUSED '.repeat(n / 13)],
    ['a hint followed by 1 MB of letters', (n: number) => `DATADOG TRACER DIAGNOSTIC - Agent Error: ${'a'.repeat(n)}`],
    ['1 MB of colons and digits after a URL', (n: number) => `http://${'1:'.repeat(n / 2)}`],
    ['a config line with a 1 MB unterminated string', (n: number) => `DATADOG TRACER CONFIGURATION - {"agent_url":"${'\\"'.repeat(n / 2)}`],
    ['a 1 MB JSON envelope', (n: number) => JSON.stringify({message: `connect ECONNREFUSED 127.0.0.1:8126 ${'x'.repeat(n)}`})],
    ['1 MB of stack frames', (n: number) => `Error: connect ECONNREFUSED 127.0.0.1:8126\n${'    at x (y.js:1:1)\n'.repeat(n / 20)}`],
    ['many short error lines', (n: number) => 'Error: connect ECONNREFUSED 127.0.0.1:8126\n'.repeat(n / 43)],
  ])('%s finishes in linear time', (_name, make) => {
    expectLinear(make, (text) => scanText(text), 64 * 1024);
  });

  it('keeps hostile HTML in a log line as plain text in the excerpt', () => {
    const line = 'DATADOG TRACER DIAGNOSTIC - Agent Error: connect ECONNREFUSED 127.0.0.1:8126 <img src=x onerror="alert(1)"><script>alert(2)</script>';
    const [f] = scanText(line).findings;
    expect(f?.excerpt).toBe(line);
  });
});

describe('prefilter trie', () => {
  it('matches exactly the hints, each as a whole, and nothing else', async () => {
    const {trieAlternation} = await import('../../../shared/engine/scan');
    const words = ['ECONNREFUSED', 'ECONNRESET', 'EAI_AGAIN', 'Error', 'Error from the', 'a.b', '[RC]', 'x|y'];
    const re = new RegExp(`^(?:${trieAlternation(words)})$`);
    for (const w of words) expect(re.test(w), w).toBe(true);
    for (const w of ['ECONN', 'ECONNREFUSE', 'Error from', 'aXb', 'RC', 'x', '']) expect(re.test(w), w).toBe(false);
  });
});
