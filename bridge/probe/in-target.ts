// Probing from inside a container or pod: find what the target has (curl, wget, node,
// python3, bash — in that order), read its own DD_* variables, then run that tool's fixed
// template there and parse what it printed. With vantage `local` the same argvs run on this
// machine, which is how the tests run every template for real.
import type {ParsedTarget} from '../../shared/probe/target';
import {DEFAULT_SOCKET} from '../../shared/probe/target';
import type {ProbeTool, Vantage} from '../../shared/probe/types';
import {runFile, type RunResult} from '../exec/run';
import {runnerFailure, type RunnerFailure} from '../exec/runner-errors';
import {
  bashProbe,
  curlInfo,
  curlWrite,
  detectNode,
  detectPython,
  detectSh,
  nodeProbe,
  pythonProbe,
  toolCanProbe,
  wgetInfo,
  wgetWrite,
  wrap,
  type ProbeArgs,
} from '../exec/templates';
import {ProbeFailure} from './failure';
import {parseBash, parseCurlInfo, parseCurlWrite, parseDetect, parseScriptOutput, parseWgetInfo, parseWgetWrite, type Detected} from './in-target-parse';
import type {ToolObservation} from './observation';

/** docker/kubectl start-up costs seconds on a busy node; this is on top of the probe's own budget. */
export const EXEC_OVERHEAD_MS = 8000;

async function runIn(vantage: Vantage, inner: string[], timeoutMs: number, signal: AbortSignal): Promise<{r: RunResult; failure: RunnerFailure | null}> {
  const argv = wrap(vantage, inner);
  const r = await runFile(argv.file, argv.args, {signal, timeoutMs});
  return {r, failure: runnerFailure(vantage, r, inner[0] ?? '')};
}

export function where(vantage: Vantage): string {
  return vantage.kind === 'docker' ? vantage.container : vantage.kind === 'k8s' ? `${vantage.namespace ? `${vantage.namespace}/` : ''}${vantage.pod}` : 'local';
}

/** Runner problems that end the attempt (vs. "this tool is missing, try the next"). */
export function failureToError(vantage: Vantage, f: RunnerFailure): ProbeFailure {
  const subs = {where: where(vantage)};
  switch (f.kind) {
    case 'runner-missing':
      return new ProbeFailure('runner-missing', {key: 'status_err_runner_missing', subs: {runner: f.runner}});
    case 'runner-unreachable':
      return new ProbeFailure('runner-unreachable', {key: 'status_err_runner_unreachable', subs: {runner: f.runner, detail: f.detail}}, f.detail);
    case 'permission-denied':
      return new ProbeFailure('permission-denied', {key: 'probe_verdict_runner_failed', subs: {...subs, detail: f.detail}}, f.detail);
    case 'target-not-found':
      return new ProbeFailure('target-not-found', {key: 'status_err_target_not_found', subs}, f.detail);
    case 'timeout':
      return new ProbeFailure('timeout', {key: 'probe_verdict_runner_failed', subs: {...subs, detail: 'timeout'}});
    case 'aborted':
      return new ProbeFailure('aborted', {key: 'probe_verdict_runner_failed', subs: {...subs, detail: 'aborted'}});
    case 'exec-not-found':
      return new ProbeFailure('no-tool', {key: 'probe_verdict_no_tool', subs}, f.detail);
  }
}

/**
 * Tools, default socket and environment of the target. Tries `sh` first; images without a
 * shell (distroless) are asked through node or python3 directly.
 */
export async function detectInTarget(vantage: Vantage, signal: AbortSignal, timeoutMs = EXEC_OVERHEAD_MS): Promise<Detected> {
  let lastNotFound: RunnerFailure | null = null;
  for (const inner of [detectSh(DEFAULT_SOCKET), detectNode(DEFAULT_SOCKET), detectPython(DEFAULT_SOCKET)]) {
    const {r, failure} = await runIn(vantage, inner, timeoutMs, signal);
    if (failure?.kind === 'exec-not-found') {
      lastNotFound = failure;
      continue;
    }
    if (failure) throw failureToError(vantage, failure);
    if (r.code === 0 || r.stdout.includes('@@apmdoctor env')) return parseDetect(r.stdout);
  }
  throw failureToError(vantage, lastNotFound ?? {kind: 'exec-not-found', detail: ''});
}

/** Picks the first tool, in the agreed order, that can probe this kind of target. */
export function pickTool(tools: readonly ProbeTool[], target: ParsedTarget): ProbeTool | null {
  return (['curl', 'wget', 'node', 'python3', 'bash'] as const).find((t) => tools.includes(t) && toolCanProbe(t, target)) ?? null;
}

/** Runs one tool's template(s) in the target and reads the result. */
export async function probeWithTool(vantage: Vantage, tool: ProbeTool, a: ProbeArgs, signal: AbortSignal): Promise<ToolObservation> {
  const limit = a.timeoutMs + (vantage.kind === 'local' ? 2000 : EXEC_OVERHEAD_MS);
  const exec = async (inner: string[]) => {
    const {r, failure} = await runIn(vantage, inner, limit, signal);
    if (failure && failure.kind !== 'timeout') throw failureToError(vantage, failure);
    return r;
  };
  switch (tool) {
    case 'node':
    case 'python3': {
      const r = await exec(tool === 'node' ? nodeProbe(a) : pythonProbe(a));
      const obs = parseScriptOutput(r.stdout, tool);
      if (obs) return obs;
      // Killed before it printed: the outer limit hit (only when the script's own timers failed).
      return {tool, dns: null, tcp: [], unix: null, http: null, write: null};
    }
    case 'curl': {
      const r = await exec(curlInfo(a));
      const obs = parseCurlInfo(r, a.target, r.ms);
      if (a.writeCheck && obs.http?.status != null && !obs.http.error) {
        const w = await exec(curlWrite(a));
        obs.write = parseCurlWrite(w, a.target, w.ms);
      }
      return obs;
    }
    case 'wget': {
      const r = await exec(wgetInfo(a));
      const obs = parseWgetInfo(r, a.target, r.ms);
      if (a.writeCheck && obs.http?.status != null && !obs.http.error) {
        const w = await exec(wgetWrite(a));
        obs.write = parseWgetWrite(w, a.target, w.ms);
      }
      return obs;
    }
    case 'bash': {
      const r = await exec(bashProbe(a));
      return parseBash(r, a.target, r.ms);
    }
  }
}
