// The Agent's own log lines: whole files, the errorCode contract the rules key on, and
// pathological input.
import {describe, expect, it} from 'vitest';
import {scanText} from '../../../shared/engine/scan';
import {recognizer} from '../../../shared/tracers/agent-log';
import {expectFindings, expectLinear, expectLinearRecognize, manyLines, oneLine, scanFixture, type Seen} from './agent-test-helpers';

const table: ReadonlyArray<[file: string, why: string, rows: Partial<Seen>[]]> = [
  [
    'logs/agent/trace-agent-port-conflict.log',
    "the receiver's port is taken; DogStatsD's own bind failure on 8125 is not about traces",
    [{line: 2, cause: 'apm_not_running', errorCode: 'EADDRINUSE', source: 'agent', lang: 'unknown', host: '0.0.0.0', port: 8126}],
  ],
  [
    'logs/agent/trace-agent-disabled-k8s.log',
    'APM disabled, seen through kubectl logs; the message continues on two unprefixed lines',
    [{line: 1, endLine: 1, cause: 'apm_not_running', errorCode: 'APM_DISABLED', source: 'agent'}],
  ],
  [
    'logs/agent/trace-agent-uds-watchdog.log',
    'healthy TCP start, then UDS directory missing, CPU throttling, connection limit, memory kill',
    [
      {line: 2, cause: 'uds_missing', errorCode: 'ENOENT', socket: '/var/run/datadog/apm.socket'},
      {line: 3, cause: 'other', errorCode: 'CPU_THRESHOLD'},
      {line: 4, cause: 'other', errorCode: 'CONNECTION_LIMIT'},
      {line: 5, cause: 'apm_not_running', errorCode: 'MEMORY_KILL'},
    ],
  ],
];

describe('agent-log recogniser on log files', () => {
  it.each(table)('%s: %s', (file, _why, rows) => {
    expectFindings(scanFixture(file), rows);
  });
});

describe('agent-log errorCodes (the contract shared/rules/ keys on)', () => {
  it.each([
    ['| TRACE | CRITICAL | (pkg/trace/api/api.go:246 in Start) | Error creating tcp listener: listen tcp 0.0.0.0:8126: bind: address already in use', 'apm_not_running', 'EADDRINUSE'],
    ['| TRACE | CRITICAL | (pkg/trace/api/api.go:246 in Start) | Error creating tcp listener: listen tcp 10.9.9.9:8126: bind: cannot assign requested address', 'apm_not_running', 'EADDRNOTAVAIL'],
    ['| TRACE | ERROR | (pkg/trace/api/api.go:250 in Start) | Could not start HTTP server: listen tcp 0.0.0.0:8126: bind: address already in use. HTTP receiver disabled.', 'apm_not_running', 'EADDRINUSE'],
    ['| TRACE | CRITICAL | (pkg/trace/api/api.go:268 in Start) | Error creating UDS listener: listen unix /var/run/datadog/apm.socket: bind: permission denied', 'uds_permission', 'EACCES'],
    ['| TRACE | CRITICAL | (pkg/trace/api/api.go:268 in Start) | Error creating UDS listener: cannot reuse "/var/run/datadog/apm.socket"; not a unix socket', 'uds_missing', null],
    ['| TRACE | INFO | (comp/trace/agent/impl/run.go:62 in start) | trace-agent not enabled. Set the environment variable', 'apm_not_running', 'APM_DISABLED'],
    ['| TRACE | CRITICAL | (pkg/trace/api/api.go:703 in watchdog) | Killing process. Memory threshold exceeded: 8238.08M / 715.26M', 'apm_not_running', 'MEMORY_KILL'],
    ['| TRACE | WARN | (pkg/trace/api/api.go:600 in watchdog) | Memory threshold exceeded (apm_config.max_memory: 500000000 bytes): 612345678', 'other', 'MEMORY_THRESHOLD'],
    ['| TRACE | WARN | (pkg/trace/api/api.go:610 in watchdog) | CPU threshold exceeded (apm_config.max_cpu_percent: 50): 87', 'other', 'CPU_THRESHOLD'],
    ['| TRACE | ERROR | (pkg/trace/logutil/throttled.go:38 in log) | http.Server: http: Accept error: request has been rate-limited; retrying in 5ms', 'other', 'CONNECTION_LIMIT'],
  ])('%s → %s / %s', (line, cause, errorCode) => {
    const [f, ...rest] = scanText(`2024-03-01 10:00:00 UTC ${line}`).findings;
    expect(rest).toEqual([]);
    expect([f?.source, f?.cause, f?.errorCode]).toEqual(['agent', cause, errorCode]);
  });

  it('ignores another Go program that logs "Error creating tcp listener" for its own port', () => {
    expect(scanText('2024/03/01 10:00:00 Error creating tcp listener: listen tcp :8080: bind: address already in use').findings).toEqual([]);
  });
});

describe('agent-log recogniser on pathological input', () => {
  it('recognize() alone on an uncut 1 MB line of its hints finishes in linear time', () => {
    expectLinearRecognize(recognizer, (n) => oneLine(`${recognizer.hints.join(' ')} `, n));
  });

  it('a 1 MB line of its hints repeated finishes in linear time', () => {
    expect(expectLinear(recognizer, (n) => oneLine(`${recognizer.hints.join(' ')} `, n)).length).toBeLessThanOrEqual(4);
  });

  it('a 1 MB line of "Could not start HTTP server: " without its ending finishes in linear time', () => {
    expectLinear(recognizer, (n) => `| TRACE | ERROR | ${oneLine('Could not start HTTP server: listen tcp 0.0.0.0:8126 ', n)}`);
  });

  it('1 MB of other components\' bind failures (hints, no findings) finishes in linear time', () => {
    const findings = expectLinear(recognizer, (n) => manyLines("2024-03-01 10:00:01 UTC | CORE | ERROR | (comp/dogstatsd/listeners/udp.go:78 in NewUDPListener) | can't listen: listen udp 0.0.0.0:8125: bind: address already in use", n));
    expect(findings).toEqual([]);
  });
});
