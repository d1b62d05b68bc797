// dd-trace-rb recogniser beyond its examples: a Rails + ddtrace 0.48 session (seed lines, the
// app's Redis error between them) and linear time on hostile lines.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {scanText} from '../../../shared/engine/scan';
import {expectLinear} from '../../helpers/linear';
import type {LogEvent} from '../../../shared/engine/types';
import {recognizer} from '../../../shared/tracers/ruby';
import {nestedQuantifiers, regexLiterals} from './regex-shape';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/logs/ruby/${name}`, import.meta.url), 'utf8');


function event(text: string): LogEvent {
  return {lines: [{line: 1, text, timestamp: null}], text, line: 1, endLine: 1};
}

describe('ruby recogniser on a Rails + ddtrace 0.48 session', () => {
  const {findings} = scanText(fixture('rails-ddtrace-0.48.log'));

  it('finds the config, the diagnostic and the transport error; not the Redis error', () => {
    expect(findings.map((f) => [f.line, f.lang, f.cause])).toEqual([
      [2, 'ruby', 'refused'],
      [3, 'ruby', 'refused'],
      [5, 'ruby', 'refused'],
    ]);
  });

  it('keeps the Logger timestamp, the Errno class and the gem version', () => {
    expect(findings[1]).toMatchObject({timestamp: '2021-08-17T18:37:51.542245', errorCode: 'Errno::ECONNREFUSED', tracerVersion: '0.48.0'});
    expect(findings[2]).toMatchObject({timestamp: '2021-08-17T18:51:28.962389', tracerVersion: '0.48.0', target: {host: '127.0.0.1', port: 8126}});
  });

  it('reads a 1.14+ agent error whose JSON a console cut short', () => {
    const line =
      'W, [2024-06-10T12:00:00.123456 #7]  WARN -- datadog: [datadog] DATADOG ERROR - TRACING - Agent Error: {"agent_error":"Datadog::Core::Transport::InternalErrorResponse ok?:, unsupported?:, not_found?:, client_error?:, server_error?:, internal_error?:true, payload:, error_type:Net::OpenTimeout error:Failed to open TCP connection to 10.0.3.7:8126 (execution expi';
    expect(scanText(line).findings.map((f) => [f.cause, f.errorCode, f.target.host])).toEqual([['timeout', 'Net::OpenTimeout', '10.0.3.7']]);
  });
});

describe('ruby recogniser stays linear', () => {
  const N = 256 * 1024;
  const cases: Array<[string, (n: number) => string]> = [
    ['the internal-error words repeated', (n) => 'Internal error during '.repeat(n / 22)],
    ['a client class of colons', (n) => `Internal error during ${'A:'.repeat(n / 2)}`],
    ['a cause made of namespaces', (n) => `Internal error during HTTP transport request. Cause: ${'Errno::'.repeat(n / 7)}`],
    ['a cause with endless Location markers', (n) => `Internal error during X request. Cause: a${' Location: '.repeat(n / 11)}`],
    ['an inspect with endless error_type fields', (n) => `DATADOG TRACER DIAGNOSTIC - Agent Error: Datadog::X ${'error_type:x error:y '.repeat(n / 21)}`],
    ['a JSON agent error that never closes', (n) => `DATADOG ERROR - TRACING - Agent Error: {"agent_error":"${'\\"'.repeat(n / 2)}`],
    ['a flush cause of letters', (n) => `Error during traces flush: dropped 1 items. Cause: ${'a'.repeat(n)}`],
  ];

  it.each(cases)('%s: the scanner finishes in linear time', (_name, make) => {
    expectLinear(make, (text) => scanText(text), N);
  });

  // recognize() called without the scanner (no 64 KB cut): it bounds what its regexes see.
  it.each(cases)('%s: recognize() alone finishes in linear time on the uncut line', (_name, make) => {
    expectLinear((n) => event(make(n)), (ev) => recognizer.recognize(ev), N);
  });

  it('has no nested quantifiers in any of its regexes', () => {
    const source = readFileSync(new URL('../../../shared/tracers/ruby.ts', import.meta.url), 'utf8');
    expect(regexLiterals(source).length).toBeGreaterThan(4);
    expect(nestedQuantifiers(source)).toEqual([]);
  });
});
