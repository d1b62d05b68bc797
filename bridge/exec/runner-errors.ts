// Telling docker/kubectl's own failures apart from the exit code of what ran inside.
// Patterns are the CLIs' real messages (recorded in test/fixtures/agent/runners/, each with
// its source), checked on stderr before the inner program's output is believed.
import type {Vantage} from '../../shared/probe/types';
import type {RunResult} from './run';

export type RunnerFailure =
  /** docker/kubectl is not installed. */
  | {kind: 'runner-missing'; runner: string}
  /** The engine/cluster isn't reachable, or we may not use it. */
  | {kind: 'runner-unreachable'; runner: string; detail: string}
  | {kind: 'permission-denied'; runner: string; detail: string}
  | {kind: 'target-not-found'; detail: string}
  /** The program isn't in the container (`executable file not found in $PATH`). */
  | {kind: 'exec-not-found'; detail: string}
  | {kind: 'timeout'}
  | {kind: 'aborted'};

const firstLine = (s: string): string => s.trim().split('\n').find((l) => l.trim() !== '')?.trim().slice(0, 300) ?? '';

const UNREACHABLE = [
  /Cannot connect to the Docker daemon/,
  /error during connect/,
  /The connection to the server .* was refused/,
  /Unable to connect to the server/,
  /couldn't get current server API group list/,
  /no configuration has been provided/,
  /context "[^"]*" does not exist/,
  /context was not found for specified context/,
  /current-context is not set/,
];
const PERMISSION = [
  /permission denied while trying to connect to the Docker daemon socket/,
  /Error from server \(Forbidden\)/,
  /is forbidden: User/,
  /You must be logged in to the server/,
];
const NOT_FOUND = [
  /No such container/,
  /Error from server \(NotFound\)/,
  /is not running/,
  /container [^ ]+ not found in pod/,
  /container [^ ]+ is not valid for pod/,
  /unable to upgrade connection: container not found/,
];
const EXEC_NOT_FOUND = [/executable file not found in \$PATH/, /exec: "[^"]*": stat [^:]*: no such file or directory/, /OCI runtime exec failed/];

/** Null when the runner ran the program (its exit code and output are the program's). */
export function runnerFailure(vantage: Vantage, r: RunResult, innerFile: string): RunnerFailure | null {
  const runner = vantage.kind === 'docker' ? 'docker' : vantage.kind === 'k8s' ? 'kubectl' : innerFile;
  if (r.failure === 'TIMEOUT') return {kind: 'timeout'};
  if (r.failure === 'ABORTED') return {kind: 'aborted'};
  if (vantage.kind === 'local') {
    if (r.failure === 'ENOENT') return {kind: 'exec-not-found', detail: `${innerFile}: not found`};
    if (r.failure === 'EACCES') return {kind: 'permission-denied', runner, detail: `${innerFile}: permission denied`};
    return null;
  }
  if (r.failure === 'ENOENT') return {kind: 'runner-missing', runner};
  if (r.failure === 'EACCES') return {kind: 'permission-denied', runner, detail: `${runner}: permission denied`};
  if (r.code === 0) return null;
  const err = r.stderr;
  const detail = firstLine(err);
  if (EXEC_NOT_FOUND.some((re) => re.test(err)) || ((r.code === 126 || r.code === 127) && !err.includes(`${innerFile}:`))) {
    return {kind: 'exec-not-found', detail};
  }
  if (PERMISSION.some((re) => re.test(err))) return {kind: 'permission-denied', runner, detail};
  if (NOT_FOUND.some((re) => re.test(err))) return {kind: 'target-not-found', detail};
  if (UNREACHABLE.some((re) => re.test(err))) return {kind: 'runner-unreachable', runner, detail};
  return null;
}
