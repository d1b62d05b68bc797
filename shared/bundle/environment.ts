// Environment facts for the bundle: where the app runs, the tracers and versions seen, the
// agent's address and port as every source reports it.
import type {StatusResult} from '../agent/status-types';
import type {DiagnosedFinding, Env, Msg, StartupConfig} from '../engine/types';
import type {EnvSnapshot} from '../env/types';
import type {ProbeResult} from '../probe/types';
import {apmReceiverPort} from './agent-yaml';
import type {BundlePort, BundleTracer} from './types';

export const DEFAULT_AGENT_PORT = 8126;
const MAX_TRACERS = 20;
const MAX_PORTS = 20;

/** A coarse guess from the snapshot; the user's choice refines it (ECS, EKS, Beanstalk look alike from inside). */
export function detectEnv(snapshot: EnvSnapshot | undefined): Env | null {
  if (!snapshot) return null;
  if (snapshot.kubernetes?.inPod) return 'kubernetes';
  if (snapshot.container?.inContainer) return 'docker';
  return 'host';
}

export function osLine(snapshot: EnvSnapshot | undefined): string | null {
  const os = snapshot?.os;
  if (!os) return null;
  const tech = [os.platform, os.release].filter(Boolean).join(' ');
  const arch = os.arch ? `, ${os.arch}` : '';
  if (os.prettyName) return `${os.prettyName}${tech ? ` (${tech}${arch})` : ''}`;
  return tech ? `${tech}${arch}` : null;
}

export function tracersSeen(configs: readonly StartupConfig[], findings: readonly DiagnosedFinding[], status: StatusResult | undefined): BundleTracer[] {
  const out: BundleTracer[] = [];
  const seen = new Set<string>();
  const add = (t: BundleTracer) => {
    const k = [t.lang, t.tracerVersion, t.service, t.langVersion].join('|');
    if (seen.has(k) || out.length >= MAX_TRACERS) return;
    seen.add(k);
    out.push(t);
  };
  for (const c of configs) {
    add({lang: c.lang, tracerVersion: c.tracerVersion, langVersion: null, service: c.service, env: c.env, version: c.version, agentUrl: c.agentUrl, from: startupLine(c.line)});
  }
  for (const f of findings) {
    if (out.some((t) => t.lang === f.lang && (t.tracerVersion === f.tracerVersion || f.tracerVersion === null))) continue;
    add({lang: f.lang, tracerVersion: f.tracerVersion, langVersion: null, service: null, env: null, version: null, agentUrl: f.target.url, from: logLine(f.line)});
  }
  for (const c of status?.apm?.clients ?? []) {
    add({
      lang: c.lang ?? 'unknown',
      tracerVersion: c.tracerVersion,
      langVersion: [c.interpreter, c.langVersion].filter(Boolean).join(' ') || null,
      service: null,
      env: null,
      version: null,
      agentUrl: null,
      from: {key: 'bundle_from_status'},
    });
  }
  return out;
}

const PORT_VARS = ['DD_TRACE_AGENT_PORT', 'DD_APM_RECEIVER_PORT', 'DD_RECEIVER_PORT'] as const;
const URL_VARS = ['DD_TRACE_AGENT_URL'] as const;
const SOCKET_VARS = ['DD_APM_RECEIVER_SOCKET', 'DD_TRACE_AGENT_UNIX_DOMAIN_SOCKET'] as const;

const logLine = (line: number): Msg => ({key: 'bundle_from_log_line', subs: {line: String(line)}});
const startupLine = (line: number): Msg => ({key: 'bundle_from_startup_line', subs: {line: String(line)}});
const variable = (name: string): Msg => ({key: 'bundle_from_variable', subs: {name}});

function portOfUrl(url: string): Omit<BundlePort, 'from'> | null {
  if (url.startsWith('unix://')) return {port: null, socket: url.slice('unix://'.length) || null};
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?(\[[^\]]*\]|[^:/?#]*)(?::(\d{1,5}))?/i.exec(url);
  if (!m) return null;
  const port = m[2] ? Number(m[2]) : /^https:/i.test(url) ? 443 : 80;
  return {port, socket: null};
}

function readPort(v: string): number | null {
  return /^\d{1,5}$/.test(v.trim()) ? Number(v.trim()) : null;
}

export function portsSeen(input: {
  findings: readonly DiagnosedFinding[];
  configs: readonly StartupConfig[];
  snapshot?: EnvSnapshot;
  probe?: ProbeResult;
  status?: StatusResult;
  agentYaml?: string;
}): {nonDefault: number[]; seen: BundlePort[]} {
  const seen: BundlePort[] = [];
  const keys = new Set<string>();
  const add = (p: BundlePort) => {
    if (p.port === null && p.socket === null) return;
    // One entry per address and kind of source: 500 log lines with the same port are one line.
    const k = `${p.port}|${p.socket}|${p.from.key}`;
    if (keys.has(k) || seen.length >= MAX_PORTS) return;
    keys.add(k);
    seen.push(p);
  };
  for (const f of input.findings) add({port: f.target.port, socket: f.target.socket, from: logLine(f.line)});
  for (const c of input.configs) add({port: c.target.port, socket: c.target.socket, from: startupLine(c.line)});
  for (const v of input.snapshot?.dd ?? []) {
    if ((PORT_VARS as readonly string[]).includes(v.name)) add({port: readPort(v.value), socket: null, from: variable(v.name)});
    if ((URL_VARS as readonly string[]).includes(v.name)) {
      const p = portOfUrl(v.value);
      if (p) add({...p, from: variable(v.name)});
    }
    if ((SOCKET_VARS as readonly string[]).includes(v.name) && v.value) add({port: null, socket: v.value, from: variable(v.name)});
  }
  const probe = input.probe;
  if (probe?.target) add({port: probe.target.port, socket: probe.target.socket, from: {key: 'bundle_from_probe_target'}});
  const info = probe?.info?.config;
  if (info) {
    add({port: info.receiverPort, socket: null, from: {key: 'bundle_from_info'}});
    if (info.receiverSocket) add({port: null, socket: info.receiverSocket, from: {key: 'bundle_from_info'}});
  }
  const apm = input.status?.apm;
  if (apm?.receiver) add({port: apm.receiver.port, socket: null, from: {key: 'bundle_from_status_receiver'}});
  if (apm?.udsReceiver) add({port: null, socket: apm.udsReceiver, from: {key: 'bundle_from_status_receiver'}});
  const yamlPort = input.agentYaml ? apmReceiverPort(input.agentYaml) : null;
  if (yamlPort !== null) add({port: yamlPort, socket: null, from: {key: 'bundle_from_yaml_port'}});
  const nonDefault = [...new Set(seen.flatMap((p) => (p.port !== null && p.port !== DEFAULT_AGENT_PORT ? [p.port] : [])))];
  return {nonDefault, seen};
}
