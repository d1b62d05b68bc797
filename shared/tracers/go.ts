// dd-trace-go (v1 `gopkg.in/DataDog/dd-trace-go.v1`, v2 `github.com/DataDog/dd-trace-go/v2`).
// internal/log prints `Datadog Tracer <version> <LEVEL>: <msg>` through a stdlib logger with
// LstdFlags (`2021/08/17 17:46:22 `, removed by normalisation). Errors are aggregated per format
// string and flushed once a minute with ` (occurred: …)` or `, N additional messages skipped
// (first occurrence: …)`. The error text is Go's `*url.Error`: `Post "http://…": dial tcp …`.
// Sources: shared/facts/tracer-messages.md §4, and the templates quoted in `sources` below.
import {extractTarget} from '../engine/classify';
import type {Cause, LogEvent, Recognition, Recognizer} from '../engine/types';
import {headOf, isIntakeTarget, recognition, statusCause} from './_failure';

const PREFIX = /Datadog Tracer v(\d{1,4}\.\d{1,4}\.\d{1,4}[\w.+-]{0,40}) (?:DEBUG|INFO|WARN|ERROR): (.*)$/;

// ddtrace/tracer/log.go (logStartup), writer.go, stats.go, profiler/upload.go, internal/remoteconfig.
const TEMPLATES: readonly RegExp[] = [
  /^DIAGNOSTICS Unable to reach agent(?: intake)?: (.*)$/,
  /^lost \d{1,10} traces: (.*)$/,
  /^failure sending traces \(attempt \d{1,6}(?: of \d{1,6})?\)(?:, will retry)?: (.*)$/,
  /^Error sending stats payload: (.*)$/,
  /^Uploading profile failed: (.*?)\. Trying again in \S{1,40}\.{0,3}$/,
  /^remoteconfig: http request error: (.*)$/,
];

// internal/log flushLocked suffixes, and datadog-lambda-go's `([send duration: …])` (issue datadog-lambda-go#128).
const OCCURRED = / \(occurred: [^()]{1,40}\)\s*$/;
const SKIPPED = /, \d{1,10}\+? additional messages skipped \(first occurrence: [^()]{1,40}\)\s*$/;
const LAMBDA = / \(\[send duration: [^\]]{1,40}\]\)\s*$/;

// transport.go: a non-2xx answer is `http.StatusText(code)`, or `<body> (Status: <text>)`.
const STATUS_TEXTS: Readonly<Record<string, number>> = {
  'Bad Request': 400,
  Unauthorized: 401,
  Forbidden: 403,
  'Not Found': 404,
  'Method Not Allowed': 405,
  'Request Timeout': 408,
  'Request Entity Too Large': 413,
  'Unsupported Media Type': 415,
  'Too Many Requests': 429,
  'Internal Server Error': 500,
  'Bad Gateway': 502,
  'Service Unavailable': 503,
  'Gateway Timeout': 504,
};

function statusOf(reason: string): number | null {
  const body = /\(Status: ([A-Za-z ]{1,40})\)$/.exec(reason);
  const text = body?.[1] ?? reason;
  return STATUS_TEXTS[text] ?? null;
}

function reasonOf(msg: string): string | null {
  for (const re of TEMPLATES) {
    const m = re.exec(msg);
    if (m) return m[1] ?? '';
  }
  return null;
}

function recognize(ev: LogEvent): Recognition | null {
  const {first} = headOf(ev);
  const p = PREFIX.exec(first);
  if (!p) return null;
  const tracerVersion = p[1] ?? null;
  const msg = p[2] ?? '';
  const raw = reasonOf(msg);
  if (raw === null) return null;
  const reason = raw.replace(SKIPPED, '').replace(OCCURRED, '').replace(LAMBDA, '').trim();
  const target = extractTarget(reason);
  if (isIntakeTarget(target)) return null;
  const status = statusOf(reason);
  if (status !== null) return {cause: statusCause(status), httpStatus: status, target, tracerVersion};
  let r = recognition(reason, '', target);
  // `Post "http://…": EOF` (or the bare `Post  EOF` of dd-trace-go#3607): the peer closed the connection.
  if (r.cause === 'other' && /\bEOF$/.test(reason)) r = {...r, cause: 'reset' as Cause, errorCode: 'EOF'};
  // Remote config logs at debug for everything; only a network failure to an address is ours.
  if (msg.startsWith('remoteconfig:') && (r.cause === 'other' || target.host === null)) return null;
  return {...r, tracerVersion};
}

const SEED = 'shared/seed/000_2f0b614e54afe1b3.txt (Go)';

export const recognizer: Recognizer = {
  id: 'go',
  lang: 'go',
  source: 'tracer',
  hints: ['Datadog Tracer v'],
  recognize,
  examples: {
    matches: [
      {
        text: '2021/08/17 17:46:22 Datadog Tracer v1.32.0 WARN: DIAGNOSTICS Unable to reach agent intake: Post http://localhost:8126/v0.4/traces: dial tcp 127.0.0.1:8126: connect: connection refused',
        expect: {cause: 'refused', host: 'localhost', port: 8126, tracerVersion: '1.32.0'},
        from: SEED,
      },
      {
        text: '2021/08/17 17:47:42 Datadog Tracer v1.32.0 ERROR: lost 1 traces: Post http://localhost:8126/v0.4/traces: dial tcp 127.0.0.1:8126: connect: connection refused (occurred: 17 Aug 21 17:46 UTC)',
        expect: {cause: 'refused', host: 'localhost', port: 8126, tracerVersion: '1.32.0'},
        from: SEED,
      },
      {
        // ≈v1.26–v1.30: `Unable to reach agent:`; Go < 1.14 prints the URL unquoted.
        text: '2020/11/02 09:00:00 Datadog Tracer v1.28.0 WARN: DIAGNOSTICS Unable to reach agent: Post http://datadog-agent:8126/v0.4/traces: dial tcp: lookup datadog-agent on 10.96.0.10:53: no such host',
        expect: {cause: 'dns', host: 'datadog-agent', port: 8126, tracerVersion: '1.28.0'},
        from: 'ddtrace/tracer/log.go @v1.28.0 (logStartup); facts §4.3',
      },
      {
        // Go ≥1.14 quotes the URL; IPv6 localhost (root-causes A5).
        text: '2023/03/01 10:00:00 Datadog Tracer v1.48.0 WARN: DIAGNOSTICS Unable to reach agent intake: Post "http://localhost:8126/v0.4/traces": dial tcp [::1]:8126: connect: connection refused',
        expect: {cause: 'refused', host: 'localhost', port: 8126, tracerVersion: '1.48.0'},
        from: 'ddtrace/tracer/log.go (checkEndpoint); issue dd-trace-go#1621 shape',
      },
      {
        text: '2023/03/01 10:00:02 Datadog Tracer v1.48.0 ERROR: failure sending traces (attempt 1), will retry: Post "http://10.0.3.7:8126/v0.4/traces": context deadline exceeded (Client.Timeout exceeded while awaiting headers) (occurred: 01 Mar 23 10:00 UTC)',
        expect: {cause: 'timeout', host: '10.0.3.7', port: 8126, tracerVersion: '1.48.0'},
        from: 'ddtrace/tracer/writer.go @v1.48 (`failure sending traces (attempt %d), will retry: %v`)',
      },
      {
        text: '2025/01/20 08:00:00 Datadog Tracer v2.1.0 ERROR: failure sending traces (attempt 5 of 5): Post "http://172.17.0.1:8126/v0.4/traces": dial tcp 172.17.0.1:8126: i/o timeout, 3 additional messages skipped (first occurrence: 20 Jan 25 07:59 UTC)',
        expect: {cause: 'timeout', host: '172.17.0.1', port: 8126, tracerVersion: '2.1.0'},
        from: 'ddtrace/tracer/writer.go v2 (`failure sending traces (attempt %d of %d): %v`) + internal/log flushLocked',
      },
      {
        text: '2022/12/19 21:09:41 Datadog Tracer v1.45.1 ERROR: lost 1 traces: Post "http://localhost:8126/v0.4/traces": read tcp 127.0.0.1:44108->127.0.0.1:8126: read: connection reset by peer ([send duration: 0.327196ms]) (occurred: 19 Dec 22 21:07 UTC)',
        expect: {cause: 'reset', host: 'localhost', port: 8126, tracerVersion: '1.45.1'},
        from: 'PR DataDog/datadog-lambda-go#128',
      },
      {
        text: '2022/12/19 21:15:44 Datadog Tracer v1.45.1 ERROR: lost 1 traces: Post "http://localhost:8126/v0.4/traces": write tcp 127.0.0.1:45932->127.0.0.1:8126: write: broken pipe ([send duration: 0.225527ms]) (occurred: 19 Dec 22 21:14 UTC)',
        expect: {cause: 'reset', host: 'localhost', port: 8126},
        from: 'PR DataDog/datadog-lambda-go#128',
      },
      {
        text: '2024/05/01 12:00:00 Datadog Tracer v1.62.0 ERROR: lost 1 traces: Request Entity Too Large (occurred: 01 May 24 11:59 UTC)',
        expect: {cause: 'payload_too_large', httpStatus: 413, tracerVersion: '1.62.0'},
        from: 'ddtrace/tracer/transport.go (`http.StatusText(code)` when the body is empty)',
      },
      {
        text: '2024/05/01 12:00:00 Datadog Tracer v1.62.0 ERROR: lost 12 traces: {"error":"rate limited"} (Status: Too Many Requests), 14 additional messages skipped (first occurrence: 01 May 24 11:59 UTC)',
        expect: {cause: 'http_status', httpStatus: 429},
        from: 'ddtrace/tracer/transport.go (`%s (Status: %s)` with a body)',
      },
      {
        // UDS: HTTP over a socket to the synthetic host UDS_<path>.
        text: '2024/05/01 12:00:00 Datadog Tracer v1.62.0 WARN: DIAGNOSTICS Unable to reach agent intake: Post "http://UDS__var_run_datadog_apm.socket/v0.4/traces": dial unix /var/run/datadog/apm.socket: connect: no such file or directory',
        expect: {cause: 'uds_missing', socket: '/var/run/datadog/apm.socket'},
        from: 'internal/uds.go (UDS_ host), ddtrace/tracer/log.go; facts §4.1',
      },
      {
        text: '2024/05/01 12:00:00 Datadog Tracer v2.0.0 ERROR: lost 3 traces: Post "http://UDS__var_run_datadog_apm.socket/v0.4/traces": dial unix /var/run/datadog/apm.socket: connect: permission denied (occurred: 01 May 24 11:59 UTC)',
        expect: {cause: 'uds_permission', socket: '/var/run/datadog/apm.socket', tracerVersion: '2.0.0'},
        from: 'ddtrace/tracer/writer.go v2 + internal/uds.go; facts §0 Go EACCES',
      },
      {
        text: '2025/06/09 14:10:10 Datadog Tracer v1.74.0 WARN: DIAGNOSTICS Unable to reach agent intake: Post  EOF',
        expect: {cause: 'reset', tracerVersion: '1.74.0'},
        from: 'issue DataDog/dd-trace-go#3607 (v1.74.0 shim over v2)',
      },
      {
        text: '2025/03/10 09:00:00 Datadog Tracer v1.74.8 ERROR: Error sending stats payload: Post "http://192.168.49.2:8126/v0.6/stats": read tcp 10.244.0.21:55096->192.168.49.2:8126: read: connection reset by peer',
        expect: {cause: 'reset', host: '192.168.49.2', port: 8126, tracerVersion: '1.74.8'},
        from: 'ddtrace/tracer/stats.go (flushAndSend); real line from a public troubleshooting note',
      },
      {
        text: '2021/06/01 10:00:00 Datadog Tracer v1.31.0 ERROR: Uploading profile failed: Post "http://localhost:8126/profiling/v1/input": dial tcp 127.0.0.1:8126: connect: connection refused. Trying again in 1.2s...',
        expect: {cause: 'refused', host: 'localhost', port: 8126},
        from: 'profiler/upload.go (upload, retriable error)',
      },
      {
        text: '2024/05/01 12:00:00 Datadog Tracer v1.62.0 DEBUG: remoteconfig: http request error: Post "http://localhost:8126/v0.7/config": dial tcp 127.0.0.1:8126: connect: connection refused',
        expect: {cause: 'refused', host: 'localhost', port: 8126},
        from: 'internal/remoteconfig/remoteconfig.go (updateState, log.Debug)',
      },
      {
        // Real-world wrapping: Docker json-file record.
        text: '{"log":"2021/08/17 17:46:22 Datadog Tracer v1.32.0 WARN: DIAGNOSTICS Unable to reach agent intake: Post http://localhost:8126/v0.4/traces: dial tcp 127.0.0.1:8126: connect: connection refused\\n","stream":"stderr","time":"2021-08-17T17:46:22.512345678Z"}',
        expect: {cause: 'refused', host: 'localhost', port: 8126, tracerVersion: '1.32.0'},
        from: 'Docker json-file log driver around the seed line',
      },
      {
        // Real-world wrapping: Kubernetes CRI prefix.
        text: '2026-11-25T10:00:00.123456789Z stderr F 2026/11/25 10:00:00 Datadog Tracer v2.3.0 ERROR: lost 5 traces: Post "http://10.0.12.4:8126/v0.4/traces": dial tcp 10.0.12.4:8126: connect: connection refused, 4 additional messages skipped (first occurrence: 25 Nov 26 09:59 UTC)',
        expect: {cause: 'refused', host: '10.0.12.4', port: 8126, tracerVersion: '2.3.0'},
        from: 'Kubernetes CRI log format around the v2 writer template',
      },
    ],
    ignores: [
      {
        text: '2024/05/01 12:00:00 app: dial tcp 10.0.0.5:8080: connect: connection refused',
        why: "the application's own HTTP client, not the tracer",
      },
      {
        text: '2024/05/01 12:00:00 Datadog Tracer v1.62.0 DEBUG: Sending payload: size: 1284 traces: 3',
        why: 'healthy writer debug line',
      },
      {
        text: '2024/05/01 12:00:00 Datadog Tracer v1.62.0 ERROR: Uploading profile failed: Post "https://intake.profile.datadoghq.com/v1/input": context deadline exceeded (Client.Timeout exceeded while awaiting headers). Trying again in 2.1s...',
        why: 'agentless profiling to the intake, not the agent',
      },
      {
        text: '2025/09/01 12:00:00 Datadog Tracer v2.4.0 ERROR: OTLP: failure sending traces (attempt 5 of 5): Post "http://otel-collector:4318/v1/traces": dial tcp 10.0.0.9:4318: connect: connection refused',
        why: 'OTLP export mode sends to an OpenTelemetry endpoint, not the Datadog Agent trace receiver',
      },
      {
        text: '2024/05/01 12:00:00 Datadog Tracer v1.62.0 INFO: DATADOG TRACER CONFIGURATION {"date":"2024-05-01T12:00:00Z","os_name":"Linux","version":"v1.62.0","lang":"Go","agent_url":"http://localhost:8126/v0.4/traces","agent_error":"","debug":false}',
        why: 'healthy startup configuration (agent_error empty)',
      },
      {
        text: '2025/09/01 12:00:00 Datadog Tracer v2.4.0 ERROR: agent rejected a v1 trace payload; dropping 3 traces and downgrading to v0.4',
        why: 'the agent answered: a protocol downgrade, not a connection failure',
      },
    ],
  },
  sources: [
    'shared/facts/tracer-messages.md §4',
    'dd-trace-go internal/log/log.go (prefix, aggregation suffixes)',
    'dd-trace-go ddtrace/tracer/log.go (logStartup: DIAGNOSTICS Unable to reach agent intake)',
    'dd-trace-go ddtrace/tracer/writer.go (lost %d traces; failure sending traces (attempt %d[ of %d]))',
    'dd-trace-go ddtrace/tracer/transport.go (StatusText / `%s (Status: %s)`)',
    'dd-trace-go ddtrace/tracer/stats.go (Error sending stats payload)',
    'dd-trace-go profiler/upload.go (Uploading profile failed)',
    'dd-trace-go internal/remoteconfig/remoteconfig.go (remoteconfig: http request error)',
    'dd-trace-go v2 internal/log errtrack policy table (OTLP: failure sending traces)',
    'shared/seed/000_2f0b614e54afe1b3.txt',
  ],
};
