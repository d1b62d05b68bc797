// dd-trace-php (extension `ddtrace`), 0.x–1.x (shared/facts/tracer-messages.md §7):
// - startup diagnostics on the first request, `DATADOG TRACER DIAGNOSTICS - agent_error: <curl
//   error buffer>` (plural DIAGNOSTICS; .NET uses the same words for other keys, never
//   `agent_error`), raw in 0.x, `[ddtrace] [startup] ` in 0.99+, `[ddtrace] [startup] [<pid>] ` in
//   1.17+ — and the same value as `agent_error => …` in `php --ri=ddtrace`'s Diagnostics table;
// - the background sender, with DD_TRACE_DEBUG_CURL_OUTPUT: `[bgs] curl_easy_perform() failed:
//   <curl_easy_strerror>` (only the `[bgs]` prefix is ours: the bare words are libcurl's own
//   example code, printed by countless apps);
// - 0.x userland transport: `[ddtrace] [error] - Reporting of spans failed: <curl errno> / <curl
//   error>`, `…, status code <n>: <body>`; 0.1x used `Reporting of spans failed: <error>, error
//   code <n>`, the same words as zipkin-php, so that form must name the agent's address;
// - a bare libcurl line (`Failed to connect to localhost port 8126: Connection refused`, the
//   seed's PHP example) counts when it names the agent's address.
// Lines arrive behind `[25-Nov-2026 10:00:00 UTC] ` (error_log) or PHP-FPM's relay
// `WARNING: [pool www] child 23 said into stderr: "…"`, or nginx's `FastCGI sent in stderr:
// "PHP message: …"`. The target is what curl dialled, or the startup configuration's agent_url
// (the scanner fills it in): the `webserver-env` rule compares that with DD_AGENT_HOST, which
// PHP-FPM (`clear_env`) and Apache don't pass on by default (seed: web-server note).
import {curlRecognition} from './_shared';
import type {LogEvent, Recognition, Recognizer} from '../engine/types';

const DIAGNOSTIC = /DATADOG TRACER DIAGNOSTICS - agent_error: ?(.*)/;
const PHPINFO_ROW = /(?:^|\n)[ \t]*agent_error => (.+)/;
const BGS = /\[bgs\] curl_easy_perform\(\) failed: ?(.*)/;
const REPORTING_CURL = /Reporting of spans failed: (\d{1,3}) \/ (.*)/;
const REPORTING_STATUS = /Reporting of spans failed, status code (\d{3})/;
const REPORTING_OLD = /Reporting of spans failed: ([^\n]{0,1024}?), error code (\d{1,3})/;
const REPORTING_415 = /Reporting of spans failed, upgrade your client library/;
const BARE_CURL = /(?:^|said into stderr: "|PHP message: )(?:Failed to connect to \S{1,253} port \d|Could not resolve host: )/;
// error_log's own prefix (`ext/logging.c` datadog_log_with_time), which normalize.ts leaves.
const ERROR_LOG_TIME = /^\[(\d\d-[A-Z][a-z]{2}-\d{4} \d\d:\d\d:\d\d(?: [\w/+-]{1,32})?)\] /;

function recognize(ev: LogEvent): Recognition | null {
  const text = ev.text;
  const first = ev.lines[0]?.text ?? '';
  let r: Recognition | null = null;
  let m: RegExpExecArray | null;
  if ((m = DIAGNOSTIC.exec(text) ?? PHPINFO_ROW.exec(text))) {
    r = curlRecognition(m[1] ?? '', 'agent_error_flag');
  } else if ((m = BGS.exec(text))) {
    r = curlRecognition(m[1] ?? '');
  } else if ((m = REPORTING_CURL.exec(text))) {
    const curl = curlRecognition(m[2] ?? '');
    r = {...curl, errorCode: curl.errorCode ?? `CURLE ${m[1]}`};
  } else if ((m = REPORTING_STATUS.exec(text))) {
    const status = Number(m[1]);
    r = {...curlRecognition(text), cause: status === 413 ? 'payload_too_large' : 'http_status', httpStatus: status};
  } else if (REPORTING_415.test(text)) {
    r = {...curlRecognition(text), cause: 'http_status', httpStatus: 415};
  } else if ((m = REPORTING_OLD.exec(text))) {
    const curl = curlRecognition(m[1] ?? '');
    r = {...curl, errorCode: curl.errorCode ?? `CURLE ${m[2]}`, needsAgentTarget: true};
  } else if (BARE_CURL.test(first)) {
    r = {...curlRecognition(first), needsAgentTarget: true};
  }
  if (!r) return null;
  const ts = ERROR_LOG_TIME.exec(first)?.[1];
  return ts ? {...r, timestamp: ts} : r;
}

export const recognizer: Recognizer = {
  id: 'php',
  lang: 'php',
  source: 'tracer',
  hints: [
    'DATADOG TRACER DIAGNOSTICS - agent_error',
    'agent_error => ',
    '[bgs] curl_easy_perform() failed',
    'Reporting of spans failed',
    'Failed to connect to ',
    'Could not resolve host: ',
  ],
  // The bare libcurl words are everyone's: such a line is looked at only when it names the
  // agent's address (the scanner's weak-hint gate), and kept only if that address is the agent's.
  weakHints: ['Failed to connect to ', 'Could not resolve host: '],
  recognize,
  examples: {
    matches: [
      {
        text: 'Failed to connect to localhost port 8126: Connection refused',
        expect: {cause: 'refused', host: 'localhost', port: 8126},
        from: 'shared/seed/000_2f0b614e54afe1b3.txt (PHP tracer startup log)',
      },
      {
        text: '[2020-07-01T17:35:25Z] DATADOG TRACER DIAGNOSTICS - agent_error: Couldn\'t connect to server',
        expect: {cause: 'refused', host: null},
        from: 'DataDog/documentation content/en/tracing/troubleshooting/tracer_startup_logs.md (PHP tab, 2020)',
      },
      {
        text: '[17-Aug-2021 18:20:01 UTC] [ddtrace] [startup] DATADOG TRACER DIAGNOSTICS - agent_error: Failed to connect to localhost port 8126: Connection refused',
        expect: {cause: 'refused', host: 'localhost', port: 8126},
        from: 'ext/startup_logging.c (_dd_print_values_to_log) + components-rs/log.rs `[ddtrace] [startup]`; error text from DataDog/dd-trace-php#1269',
      },
      {
        text: '[25-Nov-2026 10:00:00 UTC] [ddtrace] [startup] [4211] DATADOG TRACER DIAGNOSTICS - agent_error: Failed to connect to datadog-agent port 8126 after 0 ms: Couldn\'t connect to server',
        expect: {cause: 'refused', host: 'datadog-agent', port: 8126},
        from: 'components-rs/log.rs 1.17+ (`[ddtrace] [{}] [{}] {}` with std::process::id()); libcurl 8 wording (tracer-messages.md §0)',
      },
      {
        text: '[25-Nov-2026 10:00:00 UTC] [ddtrace] [startup] [4211] DATADOG TRACER DIAGNOSTICS - agent_error: Failed to connect to localhost port 80 after 0 ms: Couldn\'t connect to server',
        expect: {cause: 'refused', host: null, port: null, socket: null},
        from: 'UDS: curl names `localhost port 80` (dd-trace-cpp/nginx-datadog#174 shows the same libcurl behaviour); the socket comes from agent_url when the page has the config line',
      },
      {
        text: '[25-Nov-2026 10:00:00 UTC] [ddtrace] [startup] DATADOG TRACER CONFIGURATION - {"date":"2026-11-25T10:00:00Z","version":"1.5.0","lang":"php","agent_url":"unix:\\/\\/\\/var\\/run\\/datadog\\/apm.socket","debug":false}\n[25-Nov-2026 10:00:00 UTC] [ddtrace] [startup] DATADOG TRACER DIAGNOSTICS - agent_error: Failed to connect to localhost port 80 after 0 ms: No such file or directory',
        expect: {cause: 'uds_missing', socket: '/var/run/datadog/apm.socket', tracerVersion: '1.5.0'},
        from: 'composed: config JSON per ext/startup_logging.c (escaped slashes) + curl 7.8x wording for a missing socket (tracer-messages.md §0, derived)',
      },
      {
        text: '[25-Nov-2026 10:00:00] WARNING: [pool www] child 23 said into stderr: "[ddtrace] [startup] DATADOG TRACER DIAGNOSTICS - agent_error: Could not resolve host: datadog-agent"',
        expect: {cause: 'dns', host: 'datadog-agent'},
        from: 'PHP-FPM stderr relay (tracer-messages.md §7.2) around the startup_logging.c template',
      },
      {
        text: 'agent_error => Failed to connect to localhost port 8126: Connection refused',
        expect: {cause: 'refused', host: 'localhost', port: 8126},
        from: 'DataDog/dd-trace-php#2977 (`php --ri=ddtrace` Diagnostics table, verbatim)',
      },
      {
        text: '[25-Nov-2026 10:00:02 UTC] [bgs] curl_easy_perform() failed: Couldn\'t resolve host name',
        expect: {cause: 'dns'},
        from: 'ext/coms.c (`[bgs] curl_easy_perform() failed: %s\\n`, curl_easy_strerror) via ddtrace_bgs_logf',
      },
      {
        text: '2019/11/11 12:30:20 [error] 1607#0: *3 FastCGI sent in stderr: "PHP message: [2019-11-11T12:30:20+00:00] [ddtrace] [error] - Reporting of spans failed: 7 / Failed to connect to 127.0.0.1: Permission denied"',
        expect: {cause: 'uds_permission', host: '127.0.0.1', port: null},
        from: 'DataDog/dd-trace-php#646 (0.34.0 under nginx + PHP-FPM, SELinux); template src/DDTrace/Transport/Http.php',
      },
      {
        text: '[2019-06-01T10:00:00+00:00] [ddtrace] [error] - Reporting of spans failed, status code 413: payload-too-large',
        expect: {cause: 'payload_too_large', httpStatus: 413},
        from: 'dd-trace-php 0.x src/DDTrace/Transport/Http.php (`Reporting of spans failed, status code {code}: {response}`)',
      },
      {
        text: '{"log":"[25-Nov-2026 10:00:00 UTC] [ddtrace] [startup] DATADOG TRACER DIAGNOSTICS - agent_error: Connection timed out after 101 milliseconds\\n","stream":"stderr","time":"2026-11-25T10:00:00.1Z"}',
        expect: {cause: 'timeout'},
        from: 'docker json-file record around the startup_logging.c line; curl timeout text (tracer-messages.md §7.3)',
      },
      {
        text: '\x1b[31m[25-Nov-2026 10:00:00 UTC] [ddtrace] [startup] DATADOG TRACER DIAGNOSTICS - agent_error: Failed to connect to 172.17.0.1 port 8126 after 3 ms: Connection refused\x1b[0m',
        expect: {cause: 'refused', host: '172.17.0.1', port: 8126},
        from: 'startup_logging.c template as a coloured terminal shows it (ANSI)',
      },
    ],
    ignores: [
      {text: 'GuzzleHttp\\Exception\\ConnectException: cURL error 7: Failed to connect to payments.internal port 8080: Connection refused (see https://curl.haxx.se/libcurl/c/libcurl-errors.html)', why: "the app's own HTTP call (Guzzle) to another service"},
      {text: 'curl_easy_perform() failed: Couldn\'t connect to server', why: "libcurl's example wording without the tracer's [bgs] prefix: any C program prints it"},
      {text: '[25-Nov-2026 10:00:00 UTC] [ddtrace] [startup] DATADOG TRACER DIAGNOSTICS - datadog.trace.request_init_hook_reachable: false', why: 'another diagnostic key, not the agent check'},
      {text: '[25-Nov-2026 10:00:02 UTC] [bgs] uploaded 1832 bytes', why: 'healthy background sender (DD_TRACE_DEBUG_CURL_OUTPUT)'},
      {text: 'Reporting of spans failed: Failed to connect to zipkin port 9411: Connection refused, error code 7', why: 'zipkin-php uses the same words; port 9411 is Zipkin'},
      {text: 'PHP Warning:  fsockopen(): Unable to connect to udp://127.0.0.1:8125 (Connection refused)', why: 'DogStatsD over UDP 8125, not the trace receiver (composed line)'},
      {
        text: '[25-Nov-2026 10:00:00 UTC] [ddtrace] [startup] DATADOG TRACER CONFIGURATION - {"date":"2026-11-25T10:00:00Z","version":"1.5.0","lang":"php","agent_url":"http:\\/\\/datadog-agent:8126","debug":false}',
        why: 'healthy startup configuration (no agent_error): context only',
      },
    ],
  },
  sources: [
    'shared/facts/tracer-messages.md §0, §7',
    'dd-trace-php ext/startup_logging.c (ddtrace_startup_logging_first_rinit, _dd_check_for_agent_error)',
    'dd-trace-php components-rs/log.rs (`[ddtrace] [{}] {}`; 1.17+ `[ddtrace] [{}] [{}] {}` with the pid)',
    'dd-trace-php ext/coms.c (`[bgs] curl_easy_perform() failed: %s`), ext/logging.c (error_log time prefix)',
    'dd-trace-php 0.x src/DDTrace/Transport/Http.php (`Reporting of spans failed: {num} / {error}`)',
    'DataDog/dd-trace-php#646, #1269, #2977; DataDog/nginx-datadog#174 (curl says localhost port 80 over UDS)',
  ],
};
