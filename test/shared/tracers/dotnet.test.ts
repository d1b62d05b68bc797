// .NET recogniser on whole log files (one per tracer era), and its pathological inputs.
// The per-line examples live in shared/tracers/dotnet.ts and run in examples.test.ts.
import {describe, expect, it} from 'vitest';
import {recognizer} from '../../../shared/tracers/dotnet';
import {expectFindings, expectLinear, expectLinearRecognize, manyLines, oneLine, scanFixture, type Seen} from './agent-test-helpers';

const table: ReadonlyArray<[file: string, why: string, rows: Partial<Seen>[]]> = [
  [
    'logs/dotnet/managed-1.x-refused.log',
    '1.x: the config line reports the failed ping, the send failure spans its exception and the properties line that gives the version',
    [
      {line: 1, endLine: 2, cause: 'refused', lang: 'dotnet', host: '127.0.0.1', port: 8126, tracerVersion: '1.28.2'},
      {line: 3, endLine: 12, cause: 'refused', lang: 'dotnet', host: '127.0.0.1', port: 8126, tracerVersion: '1.28.2'},
    ],
  ],
  [
    'logs/dotnet/managed-2.x-mixed.log',
    '2.x: the DEBUG retry is left to the final ERR; a status line and the bare ERR after it are both reported',
    [
      {line: 6, endLine: 10, cause: 'refused', lang: 'dotnet', host: 'datadog-agent', port: 8126, tracerVersion: '2.40.0'},
      {line: 11, endLine: 12, cause: 'http_status', httpStatus: 404, tracerVersion: '2.40.0'},
      {line: 13, endLine: 13, cause: 'other', host: 'datadog-agent', port: 8126, tracerVersion: '2.40.0'},
    ],
  ],
  [
    'logs/dotnet/console-3.x-uds.log',
    '3.21+ console sink: the quoted config JSON is parsed, the UDS endpoint gives the socket, \\n stays literal',
    [
      {line: 1, endLine: 1, cause: 'uds_missing', lang: 'dotnet', socket: '/var/run/datadog/apm.socket', tracerVersion: '3.24.0'},
      {line: 2, endLine: 2, cause: 'uds_missing', lang: 'dotnet', socket: '/var/run/datadog/apm.socket', host: null, tracerVersion: '3.24.0'},
    ],
  ],
];

describe('dotnet recogniser on log files', () => {
  it.each(table)('%s: %s', (file, _why, rows) => {
    expectFindings(scanFixture(file), rows);
  });
});

describe('dotnet recogniser on pathological input', () => {
  it('recognize() alone on an uncut 1 MB line of its hints finishes in linear time', () => {
    expectLinearRecognize(recognizer, (n) => oneLine(`${recognizer.hints.join(' ')} `, n));
  });

  it('a 1 MB line of its hints repeated finishes in linear time', () => {
    const findings = expectLinear(recognizer, (n) => oneLine(`${recognizer.hints.join(' ')} `, n));
    // Each physical line is one event at most.
    expect(findings.length).toBeLessThanOrEqual(4);
  });

  it('a send-failure template followed by 1 MB of single-line exception text finishes in linear time', () => {
    expectLinear(recognizer, (n) => `[2025-06-01 10:00:00.000 +00:00 | DD-TRACE-DOTNET 3.24.0 | ERR] An error occurred while sending data to the agent at "http://127.0.0.1:8126/v0.4/traces". | System.Net.Http.HttpRequestException: ${oneLine('\\n   at System.Net.Http.X.Y(String host, Int32 port)', n)}`);
  });

  it('1 MB of DEBUG retry lines (hints, no findings) finishes in linear time', () => {
    const findings = expectLinear(recognizer, (n) =>
      manyLines('2024-02-01 09:00:00.000 +00:00 [DBG] An error occurred while sending data to the agent at http://127.0.0.1:8126/v0.4/traces. Retrying. System.Net.Http.HttpRequestException: Connection refused (127.0.0.1:8126)', n),
    );
    expect(findings).toEqual([]);
  });
});
