// C++ recogniser (dd-opentracing-cpp, dd-trace-cpp, nginx-datadog) on whole log files, the
// startup configuration it relies on, and pathological input.
import {describe, expect, it} from 'vitest';
import {scanText} from '../../../shared/engine/scan';
import {recognizer} from '../../../shared/tracers/cpp';
import {expectFindings, expectLinear, expectLinearRecognize, oneLine, scanFixture, type Seen} from './agent-test-helpers';

const table: ReadonlyArray<[file: string, why: string, rows: Partial<Seen>[]]> = [
  [
    'logs/cpp/nginx-opentracing.log',
    "dd-opentracing-cpp's two lines are one finding each time (leadsInto glues curl's error buffer)",
    [
      {line: 3, endLine: 4, cause: 'refused', lang: 'cpp', host: 'localhost', port: 8126},
      {line: 6, endLine: 7, cause: 'timeout', lang: 'cpp'},
    ],
  ],
  [
    'logs/cpp/nginx-datadog.log',
    'nginx-datadog: traces and Remote Configuration failures, a 413, the tracer version from its own string',
    [
      {line: 3, cause: 'refused', lang: 'cpp', host: 'localhost', port: 8126, tracerVersion: '0.2.2'},
      {line: 4, cause: 'refused', lang: 'cpp', host: 'localhost', port: 8126, tracerVersion: '0.2.2'},
      {line: 5, endLine: 5, cause: 'payload_too_large', httpStatus: 413, tracerVersion: '0.2.2'},
    ],
  ],
];

describe('cpp recogniser on log files', () => {
  it.each(table)('%s: %s', (file, _why, rows) => {
    expectFindings(scanFixture(file), rows);
  });

  it('reads a unix:// traces_url as the socket and the tracer version from [dd-trace-cpp version …]', () => {
    const {configs} = scanText(
      'DATADOG TRACER CONFIGURATION - {"collector":{"config":{"traces_url":"unix:///apm.sock/v0.4/traces"},"type":"datadog::tracing::DatadogAgent"},"default":{"service":"edge","version":"9.9.9"},"version":"[dd-trace-cpp version v2.2.1]"}',
    );
    expect(configs.map((c) => [c.lang, c.target.socket, c.tracerVersion])).toEqual([['cpp', '/apm.sock', '2.2.1']]);
  });

  it('names no address for a UDS failure (curl says localhost port 80) until a configuration does', () => {
    const line = "[dd-trace-cpp error code 4] Error occurred during HTTP request for submitting traces: Error sending request with libcurl (Couldn't connect to server): Failed to connect to localhost port 80 after 0 ms: Couldn't connect to server";
    expect(scanText(line).findings.map((f) => f.target)).toEqual([{url: null, host: null, port: null, socket: null}]);
    const withConfig = `DATADOG TRACER CONFIGURATION - {"collector":{"config":{"traces_url":"unix:///var/run/datadog/apm.socket/v0.4/traces"}},"version":"[dd-trace-cpp version v2.2.1]"}\n${line}`;
    expect(scanText(withConfig).findings.map((f) => f.target.socket)).toEqual(['/var/run/datadog/apm.socket']);
  });
});

describe('cpp recogniser on pathological input', () => {
  it('recognize() alone on an uncut 1 MB line of its hints finishes in linear time', () => {
    expectLinearRecognize(recognizer, (n) => oneLine(`${recognizer.hints.join(' ')} `, n));
  });

  it('a 1 MB line of its hints repeated finishes in linear time', () => {
    expect(expectLinear(recognizer, (n) => oneLine(`${recognizer.hints.join(' ')} `, n)).length).toBeLessThanOrEqual(4);
  });
});
