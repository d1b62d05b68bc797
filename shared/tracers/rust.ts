// dd-trace-rs (`datadog-opentelemetry`), whose exporter is libdatadog's trace exporter
// (shared/facts/tracer-messages.md §9). `log_trace_exporter_error` prints
// `DatadogExporter: Export error: <kind> error: <detail>` through the crate's logger
// (`{LEVEL} {file}:{line} - {msg}`, the level ANSI-coloured). Connection failures come from
// hyper as `client error (Connect)`: the OS reason is not printed, so classify.ts calls it
// `refused`, the likeliest cause (the same text Python's native writer shows). HTTP statuses come
// as `Request error: Error code: 413 Payload Too Large, Response: …` (libdatadog RequestError).
// Deserialization/serialization/telemetry/shutdown errors are not about reaching the agent.
import {recognitionOf} from './_shared';
import type {LogEvent, Recognition, Recognizer} from '../engine/types';

const EXPORT_ERROR = /DatadogExporter: Export error:? (Network|IO|Request|Agent|Builder) error:? ?(.*)/;

function recognize(ev: LogEvent): Recognition | null {
  const m = EXPORT_ERROR.exec(ev.lines[0]?.text ?? '');
  if (!m) return null;
  // `Agent error: empty response` (an answer without the rates body) and `Builder error` (a bad
  // agent URL: nothing was sent) name no network cause and stay `other`.
  return recognitionOf(m[2] ?? '');
}

export const recognizer: Recognizer = {
  id: 'rust',
  lang: 'rust',
  source: 'tracer',
  hints: ['DatadogExporter: Export error'],
  recognize,
  examples: {
    matches: [
      {
        text: 'DEBUG datadog-opentelemetry/src/span_exporter.rs:555 - DatadogExporter: Export error: Network error: client error (Connect)',
        expect: {cause: 'refused'},
        from: 'shared/facts/tracer-messages.md §9 (datadog-opentelemetry/src/span_exporter.rs log_trace_exporter_error)',
      },
      {
        text: '\x1b[33mDEBUG\x1b[0m datadog-opentelemetry/src/span_exporter.rs:561 - DatadogExporter: Export error: Request error: Error code: 413 Payload Too Large, Response: payload-too-large',
        expect: {cause: 'payload_too_large', httpStatus: 413},
        from: 'libdatadog data-pipeline trace_exporter/error.rs (RequestError Display `Error code: {}, Response: {}`); ANSI level colour per core/log.rs',
      },
      {
        text: '2026-01-05T10:00:00.000000001Z stdout F DEBUG datadog-opentelemetry/src/span_exporter.rs:561 - DatadogExporter: Export error: Request error: Error code: 404 Not Found, Response: 404 page not found',
        expect: {cause: 'http_status', httpStatus: 404},
        from: 'same template in Kubernetes CRI framing; 404 body of the agent mux',
      },
      {
        text: 'DEBUG datadog-opentelemetry/src/span_exporter.rs:558 - DatadogExporter: Export error: IO error: Connection reset by peer (os error 104)',
        expect: {cause: 'reset'},
        from: 'datadog-opentelemetry span_exporter.rs (`IO error: {}` with std::io::Error Display)',
      },
      {
        text: 'DEBUG datadog-opentelemetry/src/span_exporter.rs:570 - DatadogExporter: Export error: Agent error: empty response',
        expect: {cause: 'other'},
        from: 'datadog-opentelemetry span_exporter.rs (AgentErrorKind::EmptyResponse)',
      },
    ],
    ignores: [
      {text: 'DEBUG datadog-opentelemetry/src/span_exporter.rs:548 - DatadogExporter: Export error: Deserialization error: invalid msgpack marker', why: 'payload decoding in the tracer, not the connection'},
      {text: 'DEBUG datadog-opentelemetry/src/span_exporter.rs:575 - DatadogExporter: Export error: Shutdown error: timed out after 1000ms', why: 'the exporter timed out its own shutdown flush'},
      {text: 'ERROR app::client - error sending request for url (http://localhost:8080/api/orders): client error (Connect)', why: "the app's own reqwest/hyper client, same words, no exporter prefix"},
      {text: 'OpenTelemetry trace error occurred. Exporter otlp encountered the following error(s): the grpc server returns error (The service is currently unavailable): , detailed error message: tcp connect error: Connection refused (os error 111)', why: 'the OTLP exporter to a collector, not the Datadog Agent'},
      {text: 'DEBUG datadog-opentelemetry/src/span_exporter.rs:580 - DatadogExporter: Export error: Instrumentation telemetry error: channel closed', why: 'telemetry bookkeeping, not the trace send'},
    ],
  },
  sources: [
    'shared/facts/tracer-messages.md §9',
    'dd-trace-rs datadog-opentelemetry/src/span_exporter.rs (log_trace_exporter_error), datadog-opentelemetry/src/core/log.rs',
    'libdatadog data-pipeline/src/trace_exporter/error.rs (RequestError, NetworkError Display)',
  ],
};
