// Rust recogniser (dd-trace-rs / datadog-opentelemetry) on a log file and pathological input.
import {describe, expect, it} from 'vitest';
import {recognizer} from '../../../shared/tracers/rust';
import {expectFindings, expectLinear, expectLinearRecognize, manyLines, oneLine, scanFixture} from './agent-test-helpers';

describe('rust recogniser on log files', () => {
  it('logs/rust/exporter-ansi.log: ANSI levels stripped, network and status errors found, decoding errors not', () => {
    expectFindings(scanFixture('logs/rust/exporter-ansi.log'), [
      {line: 1, cause: 'refused', lang: 'rust', host: null},
      {line: 3, cause: 'http_status', lang: 'rust', httpStatus: 404},
    ]);
  });
});

describe('rust recogniser on pathological input', () => {
  it('recognize() alone on an uncut 1 MB line of its hints finishes in linear time', () => {
    expectLinearRecognize(recognizer, (n) => oneLine(`${recognizer.hints.join(' ')} `, n));
  });

  it('a 1 MB line of its hint repeated finishes in linear time', () => {
    expect(expectLinear(recognizer, (n) => oneLine('DatadogExporter: Export error: Network error: ', n)).length).toBeLessThanOrEqual(4);
  });

  it('1 MB of exporter errors that are not about the agent finishes in linear time', () => {
    const findings = expectLinear(recognizer, (n) => manyLines('DEBUG datadog-opentelemetry/src/span_exporter.rs:548 - DatadogExporter: Export error: Deserialization error: invalid msgpack marker', n));
    expect(findings).toEqual([]);
  });
});
