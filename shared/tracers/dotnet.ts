// dd-trace-dotnet 0.x–3.x. Forms, oldest first (shared/facts/tracer-messages.md §6):
// - 0.x Serilog JSON events: `{"Timestamp":…,"MessageTemplate":"An error occurred while sending
//   traces to the agent at {Endpoint}","Exception":"…\n…"}` (no message field, so normalize.ts
//   leaves the line whole and the exception's newlines escaped);
// - 1.x file log: `… [ERR] An error occurred while sending 1 traces to the agent at {url}`, the
//   exception on the following lines, then `{ MachineName: …, TracerVersion: "1.28.2.0" }`;
// - 2.x+ file log: the exception and properties on the message line;
// - 2.12+ template `An error occurred while sending data to the agent at {url}. If the error isn't
//   transient, please check https://docs.datadoghq.com/… for guidance.`, logged once after the
//   5th try; the tries before it are DEBUG `… Retrying.` lines, which we leave to that final line;
// - 3.21+ console sink: `[… | DD-TRACE-DOTNET 3.24.0 | ERR] <message> | <exception, \n literal>`;
// - `dd-dotnet check agent`: ` [FAILURE]: Error connecting to Agent at {url}: {message}`.
// Over UDS the endpoint reads `http://localhost/v0.4/traces to /var/run/datadog/apm.socket`
// (extractTarget takes the socket). After a 408/413/429 the final ERR line has no exception and
// says nothing more (`Api.cs`: the DEBUG line before it names the status, and always says 429).
import {isIntake, recognitionOf, threePart} from './_shared';
import type {LogEvent, Recognition, Recognizer} from '../engine/types';

const SEND_FAILED =
  /An error occurred while (?:sending (?:\d{1,9} )?traces|sending data|generating http request to send (?:traces|data)) to the agent at /;
const SUBMIT_STATUS = /Failed to submit (?:traces with status code|stats\. Status code) (\d{3})/;
// DEBUG, 2.x+: `Failed to submit 3 traces. Agent responded with 429 Too Many Requests, retry after 1`.
const SUBMIT_BACKOFF = /Failed to submit \d{1,9} traces\. Agent responded with 429 /;
const CHECK_FAILED = /Error connecting to Agent at \S/;
const CHECK_STATUS = /Agent replied with wrong status code: (\d{3}|[A-Za-z]{2,40})/;
const VERSION = /TracerVersion"?: ?"(\d+\.\d+\.\d+(?:\.\d+)?)"|DD-TRACE-DOTNET (\d+\.\d+\.\d+[\w.-]{0,32})/;

// `dd-dotnet check agent` before 2.4x printed the HttpStatusCode enum name.
const STATUS_NAMES: Readonly<Record<string, number>> = {
  BadRequest: 400,
  Forbidden: 403,
  NotFound: 404,
  RequestTimeout: 408,
  RequestEntityTooLarge: 413,
  UnsupportedMediaType: 415,
  TooManyRequests: 429,
  InternalServerError: 500,
  BadGateway: 502,
  ServiceUnavailable: 503,
};

function tracerVersion(text: string): string | null {
  const m = VERSION.exec(text);
  if (m?.[1]) return threePart(m[1]);
  return m?.[2] ?? null;
}

function withStatus(r: Recognition, status: number): Recognition {
  return {...r, cause: status === 413 ? 'payload_too_large' : 'http_status', httpStatus: status};
}

function recognize(ev: LogEvent): Recognition | null {
  const text = ev.text;
  const first = ev.lines[0]?.text ?? '';
  const version = tracerVersion(text);
  let r: Recognition | null = null;
  let m: RegExpExecArray | null;
  if (SEND_FAILED.test(first)) {
    if (first.includes('. Retrying.')) return null;
    r = recognitionOf(text);
  } else if ((m = SUBMIT_STATUS.exec(first))) {
    r = withStatus(recognitionOf(text), Number(m[1]));
  } else if (SUBMIT_BACKOFF.test(first)) {
    r = withStatus(recognitionOf(text), 429);
  } else if (CHECK_FAILED.test(text)) {
    // `dd-dotnet check` indents its verdicts, so they continue the `Connecting to Agent at
    // endpoint …` line above them: look at the whole event.
    r = recognitionOf(text);
    // Other tools say "Error connecting to Agent at …" about their own agents.
    if (!text.includes('[FAILURE]')) r = {...r, needsAgentTarget: true};
  } else if ((m = CHECK_STATUS.exec(text))) {
    const status = /^\d+$/.test(m[1] ?? '') ? Number(m[1]) : (STATUS_NAMES[m[1] ?? ''] ?? null);
    r = status === null ? recognitionOf(text) : withStatus(recognitionOf(text), status);
  }
  if (!r || isIntake(r.target)) return null;
  return {...r, tracerVersion: version};
}

export const recognizer: Recognizer = {
  id: 'dotnet',
  lang: 'dotnet',
  source: 'tracer',
  hints: [
    'traces to the agent at',
    'data to the agent at',
    'Failed to submit traces with status code',
    'Failed to submit stats. Status code',
    'Agent responded with 429',
    'Error connecting to Agent at',
    'Agent replied with wrong status code',
  ],
  recognize,
  examples: {
    matches: [
      {
        text: '{ MachineName: ".", Process: "[114 sample-web-app]", AppDomain: "[1 sample-web-app]", TracerVersion: "1.28.2.0" }\n2021-08-17 18:19:46.827 +00:00 [ERR] An error occurred while sending 1 traces to the agent at http://127.0.0.1:8126/v0.4/traces\nSystem.Net.Http.HttpRequestException: Connection refused\n ---> System.Net.Sockets.SocketException (111): Connection refused\n   at System.Net.Http.ConnectHelper.ConnectAsync(String host, Int32 port, CancellationToken cancellationToken)\n   --- End of inner exception stack trace ---',
        expect: {cause: 'refused', host: '127.0.0.1', port: 8126, url: 'http://127.0.0.1:8126'},
        from: 'shared/seed/000_2f0b614e54afe1b3.txt (.NET managed log, tracer 1.28.2; the properties line above belongs to the previous event)',
      },
      {
        text: '2021-08-17 18:19:46.827 +00:00 [ERR] An error occurred while sending 1 traces to the agent at http://127.0.0.1:8126/v0.4/traces\nSystem.Net.Http.HttpRequestException: Connection refused\n ---> System.Net.Sockets.SocketException (111): Connection refused\n   at System.Net.Http.ConnectHelper.ConnectAsync(String host, Int32 port, CancellationToken cancellationToken)\n   --- End of inner exception stack trace ---\n{ MachineName: ".", Process: "[114 sample-web-app]", AppDomain: "[1 sample-web-app]", TracerVersion: "1.28.2.0" }',
        expect: {cause: 'refused', port: 8126, tracerVersion: '1.28.2'},
        from: 'dd-trace-dotnet src/Datadog.Trace/Logging/DatadogLogging.cs @v1.31.0 (properties line after the exception); text from the seed',
      },
      {
        text: '2023-10-26 15:57:57.720 +00:00 [ERR] An error occurred while sending data to the agent at http://datadog-agent:8126/v0.4/traces. If the error isn\'t transient, please check https://docs.datadoghq.com/tracing/troubleshooting/connection_errors/?code-lang=dotnet for guidance. System.Net.Http.HttpRequestException: Connection refused (datadog-agent:8126)\n ---> System.Net.Sockets.SocketException (111): Connection refused\n   at System.Net.Sockets.Socket.AwaitableSocketAsyncEventArgs.ThrowException(SocketError error, CancellationToken cancellationToken)\n   --- End of inner exception stack trace ---\n { MachineName: ".", Process: "[1 dotnet]", AppDomain: "[1 TestApp]", AssemblyLoadContext: "\\"\\" Datadog.Trace.ClrProfiler.Managed.Loader.ManagedProfilerAssemblyLoadContext #1", TracerVersion: "2.40.0.0" }',
        expect: {cause: 'refused', host: 'datadog-agent', port: 8126, tracerVersion: '2.40.0'},
        from: 'DataDog/dd-trace-dotnet#4771 (tracer 2.40.0, verbatim); template Api.cs FailedToSendMessageTemplate',
      },
      {
        text: '{"Timestamp":"2018-11-01T14:24:57.5749038+00:00","Level":"Error","MessageTemplate":"An error occurred while sending traces to the agent at {Endpoint}","Exception":"System.Net.Http.HttpRequestException: Cannot assign requested address ---> System.Net.Sockets.SocketException: Cannot assign requested address\\n   at System.Net.Http.ConnectHelper.ConnectAsync(String host, Int32 port, CancellationToken cancellationToken)\\n   --- End of inner exception stack trace ---"}',
        expect: {cause: 'addr_not_available', host: null},
        from: 'DataDog/dd-trace-dotnet#188 (tracer 0.x JSON event, verbatim head)',
      },
      {
        text: '[2025-06-01 10:00:00.123 +00:00 | DD-TRACE-DOTNET 3.24.0 | ERR] An error occurred while sending data to the agent at "http://127.0.0.1:8126/v0.4/traces". If the error isn\'t transient, please check https://docs.datadoghq.com/tracing/troubleshooting/connection_errors/?code-lang=dotnet for guidance. | System.Net.Http.HttpRequestException: Connection refused (127.0.0.1:8126)\\n ---> System.Net.Sockets.SocketException (111): Connection refused\\n   at System.Net.Sockets.Socket.AwaitableSocketAsyncEventArgs.ThrowException(SocketError error, CancellationToken cancellationToken)',
        expect: {cause: 'refused', host: '127.0.0.1', port: 8126, tracerVersion: '3.24.0'},
        from: 'composed from tracer/src/Datadog.Trace/Logging/Internal/TextFormatters/SingleLineTextFormatter.cs (RenderMessage quotes strings; exception newlines as literal \\n) and the Api.cs template',
      },
      {
        text: '2025-01-10T08:00:01.123456789Z stdout F 2025-01-10 08:00:01.120 +00:00 [ERR] An error occurred while sending data to the agent at http://localhost/v0.4/traces to /var/run/datadog/apm.socket. If the error isn\'t transient, please check https://docs.datadoghq.com/tracing/troubleshooting/connection_errors/?code-lang=dotnet for guidance. System.Net.Http.HttpRequestException: No such file or directory (localhost:80)\n2025-01-10T08:00:01.123456790Z stdout F  ---> System.Net.Sockets.SocketException (2): No such file or directory\n2025-01-10T08:00:01.123456791Z stdout F    at System.Net.Sockets.Socket.AwaitableSocketAsyncEventArgs.ThrowException(SocketError error, CancellationToken cancellationToken)',
        expect: {cause: 'uds_missing', socket: '/var/run/datadog/apm.socket', host: null},
        from: 'composed: SocketHandlerRequestFactory.Info (`{url} to {socket}`, tracer-messages.md §6.4) + .NET SocketException (2) (§0), in Kubernetes CRI framing',
      },
      {
        text: '2024-02-01 09:00:00.000 +01:00 [ERR] An error occurred while sending data to the agent at http://127.0.0.1:8126/v0.4/traces. If the error isn\'t transient, please check https://docs.datadoghq.com/tracing/troubleshooting/connection_errors/?code-lang=dotnet for guidance. System.Net.Http.HttpRequestException: No connection could be made because the target machine actively refused it. (127.0.0.1:8126)\n ---> System.Net.Sockets.SocketException (10061): No connection could be made because the target machine actively refused it.',
        expect: {cause: 'refused', host: '127.0.0.1', port: 8126},
        from: 'Windows Winsock 10061 text as in DataDog/dd-trace-dotnet#7167 (verbatim exception), Api.cs template',
      },
      {
        text: '2024-02-01 09:00:00.000 +00:00 [ERR] Failed to submit traces with status code 404 and message: 404 page not found\n  { MachineName: ".", Process: "[1 dotnet]", AppDomain: "[1 App]", TracerVersion: "2.49.0.0" }',
        expect: {cause: 'http_status', httpStatus: 404, tracerVersion: '2.49.0'},
        from: 'dd-trace-dotnet tracer/src/Datadog.Trace/Agent/Api.cs (SendTracesAsyncImpl, final try); 404 body of the agent mux',
      },
      {
        text: '2024-02-01 09:00:10.000 +00:00 [ERR] Failed to submit stats. Status code 404, message: 404 page not found',
        expect: {cause: 'http_status', httpStatus: 404},
        from: 'dd-trace-dotnet tracer/src/Datadog.Trace/Agent/Api.cs (SendStatsAsyncImpl, final try; /v0.6/stats on an agent without it)',
      },
      {
        text: '2021-03-01 10:00:00.000 +00:00 [ERR] Failed to submit traces with status code 413 and message: payload-too-large',
        expect: {cause: 'payload_too_large', httpStatus: 413},
        from: 'dd-trace-dotnet Api.cs ≤2.x (413 still reached this branch before agent#17917 handling); agent body from pkg/trace/api/responses.go',
      },
      {
        text: '2024-02-01 09:00:00.000 +00:00 [DBG] Failed to submit 12 traces. Agent responded with 429 Too Many Requests, retry after unspecified',
        expect: {cause: 'http_status', httpStatus: 429},
        from: 'dd-trace-dotnet tracer/src/Datadog.Trace/Agent/Api.cs (DEBUG; the text says 429 also for 408/413)',
      },
      {
        text: 'Connecting to Agent at endpoint http://127.0.0.1:8126/ using HTTP\n [FAILURE]: Error connecting to Agent at http://127.0.0.1:8126/: System.Net.Http.HttpRequestException: No connection could be made because the target machine actively refused it. (127.0.0.1:8126)',
        expect: {cause: 'refused', host: '127.0.0.1', port: 8126},
        from: 'DataDog/documentation content/en/tracing/troubleshooting/dotnet_diagnostic_tool.md (dd-dotnet check agent); Checks/Resources.cs ErrorDetectingAgent',
      },
      {
        text: ' [FAILURE]: Agent replied with wrong status code: NotFound',
        expect: {cause: 'http_status', httpStatus: 404},
        from: 'dd-trace-dotnet tracer/src/Datadog.Trace.Tools.dd_dotnet/Checks/Resources.cs (WrongStatusCodeFormat(HttpStatusCode) in older versions)',
      },
      {
        text: '{"message":"An error occurred while sending data to the agent at http://10.0.3.7:8126/v0.4/traces. If the error isn\'t transient, please check https://docs.datadoghq.com/tracing/troubleshooting/connection_errors/?code-lang=dotnet for guidance.","exception":"System.Threading.Tasks.TaskCanceledException: The request was canceled due to the configured HttpClient.Timeout of 15 seconds elapsing.\\n ---> System.TimeoutException: The operation was canceled.","time":"2024-02-01T09:00:00Z"}',
        expect: {cause: 'timeout', host: '10.0.3.7', port: 8126},
        from: 'composed: Api.cs template + .NET HttpClient timeout text (tracer-messages.md §0), as a JSON log shipper wraps it',
      },
    ],
    ignores: [
      {text: '2024-02-01 09:00:00.000 +00:00 [DBG] Successfully sent 3 traces to the Datadog Agent. { MachineName: ".", TracerVersion: "2.49.0.0" }', why: 'healthy debug line (Api.cs)'},
      {text: ' [SUCCESS]: Connected successfully to the Agent.', why: 'dd-dotnet check agent success'},
      {
        text: '2024-02-01 09:00:00.000 +00:00 [DBG] An error occurred while sending data to the agent at http://127.0.0.1:8126/v0.4/traces. Retrying. System.Net.Http.HttpRequestException: Connection refused (127.0.0.1:8126)',
        why: 'an intermediate retry; the ERR line after the 5th try reports the same failure once',
      },
      {
        text: 'fail: Microsoft.EntityFrameworkCore.Database.Connection[20004]\nSystem.Net.Http.HttpRequestException: Connection refused (orders-db:5432)\n ---> System.Net.Sockets.SocketException (111): Connection refused',
        why: "the app's own connection to its database, same runtime error shape",
      },
      {text: '2024-02-01 09:00:00.000 +00:00 [WRN] DATADOG TRACER DIAGNOSTICS - Error fetching configuration System.NullReferenceException: Object reference not set to an instance of an object.', why: 'the tracer failed to build its configuration log, not to reach the agent (TracerManager.cs)'},
      {text: 'Error connecting to Agent at http://localhost:8000/chat: Connection refused', why: 'an AI-agent app, not the Datadog Agent (no [FAILURE] prefix, not 8126)'},
      {
        text: '2024-02-01 09:00:00.000 +00:00 [ERR] An error occurred while sending data to the agent at https://citestcycle-intake.datadoghq.com/api/v2/citestcycle. System.Net.Http.HttpRequestException: Connection refused',
        why: 'agentless CI Visibility intake, not the agent',
      },
      {text: '2024-02-01 09:00:00.000 +00:00 [ERR] Error sending metrics to DogStatsD at 127.0.0.1:8125: System.Net.Sockets.SocketException (111): Connection refused', why: 'DogStatsD on 8125, not the trace receiver (composed line)'},
    ],
  },
  sources: [
    'shared/facts/tracer-messages.md §0, §6',
    'dd-trace-dotnet tracer/src/Datadog.Trace/Agent/Api.cs (HEAD: FailedToSendMessageTemplate, SendTracesAsyncImpl)',
    'dd-trace-dotnet src/Datadog.Trace/Agent/Api.cs (1.x: "sending {Count} traces to the agent at {AgentEndpoint}"; 0.x: "sending traces to the agent at {Endpoint}")',
    'dd-trace-dotnet tracer/src/Datadog.Trace/Logging/Internal/DatadogLoggingFactory.cs, TextFormatters/SingleLineTextFormatter.cs',
    'dd-trace-dotnet tracer/src/Datadog.Trace.Tools.dd_dotnet/Checks/Resources.cs',
    'DataDog/dd-trace-dotnet#188, #4771, #7167',
  ],
};
