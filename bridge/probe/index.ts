// Probe of the Datadog Agent's trace receiver (SPEC §1.2, root-causes §3.6).
//
//   runProbe(target, vantage, opts, hooks)
//     ├─ vantage local:  resolve target from hooks.env → observeLocal (in-process DNS/TCP/HTTP)
//     └─ docker / k8s:   detectInTarget (tools, DD_* env, default socket) → resolve target from
//                        the container's env → probeWithTool (curl|wget|node|python3|bash template)
//   then: reportsFrom(observation) + proxyReport + facts (container, port holder)
//         → verdictFor (engine `diagnose`, local rule map as fallback) → ProbeResult
//
// Bad input (target, vantage, options) throws ProbeFailure with isBadInput; a probe that could
// not run at all (no docker, no tool in the image) throws ProbeFailure too; every other outcome
// — refused, timeout, 404, garbage — is a ProbeResult with a verdict.
import {existsSync, statSync} from 'node:fs';
import type {Env, Facts} from '../../shared/engine/types';
import {proxyReport} from '../../shared/probe/proxy';
import {isLoopback, resolveTarget, type ResolvedTarget, type TargetError} from '../../shared/probe/target';
import {PROBE_DEFAULTS, validateVantage, type ProbeOptions, type ProbeResult, type ProbeStep, type ProbeTool, type Vantage} from '../../shared/probe/types';
import {verdictFor} from '../../shared/probe/verdict';
import {detectContainer} from '../env/container';
import {listenersOn} from '../env/listeners';
import {dnsStep, httpStep, proxyStep, reportsFrom, targetStep, tcpStep, writeStep} from './assemble';
import {ProbeFailure} from './failure';
import {detectInTarget, pickTool, probeWithTool, where} from './in-target';
import {observeLocal} from './local';
import type {ToolObservation} from './observation';

export {ProbeFailure} from './failure';

export interface ProbeHooks {
  signal: AbortSignal;
  onStep?: (s: ProbeStep) => void;
  /** Environment to resolve the default target from (local vantage). Default: process.env. */
  env?: Record<string, string | undefined>;
}

interface Budget {
  timeoutMs: number;
  connectTimeoutMs: number;
  writeCheck: boolean;
}

function budget(opts: ProbeOptions): Budget {
  const ok = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= PROBE_DEFAULTS.maxTimeoutMs);
  if (!ok(opts.timeoutMs) || !ok(opts.connectTimeoutMs) || (opts.writeCheck !== undefined && typeof opts.writeCheck !== 'boolean')) {
    throw new ProbeFailure('bad-options', {key: 'probe_cli_err_timeout', subs: {max: String(PROBE_DEFAULTS.maxTimeoutMs)}});
  }
  const timeoutMs = opts.timeoutMs ?? PROBE_DEFAULTS.timeoutMs;
  return {timeoutMs, connectTimeoutMs: Math.min(opts.connectTimeoutMs ?? timeoutMs, timeoutMs), writeCheck: opts.writeCheck ?? false};
}

/** `detail` names the variable the bad value came from (DD_TRACE_AGENT_URL…), when it did. */
function targetFailure(e: TargetError): ProbeFailure {
  return new ProbeFailure('bad-target', e.error, e.variable ?? '');
}

const isSocketFile = (path: string): boolean => {
  try {
    return existsSync(path) && statSync(path).isSocket();
  } catch {
    return false;
  }
};

function envKind(vantage: Vantage, inContainer: boolean, inPod: boolean): Env {
  if (vantage.kind === 'k8s' || inPod) return 'kubernetes';
  if (vantage.kind === 'docker' || inContainer) return 'docker';
  return 'host';
}

/**
 * Who holds the target port on this machine, when the answer looks wrong (no HTTP answer, not
 * the agent's /info). Only for the local vantage and loopback targets: that is the only case
 * where this machine's /proc describes the listener.
 */
function canSeeHolder(target: ResolvedTarget, vantage: Vantage): boolean {
  return vantage.kind === 'local' && target.kind === 'tcp' && target.port !== null && isLoopback(target.host ?? '');
}

async function portHolder(target: ResolvedTarget, obs: ToolObservation, vantage: Vantage, budgetMs: number): Promise<string | null> {
  if (!canSeeHolder(target, vantage) || target.port === null || budgetMs <= 0) return null;
  if (!obs.tcp.some((a) => a.ok)) return null;
  const port = target.port;
  // Scanning /proc/*/fd is slow on some kernels (gVisor: ~150 ms); it must not push the probe past its timeout.
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), budgetMs);
  });
  const lookup = listenersOn([port]).then(({listeners}) => listeners.find((l) => l.comm !== null)?.comm ?? null);
  try {
    return await Promise.race([lookup, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Part of the budget kept for the port-holder lookup, when one may follow (loopback, local). */
const holderReserveMs = (timeoutMs: number): number => Math.min(250, Math.floor(timeoutMs * 0.2));

/**
 * Probes the agent from a vantage point. Locally the probe runs in-process; in a container or
 * pod it runs the first tool the target has (curl, wget, node, python3, bash).
 */
export function runProbe(target: string | null, vantage: Vantage, opts: ProbeOptions, hooks: ProbeHooks): Promise<ProbeResult> {
  return probe(target, vantage, opts, hooks, null);
}

/**
 * Probes with one tool's fixed template, run where the vantage says — with vantage `local`,
 * on this machine exactly as `docker exec` would run it in a container (how the templates are
 * tested for real).
 */
export function runProbeWithTool(tool: ProbeTool, target: string | null, vantage: Vantage, opts: ProbeOptions, hooks: ProbeHooks): Promise<ProbeResult> {
  return probe(target, vantage, opts, hooks, tool);
}

async function probe(target: string | null, vantage: Vantage, opts: ProbeOptions, hooks: ProbeHooks, forcedTool: ProbeTool | null): Promise<ProbeResult> {
  const started = Date.now();
  const t0 = performance.now();
  const b = budget(opts);
  const v = validateVantage(vantage);
  if ('error' in v) throw new ProbeFailure('bad-vantage', {key: 'probe_cli_err_vantage', subs: {reason: v.error}});
  if (target !== null && typeof target !== 'string') throw new ProbeFailure('bad-target', {key: 'probe_target_err_empty'});
  const emit = (s: ProbeStep) => {
    try {
      hooks.onStep?.(s);
    } catch {
      // A listener's fault (a closed WebSocket) must not end the probe.
    }
  };
  const steps: ProbeStep[] = [];
  const done = (s: ProbeStep) => {
    steps.push(s);
    emit(s);
  };

  let env: Readonly<Record<string, string | undefined>>;
  let resolved: ResolvedTarget | TargetError;
  let tools: ProbeTool[] = forcedTool ? [forcedTool] : ['node'];
  emit({step: 'resolve-target', status: 'running', ms: null, detail: null});
  if (v.kind === 'local') {
    env = hooks.env ?? process.env;
    resolved = resolveTarget(target, env, isSocketFile);
  } else {
    const detected = await detectInTarget(v, hooks.signal);
    env = detected.env;
    tools = forcedTool ? detected.tools.filter((t) => t === forcedTool) : detected.tools;
    resolved = resolveTarget(target, env, () => detected.socketExists);
  }
  if ('error' in resolved) throw targetFailure(resolved);
  const resolvedTarget: ResolvedTarget = resolved;
  const tgt = {...resolvedTarget};
  const targetReport: ProbeResult['target'] = {url: tgt.url, host: tgt.host, port: tgt.port, socket: tgt.socket, input: tgt.input, kind: tgt.kind, rule: tgt.rule, from: tgt.from};
  done(targetStep(targetReport));

  const proxy = proxyReport(tgt, env);
  done(proxyStep(proxy, tgt));

  let tool: ProbeTool = 'node';
  let obs: ToolObservation;
  const probeArgs = {target: tgt, timeoutMs: b.timeoutMs, connectTimeoutMs: b.connectTimeoutMs, writeCheck: b.writeCheck, maxBytes: PROBE_DEFAULTS.maxBodyBytes};
  const inProcess = v.kind === 'local' && forcedTool === null;
  if (inProcess) {
    const phaseStep: Record<string, (o: ToolObservation) => ProbeStep> = {
      dns: (o) => dnsStep(reportsFrom(o, tgt), tgt),
      tcp: (o) => tcpStep(reportsFrom(o, tgt)),
    };
    emit({step: tgt.kind === 'unix' ? 'tcp' : 'dns', status: 'running', ms: null, detail: null});
    obs = await observeLocal(tgt, {
      deadline: started + b.timeoutMs - (canSeeHolder(tgt, v) ? holderReserveMs(b.timeoutMs) : 0),
      connectTimeoutMs: b.connectTimeoutMs,
      writeCheck: b.writeCheck,
      maxBytes: PROBE_DEFAULTS.maxBodyBytes,
      maxAddresses: PROBE_DEFAULTS.maxAddresses,
      signal: hooks.signal,
      onPhase: (phase, o) => {
        const make = phaseStep[phase];
        if (make) emit(make(o));
      },
    });
  } else {
    const picked = pickTool(tools, tgt);
    if (!picked) throw new ProbeFailure('no-tool', {key: 'probe_verdict_no_tool', subs: {where: where(v)}});
    tool = picked;
    emit({step: tgt.kind === 'unix' ? 'tcp' : 'dns', status: 'running', ms: null, detail: null});
    obs = await probeWithTool(v, tool, probeArgs, hooks.signal);
  }
  if (hooks.signal.aborted) throw new ProbeFailure('aborted', {key: 'probe_verdict_runner_failed', subs: {where: where(v), detail: 'aborted'}});

  const reports = reportsFrom(obs, tgt);
  // Progress already showed dns/tcp for the local probe; the final list carries every step.
  const rest = [dnsStep(reports, tgt), tcpStep(reports), httpStep(reports), writeStep(reports, b.writeCheck)];
  for (const s of rest) {
    steps.push(s);
    if (!inProcess || s.step === 'http-info' || s.step === 'write-check') emit(s);
  }

  // Locally, this machine's markers say whether we are in a container; in a target we are.
  const where_ = v.kind === 'local' ? detectContainer(env) : {container: {inContainer: true}, kubernetes: {inPod: v.kind === 'k8s'}};
  const facts: Facts = {
    proxyCapturesAgent: proxy.capturesAgent,
    inContainer: where_.container.inContainer,
    portHolder: reports.info ? null : await portHolder(tgt, obs, v, started + b.timeoutMs - Date.now() - 10),
    agentAnswered: reports.info !== null,
  };
  const observed = {target: targetReport, ...reports, proxy};
  const verdict = verdictFor(observed, {env: envKind(v, where_.container.inContainer, where_.kubernetes.inPod), facts});
  return {
    v: 1,
    target: targetReport,
    vantage: v,
    tool,
    ...reports,
    proxy,
    steps,
    verdict,
    startedAt: new Date(started).toISOString(),
    totalMs: Math.round((performance.now() - t0) * 10) / 10,
  };
}
