// C++ tracers (shared/facts/tracer-messages.md §8):
// - dd-opentracing-cpp (nginx-opentracing, older Envoy): `Error sending traces to agent:
//   <curl_easy_strerror>` then curl's error buffer on the NEXT line, unindented — hence
//   `leadsInto` — and `Datadog Agent returned response with non-success HTTP status <n> and the
//   following body of length <n>: <body>`;
// - dd-trace-cpp (nginx-datadog, httpd-datadog, Envoy ≥1.27): `[dd-trace-cpp error code 4] Error
//   occurred during HTTP request for submitting traces: Error sending request with libcurl
//   (<strerror>): <error buffer>` (v0.1.x: `[error code 4]`), the same for Remote Configuration,
//   `Unexpected response status <n> in Datadog Agent response with body of length <n> (starts on
//   next line):` and `Datadog Agent returned response without a body…`;
// - nginx-datadog logs them as `<date> [error] 27#27: nginx-datadog: [error code 4] …`.
// The Remote Configuration poll goes to the same agent address, so its failures count too.
// Over a Unix socket curl names `localhost port 80` (nginx-datadog#174): see _shared.ts.
import {curlRecognition} from './_shared';
import type {LogEvent, Recognition, Recognizer} from '../engine/types';

const OPENTRACING_SEND = /Error sending traces to agent: /;
const OPENTRACING_STATUS = /Datadog Agent returned response with non-success HTTP status (\d{3})/;
const REQUEST_FAILED =
  /Error occurred during HTTP request for (?:submitting traces|Remote Configuration): |Unexpected error (?:submitting traces|while requesting Remote Configuration updates): /;
const RESPONSE_STATUS = /Unexpected (?:response|Remote Configuration) status (\d{3})/;
const NO_BODY = /Datadog Agent returned response without a body/;

function recognize(ev: LogEvent): Recognition | null {
  const text = ev.text;
  let m: RegExpExecArray | null;
  if (OPENTRACING_SEND.test(text) || REQUEST_FAILED.test(text)) return curlRecognition(text);
  if ((m = OPENTRACING_STATUS.exec(text) ?? RESPONSE_STATUS.exec(text))) {
    const status = Number(m[1]);
    return {...curlRecognition(text), cause: status === 413 ? 'payload_too_large' : 'http_status', httpStatus: status};
  }
  // Something answered 200 without the agent's JSON rates: a batch sent too often, or not the agent.
  if (NO_BODY.test(text)) return {...curlRecognition(text), cause: 'other'};
  return null;
}

export const recognizer: Recognizer = {
  id: 'cpp',
  lang: 'cpp',
  source: 'tracer',
  hints: [
    'Error sending traces to agent: ',
    'Datadog Agent returned response with non-success HTTP status',
    'Error occurred during HTTP request for submitting traces',
    'Error occurred during HTTP request for Remote Configuration',
    'Unexpected error submitting traces',
    'Unexpected error while requesting Remote Configuration',
    'in Datadog Agent response with body of length',
    'Unexpected Remote Configuration status',
    'Datadog Agent returned response without a body',
  ],
  leadsInto: /Error sending traces to agent: /,
  recognize,
  examples: {
    matches: [
      {
        text: "Error sending traces to agent: Couldn't connect to server\nFailed to connect to localhost port 8126: Connection refused",
        expect: {cause: 'refused', host: 'localhost', port: 8126},
        from: 'shared/seed/000_2f0b614e54afe1b3.txt (C++ application log); dd-opentracing-cpp src/agent_writer.cpp',
      },
      {
        text: "2021/03/04 10:00:00 [error] 27#27: Error sending traces to agent: Couldn't resolve host name\nCould not resolve host: dd-agent",
        expect: {cause: 'dns', host: 'dd-agent'},
        from: 'dd-opentracing-cpp src/agent_writer.cpp through nginx-opentracing\'s error log (curl strerror + error buffer)',
      },
      {
        text: '2025/03/18 15:28:18 [error] 160#164: nginx-datadog: [error code 4] Error occurred during HTTP request for Remote Configuration: Error sending request with libcurl (Couldn\'t connect to server): Failed to connect to localhost port 8126 after 0 ms: Couldn\'t connect to server',
        expect: {cause: 'refused', host: 'localhost', port: 8126},
        from: 'DataDog/nginx-datadog#185 (module 1.5.0, verbatim)',
      },
      {
        text: '2025/02/20 16:08:26 [error] 94#96: nginx-datadog: [error code 4] Error occurred during HTTP request for Remote Configuration: Error sending request with libcurl (Couldn\'t connect to server): Failed to connect to localhost port 80 after 0 ms: Couldn\'t connect to server',
        expect: {cause: 'refused', host: null, port: null},
        from: 'DataDog/nginx-datadog#174 (APM socket mounted; curl names localhost:80 over UDS, verbatim)',
      },
      {
        text: '[dd-trace-cpp error code 4] Error occurred during HTTP request for submitting traces: Error sending request with libcurl (Timeout was reached): Connection timed out after 2001 milliseconds',
        expect: {cause: 'timeout'},
        from: 'dd-trace-cpp src/datadog/datadog_agent.cpp, curl.cpp, error.cpp (`[dd-trace-cpp error code N] `); default cerr logger',
      },
      {
        text: 'Datadog Agent returned response with non-success HTTP status 413 and the following body of length 17: payload-too-large',
        expect: {cause: 'payload_too_large', httpStatus: 413},
        from: 'dd-opentracing-cpp src/agent_writer.cpp (startWriting); body from datadog-agent pkg/trace/api/responses.go',
      },
      {
        text: 'Unexpected response status 404 in Datadog Agent response with body of length 19 (starts on next line):\n404 page not found',
        expect: {cause: 'http_status', httpStatus: 404},
        from: 'dd-trace-cpp src/datadog/datadog_agent.cpp (flush → on_response)',
      },
      {
        text: 'Datadog Agent returned response without a body. This tracer might be sending batches of traces too frequently',
        expect: {cause: 'other'},
        from: 'dd-trace-cpp src/datadog/datadog_agent.cpp (flush → on_response)',
      },
      {
        text: 'DATADOG TRACER CONFIGURATION - {"collector":{"config":{"event_scheduler":{"type":"datadog::tracing::ThreadedEventScheduler"},"flush_interval_milliseconds":2000,"http_client":{"type":"datadog::tracing::Curl"},"remote_configuration_url":"http://datadog-agent:8126/v0.7/config","request_timeout_milliseconds":2000,"shutdown_timeout_milliseconds":2000,"traces_url":"http://datadog-agent:8126/v0.4/traces"},"type":"datadog::tracing::DatadogAgent"},"default":{"environment":"prod","service":"edge","service_type":"web"},"version":"[dd-trace-cpp version v0.2.2]"}\n2024-05-10T12:00:00.000000001Z stderr F 2024/05/10 12:00:00 [error] 27#27: nginx-datadog: [error code 4] Error occurred during HTTP request for submitting traces: Error sending request with libcurl (Couldn\'t resolve host name): Could not resolve host: datadog-agent',
        expect: {cause: 'dns', host: 'datadog-agent', port: 8126, tracerVersion: '0.2.2'},
        from: 'config JSON shape from DataDog/documentation dd-trace-cpp library_config (v0.1.12 example); nginx-datadog src/ngx_logger.cpp; Kubernetes CRI framing',
      },
    ],
    ignores: [
      {text: "curl_easy_perform() failed: Couldn't connect to server", why: "libcurl's example wording, printed by any C/C++ program"},
      {text: "2024/05/10 12:00:00 [error] 27#27: *9 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.1, server: _, request: \"GET / HTTP/1.1\", upstream: \"http://127.0.0.1:8080/\"", why: "nginx's own upstream, not the agent"},
      {text: '2024/09/23 17:35:50 [error] 19#19: *4862 failed to extract a Datadog span request 000056033FAEA0C0: [error code 11]: While extracting trace context, an error occurred: There\'s neither a trace ID nor a parent span ID to extract.', why: 'nginx-datadog propagation error, harmless (DataDog/nginx-datadog#116)'},
      {text: '2023/03/15 03:12:34 [error] 25#25: datadog: [trace_id: 1146651056954184957] Requested trace_id not found in SpanBuffer::serializeTraceTags', why: 'dd-opentracing-cpp span bookkeeping, not connectivity (DataDog/dd-opentracing-cpp#256)'},
      {text: 'DATADOG TRACER CONFIGURATION - {"collector":{"config":{"traces_url":"http://localhost:8126/v0.4/traces"},"type":"datadog::tracing::DatadogAgent"},"version":"[dd-trace-cpp version v2.2.1]"}', why: 'C++ startup configuration has no agent_error field: context only'},
      {text: 'Error sending metrics to DogStatsD at 127.0.0.1:8125: Connection refused', why: 'DogStatsD (8125), not the trace receiver (composed line)'},
    ],
  },
  sources: [
    'shared/facts/tracer-messages.md §0, §8',
    'dd-opentracing-cpp src/agent_writer.cpp (postTraces, startWriting)',
    'dd-trace-cpp src/datadog/datadog_agent.cpp, src/datadog/curl.cpp, src/datadog/error.cpp, src/datadog/version.cpp',
    'nginx-datadog src/ngx_logger.cpp (`nginx-datadog: [error code %d] %V`)',
    'DataDog/nginx-datadog#174, #185',
  ],
};
