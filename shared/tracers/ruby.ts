// dd-trace-rb (gem `ddtrace` ≤1.x, `datadog` 2.x). Ruby's Logger default format:
// `W, [2021-08-17T18:37:51.542245 #24]  WARN -- ddtrace: [ddtrace] message`; progname and tag
// are `datadog` from 2.0, and debug/ERROR lines put the caller `(…/gems/ddtrace-0.48.0/lib/…:33:in
// `…')` before the message. Failures are the startup `Agent Error` (the inspect of the failed
// transport responses) and the HTTP client's `Internal error during … request. Cause: …`.
// Sources: shared/facts/tracer-messages.md §3, and the templates quoted in `sources` below.
import {classifyCause, extractTarget} from '../engine/classify';
import type {Cause, LogEvent, Recognition, Recognizer} from '../engine/types';
import {headOf, isIntakeTarget, statusCause} from './_failure';

const PREFIX = /^[DIWEFA], \[(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?) #\d{1,10}\] {1,3}[A-Z]{1,7} -- [\w.-]{0,40}: /;
// Gem install paths in the caller or the Location: `…/gems/ddtrace-0.48.0/lib/…`, `…/gems/datadog-2.3.0/lib/…`.
const GEM_VERSION = /\/gems\/(?:ddtrace|datadog)-(\d{1,4}\.\d{1,4}\.\d{1,4}(?:\.[\w]{1,20})?)\/lib\//;

// environment_logger.rb: `DATADOG TRACER DIAGNOSTIC - Agent Error: <inspect>` (0.x), `DATADOG
// DIAGNOSTIC - Agent Error: <inspect>` (1.0–1.13), `DATADOG ERROR - TRACING - Agent Error:
// {"agent_error":"<inspect>"}` (1.14+).
const AGENT_ERROR = /DATADOG (?:TRACER DIAGNOSTIC|DIAGNOSTIC|ERROR - TRACING) - Agent Error: (.*)$/;
// http/client.rb: `Internal error during HTTP transport request. Cause: <msg> Location: …` (≤1.4),
// `… during <Client class> request. Cause: <Class> <msg> Location: …` (1.5–2.2x), `Cause: <Class>: <msg>` (HEAD).
const INTERNAL = /Internal error during (HTTP transport|[\w:]{1,200}) request\. Cause: (.*)$/;
// workers.rb (0.x): transport exceptions escaped the client in the oldest writers.
const FLUSH = /Error during traces flush: dropped \d{1,10} items\. Cause: (.*)$/;
// A Ruby exception class at the start of the cause: namespaced (`Errno::ECONNREFUSED`,
// `Net::OpenTimeout`) or a bare `…Error`/`…Timeout` (`SocketError`, `EOFError`). One flat
// character class, checked by `rubyClass`, so a long run of `::` cannot backtrack.
const CLASS_HEAD = /^([A-Z][\w:]{0,300}) /;
const CLASS_SHAPE = /::|(?:Error|Exception|Timeout)$/;
const ERROR_TYPE = /error_type:(\S{1,200}) error:(.*?)(?:, ?Datadog::|$)/;

/** `Errno::ECONNREFUSED Failed…` (1.5–2.2x) or `Errno::ECONNREFUSED: Failed…` (HEAD); ≤1.4 prints no class. */
function rubyClass(cause: string): {name: string; length: number} | null {
  const m = CLASS_HEAD.exec(cause);
  if (!m?.[1]) return null;
  const name = m[1].replace(/:+$/, '');
  return CLASS_SHAPE.test(name) ? {name, length: m[0].length} : null;
}

function withoutLocation(text: string): string {
  const i = text.lastIndexOf(' Location: ');
  return i === -1 ? text : text.slice(0, i);
}

function fromCause(cls: string | null, message: string): Recognition {
  const target = extractTarget(message);
  const c = classifyCause(message) ?? (cls ? classifyCause(cls) : null);
  if (!c) return {cause: 'other', errorCode: cls, target};
  return {cause: c.cause, errorCode: cls ?? c.errorCode, httpStatus: c.httpStatus, target};
}

/** The inspect string of the failed responses (`InternalErrorResponse … error_type:… error:…` or an HTTP response). */
function fromInspect(inspect: string): Recognition {
  const err = ERROR_TYPE.exec(inspect);
  if (err) return fromCause(err[1] ?? null, err[2] ?? '');
  // 2.25+ prints the HTTP code; older versions only the predicate flags (Net adapter Response).
  const code = /\bcode:(\d{3})\b/.exec(inspect);
  if (code?.[1]) {
    const status = Number(code[1]);
    return {cause: statusCause(status), httpStatus: status};
  }
  const flags: ReadonlyArray<[RegExp, Cause, number | null]> = [
    [/\bnot_found\?:true\b/, 'http_status', 404],
    [/\bunsupported\?:true\b/, 'http_status', 415],
    [/\bclient_error\?:true\b/, 'http_status', null],
    [/\bserver_error\?:true\b/, 'http_status', null],
  ];
  for (const [re, cause, status] of flags) if (re.test(inspect)) return {cause, httpStatus: status};
  return {cause: 'other'};
}

// Inspect strings are short (the payload is truncated to 2,000 chars by Response#inspect); a
// bound keeps JSON.parse and unescaping cheap on a hostile line.
const MAX_INSPECT = 16 * 1024;

/** 1.14+ wraps the inspect in JSON; consoles sometimes cut the line, so fall back to unescaping. */
function agentErrorText(raw: string): string {
  const t = raw.trim().slice(0, MAX_INSPECT);
  if (t.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(t);
      if (parsed && typeof parsed === 'object' && 'agent_error' in parsed) {
        const v = (parsed as {agent_error: unknown}).agent_error;
        if (typeof v === 'string') return v;
      }
    } catch {
      return t.replace(/\\"/g, '"');
    }
  }
  return t;
}

function recognizeFirst(first: string): Recognition | null {
  let m = AGENT_ERROR.exec(first);
  if (m) return fromInspect(agentErrorText(m[1] ?? ''));
  if ((m = INTERNAL.exec(first))) {
    const cause = withoutLocation(m[2] ?? '');
    const cls = rubyClass(cause);
    return cls ? fromCause(cls.name, cause.slice(cls.length)) : fromCause(null, cause);
  }
  if ((m = FLUSH.exec(first))) {
    // The flush also fails on encoding bugs; only a network cause makes it an agent failure.
    const r = fromCause(null, withoutLocation(m[1] ?? ''));
    return r.cause === 'other' ? null : r;
  }
  return null;
}

function recognize(ev: LogEvent): Recognition | null {
  const {first, text} = headOf(ev);
  const r = recognizeFirst(first);
  if (!r || isIntakeTarget(r.target)) return null;
  const out: Recognition = {...r};
  const ts = PREFIX.exec(first)?.[1];
  if (ts) out.timestamp = ts;
  const version = GEM_VERSION.exec(text)?.[1];
  if (version) out.tracerVersion = version;
  return out;
}

const SEED = 'shared/seed/000_2f0b614e54afe1b3.txt (Ruby)';
const INSPECT_REFUSED =
  'ok?: unsupported?:, not_found?:, client_error?:, server_error?:, internal_error?:true, payload:, error_type:Errno::ECONNREFUSED error:Failed to open TCP connection to 127.0.0.1:8126 (Connection refused - connect(2) for "127.0.0.1" port 8126)';

export const recognizer: Recognizer = {
  id: 'ruby',
  lang: 'ruby',
  source: 'tracer',
  hints: ['Agent Error: Datadog::', 'Agent Error: {', 'InternalErrorResponse', 'Internal error during ', 'Error during traces flush'],
  recognize,
  examples: {
    matches: [
      {
        text: `W, [2021-08-17T18:37:51.542245 #24]  WARN -- ddtrace: [ddtrace] DATADOG TRACER DIAGNOSTIC - Agent Error: Datadog::Transport::InternalErrorResponse ${INSPECT_REFUSED}`,
        expect: {cause: 'refused', host: '127.0.0.1', port: 8126},
        from: SEED,
      },
      {
        text: "D, [2021-08-17T18:51:28.962389 #24] DEBUG -- ddtrace: [ddtrace] (/usr/local/bundle/gems/ddtrace-0.48.0/lib/ddtrace/transport/http/client.rb:33:in `rescue in send_request') Internal error during HTTP transport request. Cause: Failed to open TCP connection to 127.0.0.1:8126 (Connection refused - connect(2) for \"127.0.0.1\" port 8126) Location: /usr/local/lib/ruby/2.5.0/net/http.rb:939:in `rescue in block in connect'",
        expect: {cause: 'refused', host: '127.0.0.1', port: 8126, tracerVersion: '0.48.0'},
        from: `${SEED}; lib/ddtrace/transport/http/client.rb @v0.48.0`,
      },
      {
        // 1.0–1.13: DATADOG DIAGNOSTIC, same inspect.
        text: 'W, [2022-05-02T09:10:11.000000 #1]  WARN -- ddtrace: [ddtrace] DATADOG DIAGNOSTIC - Agent Error: Datadog::Transport::InternalErrorResponse ok?: unsupported?:, not_found?:, client_error?:, server_error?:, internal_error?:true, payload:, error_type:SocketError error:Failed to open TCP connection to datadog-agent:8126 (getaddrinfo: Name or service not known)',
        expect: {cause: 'dns', host: 'datadog-agent', port: 8126},
        from: 'lib/datadog/core/diagnostics/environment_logger.rb @v1.0.0 (log_error!), lib/ddtrace/transport/response.rb (inspect)',
      },
      {
        // 1.14+: JSON-encoded inside `DATADOG ERROR - TRACING - Agent Error:`; 2.x progname `datadog`.
        text: `W, [2024-06-10T12:00:00.123456 #7]  WARN -- datadog: [datadog] DATADOG ERROR - TRACING - Agent Error: {"agent_error":"Datadog::Core::Transport::InternalErrorResponse ${INSPECT_REFUSED.replace(/"/g, '\\"')}"}`,
        expect: {cause: 'refused', host: '127.0.0.1', port: 8126},
        from: 'lib/datadog/core/diagnostics/environment_logger.rb (log_error!), lib/datadog/tracing/diagnostics/environment_logger.rb (collect_errors!), lib/datadog/core/transport/response.rb',
      },
      {
        text: 'W, [2024-06-10T12:00:00.123456 #7]  WARN -- datadog: [datadog] DATADOG ERROR - TRACING - Agent Error: {"agent_error":"Datadog::Core::Transport::InternalErrorResponse ok?:, unsupported?:, not_found?:, client_error?:, server_error?:, internal_error?:true, payload:, error_type:Errno::ENOENT error:No such file or directory - connect(2) for /var/run/datadog/apm.socket"}',
        expect: {cause: 'uds_missing', socket: '/var/run/datadog/apm.socket'},
        from: 'lib/datadog/core/transport/response.rb (v2.25+ `ok?:,`); UDS adapter (facts §0 Ruby ENOENT)',
      },
      {
        // 2.25+: HTTP responses carry `code:`.
        text: 'W, [2025-01-10T12:00:00.000000 #7]  WARN -- datadog: [datadog] DATADOG ERROR - TRACING - Agent Error: {"agent_error":"Datadog::Tracing::Transport::HTTP::Traces::Response ok?:false, code:413, unsupported?:false, not_found?:false, client_error?:true, server_error?:false, internal_error?:false, payload:request body too large"}',
        expect: {cause: 'payload_too_large', httpStatus: 413},
        from: 'lib/datadog/core/transport/response.rb (inspect with maybe_code)',
      },
      {
        text: 'W, [2021-02-01T12:00:00.000000 #7]  WARN -- ddtrace: [ddtrace] DATADOG TRACER DIAGNOSTIC - Agent Error: Datadog::Transport::HTTP::Traces::Response ok?:false unsupported?:false, not_found?:true, client_error?:true, server_error?:false, internal_error?:false, payload:404 page not found',
        expect: {cause: 'http_status', httpStatus: 404},
        from: 'lib/ddtrace/transport/response.rb ≤1.14 inspect (predicate flags only); Net adapter not_found? = code 404',
      },
      {
        // 1.5–1.14: `Cause: <Class> <message>`.
        text: 'E, [2022-09-01T10:00:00.000000 #1] ERROR -- ddtrace: [ddtrace] (/usr/local/bundle/gems/ddtrace-1.5.0/lib/ddtrace/transport/http/client.rb:35:in `rescue in send_request\') Internal error during Datadog::Transport::HTTP::Client request. Cause: Errno::ECONNREFUSED Failed to open TCP connection to 10.0.0.12:8126 (Connection refused - connect(2) for "10.0.0.12" port 8126) Location: /usr/local/lib/ruby/3.1.0/net/http.rb:1018:in `initialize\'',
        expect: {cause: 'refused', host: '10.0.0.12', port: 8126, tracerVersion: '1.5.0'},
        from: 'lib/ddtrace/transport/http/client.rb @v1.5.0',
      },
      {
        text: "E, [2023-09-01T10:00:00.000000 #1] ERROR -- ddtrace: [ddtrace] (/usr/local/bundle/gems/ddtrace-1.15.0/lib/datadog/tracing/transport/http/client.rb:38:in `rescue in send_request') Internal error during Datadog::Tracing::Transport::HTTP::Client request. Cause: Net::OpenTimeout Failed to open TCP connection to 10.0.3.7:8126 (execution expired) Location: /usr/local/lib/ruby/3.2.0/net/http.rb:1271:in `initialize'",
        expect: {cause: 'timeout', host: '10.0.3.7', port: 8126, tracerVersion: '1.15.0'},
        from: 'lib/datadog/tracing/transport/http/client.rb @v1.15.0',
      },
      {
        // HEAD: `Cause: <Class>: <message>`, Ruby 3.4 quotes in the backtrace.
        text: "E, [2025-08-01T10:00:00.000000 #1] ERROR -- datadog: [datadog] (/usr/local/bundle/gems/datadog-2.41.0/lib/datadog/core/transport/http/client.rb:41:in 'Datadog::Core::Transport::HTTP::Client#send_request') Internal error during Datadog::Tracing::Transport::HTTP::Client request. Cause: Errno::EADDRNOTAVAIL: Failed to open TCP connection to localhost:8126 (Cannot assign requested address - connect(2) for \"::1\" port 8126) Location: /usr/local/lib/ruby/3.4.0/net/http.rb:1665:in 'TCPSocket#initialize'",
        expect: {cause: 'addr_not_available', host: 'localhost', port: 8126, tracerVersion: '2.41.0'},
        from: 'lib/datadog/core/transport/http/client.rb (build_exception_message, HEAD)',
      },
      {
        // Remote configuration polls /v0.7/config on the same agent.
        text: 'D, [2024-06-10T12:00:05.000000 #7] DEBUG -- datadog: [datadog] Internal error during Datadog::Core::Remote::Transport::HTTP::Client request. Cause: Errno::ECONNRESET Connection reset by peer Location: /usr/local/lib/ruby/3.3.0/net/protocol.rb:229:in `read_nonblock\'',
        expect: {cause: 'reset'},
        from: 'shared/facts/tracer-messages.md §3.4 (same template for remote configuration)',
      },
      {
        text: 'E, [2018-02-01T10:00:00.000000 #1] ERROR -- ddtrace: Error during traces flush: dropped 12 items. Cause: Failed to open TCP connection to localhost:8126 (Connection refused - connect(2) for "localhost" port 8126)',
        expect: {cause: 'refused', host: 'localhost', port: 8126},
        from: 'lib/ddtrace/workers.rb @0.1x (callback_traces)',
      },
      {
        // Real-world wrapping: Kubernetes CRI prefix around the 0.x diagnostic.
        text: `2026-11-25T10:00:00.123456789Z stdout F W, [2026-11-25T10:00:00.120000 #1]  WARN -- ddtrace: [ddtrace] DATADOG TRACER DIAGNOSTIC - Agent Error: Datadog::Transport::InternalErrorResponse ${INSPECT_REFUSED}`,
        expect: {cause: 'refused', host: '127.0.0.1', port: 8126},
        from: 'Kubernetes CRI log format around the seed line',
      },
      {
        // Real-world wrapping: an app that routes Datadog.logger through a JSON-lines formatter.
        text: '{"timestamp":"2025-08-01T10:00:00.000Z","level":"error","progname":"datadog","message":"[datadog] Internal error during Datadog::Tracing::Transport::HTTP::Client request. Cause: Errno::ECONNREFUSED: Failed to open TCP connection to 172.17.0.1:8126 (Connection refused - connect(2) for \\"172.17.0.1\\" port 8126) Location: /usr/local/lib/ruby/3.3.0/socket.rb:1217:in `__connect_nonblock\'"}',
        expect: {cause: 'refused', host: '172.17.0.1', port: 8126},
        from: 'JSON envelope around the HEAD client template (lib/datadog/core/transport/http/client.rb)',
      },
    ],
    ignores: [
      {
        text: 'Redis::CannotConnectError: Error connecting to Redis on 127.0.0.1:6379 (Errno::ECONNREFUSED)',
        why: "the application's own Redis connection",
      },
      {
        text: 'Faraday::ConnectionFailed: Failed to open TCP connection to api.example.com:443 (Connection refused - connect(2) for "api.example.com" port 443)',
        why: "the application's own HTTP API call",
      },
      {
        text: 'I, [2024-06-10T12:00:00.100000 #7]  INFO -- datadog: [datadog] DATADOG CONFIGURATION - TRACING - {"enabled":true,"agent_url":"http://127.0.0.1:8126?timeout=30","analytics_enabled":false,"sample_rate":null,"sampling_rules":null,"integrations_loaded":"rack@3.0.8","partial_flushing_enabled":false,"priority_sampling_enabled":false}',
        why: 'healthy 2.x startup configuration (no Agent Error line follows)',
      },
      {
        text: "E, [2018-02-01T10:00:00.000000 #1] ERROR -- ddtrace: Error during traces flush: dropped 3 items. Cause: undefined method `to_msgpack' for #<Object:0x000055d5> Location: /app/lib/span_ext.rb:12:in `block'",
        why: 'a flush that failed while encoding, not while reaching the agent',
      },
      {
        text: 'E, [2024-06-10T12:00:00.000000 #7] ERROR -- datadog: [datadog] Internal error during Datadog::Core::Transport::HTTP::Client request. Cause: SocketError: Failed to open TCP connection to instrumentation-telemetry-intake.datadoghq.com:443 (getaddrinfo: Temporary failure in name resolution) Location: /usr/local/lib/ruby/3.3.0/net/http.rb:1603',
        why: 'agentless telemetry to the intake host, not the agent',
      },
    ],
  },
  sources: [
    'shared/facts/tracer-messages.md §3',
    'dd-trace-rb lib/ddtrace/diagnostics/environment_logger.rb (0.x: DATADOG TRACER DIAGNOSTIC - Agent Error)',
    'dd-trace-rb lib/datadog/core/diagnostics/environment_logger.rb, lib/datadog/tracing/diagnostics/environment_logger.rb (1.14+: DATADOG ERROR - TRACING - Agent Error: {json})',
    'dd-trace-rb lib/ddtrace/transport/response.rb, lib/datadog/core/transport/response.rb (inspect; code: from v2.25)',
    'dd-trace-rb lib/datadog/core/transport/http/adapters/net.rb (not_found?/unsupported?/client_error? from the status code)',
    'dd-trace-rb lib/ddtrace/transport/http/client.rb @v0.48.0, @v1.5.0; lib/datadog/core/transport/http/client.rb (build_exception_message, HEAD)',
    'dd-trace-rb lib/ddtrace/workers.rb @0.1x (Error during traces flush)',
    'shared/seed/000_2f0b614e54afe1b3.txt',
  ],
};
