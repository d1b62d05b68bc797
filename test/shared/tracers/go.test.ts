// dd-trace-go recogniser beyond its examples: a v1.32 startup session (seed lines, the app's own
// dial error between them) and linear time on hostile lines.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {scanText} from '../../../shared/engine/scan';
import {expectLinear} from '../../helpers/linear';
import type {LogEvent} from '../../../shared/engine/types';
import {recognizer} from '../../../shared/tracers/go';
import {nestedQuantifiers, regexLiterals} from './regex-shape';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/logs/go/${name}`, import.meta.url), 'utf8');


function event(text: string): LogEvent {
  return {lines: [{line: 1, text, timestamp: null}], text, line: 1, endLine: 1};
}

describe('go recogniser on a v1.32 startup session', () => {
  const {findings} = scanText(fixture('startup-refused-v1.32.log'));

  it("finds the diagnostic, the config and the lost traces; not the app's own dial error", () => {
    expect(findings.map((f) => [f.line, f.lang, f.cause, f.tracerVersion])).toEqual([
      [2, 'go', 'refused', '1.32.0'],
      [3, 'go', 'refused', '1.32.0'],
      [5, 'go', 'refused', '1.32.0'],
    ]);
  });

  it('keeps the stdlib log timestamp and the URL the tracer was configured with', () => {
    expect(findings[2]).toMatchObject({timestamp: '2021/08/17 17:47:42', target: {url: 'http://localhost:8126', host: 'localhost', port: 8126}});
  });
});

describe('go recogniser stays linear', () => {
  const N = 256 * 1024;
  const cases: Array<[string, (n: number) => string]> = [
    ['the prefix repeated', (n) => 'Datadog Tracer v'.repeat(n / 16)],
    ['a prefix with an endless version', (n) => `Datadog Tracer v1.2.${'3'.repeat(n)}`],
    ['a lost-traces error of nested Post errors', (n) => `Datadog Tracer v1.2.3 ERROR: lost 1 traces: ${'Post "http://a:1/": '.repeat(n / 19)}`],
    ['endless aggregation suffixes', (n) => `Datadog Tracer v1.2.3 ERROR: lost 1 traces: x${' (occurred: 01 Jan 24 00:00 UTC)'.repeat(n / 32)}`],
    ['a profile retry that never ends', (n) => `Datadog Tracer v1.2.3 ERROR: Uploading profile failed: x${'. Trying again in 1s'.repeat(n / 20)}`],
    ['a status body that never closes', (n) => `Datadog Tracer v1.2.3 ERROR: lost 1 traces: ${'(Status: '.repeat(n / 9)}`],
  ];

  it.each(cases)('%s: the scanner finishes in linear time', (_name, make) => {
    expectLinear(make, (text) => scanText(text), N);
  });

  // recognize() called without the scanner (no 64 KB cut): it bounds what its regexes see.
  it.each(cases)('%s: recognize() alone finishes in linear time on the uncut line', (_name, make) => {
    expectLinear((n) => event(make(n)), (ev) => recognizer.recognize(ev), N);
  });

  it('has no nested quantifiers in any of its regexes', () => {
    const source = readFileSync(new URL('../../../shared/tracers/go.ts', import.meta.url), 'utf8');
    expect(regexLiterals(source).length).toBeGreaterThan(4);
    expect(nestedQuantifiers(source)).toEqual([]);
  });
});
