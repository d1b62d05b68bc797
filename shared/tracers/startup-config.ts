// Startup configuration lines of every tracer. They are context (where later errors were
// sent, which tracer version, service/env), and a finding when they carry an agent error.
// Fields are read with tolerant regexes rather than JSON.parse: Python ≥2.2 prints a dict
// repr, PHP escapes slashes, consoles truncate long lines, and we only need a few keys.
import {targetFromUrl} from '../engine/classify';
import {EMPTY_TARGET} from '../engine/classify';
import type {Lang, LogEvent, Recognizer, StartupConfig} from '../engine/types';

// `DATADOG TRACER CONFIGURATION {json}` (Java, Go), `DATADOG TRACER CONFIGURATION - {json}` (Node,
// .NET, PHP, Python, Ruby 0.x, C++), `DATADOG CONFIGURATION - {json}` (Ruby 1.0–1.13),
// `DATADOG CONFIGURATION - TRACING - {json}` (Ruby ≥1.14; CORE carries no agent_url).
const MARKER = /DATADOG (?:TRACER )?CONFIGURATION(?: - TRACING)?(?: -)? ?[{]/;
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
  const json = first.slice(m.index + m[0].length - 1);
  const lang = langOf(first);
  const url = readString(F.agentUrl, json) ?? readString(F.tracesUrl, json);
  let agentError = read(F.agentError, json);
  // .NET: `agent_reachable:false` with an empty `agent_error` is still a failed check.
  if ((agentError === null || agentError === '') && read(F.agentReachable, json) === false) agentError = true;
  const rawVersion = readString(F.version, json);
  const tracerVersion = rawVersion ? (/v?(\d+\.\d+\.\d+[\w.-]*)/.exec(rawVersion)?.[1] ?? null) : null;
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
    ],
    ignores: [
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
    'dd-trace-java dd-trace-core/src/main/java/datadog/trace/core/StatusLogger.java',
    'dd-trace-js packages/dd-trace/src/startup-log.js',
  ],
};
