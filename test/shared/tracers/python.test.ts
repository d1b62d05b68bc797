// dd-trace-py recogniser beyond its examples: a ddtrace-run 0.51 session (seed lines, chained
// traceback, the app's own errors around them) and linear time on hostile lines.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {scanText} from '../../../shared/engine/scan';
import {expectLinear} from '../../helpers/linear';
import type {LogEvent} from '../../../shared/engine/types';
import {recognizer} from '../../../shared/tracers/python';
import {nestedQuantifiers, regexLiterals} from './regex-shape';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/logs/python/${name}`, import.meta.url), 'utf8');


function event(text: string): LogEvent {
  return {lines: [{line: 1, text, timestamp: null}], text, line: 1, endLine: 1};
}

describe('python recogniser on a ddtrace-run 0.51 session', () => {
  const {findings} = scanText(fixture('ddtrace-run-0.51.log'));

  it('finds the config, the diagnostic and the writer traceback; not Postgres nor DogStatsD', () => {
    expect(findings.map((f) => [f.line, f.endLine, f.lang, f.cause])).toEqual([
      [1, 1, 'python', 'addr_not_available'],
      [2, 2, 'python', 'addr_not_available'],
      [4, 14, 'python', 'addr_not_available'],
    ]);
  });

  it('fills the version from the configuration and keeps the logger timestamp', () => {
    expect(findings.map((f) => f.tracerVersion)).toEqual(['0.51.1', '0.51.1', '0.51.1']);
    expect(findings[1]?.timestamp).toBe('2021-08-17 19:10:06,169');
    expect(findings[2]?.target).toMatchObject({host: 'localhost', port: 8126});
  });

  it('gives the retry-only line (1.15–3.14) its address from the configuration line', () => {
    const text = [
      "- DATADOG TRACER CONFIGURATION - {'version': '2.12.2', 'lang': 'python', 'agent_url': 'http://10.0.0.8:8126', 'agent_error': None}",
      'failed to send, dropping 43 traces to intake at http://10.0.0.8:8126/v0.5/traces after 3 retries',
    ].join('\n');
    const [f] = scanText(text).findings;
    expect(f).toMatchObject({line: 2, cause: 'other', tracerVersion: '2.12.2', target: {host: '10.0.0.8', port: 8126}});
  });
});

describe('python recogniser stays linear', () => {
  const N = 256 * 1024;
  const cases: Array<[string, (n: number) => string]> = [
    ['the diagnostic words repeated', (n) => 'Agent not reachable '.repeat(n / 20)],
    ['a diagnostic with an endless target', (n) => `DATADOG TRACER DIAGNOSTIC - Agent not reachable at ${'a'.repeat(n)}`],
    ['a diagnostic whose exception repeats its marker', (n) => `Agent not reachable at http://x. Exception raised: ${'. Exception raised: '.repeat(n / 20)}`],
    ['a dropping line with endless skip suffixes', (n) => `failed to send, dropping 1 traces to intake at http://x:8126/v0.5/traces${', 1 additional messages skipped'.repeat(n / 31)}`],
    ['a retries clause that never closes', (n) => `failed to send, dropping 1 traces to intake at http://x after 3 retries (${'('.repeat(n)}`],
    ['an --info summary with unbalanced quotes', (n) => `ERROR: It looks like you have an agent error: '${"'".repeat(n)}`],
    ['an API object repr that never closes', (n) => `Failed to send traces to Datadog Agent at <${'a'.repeat(n)}`],
    ['telemetry with an endless URL', (n) => `Failed to send Instrumentation Telemetry to ${'h'.repeat(n)}`],
    ['a traceback of many frames', (n) => `failed to send traces to Datadog Agent at http://localhost:8126\nTraceback (most recent call last):\n${'  File "x.py", line 1, in f\n    g()\n'.repeat(n / 40)}ConnectionRefusedError: [Errno 111] Connection refused`],
  ];

  it.each(cases)('%s: the scanner finishes in linear time', (_name, make) => {
    expectLinear(make, (text) => scanText(text), N);
  });

  // recognize() called without the scanner (no 64 KB cut): it bounds what its regexes see.
  it.each(cases.filter(([, make]) => !make(64).includes('\n')))('%s: recognize() alone finishes in linear time on the uncut line', (_name, make) => {
    expectLinear((n) => event(make(n)), (ev) => recognizer.recognize(ev), N);
  });

  it('has no nested quantifiers in any of its regexes', () => {
    const source = readFileSync(new URL('../../../shared/tracers/python.ts', import.meta.url), 'utf8');
    expect(regexLiterals(source).length).toBeGreaterThan(4);
    expect(nestedQuantifiers(source)).toEqual([]);
  });
});
