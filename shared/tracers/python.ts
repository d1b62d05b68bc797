// dd-trace-py (`ddtrace`), 0.1x–4.x. Messages go through Python `logging`, so the prefix is
// whatever the app configured (ddtrace-run's DD_LOG_FORMAT, basicConfig's `WARNING:ddtrace…:`,
// Celery's `[… ERROR/ForkPoolWorker-1]`, or nothing): templates are found anywhere in the first
// line, and a traceback below it (logged with exc_info) carries the OS error.
// Sources: shared/facts/tracer-messages.md §2, and the templates quoted in `sources` below.
import {classifyCause, extractTarget, targetFromUrl} from '../engine/classify';
import type {Cause, LogEvent, Recognition, Recognizer, Target} from '../engine/types';
import {headOf, isIntakeTarget, recognition, statusCause} from './_failure';

// ddtrace/internal/debug.py: `Agent not reachable at {url}. Exception raised: {exc}` (0.50–4.13),
// `Agent not reachable. Exception raised: {exc}` (0.4x, dd-trace-py#1715), `Agent not reachable at
// {url}` (4.14+). Printed after `DATADOG TRACER DIAGNOSTIC - ` and in `ddtrace-run --info`.
const NOT_REACHABLE = /Agent not reachable(?: at (\S{1,2048}?))?\.?(?: Exception raised: (.*))?$/;
const DIAGNOSTIC = /DATADOG TRACER DIAGNOSTIC - (?:Agent not reachable|HTTP code (\d{3}))/;
const INFO_SUMMARY = /It looks like you have an agent error: '(.*)'\s*$/;
// writer.py: `failed to send traces to Datadog Agent at %s` (+ traceback, 0.50–1.6), with
// `: HTTP error status %s, reason %s` (≤1.11) / `to intake at` (1.12+); ≤0.4x `Failed to send
// traces to Datadog Agent at %s: %s` (the API object's repr or URL, then the exception repr).
const SEND_TRACES = /[Ff]ailed to send traces to (?:Datadog Agent|intake) at (<[^<>]{0,200}>|\S{1,2048})(.*)$/;
// `failed to send, dropping %d traces to (Datadog Agent|intake) at %s after %d retries[ (%s)]`
// (1.7–4.5) and the native writer's `… at %s: %s` (3.19+).
const DROPPING = /failed to send, dropping \d{1,10} traces to (?:Datadog Agent|intake) at (\S{1,2048})(.*)$/;
const RETRIES = /^ after \d{1,4} retries/;
// ddtrace/internal/logger.py rate limiting: `, 52 additional messages skipped` (1.x–3.x), ` [3 skipped]` (HEAD).
const SKIPPED = /(?:, \d{1,10} additional messages skipped| \[\d{1,10} skipped\])\s*$/;
// 0.1x ddtrace/writer.py: `cannot send spans to {host}:{port}: {err}` / `cannot send services to …`.
const CANNOT_SEND = /cannot send (?:spans|services) to (\[[0-9a-fA-F:.]{2,45}\]|[\w.-]{1,253}):(\d{1,5}): (.*)$/;
const UNSUPPORTED = /unsupported endpoint '[^']{0,100}': received response (\d{3}) from (?:Datadog Agent|intake) \((\S{1,2048})\)/;
const TELEMETRY = /Failed to send Instrumentation Telemetry to (\S{1,2048}?)\.? (?:Error|[Rr]esponse): (.*)$/;
// Single-Step Instrumentation installs the library under a versioned path.
const SSI_VERSION = /datadog-apm-library-python\/(\d{1,4}\.\d{1,4}\.\d{1,4}[\w.-]{0,20})\//;
// The last line of a traceback, and tenacity's `RetryError[<Future … raised ConnectionRefusedError>]`.
const EXCEPTION_LINE = /^([A-Za-z_][\w.]{0,200}(?:Error|Exception|Timeout|timeout|gaierror))\b/;
const RAISED = /raised ([A-Za-z_]\w{0,100})>/;

// Python exception classes whose str() carries no errno text (`socket.timeout`, `RetryError[… raised TimeoutError>]`).
const PY_CLASSES: Readonly<Record<string, Cause>> = {
  ConnectionRefusedError: 'refused',
  ConnectionResetError: 'reset',
  ConnectionAbortedError: 'reset',
  BrokenPipeError: 'reset',
  RemoteDisconnected: 'reset',
  TimeoutError: 'timeout',
  timeout: 'timeout',
  gaierror: 'dns',
  FileNotFoundError: 'uds_missing',
  PermissionError: 'uds_permission',
};

function classOf(name: string): Cause | null {
  const simple = name.slice(name.lastIndexOf('.') + 1);
  return PY_CLASSES[simple] ?? null;
}

/** The cause a traceback ends with (the exception lines at column 0 below the message). */
function tracebackCause(ev: LogEvent): Recognition | null {
  // 200: the scanner's own event limit (events.ts MAX_EVENT_LINES).
  const excLines = ev.lines.slice(1, 200).map((l) => l.text.slice(0, 4096)).filter((t) => EXCEPTION_LINE.test(t));
  if (excLines.length === 0) return null;
  const c = classifyCause(excLines.join('\n'));
  if (c) return {cause: c.cause, errorCode: c.errorCode, httpStatus: c.httpStatus};
  for (const line of excLines) {
    const name = RAISED.exec(line)?.[1] ?? EXCEPTION_LINE.exec(line)?.[1] ?? '';
    const cause = classOf(name);
    if (cause) return {cause, errorCode: name.slice(name.lastIndexOf('.') + 1)};
  }
  return null;
}

function causeFrom(reason: string, ev: LogEvent, target: Target): Recognition {
  const r = recognition(reason, '', target);
  if (r.cause !== 'other') return r;
  const tb = tracebackCause(ev);
  if (tb) return {...tb, target};
  const cls = classOf(/^([A-Za-z_]\w{0,100})\(/.exec(reason.trim())?.[1] ?? '');
  return cls ? {cause: cls, target} : r;
}

function urlTarget(raw: string, line: string): Target {
  const url = raw.replace(/[.:,]+$/, '');
  return (url.includes('://') ? targetFromUrl(url) : null) ?? extractTarget(line);
}

/** `Agent not reachable …` as printed by the diagnostic line and by `ddtrace-run --info`. */
function notReachable(text: string): Recognition | null {
  const m = NOT_REACHABLE.exec(text);
  if (!m) return null;
  const where = m[1] ?? '';
  const target = where.includes('://') ? urlTarget(where, text) : hostPort(where) ?? extractTarget(text);
  // 4.14+ checks /info and drops the exception text: the cause is hidden.
  return recognition(m[2] ?? '', '', target);
}

function hostPort(s: string): Target | null {
  const m = /^(\[[0-9a-fA-F:.]{2,45}\]|[\w.-]{1,253}):(\d{1,5})$/.exec(s);
  if (!m?.[1]) return null;
  const host = m[1].replace(/^\[|\]$/g, '');
  const port = Number(m[2]);
  return {host, port, url: `http://${m[1]}:${port}`, socket: null};
}

function recognizeFirst(first: string, ev: LogEvent): Recognition | null {
  let m = DIAGNOSTIC.exec(first);
  if (m) {
    if (m[1]) {
      // 0.4x ping: `HTTP code {status}, reason {reason}, message {msg}` (facts §2.3).
      const status = Number(m[1]);
      return {cause: statusCause(status), httpStatus: status};
    }
    return notReachable(first);
  }
  if ((m = INFO_SUMMARY.exec(first))) return notReachable(m[1] ?? '');
  if ((m = DROPPING.exec(first))) {
    let rest = (m[2] ?? '').replace(SKIPPED, '').replace(RETRIES, '').trim();
    rest = rest.replace(/^:\s*/, '').replace(/^\((.*)\)$/, '$1');
    return causeFrom(rest, ev, urlTarget(m[1] ?? '', first));
  }
  if ((m = SEND_TRACES.exec(first))) {
    const where = m[1] ?? '';
    const reason = (m[2] ?? '').replace(SKIPPED, '').replace(/^:\s*/, '');
    const status = /HTTP error status (\d{3})/.exec(reason);
    const target = where.startsWith('<') ? extractTarget(reason) : urlTarget(where, first);
    if (status?.[1]) {
      const code = Number(status[1]);
      return {cause: statusCause(code), httpStatus: code, target};
    }
    return causeFrom(reason, ev, target);
  }
  if ((m = CANNOT_SEND.exec(first))) {
    const target = hostPort(`${m[1]}:${m[2]}`) ?? extractTarget(first);
    return recognition(m[3] ?? '', '', target);
  }
  if ((m = UNSUPPORTED.exec(first))) {
    const status = Number(m[1]);
    return {cause: statusCause(status), httpStatus: status, target: urlTarget(m[2] ?? '', first)};
  }
  if ((m = TELEMETRY.exec(first))) {
    const target = urlTarget(m[1] ?? '', first);
    const status = /^(\d{3})\b/.exec(m[2] ?? '');
    if (status?.[1]) {
      const code = Number(status[1]);
      return {cause: statusCause(code), httpStatus: code, target};
    }
    return recognition(m[2] ?? '', '', target);
  }
  return null;
}

function recognize(ev: LogEvent): Recognition | null {
  const {first, text} = headOf(ev);
  const r = recognizeFirst(first, ev);
  if (!r || isIntakeTarget(r.target)) return null;
  const version = SSI_VERSION.exec(text)?.[1];
  return version ? {...r, tracerVersion: version} : r;
}

const SEED = 'shared/seed/000_2f0b614e54afe1b3.txt (Python)';
const DD_FMT = '[dd.service= dd.env= dd.version= dd.trace_id=0 dd.span_id=0]';

export const recognizer: Recognizer = {
  id: 'python',
  lang: 'python',
  source: 'tracer',
  hints: [
    'Agent not reachable',
    'TRACER DIAGNOSTIC - HTTP code',
    'ailed to send traces to Datadog Agent at',
    'failed to send traces to intake at',
    'failed to send, dropping',
    'cannot send spans to',
    'cannot send services to',
    'unsupported endpoint ',
    'Failed to send Instrumentation Telemetry to',
  ],
  recognize,
  examples: {
    matches: [
      {
        text: `2021-08-17 19:10:06,169 WARNING [ddtrace.tracer] [tracer.py:655] ${DD_FMT} - - DATADOG TRACER DIAGNOSTIC - Agent not reachable at http://localhost:8126. Exception raised: [Errno 99] Cannot assign requested address`,
        expect: {cause: 'addr_not_available', host: 'localhost', port: 8126},
        from: SEED,
      },
      {
        // 0.42: no URL in the text (issue dd-trace-py#1715).
        text: '- DATADOG TRACER DIAGNOSTIC - Agent not reachable. Exception raised: [Errno 99] Cannot assign requested address',
        expect: {cause: 'addr_not_available', host: null},
        from: 'issue DataDog/dd-trace-py#1715 (0.42.0)',
      },
      {
        text: 'WARNING:ddtrace._trace.tracer:- DATADOG TRACER DIAGNOSTIC - Agent not reachable at http://datadog-agent:8126. Exception raised: [Errno -2] Name or service not known',
        expect: {cause: 'dns', host: 'datadog-agent', port: 8126},
        from: 'ddtrace/internal/debug.py (collect) via logging.basicConfig format (facts §2.2)',
      },
      {
        text: '- DATADOG TRACER DIAGNOSTIC - Agent not reachable at unix:///var/run/datadog/apm.socket. Exception raised: [Errno 2] No such file or directory',
        expect: {cause: 'uds_missing', socket: '/var/run/datadog/apm.socket'},
        from: 'ddtrace/internal/debug.py (collect); UDS agent_url (facts §2.1)',
      },
      {
        text: '- DATADOG TRACER DIAGNOSTIC - Agent not reachable at http://10.0.3.7:8126. Exception raised: timed out',
        expect: {cause: 'timeout', host: '10.0.3.7', port: 8126},
        from: 'ddtrace/internal/debug.py (collect); socket.timeout str (facts §2.3)',
      },
      {
        // 4.14+: the check moved to agent.info(); no exception text any more.
        text: '- DATADOG TRACER DIAGNOSTIC - Agent not reachable at http://localhost:8126',
        expect: {cause: 'other', host: 'localhost', port: 8126},
        from: 'shared/facts/tracer-messages.md §2.3 (4.14, commit c1aac5d8fc)',
      },
      {
        text: `2021-08-17 14:04:12,982 ERROR [ddtrace.internal.writer] [writer.py:466] ${DD_FMT} - failed to send traces to Datadog Agent at http://localhost:8126\nTraceback (most recent call last):\n  File "/usr/local/lib/python3.9/site-packages/tenacity/__init__.py", line 407, in __call__\n    result = fn(*args, **kwargs)\n  File "/usr/local/lib/python3.9/site-packages/ddtrace/internal/writer.py", line 356, in _send_payload\n    response = self._put(payload, headers)\n  File "/usr/lib/python3.9/http/client.py", line 1279, in request\n    self._send_request(method, url, body, headers, encode_chunked)\n  File "/usr/lib/python3.9/socket.py", line 844, in create_connection\n    raise err\n  File "/usr/lib/python3.9/socket.py", line 832, in create_connection\n    sock.connect(sa)\nConnectionRefusedError: [Errno 111] Connection refused`,
        expect: {cause: 'refused', host: 'localhost', port: 8126},
        from: `${SEED}; traceback shape from issue toddbirchard/plotlydash-flask-tutorial#98 (ddtrace 0.5x)`,
      },
      {
        // The whole chained traceback inside one structured-log record (structlog `exception`).
        text: '{"event": "failed to send traces to Datadog Agent at http://localhost:8126", "level": "error", "logger": "ddtrace.internal.writer", "exception": "Traceback (most recent call last):\\n  File \\"/app/.venv/lib/python3.8/site-packages/ddtrace/internal/writer.py\\", line 356, in _send_payload\\n    response = self._put(payload, headers)\\nConnectionRefusedError: [Errno 111] Connection refused\\n\\nThe above exception was the direct cause of the following exception:\\n\\nTraceback (most recent call last):\\n  File \\"/app/.venv/lib/python3.8/site-packages/ddtrace/internal/writer.py\\", line 452, in flush_queue\\n    self._retry_upload(self._send_payload, encoded, n_traces)\\ntenacity.RetryError: RetryError[<Future at 0x7f2c3c4e3a90 state=finished raised ConnectionRefusedError>]"}',
        expect: {cause: 'refused', host: 'localhost', port: 8126},
        from: 'JSON envelope (structlog) around the 0.50–1.6 writer template with its tenacity chain',
      },
      {
        text: 'failed to send traces to Datadog Agent at http://localhost:8126\nTraceback (most recent call last):\n  File "/usr/local/lib/python3.7/site-packages/ddtrace/internal/writer.py", line 452, in flush_queue\n    self._retry_upload(self._send_payload, encoded, n_traces)\ntenacity.RetryError: RetryError[<Future at 0x7f2c3c4e3a90 state=finished raised TimeoutError>]',
        expect: {cause: 'timeout', host: 'localhost', port: 8126},
        from: 'ddtrace/internal/writer.py @0.5x (tenacity.Retrying; exc_info=True)',
      },
      {
        text: '[2020-11-11 08:30:20,140: ERROR] ddtrace.internal.writer@_log_error_status:282 Failed to send traces to Datadog Agent at http://localhost:8126: [Errno 111] Connection refused',
        expect: {cause: 'refused', host: 'localhost', port: 8126},
        from: 'issue DataDog/dd-trace-py#1722 (ddtrace 0.43.0, Celery)',
      },
      {
        text: '[2020-11-11 08:30:20,138: ERROR/ForkPoolWorker-21420] Failed to send traces to Datadog Agent at <ddtrace.api.API object at 0x7f86f3db5d30>: ConnectionRefusedError(111, \'Connection refused\')',
        expect: {cause: 'refused', host: null},
        from: 'issue DataDog/dd-trace-py#1722 (ddtrace 0.43.0); DataDog/datadogpy#430 (0.27.1)',
      },
      {
        text: 'failed to send, dropping 23 traces to intake at http://10.154.0.10:8126/v0.5/traces after 3 retries ([Errno 111] Connection refused)',
        expect: {cause: 'refused', host: '10.154.0.10', port: 8126},
        from: 'issue DataDog/datadog-agent#17310 (ddtrace 1.12.6)',
      },
      {
        text: 'failed to send, dropping 1 traces to Datadog Agent at http://localhost:8126/v0.4/traces after 3 retries (HTTPConnection(host=\'localhost\', port=8126): Remote end closed connection without response)',
        expect: {cause: 'reset', host: 'localhost', port: 8126},
        from: 'ddtrace/internal/writer.py @1.7 (`… to Datadog Agent at %s after %d retries (%s)`)',
      },
      {
        // 1.15–3.14: no reason at all.
        text: 'ddtrace.internal.writer.writer: failed to send, dropping 43 traces to intake at http://localhost:8126/v0.5/traces after 3 retries, 52 additional messages skipped',
        expect: {cause: 'other', host: 'localhost', port: 8126},
        from: 'issue DataDog/dd-trace-py#10664 (ddtrace 2.12.2)',
      },
      {
        // LLM Observability through the agent's EVP proxy.
        text: 'failed to send, dropping 2 traces to intake at http://localhost:8126/evp_proxy/v2/api/v2/llmobs after 5 retries',
        expect: {cause: 'other', host: 'localhost', port: 8126},
        from: 'issue DataDog/dd-trace-py#12020 (ddtrace 2.19.0)',
      },
      {
        // 3.15–4.5 Python writer: the reason is in the traceback (SSI install path carries the version).
        text: 'failed to send, dropping 1 traces to intake at http://localhost:8126/v0.5/traces after 3 retries\nTraceback (most recent call last):\n  File "/opt/datadog-packages/datadog-apm-library-python/3.15.0/ddtrace_pkgs/site-packages-ddtrace-py3.11-manylinux2014/ddtrace/internal/writer/writer.py", line 309, in _send_payload\n    response = self._put(payload, headers, client, no_trace=True)\n               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n  File "/usr/lib/python3.11/socket.py", line 836, in create_connection\n    sock.connect(sa)\nConnectionRefusedError: [Errno 111] Connection refused',
        expect: {cause: 'refused', host: 'localhost', port: 8126, tracerVersion: '3.15.0'},
        from: 'issue nathom/streamrip#921 (datadog-apm-library-python 3.15.0 traceback); ddtrace/internal/writer/writer.py exc_info=True',
      },
      {
        // Native writer (libdatadog): hyper's connect error hides the OS reason. classify.ts files it
        // under `refused` (the likeliest, as for Rust); rules/reason-hidden.ts hedges the advice.
        text: 'failed to send, dropping 4 traces to intake at http://localhost:8126/v0.4/traces: client error (Connect)',
        expect: {cause: 'refused', host: 'localhost', port: 8126},
        from: 'shared/facts/tracer-messages.md §2.4 (native writer 3.19–4.8, tests/integration/test_integration.py @v4.0.0)',
      },
      {
        text: 'failed to send, dropping 4 traces to intake at http://localhost:8126/v0.4/traces: Network error: client error (Connect)',
        expect: {cause: 'refused', host: 'localhost', port: 8126},
        from: 'shared/facts/tracer-messages.md §2.4 (native writer 4.9+, libdatadog v32)',
      },
      {
        text: 'failed to send traces to intake at http://localhost:8126/v0.5/traces: HTTP error status 413, reason Request Entity Too Large',
        expect: {cause: 'payload_too_large', httpStatus: 413, host: 'localhost'},
        from: 'ddtrace/internal/writer/writer.py (HTTPWriter._send_payload, 1.12+)',
      },
      {
        text: 'failed to send traces to Datadog Agent at http://localhost:8126/v0.4/traces: HTTP error status 500, reason Internal Server Error',
        expect: {cause: 'http_status', httpStatus: 500},
        from: 'ddtrace/internal/writer.py (HTTPWriter._send_payload, ≤1.11)',
      },
      {
        text: "unsupported endpoint 'v0.3/traces': received response 404 from Datadog Agent (http://localhost:8126)",
        expect: {cause: 'http_status', httpStatus: 404, host: 'localhost', port: 8126},
        from: 'ddtrace/internal/writer.py (HTTPWriter._send_payload downgrade ValueError branch)',
      },
      {
        text: '2018-08-23 07:11:46,050 - ddtrace.writer - ERROR - cannot send services to localhost:8126: [Errno 111] Connection refused',
        expect: {cause: 'refused', host: 'localhost', port: 8126},
        from: 'ddtrace/writer.py @0.1x (`cannot send services to {1}:{2}: {0}`)',
      },
      {
        text: 'ERROR:ddtrace.writer:cannot send spans to localhost:8126: [Errno 61] Connection refused',
        expect: {cause: 'refused', host: 'localhost', port: 8126},
        from: 'ddtrace/writer.py @0.1x (macOS errno 61)',
      },
      {
        text: 'Failed to send Instrumentation Telemetry to http://localhost:8126/telemetry/proxy/api/v2/apmtelemetry. Error: [Errno 111] Connection refused',
        expect: {cause: 'refused', host: 'localhost', port: 8126},
        from: 'ddtrace/internal/telemetry/writer.py (_TelemetryClient.send_event, DEBUG)',
      },
      {
        // Real-world wrapping: ddtrace-run --info prints its summary in ANSI colours.
        text: "\u001b[96m\u001b[1mSummary\u001b[0m\n\n\u001b[91mERROR: It looks like you have an agent error: 'Agent not reachable at http://localhost:8126. Exception raised: [Errno 111] Connection refused'\n If you're experiencing a connection error, please make sure you've followed the setup for your particular environment so that the tracer and Datadog agent are configured properly to connect, and that the Datadog agent is running: https://ddtrace.readthedocs.io/en/stable/troubleshooting.html#failed-to-send-traces-connectionrefusederror\nIf your issue is not a connection error then please reach out to support for further assistance: https://docs.datadoghq.com/help/\u001b[0m",
        expect: {cause: 'refused', host: 'localhost', port: 8126},
        from: 'ddtrace/internal/debug.py (pretty_collect summary, `ddtrace-run --info`)',
      },
      {
        // Real-world wrapping: Google Cloud Logging JSON record.
        text: '{"message": "failed to send, dropping 23 traces to intake at http://10.154.0.10:8126/v0.5/traces after 3 retries ([Errno 111] Connection refused)", "severity": "ERROR", "logging.googleapis.com/sourceLocation": {"file": "/usr/local/lib/python3.10/site-packages/ddtrace/internal/writer.py", "line": 464, "function": "flush_queue"}}',
        expect: {cause: 'refused', host: '10.154.0.10', port: 8126},
        from: 'issue DataDog/datadog-agent#17310 (sourceLocation JSON)',
      },
      {
        // Real-world wrapping: Kubernetes CRI prefix.
        text: '2026-11-25T10:00:00.123456789Z stderr F failed to send, dropping 1 traces to intake at http://10.13.132.67:8126/v0.5/traces after 3 retries',
        expect: {cause: 'other', host: '10.13.132.67', port: 8126},
        from: 'issue DataDog/dd-trace-py#13066 (3.2.1) in a CRI log file',
      },
    ],
    ignores: [
      {
        text: 'psycopg2.OperationalError: connection to server at "localhost" (127.0.0.1), port 5432 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?',
        why: "the application's own Postgres connection",
      },
      {
        text: 'Error submitting packet: [Errno 111] Connection refused, dropping the packet and closing the socket',
        why: 'DogStatsD (datadog.dogstatsd, UDP 8125), not the trace receiver',
      },
      {
        text: 'sent 1.39KB in 0.01211s to http://localhost:8126/v0.5/traces',
        why: 'healthy writer debug line',
      },
      {
        text: 'failed to send, dropping 12 traces to intake at https://citestcycle-intake.datadoghq.com/api/v2/citestcycle after 5 retries',
        why: 'agentless CI Visibility writer (same HTTPWriter template, intake host)',
      },
      {
        text: 'Failed to send Instrumentation Telemetry to https://instrumentation-telemetry-intake.datadoghq.com/api/v2/apmtelemetry. Error: timed out',
        why: 'agentless telemetry to the intake, not the agent',
      },
      {
        text: "- DATADOG TRACER CONFIGURATION - {'date': '2024-03-01T10:00:00', 'version': '2.8.1', 'lang': 'python', 'agent_url': 'http://localhost:8126', 'agent_error': None}",
        why: 'healthy startup configuration (dict repr, agent_error None)',
      },
      {
        text: 'Tracer Configurations:\n    Tracer enabled: True\n    Writing traces to: http://localhost:8126\n    Agent error: Agent not reachable at http://localhost:8126. Exception raised: [Errno 111] Connection refused',
        why: '`ddtrace-run --info` configuration block: the summary line below it is the one finding for the run',
      },
    ],
  },
  sources: [
    'shared/facts/tracer-messages.md §2',
    'dd-trace-py ddtrace/writer.py @0.1x (cannot send spans/services)',
    'dd-trace-py ddtrace/internal/writer.py @0.4x–1.11 (tenacity; failed to send traces to Datadog Agent; dropping … (%s))',
    'dd-trace-py ddtrace/internal/writer/writer.py @2.x (failed to send, dropping … to intake at … after %d retries)',
    'dd-trace-py ddtrace/internal/debug.py (collect, pretty_collect: Agent not reachable…, It looks like you have an agent error)',
    'dd-trace-py ddtrace/internal/telemetry/writer.py (Failed to send Instrumentation Telemetry to …)',
    'issues DataDog/dd-trace-py#1715, #1722, #8694, #10664, #12020, #13066; DataDog/datadog-agent#17310',
    'shared/seed/000_2f0b614e54afe1b3.txt',
  ],
};
