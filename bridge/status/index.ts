// `agent status`, collected where the agent runs: this host (`datadog-agent`), an agent
// container (`docker exec … agent status`) or the node's agent pod (`kubectl exec`, in the
// `trace-agent` container when the pod has one — SPEC §2.3). JSON first (`status --json`:
// typed numbers, `apmStats` straight from the trace-agent), the text form when JSON is
// refused. Failures come back as a StatusResult with an error code and the next thing to try.
import {parseStatusJson, parseStatusText} from '../../shared/agent/status-parse';
import type {StatusErrorCode, StatusResult} from '../../shared/agent/status-types';
import {validateVantage, type Vantage} from '../../shared/probe/types';
import {runFile, type RunResult} from '../exec/run';
import {runnerFailure, type RunnerFailure} from '../exec/runner-errors';
import {k8sContainerNames, statusBinaries, statusJson, statusText, wrap} from '../exec/templates';
import {ProbeFailure} from '../probe/failure';

/** `agent status` gathers every check's status; a loaded agent takes seconds. */
export const STATUS_TIMEOUT_MS = 30_000;
const MAX_SECTION = 16_384;

export interface StatusHooks {
  signal: AbortSignal;
  timeoutMs?: number;
}

const ERROR_KEYS: Record<StatusErrorCode, {message: string; next: string}> = {
  'binary-missing': {message: 'status_err_binary_missing', next: 'status_next_binary_missing'},
  'permission-denied': {message: 'status_err_permission', next: 'status_next_permission'},
  'agent-unreachable': {message: 'status_err_agent_unreachable', next: 'status_next_agent_unreachable'},
  'runner-missing': {message: 'status_err_runner_missing', next: 'status_next_runner_missing'},
  'runner-unreachable': {message: 'status_err_runner_unreachable', next: 'status_next_runner_unreachable'},
  'target-not-found': {message: 'status_err_target_not_found', next: 'status_next_target_not_found'},
  timeout: {message: 'status_err_timeout', next: 'status_next_timeout'},
  unparsable: {message: 'status_err_unparsable', next: 'status_next_unparsable'},
};

/** Messages that name where it happened have a wording for "this machine". */
const LOCAL_VARIANT: ReadonlySet<StatusErrorCode> = new Set(['binary-missing', 'permission-denied', 'timeout', 'unparsable']);

function whereName(v: Vantage): string {
  return v.kind === 'docker' ? v.container : v.kind === 'k8s' ? `${v.namespace ? `${v.namespace}/` : ''}${v.pod}` : '';
}

export function statusError(v: Vantage, code: StatusErrorCode, detail: string, runner?: string): NonNullable<StatusResult['error']> {
  const keys = ERROR_KEYS[code];
  // Substitutions are plain strings, so "on this machine" is its own key rather than a sub.
  const local = v.kind === 'local' && LOCAL_VARIANT.has(code);
  return {
    code,
    message: {key: local ? `${keys.message}_here` : keys.message, subs: {where: whereName(v), runner: runner ?? '', detail: detail.slice(0, 300)}},
    next: {key: keys.next, subs: {runner: runner ?? ''}},
    detail: detail.slice(0, 2000),
  };
}

function fromRunner(v: Vantage, f: RunnerFailure): NonNullable<StatusResult['error']> | null {
  switch (f.kind) {
    case 'runner-missing':
      return statusError(v, 'runner-missing', '', f.runner);
    case 'runner-unreachable':
      return statusError(v, 'runner-unreachable', f.detail, f.runner);
    case 'permission-denied':
      return statusError(v, 'permission-denied', f.detail, f.runner);
    case 'target-not-found':
      return statusError(v, 'target-not-found', f.detail);
    case 'timeout':
    case 'aborted':
      return statusError(v, 'timeout', '');
    case 'exec-not-found':
      return null;
  }
}

/** Text the agent CLI prints when it ran but could not do its job. */
function agentCliError(v: Vantage, r: RunResult): NonNullable<StatusResult['error']> | null {
  const text = `${r.stdout}\n${r.stderr}`;
  const line = (re: RegExp) => re.exec(text)?.[0]?.trim() ?? '';
  if (/auth_token: permission denied|permission denied/i.test(text)) return statusError(v, 'permission-denied', line(/.*permission denied.*/i));
  if (/Could not reach agent:/.test(text)) return statusError(v, 'agent-unreachable', line(/Could not reach agent:.*/));
  // Before the IPC call: no auth_token yet means the agent never started under this config.
  if (/unable to read authentication token file/.test(text)) return statusError(v, 'agent-unreachable', line(/.*unable to read authentication token file.*/));
  return null;
}

/** k8s: run in `trace-agent` when the pod has one (the seed's advice), else the pod's default. */
async function pickContainer(v: Extract<Vantage, {kind: 'k8s'}>, signal: AbortSignal): Promise<{vantage: Vantage; container: string | null; error: StatusResult['error']}> {
  if (v.container) return {vantage: v, container: v.container, error: null};
  const argv = k8sContainerNames(v);
  const r = await runFile(argv.file, argv.args, {signal, timeoutMs: 15_000});
  const f = runnerFailure(v, r, 'kubectl');
  if (f) return {vantage: v, container: null, error: fromRunner(v, f) ?? statusError(v, 'runner-unreachable', r.stderr, 'kubectl')};
  if (r.code !== 0) return {vantage: v, container: null, error: statusError(v, 'runner-unreachable', r.stderr.trim(), 'kubectl')};
  const names = r.stdout.trim().split(/\s+/).filter(Boolean);
  const container = names.includes('trace-agent') ? 'trace-agent' : names.includes('agent') ? 'agent' : null;
  return {vantage: container ? {...v, container} : v, container, error: null};
}

export async function collectStatus(vantage: Vantage, hooks: StatusHooks): Promise<StatusResult> {
  const checked = validateVantage(vantage);
  if ('error' in checked) throw new ProbeFailure('bad-vantage', {key: 'probe_cli_err_vantage', subs: {reason: checked.error}});
  let v: Vantage = checked;
  const result: StatusResult = {v: 1, vantage: checked, command: null, container: null, format: null, agentVersion: null, apm: null, error: null, rawSection: null};
  if (v.kind === 'k8s') {
    const picked = await pickContainer(v, hooks.signal);
    if (picked.error) return {...result, error: picked.error};
    v = picked.vantage;
    result.container = picked.container;
  } else if (v.kind === 'docker') {
    result.container = v.container;
  }
  const timeoutMs = hooks.timeoutMs ?? STATUS_TIMEOUT_MS;
  const run = async (inner: string[]) => {
    const argv = wrap(v, inner);
    const r = await runFile(argv.file, argv.args, {signal: hooks.signal, timeoutMs});
    return {argv, r, failure: runnerFailure(v, r, inner[0] ?? '')};
  };

  for (const binary of statusBinaries(v)) {
    const json = await run(statusJson(binary));
    if (json.failure?.kind === 'exec-not-found') continue;
    if (json.failure) return {...result, command: [json.argv.file, ...json.argv.args], error: fromRunner(v, json.failure)};
    result.command = [json.argv.file, ...json.argv.args];
    const parsed = json.r.code === 0 ? parseStatusJson(json.r.stdout) : null;
    if (parsed) return {...result, format: 'json', agentVersion: parsed.agentVersion, apm: parsed.apm};
    const cliError = json.r.code !== 0 ? agentCliError(v, json.r) : null;
    if (cliError) return {...result, error: cliError};

    // Agents or wrappers without --json: the text form has the same APM section.
    const text = await run(statusText(binary));
    result.command = [text.argv.file, ...text.argv.args];
    if (text.failure) return {...result, error: fromRunner(v, text.failure) ?? statusError(v, 'binary-missing', '')};
    // A healthy status can mention "permission denied" in some check's error: only a failed run counts.
    const textError = text.r.code !== 0 ? agentCliError(v, text.r) : null;
    const parsedText = parseStatusText(text.r.stdout);
    if (parsedText.coreUnreachable) return {...result, error: statusError(v, 'agent-unreachable', parsedText.coreUnreachable)};
    if (textError) return {...result, error: textError};
    if (parsedText.apm.state === 'absent' && parsedText.rawSection === null) {
      return {...result, format: 'text', agentVersion: parsedText.agentVersion, error: statusError(v, 'unparsable', (text.r.stderr || text.r.stdout).trim().slice(0, 300))};
    }
    return {...result, format: 'text', agentVersion: parsedText.agentVersion, apm: parsedText.apm, rawSection: parsedText.rawSection?.slice(0, MAX_SECTION) ?? null};
  }
  return {...result, error: statusError(v, 'binary-missing', '')};
}
