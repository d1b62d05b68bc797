// The Datadog Agent's own log lines that explain why tracers can't reach the trace receiver
// (shared/facts/root-causes.md B2, B6, B8, B9, D3; agent-side.md §0.8). Format since Agent 6:
// `2024-01-01 10:00:00 UTC | TRACE | CRITICAL | (pkg/trace/api/api.go:246 in Start) | <message>`
// (normalize.ts strips the timestamp); docs quote it without the timestamp and component.
//
// Each finding carries an errorCode the rules key on (shared/rules/):
//   APM_DISABLED      `trace-agent not enabled …` — the trace-agent exits at start    → apm_not_running
//   EADDRINUSE        `Error creating tcp listener: listen tcp 0.0.0.0:8126: bind: address already
//                     in use` — something else holds the receiver port; the trace-agent exits
//                     (killProcess) → apm_not_running, target = the receiver address (rule: port-conflict)
//   EADDRNOTAVAIL/EACCES  the same listener error for a bad bind_host / a privileged port
//   EACCES/ENOENT/null    `Error creating UDS listener: …` (exits) and `Could not start UDS
//                     listener: socket directory does not exist: …` (TCP goes on) → uds_permission /
//                     uds_missing, target = the socket (rule: uds-listener-error)
//   MEMORY_KILL       `Killing process. Memory threshold exceeded: …` (watchdog, then exit) → apm_not_running
//   CPU_THRESHOLD, MEMORY_THRESHOLD  the watchdog rate-limits payloads (answered 200 or 429) → other
//   CONNECTION_LIMIT  `http: Accept error: request has been rate-limited` (apm_config.connection_limit) → other
// Not findings: `Listening for traces at …` (healthy), the writer's `Retried payload … trace.agent.
// datadoghq.com` (agent → Datadog, root-causes G1: the tracer side works), other components' binds.
import {classifyCause} from '../engine/classify';
import type {Cause, LogEvent, Recognition, Recognizer, Target} from '../engine/types';

const DISABLED = /trace-agent not enabled/;
// The HTTP-server variant is only ours when it ends `. HTTP receiver disabled.` (checked with includes:
// a `(.*)\. HTTP receiver` regex would backtrack over the whole line at every start).
const TCP_LISTENER = /Error creating tcp listener: |Could not start HTTP server: /;
const LISTEN_TCP = /listen tcp (\[[0-9a-fA-F:.]{0,45}\]|[\w.-]{0,253}):(\d{1,5})/;
// A bare bind failure counts only from the trace-agent: the core agent and DogStatsD bind too.
const TRACE_AGENT_LINE = /\| TRACE \| [A-Z]{4,8} \||\(pkg\/trace\/|\(cmd\/trace-agent\/|\(comp\/trace\//;
const UDS_LISTENER = /Error creating UDS listener: |Could not start UDS server: /;
const UDS_DIR_MISSING = /Could not start UDS listener: socket directory does not exist: (\S{1,1024})/;
const SOCKET_PATH = /listen unix (\/[^\s:]{1,1024}):|cannot reuse "(\/[^"]{1,1024})"/;
const MEMORY_KILL = /Killing process\. Memory threshold exceeded/;
const CPU_THRESHOLD = /CPU threshold exceeded \(apm_config\.max_cpu_percent: /;
const MEMORY_THRESHOLD = /Memory threshold exceeded \(apm_config\.max_memory: /;
const RATE_LIMITED = /Accept error: request has been rate-limited/;

const ERRNO: ReadonlyArray<[RegExp, string]> = [
  [/address already in use/i, 'EADDRINUSE'],
  [/cannot assign requested address/i, 'EADDRNOTAVAIL'],
  [/permission denied/i, 'EACCES'],
  [/no such file or directory/i, 'ENOENT'],
];

function errnoOf(text: string): string | null {
  for (const [re, code] of ERRNO) if (re.test(text)) return code;
  return null;
}

function tcpTarget(text: string): Partial<Target> {
  const m = LISTEN_TCP.exec(text);
  if (!m) return {};
  const host = (m[1] ?? '').replace(/^\[|\]$/g, '') || '0.0.0.0';
  const port = Number(m[2]);
  return {url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, host, port, socket: null};
}

function socketTarget(path: string | undefined): Partial<Target> {
  return path ? {url: `unix://${path}`, host: null, port: null, socket: path} : {};
}

function found(cause: Cause, errorCode: string | null, target: Partial<Target> = {}): Recognition {
  return {cause, errorCode, target, lang: 'unknown'};
}

function recognize(ev: LogEvent): Recognition | null {
  const text = ev.lines[0]?.text ?? '';
  let m: RegExpExecArray | null;
  if (DISABLED.test(text)) return found('apm_not_running', 'APM_DISABLED');
  // Other Go programs log "Error creating tcp listener" too: it must be the trace-agent's line
  // or the trace receiver's port.
  if (
    TCP_LISTENER.test(text) &&
    (text.includes('Error creating tcp listener') || text.includes('HTTP receiver disabled')) &&
    (TRACE_AGENT_LINE.test(text) || tcpTarget(text).port === 8126)
  ) {
    return found('apm_not_running', errnoOf(text), tcpTarget(text));
  }
  if ((m = UDS_DIR_MISSING.exec(text))) return found('uds_missing', 'ENOENT', socketTarget(m[1]));
  if (
    UDS_LISTENER.test(text) &&
    (text.includes('Error creating UDS listener') || text.includes('UDS receiver disabled')) &&
    (TRACE_AGENT_LINE.test(text) || /datadog|apm\.sock/.test(text))
  ) {
    const sock = SOCKET_PATH.exec(text);
    const cause = classifyCause(text)?.cause === 'uds_permission' ? 'uds_permission' : 'uds_missing';
    return found(cause, errnoOf(text), socketTarget(sock?.[1] ?? sock?.[2]));
  }
  if (MEMORY_KILL.test(text)) return found('apm_not_running', 'MEMORY_KILL');
  if (CPU_THRESHOLD.test(text)) return found('other', 'CPU_THRESHOLD');
  if (MEMORY_THRESHOLD.test(text)) return found('other', 'MEMORY_THRESHOLD');
  if (RATE_LIMITED.test(text)) return found('other', 'CONNECTION_LIMIT');
  if (text.includes('bind: address already in use') && TRACE_AGENT_LINE.test(text) && LISTEN_TCP.test(text)) {
    return found('apm_not_running', 'EADDRINUSE', tcpTarget(text));
  }
  return null;
}

export const recognizer: Recognizer = {
  id: 'agent-log',
  lang: 'unknown',
  source: 'agent',
  hints: [
    'trace-agent not enabled',
    'Error creating tcp listener',
    'Could not start HTTP server',
    'Error creating UDS listener',
    'Could not start UDS',
    'Killing process. Memory threshold exceeded',
    'CPU threshold exceeded (apm_config',
    'Memory threshold exceeded (apm_config',
    'request has been rate-limited',
    'bind: address already in use',
  ],
  recognize,
  examples: {
    matches: [
      {
        text: 'trace-agent not enabled. Set the environment variable DD_APM_ENABLED=true or add "apm_config.enabled: true" entry to your datadog.yaml. Exiting...',
        expect: {cause: 'apm_not_running'},
        from: 'shared/facts/root-causes.md B2 (as users quote it); datadog-agent cmd/trace-agent messageAgentDisabled',
      },
      {
        text: '2024-03-01 10:00:00 UTC | TRACE | INFO | (comp/trace/agent/impl/run.go:62 in start) | trace-agent not enabled. Set the environment variable\nDD_APM_ENABLED=true or add "apm_config.enabled: true" entry\nto your datadog.yaml. Exiting...',
        expect: {cause: 'apm_not_running'},
        from: 'datadog-agent comp/trace/agent messageAgentDisabled (a Go raw string with newlines); line prefix composed',
      },
      {
        text: '2024-03-01 10:00:00 UTC | TRACE | CRITICAL | (pkg/trace/api/api.go:246 in Start) | Error creating tcp listener: listen tcp 0.0.0.0:8126: bind: address already in use',
        expect: {cause: 'apm_not_running', host: '0.0.0.0', port: 8126},
        from: 'datadog-agent pkg/trace/api/api.go Start (killProcess("Error creating tcp listener: %v")); Go net error text; prefix composed',
      },
      {
        text: '2024-03-01T10:00:00.000000001Z stderr F 2024-03-01 10:00:00 UTC | TRACE | CRITICAL | (pkg/trace/api/api.go:246 in Start) | Error creating tcp listener: listen tcp 127.0.0.1:8126: bind: address already in use',
        expect: {cause: 'apm_not_running', host: '127.0.0.1', port: 8126},
        from: 'same, from `kubectl logs` of the trace-agent container (CRI framing)',
      },
      {
        text: '2024-03-01 10:00:00 UTC | TRACE | CRITICAL | (pkg/trace/api/api.go:268 in Start) | Error creating UDS listener: listen unix /var/run/datadog/apm.socket: bind: permission denied',
        expect: {cause: 'uds_permission', socket: '/var/run/datadog/apm.socket'},
        from: 'shared/facts/root-causes.md D3 (DataDog/datadog-agent#17713 text); api.go Start',
      },
      {
        text: '2024-03-01 10:00:00 UTC | TRACE | ERROR | (pkg/trace/api/api.go:280 in Start) | Could not start UDS listener: socket directory does not exist: /var/run/datadog/apm.socket',
        expect: {cause: 'uds_missing', socket: '/var/run/datadog/apm.socket'},
        from: 'datadog-agent pkg/trace/api/api.go and cmd/trace-loader (log.Errorf("Could not start UDS listener: socket directory does not exist: %s"))',
      },
      {
        text: 'CRITICAL | (pkg/trace/api/api.go:703 in watchdog) | Killing process. Memory threshold exceeded: 8238.08M / 715.26M',
        expect: {cause: 'apm_not_running'},
        from: 'DataDog/documentation tracing/troubleshooting/agent_rate_limits.md (verbatim); api.go watchdog',
      },
      {
        text: '2024-03-01 10:00:00 UTC | TRACE | WARN | (pkg/trace/api/api.go:610 in watchdog) | CPU threshold exceeded (apm_config.max_cpu_percent: 50): 87',
        expect: {cause: 'other'},
        from: 'datadog-agent pkg/trace/api (log.Warnf("CPU threshold exceeded (apm_config.max_cpu_percent: %.0f): %.0f")); values composed',
      },
      {
        text: 'ERROR | (pkg/trace/logutil/throttled.go:38 in log) | http.Server: http: Accept error: request has been rate-limited; retrying in 80ms',
        expect: {cause: 'other'},
        from: 'DataDog/documentation tracing/troubleshooting (APM rate limits, max connection limit; verbatim)',
      },
      {
        text: '{"agent":"trace","time":"2024-03-01 10:00:00 UTC","level":"CRITICAL","file":"api.go","line":"246","func":"Start","msg":"Error creating tcp listener: listen tcp [::]:8126: bind: address already in use"}',
        expect: {cause: 'apm_not_running', host: '::', port: 8126},
        from: 'api.go template with log_format_json (JSON envelope; field layout composed)',
      },
    ],
    ignores: [
      {text: '2024-03-01 10:00:00 UTC | TRACE | INFO | (pkg/trace/api/api.go:265 in Start) | Listening for traces at http://0.0.0.0:8126', why: 'healthy receiver start'},
      {text: '2024-03-01 10:00:00 UTC | CORE | ERROR | (comp/dogstatsd/listeners/udp.go:78 in NewUDPListener) | can\'t listen: listen udp 0.0.0.0:8125: bind: address already in use', why: 'DogStatsD (8125) in the core agent, not the trace receiver (composed line)'},
      {text: 'Line 170: - Failed to start TCP listener. Err: listen tcp 127.0.0.1:46010: bind: address already in use', why: "another program's bind failure (intelsdi-x/snap#517)"},
      {text: '2024-03-01 10:00:00 UTC | TRACE | ERROR | (pkg/trace/writer/sender.go:200 in sendPayload) | Retried payload 8 times: Post "https://trace.agent.datadoghq.com/api/v0.2/stats": context deadline exceeded', why: 'the agent failing to reach Datadog (root-causes G1); tracers reach the agent fine'},
      {text: '2021-06-28 22:22:58 UTC | CORE | ERROR | (pkg/forwarder/transaction/transaction.go:108 in func4) | TLS Handshake failure: net/http: TLS handshake timeout', why: 'core agent → intake (DataDog/dd-trace-php#1269 thread), not the trace receiver'},
    ],
  },
  sources: [
    'shared/facts/root-causes.md B2, B6, B8, B9, D3; shared/facts/agent-side.md §0.8',
    'datadog-agent pkg/trace/api/api.go (Start: killProcess on tcp/UDS listener errors; watchdog: "Killing process. Memory threshold exceeded")',
    'datadog-agent pkg/trace/api watchdog (CPU/Memory threshold exceeded (apm_config.…) warnings), cmd/trace-agent messageAgentDisabled',
    'DataDog/documentation tracing/troubleshooting agent_rate_limits.md',
  ],
};
