// Startup configuration lines of every tracer. They are context (where later errors were
// sent, which tracer version, service/env), and a finding when they carry an agent error.
// Fields are read with tolerant regexes rather than JSON.parse: Python ≥2.2 prints a dict
// repr, PHP escapes slashes, consoles truncate long lines, and we only need a few keys.
import {targetFromUrl} from '../engine/classify';
import {EMPTY_TARGET} from '../engine/classify';
import type {Lang, LogEvent, Recognizer, StartupConfig} from '../engine/types';
import {threePart} from './_shared';

// `DATADOG TRACER CONFIGURATION {json}` (Java, Go), `DATADOG TRACER CONFIGURATION - {json}` (Node,
// .NET, PHP, Python, Ruby 0.x, C++), `DATADOG CONFIGURATION - {json}` (Ruby 1.0–1.13),
// `DATADOG CONFIGURATION - TRACING - {json}` (Ruby ≥1.14; CORE carries no agent_url).
// .NET's 3.21+ console sink renders the JSON as a quoted string: `- "{\"date\":…}"`.
const MARKER = /DATADOG (?:TRACER )?CONFIGURATION(?: - TRACING)?(?: -)? ?"?[{]/;
const RUBY_MARKER = /DATADOG CONFIGURATION - (?:TRACING - )?\{/;

const STR = `"((?:[^"\\\\]|\\\\.){0,2048})"|'((?:[^'\\\\]|\\\\.){0,2048})'`;
function field(name: string): RegExp {
  return new RegExp(`["']${name}["']\\s*:\\s*(?:${STR}|(true|false|null|None|True|False))`);
}
const F = {
  agentUrl: field('agent_url'),
  tracesUrl: field('traces_url'),
  agentError: field('agent_error'),
  agentReachable: field('agent_reachable'),
  lang: field('lang'),
  version: field('version'),
  service: field('service'),
  env: field('env'),
  ddVersion: field('dd_version'),
};

function read(re: RegExp, text: string): string | boolean | null {
  const m = re.exec(text);
  if (!m) return null;
  if (m[3] !== undefined) return m[3] === 'true' || m[3] === 'True' ? true : m[3] === 'false' || m[3] === 'False' ? false : null;
  const s = m[1] ?? m[2] ?? '';
  // Undo JSON escapes that matter for addresses and messages (PHP's `http:\/\/`, `\"`, `\n`).
  return s.replace(/\\\//g, '/').replace(/\\"/g, '"').replace(/\\n/g, '\n');
}

function readString(re: RegExp, text: string): string | null {
  const v = read(re, text);
  return typeof v === 'string' && v !== '' ? v : null;
}

const LANG_NAMES: ReadonlyArray<[RegExp, Lang]> = [
  [/^(jvm|java)$/i, 'java'],
  [/^python$/i, 'python'],
  [/^ruby$/i, 'ruby'],
  [/^go$/i, 'go'],
  [/^(nodejs|node|javascript)$/i, 'nodejs'],
  [/^\.NET/i, 'dotnet'],
  [/^php$/i, 'php'],
  [/^(cpp|c\+\+)$/i, 'cpp'],
  [/^rust$/i, 'rust'],
];

function langOf(text: string): Lang {
  if (RUBY_MARKER.test(text)) return 'ruby';
  const name = readString(F.lang, text);
  if (name) for (const [re, lang] of LANG_NAMES) if (re.test(name)) return lang;
  if (text.includes('dd-trace-cpp') || text.includes('datadog::tracing')) return 'cpp';
  return 'unknown';
}

export function parseStartupConfig(ev: LogEvent): StartupConfig | null {
  const first = ev.lines[0]?.text ?? '';
  const m = MARKER.exec(first);
  if (!m) return null;
  const sliced = first.slice(m.index + m[0].length - 1);
  const json = m[0].endsWith('"{') ? sliced.replace(/\\"/g, '"') : sliced;
  const lang = langOf(json === sliced ? first : json);
  // dd-trace-cpp prints only the endpoint (`traces_url`): keep the agent part, so a
  // `unix:///apm.sock/v0.4/traces` endpoint gives the socket `/apm.sock`.
  const url = readString(F.agentUrl, json) ?? readString(F.tracesUrl, json)?.replace(/\/v\d+\.\d+\/traces$/, '') ?? null;
  let agentError = read(F.agentError, json);
  // .NET: `agent_reachable:false` with an empty `agent_error` is still a failed check.
  if ((agentError === null || agentError === '') && read(F.agentReachable, json) === false) agentError = true;
  // dd-trace-cpp's JSON may hold the service's DD_VERSION first (under `default`); the
  // tracer's own is `[dd-trace-cpp version v2.2.1]`. .NET prints the assembly version `2.40.0.0`.
  const rawVersion = /\[dd-trace-cpp version (v[^\]"]{1,32})\]/.exec(json)?.[1] ?? readString(F.version, json);
  let tracerVersion = rawVersion ? (/v?(\d+\.\d+\.\d+[\w.-]*)/.exec(rawVersion)?.[1] ?? null) : null;
  if (lang === 'dotnet' && tracerVersion) tracerVersion = threePart(tracerVersion);
  return {
    lang,
    line: ev.line,
    agentUrl: url,
    agentError: typeof agentError === 'string' && agentError.trim() === '' ? null : agentError,
    service: readString(F.service, json),
    env: readString(F.env, json),
    version: readString(F.ddVersion, json),
    tracerVersion,
    target: url ? (targetFromUrl(url) ?? EMPTY_TARGET) : EMPTY_TARGET,
  };
}

export const recognizer: Recognizer = {
  id: 'startup-config',
  lang: 'unknown',
  source: 'tracer',
  hints: ['CONFIGURATION'],
  config: parseStartupConfig,
  recognize: () => null,
  examples: {
    matches: [
      {
        text: '[dd.trace 2021-08-24 18:38:01:501 +0000] [dd-task-scheduler] INFO datadog.trace.agent.core.StatusLogger - DATADOG TRACER CONFIGURATION {"version":"0.84.0~abc","os_name":"Linux","lang":"jvm","agent_url":"http://localhost:8126","agent_error":true,"debug":false}',
        expect: {cause: 'agent_error_flag', host: 'localhost', port: 8126, tracerVersion: '0.84.0'},
        from: 'shared/facts/tracer-messages.md §1.3 (StatusLogger; agent_error is a boolean)',
      },
      {
        text: 'DATADOG TRACER CONFIGURATION - {"date":"2026-11-24T16:46:57.332Z","version":"2.46.0","lang":"nodejs","agent_url":"http://datadog-agent.invalid:8126","agent_error":"getaddrinfo ENOTFOUND datadog-agent.invalid","debug":true}',
        expect: {cause: 'dns', host: 'datadog-agent.invalid', port: 8126, tracerVersion: '2.46.0'},
        from: 'shared/fixtures/dd-trace-js/v2/dns.log',
      },
      {
        text: "2024-03-01 10:00:00,000 INFO [ddtrace._trace.tracer] [tracer.py:300] - DATADOG TRACER CONFIGURATION - {'date': '2024-03-01T10:00:00', 'version': '2.8.1', 'lang': 'python', 'agent_url': 'http://localhost:8126', 'agent_error': 'Agent not reachable at http://localhost:8126. Exception raised: [Errno 111] Connection refused'}",
        expect: {cause: 'refused', host: 'localhost', port: 8126, tracerVersion: '2.8.1'},
        from: 'shared/facts/tracer-messages.md §2.3 (dict repr from v2.2)',
      },
      {
        text: '[ddtrace] [startup] DATADOG TRACER CONFIGURATION - {"date":"2024-01-01T00:00:00Z","version":"0.99.0","lang":"php","agent_url":"http:\\/\\/datadog-agent:8126","agent_error":"Failed to connect to datadog-agent port 8126: Connection refused"}',
        expect: {cause: 'refused', host: 'datadog-agent', port: 8126, tracerVersion: '0.99.0'},
        from: 'shared/facts/tracer-messages.md §7.3 (PHP escapes slashes)',
      },
      {
        text: '2023-10-26 15:57:57.690 +00:00 [INF] DATADOG TRACER CONFIGURATION - {"date":"2023-10-26T15:57:57.6890000+00:00","os_name":"Linux","version":"2.40.0.0","native_tracer_version":"2.40.0","platform":"x64","lang":".NET","lang_version":"6.0.22","env":null,"enabled":true,"service":"TestApp","agent_url":"http://datadog-agent:8126","agent_transport":"Default","debug":false,"agent_reachable":false,"agent_error":"An error occurred while sending traces to the agent","appsec_enabled":false} { MachineName: ".", Process: "[1 dotnet]", AppDomain: "[1 TestApp]", TracerVersion: "2.40.0.0" }',
        expect: {cause: 'agent_error_flag', host: 'datadog-agent', port: 8126, tracerVersion: '2.40.0'},
        from: 'dd-trace-dotnet tracer/src/Datadog.Trace/TracerManager.cs (agent_reachable, agent_error = "An error occurred while sending traces to the agent" when the ping fails; tracer-messages.md §6.3); values composed',
      },
      {
        text: '2021-05-04 09:00:00.000 +00:00 [INF] DATADOG TRACER CONFIGURATION - {"date":"2021-05-04T09:00:00.0000000+00:00","os_name":"Linux","version":"1.26.1.0","platform":"x64","lang":".NET Core","agent_url":"http://localhost:8126","debug":false,"agent_reachable":false,"agent_error":"Connection refused (localhost:8126)"}',
        expect: {cause: 'refused', host: 'localhost', port: 8126, tracerVersion: '1.26.1'},
        from: 'dd-trace-dotnet src/Datadog.Trace/Tracer.cs 1.x (agent_error = the exception message when the ping threw); values composed',
      },
      {
        text: '[2020-07-01T17:42:50Z] DATADOG TRACER CONFIGURATION - {"agent_error":"Couldn\'t connect to server","ddtrace.request_init_hook_reachable":false,"date":"2020-07-01T17:42:50Z","os_name":"Linux 49b1cb4bdd12 4.19.76-linuxkit #1 SMP Tue May 26 11:42:35 UTC 2020 x86_64","os_version":"4.19.76-linuxkit","version":"1.0.0-nightly","lang":"php","lang_version":"7.4.5","env":null,"enabled":true,"service":null,"enabled_cli":false,"agent_url":"https://localhost:8126","debug":false}',
        expect: {cause: 'refused', host: 'localhost', port: 8126, tracerVersion: '1.0.0-nightly'},
        from: 'DataDog/documentation tracing/troubleshooting/tracer_startup_logs.md (PHP tab, verbatim head)',
      },
      {
        text: '[dd.trace 2021-08-24 18:38:01:501 +0000] [dd-task-scheduler] INFO datadog.trace.agent.core.StatusLogger - DATADOG TRACER CONFIGURATION {"version":"0.83.2~6bb3e09b2a","os_name":"Linux","os_version":"5.10.25-linuxkit","architecture":"amd64","lang":"jvm","lang_version":"1.8.0_232","jvm_vendor":"Oracle Corporation","jvm_version":"25.232-b09","java_class_version":"52.0","http_nonProxyHosts":"null","http_proxyHost":"null","enabled":true,"service":"dd-java-agent","agent_url":"http://localhost:8126","agent_error":true,"debug":false,"analytics_enabled":false,"sampling_rules":[{},{}],"priority_sampling_enabled":true,"logs_correlation_enabled":true,"profiling_enabled":false,"dd_version":"0.83.2~6bb3e09b2a","health_checks_enabled":true,"configuration_file":"no config file present","runtime_id":"<ID>","logging_settings":{"levelInBrackets":false,"dateTimeFormat":"\'[dd.trace \'yyyy-MM-dd HH:mm:ss:SSS Z\']\'","logFile":"System.err","configurationFile":"simplelogger.properties","showShortLogName":false,"showDateTime":true,"showLogName":true,"showThreadName":true,"defaultLogLevel":"INFO","warnLevelString":"WARN","embedException":false}}',
        expect: {cause: 'agent_error_flag', host: 'localhost', port: 8126, tracerVersion: '0.83.2'},
        from: 'shared/seed/000_2f0b614e54afe1b3.txt (Java, verbatim)',
      },
      {
        text: '[dd.trace 2024-02-01 12:00:00:501 +0000] [dd-task-scheduler] INFO datadog.trace.agent.core.StatusLogger - DATADOG TRACER CONFIGURATION {"version":"1.30.1~a4b5c6d7e8","os_name":"Linux","lang":"jvm","enabled":true,"service":"orders","agent_url":"unix:///var/run/datadog/apm.socket","agent_unix_domain_socket":"/var/run/datadog/apm.socket","agent_error":true,"debug":false}',
        expect: {cause: 'agent_error_flag', socket: '/var/run/datadog/apm.socket', tracerVersion: '1.30.1'},
        from: 'dd-trace-core/src/main/java/datadog/trace/core/StatusLogger.java (agent_error = !agentServiceCheck: for unix: URLs the socket file is missing; facts §1.3)',
      },
      {
        text: '- DATADOG TRACER CONFIGURATION - {"date": "2021-08-17T19:10:06.155463", "os_name": "Linux", "os_version": "5.10.25-linuxkit", "is_64_bit": true, "architecture": "64bit", "vm": "CPython", "version": "0.51.1", "lang": "python", "lang_version": "3.9.6", "pip_version": "21.2.4", "in_virtual_env": false, "agent_url": "http://localhost:8126", "agent_error": "Agent not reachable at http://localhost:8126. Exception raised: [Errno 99] Cannot assign requested address", "env": "", "is_global_tracer": true}',
        expect: {cause: 'addr_not_available', host: 'localhost', port: 8126, tracerVersion: '0.51.1'},
        from: 'dd-trace-py ddtrace/internal/debug.py (collect; json.dumps up to v2.1, facts §2.3)',
      },
      {
        text: 'W, [2021-08-17T18:37:51.541861 #24]  WARN -- ddtrace: [ddtrace] DATADOG TRACER CONFIGURATION - {"date":"2021-08-17T18:37:51+00:00","os_name":"x86_64-pc-linux-gnu","version":"0.48.0","lang":"ruby","lang_version":"2.5.9","env":null,"enabled":true,"service":"rails","dd_version":null,"agent_url":"http://127.0.0.1:8126?timeout=1","agent_error":"Datadog::Transport::InternalErrorResponse ok?: unsupported?:, not_found?:, client_error?:, server_error?:, internal_error?:true, payload:, error_type:Errno::ECONNREFUSED error:Failed to open TCP connection to 127.0.0.1:8126 (Connection refused - connect(2) for \\"127.0.0.1\\" port 8126)","debug":false}',
        expect: {cause: 'refused', host: '127.0.0.1', port: 8126, tracerVersion: '0.48.0'},
        from: 'dd-trace-rb lib/ddtrace/diagnostics/environment_logger.rb (0.x: log_environment! at WARN; agent_error = inspect of the failed responses)',
      },
      {
        text: 'I, [2022-05-02T09:10:11.000000 #1]  INFO -- ddtrace: [ddtrace] DATADOG CONFIGURATION - {"date":"2022-05-02T09:10:11+00:00","os_name":"x86_64-pc-linux-gnu","version":"1.0.0","lang":"ruby","lang_version":"3.1.2","env":"prod","service":"api","agent_url":"http://datadog-agent:8126?timeout=30","agent_error":"Datadog::Transport::InternalErrorResponse ok?: unsupported?:, not_found?:, client_error?:, server_error?:, internal_error?:true, payload:, error_type:SocketError error:Failed to open TCP connection to datadog-agent:8126 (getaddrinfo: Name or service not known)","debug":false}',
        expect: {cause: 'dns', host: 'datadog-agent', port: 8126, tracerVersion: '1.0.0'},
        from: 'dd-trace-rb lib/datadog/core/diagnostics/environment_logger.rb @v1.0.0 (DATADOG CONFIGURATION - {json}, facts §3.3)',
      },
      {
        text: '2021/08/17 17:46:22 Datadog Tracer v1.32.0 INFO: DATADOG TRACER CONFIGURATION {"date":"2021-08-17T17:46:22Z","os_name":"Linux (Unknown Distribution)","os_version":"unknown","version":"v1.32.0","lang":"Go","lang_version":"go1.16.7","env":"","service":"app","agent_url":"http://localhost:8126/v0.4/traces","agent_error":"Post http://localhost:8126/v0.4/traces: dial tcp 127.0.0.1:8126: connect: connection refused","debug":false,"analytics_enabled":false,"sample_rate":"NaN"}',
        expect: {cause: 'refused', host: 'localhost', port: 8126, tracerVersion: '1.32.0'},
        from: 'dd-trace-go ddtrace/tracer/log.go (startupInfo.AgentError = the checkEndpoint error; agent_url = the traces endpoint)',
      },
      {
        text: '2025/01/20 08:00:00 Datadog Tracer v2.1.0 INFO: DATADOG TRACER CONFIGURATION {"date":"2025-01-20T08:00:00Z","os_name":"Linux","version":"v2.1.0","lang":"Go","lang_version":"go1.23.4","env":"prod","service":"billing","agent_url":"unix:///var/run/datadog/apm.socket","agent_error":"Post \\"http://UDS__var_run_datadog_apm.socket/v0.4/traces\\": dial unix /var/run/datadog/apm.socket: connect: no such file or directory","debug":false}',
        expect: {cause: 'uds_missing', socket: '/var/run/datadog/apm.socket', tracerVersion: '2.1.0'},
        from: 'dd-trace-go v2 ddtrace/tracer/log.go (unix agent_url printed as configured; JSON-escaped agent_error)',
      },
    ],
    ignores: [
      {
        text: 'DATADOG TRACER CONFIGURATION - {"collector":{"config":{"event_scheduler":{"type":"datadog::tracing::ThreadedEventScheduler"},"flush_interval_milliseconds":2000,"http_client":{"type":"datadog::tracing::Curl"},"remote_configuration_url":"unix:///apm.sock/v0.7/config","request_timeout_milliseconds":2000,"shutdown_timeout_milliseconds":2000,"telemetry_url":"unix:///apm.sock/telemetry/proxy/api/v2/apmtelemetry","traces_url":"unix:///apm.sock/v0.4/traces"},"type":"datadog::tracing::DatadogAgent"},"default":{"environment":"dmehala-dev","service":"dd-trace-cpp-example","service_type":"web"},"environment_variables":{"DD_ENV":"dmehala-dev","DD_TRACE_AGENT_URL":"unix:///apm.sock"},"report_traces":true,"version":"[dd-trace-cpp version v0.1.12]"}',
        why: 'dd-trace-cpp configuration (DataDog/documentation dd-trace-cpp library_config, verbatim): no agent_error field, context only (socket /apm.sock, tracer 0.1.12)',
      },
      {
        text: 'DATADOG TRACER CONFIGURATION - {"date":"2026-11-24T16:45:54.005Z","version":"6.21.0","lang":"nodejs","agent_url":"http://127.0.0.1:8126/","debug":true}',
        why: 'Node 6.x config line never carries agent_error: context, not a finding',
      },
      {text: '[dd.trace 2021-08-24] INFO StatusLogger - DATADOG TRACER CONFIGURATION {"lang":"jvm","agent_url":"http://localhost:8126","agent_error":false}', why: 'healthy Java startup'},
      {text: 'DATADOG TRACER CONFIGURATION {"lang":"Go","agent_url":"http://localhost:8126/v0.4/traces","agent_error":""}', why: 'healthy Go startup'},
      {text: '- DATADOG TRACER CONFIGURATION - {"lang": "python", "agent_url": "http://localhost:8126", "agent_error": null}', why: 'healthy Python startup'},
    ],
  },
  sources: [
    'shared/facts/tracer-messages.md §1.3, §2.3, §3.3, §4.3, §5.3, §6.3, §7.3, §8.2',
    'dd-trace-dotnet tracer/src/Datadog.Trace/TracerManager.cs; dd-trace-php ext/startup_logging.c; dd-trace-cpp src/datadog/tracer.cpp, datadog_agent.cpp (config())',
    'dd-trace-java dd-trace-core/src/main/java/datadog/trace/core/StatusLogger.java',
    'dd-trace-py ddtrace/internal/debug.py; dd-trace-rb lib/ddtrace/diagnostics/environment_logger.rb, lib/datadog/core/diagnostics/environment_logger.rb; dd-trace-go ddtrace/tracer/log.go',
    'dd-trace-js packages/dd-trace/src/startup-log.js',
  ],
};
