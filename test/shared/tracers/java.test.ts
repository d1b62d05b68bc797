// dd-trace-java recogniser beyond its examples: a recorded-shape startup session, the fields
// only a whole log shows (version from the config line, one finding per stack), and linear time
// on hostile lines built from its hints.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {scanText} from '../../../shared/engine/scan';
import {expectLinear} from '../../helpers/linear';
import type {LogEvent} from '../../../shared/engine/types';
import {recognizer} from '../../../shared/tracers/java';
import {nestedQuantifiers, regexLiterals} from './regex-shape';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/logs/java/${name}`, import.meta.url), 'utf8');


function event(text: string): LogEvent {
  const lines = text.split('\n').map((t, i) => ({line: i + 1, text: t, timestamp: null}));
  return {lines, text, line: 1, endLine: lines.length};
}

describe('java recogniser on a 0.83 startup session (seed lines + debug discovery)', () => {
  const {findings} = scanText(fixture('startup-refused-0.83.log'));

  it('finds the config flag, the send failure and the discovery failure, nothing from the app', () => {
    expect(findings.map((f) => [f.line, f.endLine, f.lang, f.cause])).toEqual([
      [2, 2, 'java', 'agent_error_flag'],
      [4, 4, 'java', 'refused'],
      [5, 11, 'java', 'refused'],
    ]);
  });

  it('takes the tracer version for lines without one from the configuration line', () => {
    expect(findings.map((f) => f.tracerVersion)).toEqual(['0.83.2', '0.83.2', '0.83.2']);
  });

  it('keeps the [dd.trace …] timestamp and the exception class as the error code', () => {
    expect(findings[1]?.timestamp).toBe('2021-08-24 18:38:02:164 +0000');
    expect(findings[1]?.errorCode).toBe('ConnectException');
  });

  it('reads a timeout from the message even when the class is ConnectException', () => {
    const line =
      '[dd.trace 2022-06-01 07:00:01:000 +0000] [dd-trace-processor] WARN datadog.trace.agent.common.writer.ddagent.DDAgentApi - Error while sending 1 (size=1KB) traces to the DD agent. Total: 1, Received: 1, Sent: 0, Failed: 1. java.net.ConnectException: Connection timed out (Connection timed out) (Will not log errors for 5 minutes)';
    expect(scanText(line).findings.map((f) => f.cause)).toEqual(['timeout']);
  });
});

describe('java recogniser stays linear', () => {
  const N = 256 * 1024;
  const cases: Array<[string, (n: number) => string]> = [
    ['one line of DDAgentApi repeated', (n) => 'DDAgentApi '.repeat(n / 11)],
    ['a hint followed by letters', (n) => `[dd.trace 2024-01-01 00:00:00:000 +0000] [t] WARN DDAgentApi - ${'a'.repeat(n)}`],
    ['repeated send templates on one line', (n) => ' while sending 1 (size=1B) traces. Total: 1, Received: 1, Sent: 0, Failed: 1.'.repeat(n / 78)],
    ['an unclosed rate-limit suffix', (n) => `Error while sending 1 traces. java.io.IOException: x ${'(Will not log errors for '.repeat(n / 25)}`],
    ['a dotted exception name that never ends', (n) => `Error while sending 1 traces.\njava${'.a'.repeat(n / 2)}`],
    ['a query URL of colons', (n) => `Error querying info at http://${'1:'.repeat(n / 2)}`],
    ['a connectivity check without a closing parenthesis', (n) => `No agent connectivity (${'a:'.repeat(n / 2)}`],
    ['a send error over many stack frames', (n) => `Error while sending 1 traces.\njava.net.ConnectException: Connection refused\n${'\tat a.b.C.d(C.java:1)\n'.repeat(n / 22)}`],
  ];

  it.each(cases)('%s: the scanner finishes in linear time', (_name, make) => {
    expectLinear(make, (text) => scanText(text), N);
  });

  // recognize() called without the scanner (no 64 KB cut): it bounds what its regexes see.
  it.each(cases.filter(([, make]) => !make(64).includes('\n')))('%s: recognize() alone finishes in linear time on the uncut line', (_name, make) => {
    expectLinear((n) => event(make(n)), (ev) => recognizer.recognize(ev), N);
  });

  it('has no nested quantifiers in any of its regexes', () => {
    const source = readFileSync(new URL('../../../shared/tracers/java.ts', import.meta.url), 'utf8');
    expect(regexLiterals(source).length).toBeGreaterThan(4);
    expect(nestedQuantifiers(source)).toEqual([]);
  });
});
