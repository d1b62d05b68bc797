// Synthetic findings that reach every branch of every rule: each cause × env × source, varied one
// dimension at a time (target, excerpt, HTTP status, language, agent error code, bridge facts, what
// else the scan saw), plus the few two-dimension combinations some variants need. Log examples
// can't reach every branch (a 5012 status line in Fargate, a proxy fact with a Go timeout…), so
// the registry test uses these to check that every message a rule can emit exists in en and ko.
import {CAUSES, ENVS, type Cause, type Env, type Facts, type Lang, type RawFinding, type RuleContext, type Source, type StartupConfig, type Target} from '../../../shared/engine/types';

const t = (url: string | null, host: string | null, port: number | null, socket: string | null = null): Target => ({url, host, port, socket});

export const TARGETS: readonly Target[] = [
  t('http://localhost:8126', 'localhost', 8126),
  t('http://127.0.0.1:8126', '127.0.0.1', 8126),
  t('http://[::1]:8126', '::1', 8126),
  t('http://10.0.3.7:8126', '10.0.3.7', 8126),
  t('http://172.17.0.1:8126', '172.17.0.1', 8126),
  t('http://datadog-agent:8126', 'datadog-agent', 8126),
  t('http://datadog-agent.invalid', 'datadog-agent.invalid', null),
  t('http://[2600:1f10::1]:8126', '2600:1f10::1', 8126),
  t('http://datadog.datadog.svc.cluster.local:8126', 'datadog.datadog.svc.cluster.local', 8126),
  t('unix:///var/run/datadog/apm.socket', null, null, '/var/run/datadog/apm.socket'),
  t('https://localhost:5012', 'localhost', 5012),
  t('http://localhost:5001', 'localhost', 5001),
  t('http://0.0.0.0:8126', '0.0.0.0', 8126),
  t(null, null, null),
];

export const EXCERPTS: readonly string[] = [
  '',
  '<html>ERR_ACCESS_DENIED (squid/3.5.20)</html>',
  'unexpected end of stream on Connection{10.0.3.7:8126, proxy=HTTP @ proxy.corp/10.1.1.1:3128}',
  'DATADOG TRACER CONFIGURATION {"lang":"jvm","http_proxyHost":"proxy.corp","agent_url":"http://10.0.3.7:8126","agent_error":true}',
  'execution expired Location: /gems/socksify-1.7.1/lib/socksify.rb:178',
  'Protocol wrong type for socket - connect(2) for /var/run/datadog/dsd.socket',
  'client error (Connect)',
  'failed to send, dropping 1 traces to intake at http://localhost:8126/v0.5/traces after 3 retries',
  'upstream connect error or disconnect/reset before headers',
  'Error from http://localhost:8126/v0.5/traces: 400 Bad Request',
  '[RC] Error in request http://localhost:8126/v0.7/config',
  'Error querying info at http://localhost:8126/info',
  'trace-agent not enabled. Set the environment variable DD_APM_ENABLED=true',
  'Killing process. Memory threshold exceeded: 8238.08M / 715.26M',
  'Killing process. CPU threshold exceeded: 250',
  'Error creating tcp listener: listen tcp 0.0.0.0:8126: bind: address already in use',
  'Bind for 0.0.0.0:8126 failed: port is already allocated',
  'Error creating UDS listener: listen unix /var/run/datadog/apm.socket: bind: permission denied',
  'Could not start UDS listener: socket directory does not exist: /var/run/datadog/apm.socket',
  'Status: Not running or unreachable on localhost:5012.',
  'Could not reach agent: Get "https://localhost:5001/agent/status": connection refused',
  'getaddrinfo EAI_AGAIN datadog-agent',
  'nginx-datadog: [error code 4] Failed to connect to localhost port 8126',
  'DATADOG TRACER CONFIGURATION {"os_version":"5.10.25-linuxkit","lang":"jvm","agent_url":"http://localhost:8126","agent_error":true}',
];

export const STATUSES: readonly (number | null)[] = [null, 400, 403, 404, 407, 413, 429, 500, 502, 503];
export const LANGS: readonly Lang[] = ['java', 'python', 'ruby', 'go', 'nodejs', 'dotnet', 'php', 'cpp', 'rust', 'unknown'];
export const CODES: readonly (string | null)[] = [null, 'APM_DISABLED', 'EADDRINUSE', 'EADDRNOTAVAIL', 'EACCES', 'ENOENT', 'MEMORY_KILL', 'CPU_THRESHOLD', 'MEMORY_THRESHOLD', 'CONNECTION_LIMIT', 'EAI_AGAIN'];
export const FACTS: readonly Partial<Facts>[] = [
  {},
  {proxyCapturesAgent: true},
  {portHolder: 'statsd'},
  {portHolder: 'trace-agent'},
  {inContainer: true},
  {inContainer: false},
  {agentAnswered: true},
];
const SOURCES: readonly Source[] = ['tracer', 'agent', 'status'];

export function finding(over: Partial<RawFinding> = {}): RawFinding {
  return {
    line: 1,
    endLine: 1,
    lang: 'nodejs',
    source: 'tracer',
    recognizer: 'matrix',
    cause: 'refused',
    target: TARGETS[0]!,
    tracerVersion: null,
    httpStatus: null,
    errorCode: null,
    timestamp: null,
    excerpt: '',
    ...over,
  };
}

function config(lang: Lang, target: Target): StartupConfig {
  return {lang, line: 1, agentUrl: target.url, agentError: null, service: null, env: null, version: null, tracerVersion: null, target};
}

/** What else a scan may have seen: nothing, another process's startup line naming a real host, agent-side lines. */
function contexts(f: RawFinding): {findings: RawFinding[]; configs: StartupConfig[]}[] {
  const agent = (excerpt: string, cause: Cause, errorCode: string | null, target: Target = TARGETS[13]!): RawFinding =>
    finding({source: 'agent', lang: 'unknown', cause, errorCode, excerpt, target});
  return [
    {findings: [f], configs: []},
    {findings: [f], configs: [config(f.lang, TARGETS[5]!), config(f.lang, f.target)]},
    {findings: [f, finding({target: TARGETS[5]!, lang: f.lang})], configs: []},
    {findings: [f, agent(EXCERPTS[12]!, 'apm_not_running', 'APM_DISABLED')], configs: []},
    {findings: [f, agent(EXCERPTS[13]!, 'apm_not_running', 'MEMORY_KILL')], configs: []},
    {findings: [f, agent(EXCERPTS[15]!, 'apm_not_running', 'EADDRINUSE', TARGETS[12]!)], configs: []},
    {findings: [f, agent(EXCERPTS[17]!, 'uds_permission', 'EACCES', TARGETS[9]!)], configs: []},
    {findings: [f, agent(EXCERPTS[18]!, 'uds_missing', 'ENOENT', TARGETS[9]!)], configs: []},
  ];
}

export interface Case {
  f: RawFinding;
  ctx: RuleContext;
}

/** Every (cause, env, source) with one other dimension varied at a time. */
export function* cases(): Generator<Case> {
  for (const cause of CAUSES) {
    for (const env of ENVS) {
      for (const source of SOURCES) {
        const base = finding({cause, source, lang: source === 'tracer' ? 'nodejs' : 'unknown'});
        const variants: RawFinding[] = [
          ...TARGETS.map((target) => ({...base, target})),
          ...EXCERPTS.map((excerpt) => ({...base, excerpt})),
          ...STATUSES.map((httpStatus) => ({...base, httpStatus, target: TARGETS[3]!})),
          ...LANGS.flatMap((lang) => [{...base, lang}, {...base, lang, target: TARGETS[9]!}, {...base, lang, target: TARGETS[2]!}]),
          ...CODES.map((errorCode) => ({...base, errorCode})),
          // Two-dimension combinations that some variants need.
          {...base, lang: 'java', excerpt: EXCERPTS[3]!, target: TARGETS[3]!},
          {...base, lang: 'php', excerpt: 'Failed to connect to 127.0.0.1 port 8126: Permission denied', target: TARGETS[1]!},
          {...base, lang: 'cpp', excerpt: EXCERPTS[22]!},
          ...EXCERPTS.map((excerpt) => ({...base, excerpt, target: TARGETS[9]!})),
          ...EXCERPTS.map((excerpt) => ({...base, excerpt, target: TARGETS[3]!, httpStatus: 404})),
          ...STATUSES.map((httpStatus) => ({...base, httpStatus, excerpt: EXCERPTS[8]!, target: TARGETS[3]!})),
        ];
        for (const f of variants) yield {f, ctx: {env: env as Env, facts: {}, findings: [f], configs: []}};
        // Facts and scan context matter with the address: vary them over the targets (and the evidence excerpts).
        const withContext = [
          ...variants.slice(0, TARGETS.length + EXCERPTS.length),
          {...base, lang: 'go' as const, target: TARGETS[3]!},
          {...base, lang: 'php' as const},
          {...base, lang: 'cpp' as const, excerpt: EXCERPTS[22]!},
        ];
        for (const f of withContext) {
          for (const facts of FACTS.slice(1)) yield {f, ctx: {env: env as Env, facts, findings: [f], configs: []}};
          for (const c of contexts(f).slice(1)) yield {f, ctx: {env: env as Env, facts: {}, findings: c.findings, configs: c.configs}};
        }
      }
    }
  }
}
