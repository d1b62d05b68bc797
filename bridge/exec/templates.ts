// Fixed command templates. Every argv the bridge runs is built here from constants plus values
// that were validated before (container/pod names by validateVantage, targets by parseTarget,
// numbers we computed); a value is always one whole argv element, never part of shell text.
//
// `inner` argvs are what runs *in* the target; `wrap` turns one into the docker/kubectl argv that
// runs it there. Tests run the inner argvs locally, exactly as the container would.
import type {ParsedTarget} from '../../shared/probe/target';
import type {ProbeTool, Vantage} from '../../shared/probe/types';
import {CURL_WRITE_SH, DETECT_NODE, DETECT_PY, DETECT_SH, PROBE_BASH, PROBE_NODE, PROBE_PY, SNAPSHOT_SH, WGET_SH} from './scripts';

export interface Argv {
  file: string;
  args: string[];
}

/** The argv that runs `inner` from the vantage point (local: as is). */
export function wrap(vantage: Vantage, inner: readonly string[]): Argv {
  const [file, ...args] = inner;
  if (!file) throw new Error('empty argv');
  switch (vantage.kind) {
    case 'local':
      return {file, args};
    case 'docker':
      return {file: 'docker', args: ['exec', vantage.container, file, ...args]};
    case 'k8s':
      return {
        file: 'kubectl',
        args: [
          ...(vantage.context ? ['--context', vantage.context] : []),
          'exec',
          ...(vantage.namespace ? ['-n', vantage.namespace] : []),
          vantage.pod,
          ...(vantage.container ? ['-c', vantage.container] : []),
          '--',
          file,
          ...args,
        ],
      };
  }
}

/** `kubectl get pod` for the container names (to pick `trace-agent` for status). */
export function k8sContainerNames(v: Extract<Vantage, {kind: 'k8s'}>): Argv {
  return {
    file: 'kubectl',
    args: [
      ...(v.context ? ['--context', v.context] : []),
      'get',
      'pod',
      ...(v.namespace ? ['-n', v.namespace] : []),
      v.pod,
      '-o',
      'jsonpath={.spec.containers[*].name}',
    ],
  };
}

// --- detection ---------------------------------------------------------------------------------

export const detectSh = (socket: string): string[] => ['sh', '-c', DETECT_SH, 'sh', socket];
export const detectNode = (socket: string): string[] => ['node', '-e', DETECT_NODE, '--', socket];
export const detectPython = (socket: string): string[] => ['python3', '-c', DETECT_PY, socket];

// --- probes ------------------------------------------------------------------------------------

export interface ProbeArgs {
  target: ParsedTarget;
  timeoutMs: number;
  connectTimeoutMs: number;
  writeCheck: boolean;
  maxBytes: number;
}

/** Which tools can probe this target kind (wget and bash's /dev/tcp have no Unix sockets). */
export function toolCanProbe(tool: ProbeTool, target: ParsedTarget): boolean {
  return target.kind === 'tcp' || tool === 'curl' || tool === 'node' || tool === 'python3';
}

const seconds = (ms: number): string => (Math.max(ms, 1) / 1000).toFixed(3);

/** curl's `-w` line: after the body, on its own line, fields space-separated, content type last (it may contain spaces). */
export const CURL_MARK = '@@apmdoctor-curl';
const CURL_W = `\n${CURL_MARK} %{http_code} %{remote_ip} %{time_namelookup} %{time_connect} %{time_starttransfer} %{time_total} %{size_download} %{content_type}\n`;

function curlBase(a: ProbeArgs): string[] {
  return ['-sS', '-v', '--noproxy', '*', '--connect-timeout', seconds(a.connectTimeoutMs), '-m', seconds(a.timeoutMs), '-w', CURL_W];
}

function curlUrl(a: ProbeArgs, path: string): string[] {
  return a.target.kind === 'unix' ? ['--unix-socket', a.target.socket ?? '', `http://localhost${path}`] : [`${a.target.url}${path}`];
}

/** GET /info with curl. Body to stdout (bounded by --max-filesize and our read cap), trace to stderr. */
export function curlInfo(a: ProbeArgs): string[] {
  return ['curl', ...curlBase(a), '--max-filesize', String(a.maxBytes), '-H', 'Accept: application/json', '-o', '-', ...curlUrl(a, '/info')];
}

/** POST msgpack 0x90 with curl (needs sh for the byte on stdin); headers go to stdout via -D -. */
export function curlWrite(a: ProbeArgs): string[] {
  return [
    'sh',
    '-c',
    CURL_WRITE_SH,
    'sh',
    ...curlBase(a),
    '-X',
    'POST',
    '-H',
    'Content-Type: application/msgpack',
    '-H',
    'X-Datadog-Trace-Count: 0',
    '--data-binary',
    '@-',
    '-D',
    '-',
    '-o',
    '/dev/null',
    ...curlUrl(a, '/v0.4/traces'),
  ];
}

/** GET /info with wget (GNU or busybox: only flags both have). Headers (-S) and errors go to stderr. */
export function wgetInfo(a: ProbeArgs): string[] {
  return ['sh', '-c', WGET_SH, 'sh', '-S', '-O', '-', '-T', String(Math.max(1, Math.ceil(a.timeoutMs / 1000))), `${a.target.url}/info`];
}

/**
 * wget cannot send a 0x90 byte portably, so it sends JSON `[]` — the diagnostic check the PHP
 * tracer makes (`X-Datadog-Diagnostic-Check: 1`, dd-trace-php ext/startup_logging.c).
 */
export function wgetWrite(a: ProbeArgs): string[] {
  return [
    'sh',
    '-c',
    WGET_SH,
    'sh',
    '-S',
    '-O',
    '-',
    '-T',
    String(Math.max(1, Math.ceil(a.timeoutMs / 1000))),
    '--header',
    'Content-Type: application/json',
    '--header',
    'X-Datadog-Trace-Count: 0',
    '--header',
    'X-Datadog-Diagnostic-Check: 1',
    '--post-data',
    '[]',
    `${a.target.url}/v0.4/traces`,
  ];
}

function scriptArgs(a: ProbeArgs): string[] {
  const t = a.target;
  return [t.kind, t.host ?? '', String(t.port ?? 0), t.socket ?? '', String(a.timeoutMs), String(a.connectTimeoutMs), a.writeCheck ? '1' : '0', String(a.maxBytes)];
}

export const nodeProbe = (a: ProbeArgs): string[] => ['node', '-e', PROBE_NODE, '--', ...scriptArgs(a)];
export const pythonProbe = (a: ProbeArgs): string[] => ['python3', '-c', PROBE_PY, ...scriptArgs(a)];
export const bashProbe = (a: ProbeArgs): string[] => [
  'bash',
  '-c',
  PROBE_BASH,
  'bash',
  a.target.host ?? '',
  String(a.target.port ?? 0),
  seconds(a.timeoutMs),
  a.writeCheck ? '1' : '0',
];

// --- agent status ------------------------------------------------------------------------------

/** Host packages install `datadog-agent`; the container images ship `agent`. */
export function statusBinaries(vantage: Vantage): readonly string[] {
  return vantage.kind === 'local' ? ['datadog-agent', 'agent', '/opt/datadog-agent/bin/agent/agent'] : ['agent', 'datadog-agent', '/opt/datadog-agent/bin/agent/agent'];
}

export const statusJson = (binary: string): string[] => [binary, 'status', '--json'];
export const statusText = (binary: string): string[] => [binary, 'status'];

// --- environment -------------------------------------------------------------------------------

/** $1 = the agent socket directory to list. */
export const snapshotSh = (socketDir: string): string[] => ['sh', '-c', SNAPSHOT_SH, 'sh', socketDir];
export const envList = (): string[] => ['env'];
