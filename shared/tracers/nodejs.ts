// dd-trace-js (npm `dd-trace`), 0.x–6.x. No prefix, no timestamp; errors print as
// util.inspect of an Error (message, stack frames, `{ errno, code, syscall, address, port }`).
// Source: shared/facts/tracer-messages.md §5 and the recorded runs in shared/fixtures/dd-trace-js*/.
import {classifyCause, extractTarget, httpStatusOf} from '../engine/classify';
import type {LogEvent, Recognition, Recognizer} from '../engine/types';

// Messages that are the tracer's own words about the agent (any version).
const DIAGNOSTIC = /DATADOG TRACER DIAGNOSTIC - Agent Error: ?(.*)/;
const SEND_FAILED = /Error sending payload to the agent \(status code: ([^)]*)\)/;
const NETWORK_ERROR = /Network error trying to reach the (?:agent|intake): (.*)/;
const HTTP_ERROR = /Error from (?:the agent|the endpoint|https?:\/\/\S+): (\d{3})\b/;
const DOGSTATSD_HTTP = /DogStatsDClient: HTTP error from agent: ?(.*)/;
const REMOTE_CONFIG = /\[RC\] Error in request/;
// A bare Node system error: the tracer printed it, but so might the app. Kept only when its
// address is the agent's (port 8126, a datadog host, the socket, or the configured agent_url).
const BARE = /^(?:\w*Error: )?(?:connect E[A-Z]+ \S+|getaddrinfo E[A-Z_]+ \S+|read ECONNRESET|write EPIPE|socket hang up|Response timed out)/;
// Frames from dd-trace's own exporters prove the error is the tracer's (not the app's; the
// `datadog-instrumentations` frames wrap every socket, so they prove nothing).
const TRACER_FRAMES = /dd-trace\/packages\/dd-trace\/src\/(?:exporters|dogstatsd|remote_config|appsec\/remote_config)/;

function fromText(detail: string, ev: LogEvent): Recognition {
  const c = classifyCause(detail) ?? classifyCause(ev.text);
  const status = httpStatusOf(ev.text);
  return {
    cause: c?.cause ?? (status !== null ? (status === 413 ? 'payload_too_large' : 'http_status') : 'other'),
    errorCode: c?.errorCode ?? null,
    httpStatus: c?.httpStatus ?? status,
    target: extractTarget(ev.text),
  };
}

function recognize(ev: LogEvent): Recognition | null {
  const text = ev.text;
  // Ruby 0.x prints the same DIAGNOSTIC words after `-- ddtrace: [ddtrace]`.
  if (text.includes('[ddtrace]') || text.includes('[datadog]') || text.includes('Datadog::')) return null;
  const first = ev.lines[0]?.text ?? '';
  let m = DIAGNOSTIC.exec(first) ?? NETWORK_ERROR.exec(first) ?? DOGSTATSD_HTTP.exec(first);
  if (m) return fromText(m[1] ?? '', ev);
  m = SEND_FAILED.exec(first);
  if (m) {
    const code = Number(m[1]);
    const r = fromText(text, ev);
    if (Number.isInteger(code) && code >= 400) {
      return {...r, cause: code === 413 ? 'payload_too_large' : 'http_status', httpStatus: code};
    }
    return r;
  }
  if (REMOTE_CONFIG.test(first) || HTTP_ERROR.test(first)) return fromText(text, ev);
  const bare = BARE.exec(first.trim());
  if (bare) {
    const r = fromText(first, ev);
    if (r.cause === 'other') return null;
    return {...r, needsAgentTarget: !TRACER_FRAMES.test(text)};
  }
  return null;
}

export const recognizer: Recognizer = {
  id: 'nodejs',
  lang: 'nodejs',
  source: 'tracer',
  hints: [
    'Agent Error',
    'Error sending payload to the agent',
    'Network error trying to reach the',
    'Error from http',
    'Error from the',
    'DogStatsDClient: HTTP error from agent',
    '[RC] Error in request',
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ETIMEDOUT',
    'ECONNRESET',
    'EADDRNOTAVAIL',
    'ENOENT',
    'EACCES',
    'socket hang up',
    'Response timed out',
  ],
  weakHints: ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EADDRNOTAVAIL', 'ENOENT', 'EACCES', 'socket hang up', 'Response timed out'],
  leadsInto: /Error sending payload to the agent \(status code: [^)]*\)|\[RC\] Error in request|DogStatsDClient: HTTP error from agent/,
  recognize,
  examples: {
    matches: [
      {
        text: 'Error sending payload to the agent (status code: undefined)\nError: connect ECONNREFUSED 127.0.0.1:8126\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16)\n    at TCPConnectWrap.callbackTrampoline (node:internal/async_hooks:130:17) {\n  errno: -111,\n  code: \'ECONNREFUSED\',\n  syscall: \'connect\',\n  address: \'127.0.0.1\',\n  port: 8126\n}',
        expect: {cause: 'refused', host: '127.0.0.1', port: 8126},
        from: 'shared/fixtures/dd-trace-js/v6/refused_default_long.log (dd-trace 6.21, real run)',
      },
      {
        text: 'DATADOG TRACER DIAGNOSTIC - Agent Error: Network error trying to reach the agent: connect ECONNREFUSED 127.0.0.1:8126',
        expect: {cause: 'refused', host: '127.0.0.1', port: 8126},
        from: 'shared/seed (Node example, dd-trace 0.x–2.4)',
      },
      {
        text: 'Error sending payload to the agent (status code: 413)\nNoTransmitError: Error from http://127.0.0.1:39023/v0.4/traces: 413 Payload Too Large. Response from the endpoint: "request body too large\\n"\n    at IncomingMessage.<anonymous> (/srv/app/node_modules/dd-trace/packages/dd-trace/src/exporters/common/request.js:172:23) {\n  status: 413\n}',
        expect: {cause: 'payload_too_large', host: '127.0.0.1', port: 39023, httpStatus: 413},
        from: 'shared/facts/tracer-messages.md §5.4 (5.132 / 6.21 observed)',
      },
      {
        text: 'DATADOG TRACER DIAGNOSTIC - Agent Error: Error from http://127.0.0.1:39023/v0.4/traces: 404 Not Found.',
        expect: {cause: 'http_status', port: 39023, httpStatus: 404},
        from: 'shared/fixtures/dd-trace-js/v5/s404.log',
      },
      {
        text: "Error: DogStatsDClient: HTTP error from agent: connect ECONNREFUSED 127.0.0.1:8126\n    at /srv/app/node_modules/dd-trace/packages/dd-trace/src/dogstatsd.js:350:13",
        expect: {cause: 'refused', port: 8126},
        from: 'shared/fixtures/dd-trace-js/v6/refused_default_long.log',
      },
      {
        text: "Error: connect ENOENT /var/run/datadog/apm.socket\n    at PipeConnectWrap.afterConnect [as oncomplete] (node:net:1611:16) {\n  errno: -2,\n  code: 'ENOENT',\n  syscall: 'connect',\n  address: '/var/run/datadog/apm.socket'\n}",
        expect: {cause: 'uds_missing', socket: '/var/run/datadog/apm.socket'},
        from: 'shared/fixtures/dd-trace-js/v3/uds_missing.log',
      },
      {
        text: "Error: getaddrinfo ENOTFOUND datadog-agent.invalid\n    at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:122:26) {\n  errno: -3008,\n  code: 'ENOTFOUND',\n  syscall: 'getaddrinfo',\n  hostname: 'datadog-agent.invalid'\n}",
        expect: {cause: 'dns', host: 'datadog-agent.invalid'},
        from: 'shared/fixtures/dd-trace-js/v2/dns.log',
      },
      {
        text: 'Error: connect EADDRNOTAVAIL ::1:8126',
        expect: {cause: 'addr_not_available', host: '::1', port: 8126},
        from: 'shared/facts/tracer-messages.md §0 (errno 99 row, Node)',
      },
    ],
    ignores: [
      {text: "Error: connect ECONNREFUSED 127.0.0.1:5432\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16) {\n  errno: -111,\n  code: 'ECONNREFUSED',\n  port: 5432\n}", why: "the app's own Postgres connection"},
      {text: 'Error: connect ECONNREFUSED 127.0.0.1:6379', why: 'Redis, not the agent'},
      {text: 'Sending to DogStatsD: datadog.dogstatsd.client.metrics:0|c', why: 'healthy DogStatsD debug output'},
      {text: 'Response from the agent: {"rate_by_service":{"service:,env:":1}}', why: 'healthy debug line'},
      {text: 'Error: getaddrinfo ENOTFOUND api.stripe.com', why: 'an upstream API, not the agent'},
    ],
  },
  sources: [
    'shared/facts/tracer-messages.md §5',
    'dd-trace-js packages/dd-trace/src/exporters/common/request.js (@v2.5.0, @v2.22.0, HEAD)',
    'dd-trace-js packages/dd-trace/src/exporters/agent/writer.js',
    'shared/fixtures/dd-trace-js/v2..v6 (real runs)',
  ],
};
