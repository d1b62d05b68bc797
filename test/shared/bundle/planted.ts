// A bundle input with secrets planted in every source the bundle reads: the environment,
// the agent's config, the logs (and a finding's own fields), the probe and `agent status`.
// Shared by the bundle tests; the CLI tests plant the same kinds of secrets in real files.
import type {StatusResult} from '../../../shared/agent/status-types';
import type {DiagnosedFinding, StartupConfig} from '../../../shared/engine/types';
import type {EnvSnapshot} from '../../../shared/env/types';
import type {ProbeResult} from '../../../shared/probe/types';
import type {BundleInput} from '../../../shared/bundle/index';

/** Each planted secret, with the tail the agent's scrubber keeps (null: nothing kept). */
export const SECRETS = {
  ddApiKey: {value: 'f00dfeedcafebabe0123456789a1b2c3', kept: '***************************1b2c3'},
  ddAppKey: {value: 'abcdef0123456789abcdef0123456789abc9e8f7', kept: `${'*'.repeat(35)}9e8f7`},
  ddApiKeyNonHex: {value: 'my-plain-text-api-key-Zz9', kept: null},
  proxyPassword: {value: 'Pr0xyPassw0rd', kept: null},
  ddProxyPassword: {value: 'DdPr0xySecret', kept: null},
  yamlApiKey: {value: '99999999999999999999999999954321', kept: '***************************54321'},
  yamlProxyPassword: {value: 'YamlProxyPass', kept: null},
  bearer: {value: 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.SigNaTuRe', kept: null},
  urlApiKey: {value: '0123456789abcdef0123456789abcdef', kept: '***************************bcdef'},
  startupPassword: {value: 'StartupPassw0rd', kept: null},
  probeUrlPassword: {value: 'ProbeUrlPass', kept: null},
  probeProxyPassword: {value: 'ProbeProxyPass', kept: null},
  probeToken: {value: 'ProbeTok123456', kept: null},
  statusApiKey: {value: 'aaaabbbbccccddddeeeeffff00001111', kept: '***************************01111'},
  statusBearer: {value: 'StatusBearerTok', kept: null},
  awsKeyId: {value: 'AKIAIOSFODNN7EXAMPLE', kept: '****************MPLE'},
} as const;

export const LOG_TEXT = [
  `DATADOG TRACER CONFIGURATION {"agent_url":"http://dd:${SECRETS.startupPassword.value}@datadog-agent:8127","service":"checkout","env":"prod","version":"1.4.2","lang":"nodejs","tracer_version":"5.1.0"}`,
  'app started on :3000',
  `outgoing call: GET https://intake.example/api/v1/validate?api_key=${SECRETS.urlApiKey.value}`,
  `request headers: Authorization: Bearer ${SECRETS.bearer.value}`,
  'Error: connect ECONNREFUSED 10.0.0.7:8127',
  '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)',
  `aws_access_key_id=${SECRETS.awsKeyId.value}`,
  'after the error',
].join('\n');

const finding = (line: number, endLine: number, excerpt: string): DiagnosedFinding => ({
  line,
  endLine,
  lang: 'nodejs',
  source: 'tracer',
  recognizer: 'nodejs',
  cause: 'refused',
  target: {url: 'http://10.0.0.7:8127', host: '10.0.0.7', port: 8127, socket: null},
  tracerVersion: '5.1.0',
  httpStatus: null,
  errorCode: 'ECONNREFUSED',
  timestamp: null,
  excerpt,
  diagnosis: {
    rule: 'agent-not-listening',
    title: {key: 'rule_check_agent_title'},
    // A rule that echoes what it saw: the planted token must not survive in its substitution.
    explanation: {key: 'rule_check_agent_explanation', subs: {target: `http://probe:${SECRETS.probeToken.value}@10.0.0.7:8127`}},
    advice: [{key: 'advice_compare_agent_url'}],
  },
});

export const FINDINGS: DiagnosedFinding[] = [finding(5, 6, 'Error: connect ECONNREFUSED 10.0.0.7:8127\n    at TCPConnectWrap.afterConnect')];

export const CONFIGS: StartupConfig[] = [
  {
    lang: 'nodejs',
    line: 1,
    agentUrl: `http://dd:${SECRETS.startupPassword.value}@datadog-agent:8127`,
    agentError: null,
    service: 'checkout',
    env: 'prod',
    version: '1.4.2',
    tracerVersion: '5.1.0',
    target: {url: `http://dd:${SECRETS.startupPassword.value}@datadog-agent:8127`, host: 'datadog-agent', port: 8127, socket: null},
  },
];

const v = (name: string, value: string) => ({name, value, redacted: false});

export const SNAPSHOT: EnvSnapshot = {
  v: 1,
  vantage: {kind: 'local'},
  collectedAt: '2026-01-02T03:04:05.000Z',
  os: {platform: 'linux', release: '6.1.0', arch: 'x64', prettyName: 'Debian GNU/Linux 12 (bookworm)'},
  dd: [
    v('DD_AGENT_HOST', '10.0.0.7'),
    v('DD_API_KEY', SECRETS.ddApiKey.value),
    v('DD_APP_KEY', SECRETS.ddAppKey.value),
    v('DD_APPLICATION_KEY', SECRETS.ddApiKeyNonHex.value),
    v('DD_PROXY_HTTPS', `http://proxyuser:${SECRETS.ddProxyPassword.value}@proxy.corp:3128`),
    v('DD_TRACE_AGENT_PORT', '8127'),
  ],
  proxy: [v('HTTPS_PROXY', `http://squid-user:${SECRETS.proxyPassword.value}@proxy.corp:3128`), v('NO_PROXY', 'localhost,127.0.0.1')],
  container: {inContainer: true, evidence: ['/.dockerenv'], runtime: 'docker'},
  kubernetes: {inPod: false, serviceHost: null},
  listeners: [],
  portConflict: null,
  socketDir: null,
  problems: [],
};

export const AGENT_YAML = [
  '# Datadog Agent configuration (template comments are dropped)',
  `api_key: ${SECRETS.yamlApiKey.value}`,
  'site: datadoghq.eu',
  'logs_enabled: true',
  'proxy:',
  `  https: http://user:${SECRETS.yamlProxyPassword.value}@proxy.corp:3128`,
  '  no_proxy:',
  '    - 169.254.169.254',
  'apm_config:',
  '  enabled: true',
  '  # receiver_port: 8126',
  '  receiver_port: 8127',
  '  apm_non_local_traffic: true',
  'process_config:',
  '  enabled: "true"',
].join('\n');

export const PROBE = {
  v: 1,
  target: {
    url: `http://probeuser:${SECRETS.probeUrlPassword.value}@10.0.0.7:8127`,
    host: '10.0.0.7',
    port: 8127,
    socket: null,
    input: `http://probeuser:${SECRETS.probeUrlPassword.value}@10.0.0.7:8127`,
    kind: 'tcp',
    rule: 'DD_TRACE_AGENT_URL',
    from: {DD_TRACE_AGENT_URL: `http://probeuser:${SECRETS.probeUrlPassword.value}@10.0.0.7:8127`},
  },
  vantage: {kind: 'local'},
  tool: 'node',
  dns: {host: '10.0.0.7', addresses: [{address: '10.0.0.7', family: 4}], localhostV6First: false, literal: true, partial: false, ms: 0, error: null},
  tcp: [{address: '10.0.0.7', family: 4, port: 8127, ok: false, ms: 2, error: {code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 10.0.0.7:8127'}}],
  unix: null,
  http: {
    url: 'http://10.0.0.7:8127/info',
    address: null,
    status: 502,
    timings: {connectMs: 1, firstByteMs: 2, totalMs: 3},
    bytes: 40,
    truncated: false,
    contentType: 'text/html',
    outcome: 'http-error',
    excerpt: `<html>proxy error for ?token=${SECRETS.probeToken.value}</html>`,
    error: null,
  },
  info: null,
  writeCheck: null,
  proxy: {vars: [{name: 'HTTP_PROXY', value: `http://u:${SECRETS.probeProxyPassword.value}@p:3128`}], applies: 'HTTP_PROXY', exemptedBy: null, capturesAgent: true, loopbackTarget: false},
  steps: [],
  verdict: {ok: false, cause: 'refused', rule: 'agent-not-listening', summary: {key: 'rule_check_agent_title'}},
  startedAt: '2026-01-02T03:04:05.000Z',
  totalMs: 12,
} satisfies ProbeResult;

export const STATUS = {
  v: 1,
  vantage: {kind: 'k8s', pod: 'datadog-agent-x7k2p', namespace: 'datadog', container: 'trace-agent'},
  command: ['kubectl', 'exec', '-n', 'datadog', 'datadog-agent-x7k2p', '-c', 'trace-agent', '--', 'agent', 'status'],
  container: 'trace-agent',
  format: 'text',
  agentVersion: '7.57.2',
  apm: null,
  error: {
    code: 'agent-unreachable',
    message: {key: 'rule_check_agent_title'},
    next: {key: 'advice_agent_status_apm'},
    detail: `Could not reach agent: Get "https://localhost:5001/agent/status": header Authorization: Bearer ${SECRETS.statusBearer.value}`,
  },
  rawSection: `APM Agent\n=========\n  Status: Running\n  api_key: ${SECRETS.statusApiKey.value}\n  Receiver: 0.0.0.0:8127`,
} satisfies StatusResult;

export function plantedInput(over: Partial<BundleInput> = {}): BundleInput {
  return {
    findings: FINDINGS,
    configs: CONFIGS,
    env: {detected: 'docker', chosen: 'kubernetes'},
    logText: LOG_TEXT,
    envSnapshot: SNAPSHOT,
    probe: PROBE,
    status: STATUS,
    agentYaml: AGENT_YAML,
    agentYamlPath: '/etc/datadog-agent/datadog.yaml',
    origin: 'app.log',
    caseId: '1234567',
    generatedAt: '2026-01-02T03:04:05.000Z',
    ...over,
  };
}
