// The environment snapshot: DD_* and proxy variables (redacted), OS, container/pod markers,
// who listens on 8126/5012, and the agent socket directory — from this machine or from inside
// a container/pod (one constant `sh` script there, or plain `env` when it has no shell).
import {readdir} from 'node:fs/promises';
import {readFileSync} from 'node:fs';
import {arch, platform, release} from 'node:os';
import {isDdVar, isProxyVar, redactVars} from '../../shared/env/redact';
import type {EnvSnapshot, ListenEntry} from '../../shared/env/types';
import {DEFAULT_PORT} from '../../shared/probe/target';
import type {Vantage} from '../../shared/probe/types';
import {validateVantage} from '../../shared/probe/types';
import {runFile} from '../exec/run';
import {runnerFailure} from '../exec/runner-errors';
import {envList, snapshotSh, wrap} from '../exec/templates';
import {failureToError, EXEC_OVERHEAD_MS} from '../probe/in-target';
import {ProbeFailure} from '../probe/failure';
import {parseEnvList} from '../probe/in-target-parse';
import {detectContainer} from './container';
import {AGENT_PROCESSES, listenersOn} from './listeners';
import {parseProcNetTcp} from './proc-net';

export const SOCKET_DIR = '/var/run/datadog';
/** The receiver port and the trace-agent's debug port (what `agent status` reads). */
const DEFAULT_PORTS = [DEFAULT_PORT, 5012];

export interface SnapshotHooks {
  signal: AbortSignal;
  /** Local vantage: the environment to report (default process.env). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Extra ports to report listeners for (the probe's target port). */
  ports?: readonly number[];
}

function prettyName(osRelease: string | null): string | null {
  const m = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(osRelease ?? '');
  return m?.[1] ?? null;
}

function portsOfInterest(env: Readonly<Record<string, string | undefined>>, extra: readonly number[] = []): number[] {
  const fromEnv = ['DD_APM_RECEIVER_PORT', 'DD_TRACE_AGENT_PORT', 'DD_APM_DEBUG_PORT']
    .map((n) => Number(env[n]))
    .filter((p) => Number.isInteger(p) && p > 0 && p < 65536);
  return [...new Set([...DEFAULT_PORTS, ...fromEnv, ...extra])];
}

/** A non-agent process on a receiver port (not the debug port: only trace-agent opens that). */
export function portConflict(listeners: readonly ListenEntry[], receiverPorts: readonly number[]): EnvSnapshot['portConflict'] {
  const foreign = listeners.find((l) => receiverPorts.includes(l.port) && l.comm !== null && !AGENT_PROCESSES.test(l.comm));
  return foreign ? {port: foreign.port, holder: foreign.comm, pid: foreign.pid} : null;
}

function base(vantage: Vantage, env: Readonly<Record<string, string | undefined>>): EnvSnapshot {
  return {
    v: 1,
    vantage,
    collectedAt: new Date().toISOString(),
    os: {platform: null, release: null, arch: null, prettyName: null},
    dd: redactVars(env, isDdVar),
    proxy: redactVars(env, isProxyVar),
    container: {inContainer: false, evidence: [], runtime: null},
    kubernetes: {inPod: false, serviceHost: null},
    listeners: [],
    portConflict: null,
    socketDir: null,
    problems: [],
  };
}

async function snapshotLocal(hooks: SnapshotHooks): Promise<EnvSnapshot> {
  const env = hooks.env ?? process.env;
  const snap = base({kind: 'local'}, env);
  let osRelease: string | null = null;
  try {
    osRelease = readFileSync('/etc/os-release', 'utf8');
  } catch {
    // not Linux, or a minimal image
  }
  snap.os = {platform: platform(), release: release(), arch: arch(), prettyName: prettyName(osRelease)};
  Object.assign(snap, detectContainer(env));
  const ports = portsOfInterest(env, hooks.ports);
  const {listeners, problems} = await listenersOn(ports);
  snap.listeners = listeners;
  snap.problems.push(...problems);
  snap.portConflict = portConflict(listeners, ports.filter((p) => p !== 5012));
  try {
    snap.socketDir = {path: SOCKET_DIR, entries: (await readdir(SOCKET_DIR)).sort()};
  } catch {
    snap.socketDir = null;
  }
  return snap;
}

/** Splits SNAPSHOT_SH output into its sections. */
export function snapshotSections(stdout: string): Map<string, string> {
  const sections = new Map<string, string>();
  const re = /^@@apmdoctor section (\S+)$/gm;
  const marks = [...stdout.matchAll(re)];
  marks.forEach((m, i) => {
    const start = (m.index ?? 0) + m[0].length + 1;
    const end = marks[i + 1]?.index ?? stdout.length;
    sections.set(m[1]!, stdout.slice(start, Math.max(start, end)));
  });
  return sections;
}

async function snapshotInTarget(vantage: Exclude<Vantage, {kind: 'local'}>, hooks: SnapshotHooks): Promise<EnvSnapshot> {
  const argv = wrap(vantage, snapshotSh(SOCKET_DIR));
  let r = await runFile(argv.file, argv.args, {signal: hooks.signal, timeoutMs: EXEC_OVERHEAD_MS});
  let failure = runnerFailure(vantage, r, 'sh');
  let sections: Map<string, string>;
  const problems: string[] = [];
  if (failure?.kind === 'exec-not-found') {
    // No shell (distroless): the environment is still worth having.
    const e = wrap(vantage, envList());
    r = await runFile(e.file, e.args, {signal: hooks.signal, timeoutMs: EXEC_OVERHEAD_MS});
    failure = runnerFailure(vantage, r, 'env');
    sections = new Map([['env', r.stdout]]);
    problems.push('no shell in the target: only the environment was read');
  } else {
    sections = snapshotSections(r.stdout);
  }
  if (failure) throw failureToError(vantage, failure);
  const env = parseEnvList(sections.get('env') ?? '');
  const snap = base(vantage, env);
  snap.problems.push(...problems);
  const uname = (sections.get('uname') ?? '').trim().split(/\s+/);
  snap.os = {platform: uname[0]?.toLowerCase() || null, release: uname[1] ?? null, arch: uname[2] ?? null, prettyName: prettyName(sections.get('os-release') ?? null)};
  const markers = (sections.get('markers') ?? '').split('\n').filter(Boolean);
  const cgroup = sections.get('cgroup') ?? '';
  const detected = detectContainer(env, {exists: (p) => markers.includes(p), read: (p) => (p === '/proc/1/cgroup' ? cgroup : null)});
  // We exec'd into it, so it is a container whatever its markers say.
  snap.container = {...detected.container, inContainer: true, evidence: [...detected.container.evidence, `vantage: ${vantage.kind}`], runtime: detected.container.runtime ?? (vantage.kind === 'k8s' ? 'kubernetes' : 'docker')};
  snap.kubernetes = vantage.kind === 'k8s' ? {inPod: true, serviceHost: detected.kubernetes.serviceHost} : detected.kubernetes;
  const ports = portsOfInterest(env, hooks.ports);
  snap.listeners = [...parseProcNetTcp(sections.get('tcp') ?? '', 'tcp'), ...parseProcNetTcp(sections.get('tcp6') ?? '', 'tcp6')]
    .filter((e) => ports.includes(e.port))
    .map((e) => ({...e, pid: null, comm: null}));
  const dir = (sections.get('socketdir') ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  snap.socketDir = dir.length ? {path: SOCKET_DIR, entries: dir.sort()} : null;
  return snap;
}

export async function snapshotEnv(vantage: Vantage, hooks: SnapshotHooks): Promise<EnvSnapshot> {
  const v = validateVantage(vantage);
  if ('error' in v) throw new ProbeFailure('bad-vantage', {key: 'probe_cli_err_vantage', subs: {reason: v.error}});
  return v.kind === 'local' ? snapshotLocal(hooks) : snapshotInTarget(v, hooks);
}
