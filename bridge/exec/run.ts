// The only way the bridge runs a program: `execFile` with an argument vector (no shell ever,
// SPEC §5), a deadline, an abort signal and a cap on what it reads back. Never throws:
// a missing binary, a permission problem or a timeout comes back as data.
import {execFile} from 'node:child_process';

export interface RunResult {
  /** Exit code; null when the process didn't start or was killed. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Why it didn't run to an exit code: the binary is missing, not executable, out of time, aborted. */
  failure: 'ENOENT' | 'EACCES' | 'TIMEOUT' | 'ABORTED' | 'TOO_LARGE' | 'OTHER' | null;
  ms: number;
}

export interface RunOptions {
  signal: AbortSignal;
  /** Kill after this many ms (SIGKILL: a hanging docker/kubectl client must not outlive us). */
  timeoutMs: number;
  /** Bytes of stdout/stderr kept; more kills the process. Default 2 MiB. */
  maxBytes?: number;
  env?: NodeJS.ProcessEnv;
}

export const DEFAULT_MAX_OUTPUT = 2 << 20;

export function runFile(file: string, args: readonly string[], opts: RunOptions): Promise<RunResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    if (opts.signal.aborted) {
      resolve({code: null, stdout: '', stderr: '', failure: 'ABORTED', ms: 0});
      return;
    }
    execFile(
      file,
      [...args],
      {
        encoding: 'utf8',
        timeout: opts.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: opts.maxBytes ?? DEFAULT_MAX_OUTPUT,
        signal: opts.signal,
        windowsHide: true,
        env: opts.env ?? process.env,
      },
      (error, stdout, stderr) => {
        const ms = Math.round(performance.now() - started);
        if (!error) {
          resolve({code: 0, stdout, stderr, failure: null, ms});
          return;
        }
        const e = error as NodeJS.ErrnoException & {killed?: boolean; code?: string | number};
        let failure: RunResult['failure'] = null;
        if (e.code === 'ENOENT') failure = 'ENOENT';
        else if (e.code === 'EACCES') failure = 'EACCES';
        else if (e.code === 'ABORT_ERR' || opts.signal.aborted) failure = 'ABORTED';
        else if (e.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') failure = 'TOO_LARGE';
        else if (e.killed) failure = 'TIMEOUT';
        else if (typeof e.code !== 'number') failure = 'OTHER';
        resolve({code: typeof e.code === 'number' ? e.code : null, stdout: String(stdout ?? ''), stderr: String(stderr ?? ''), failure, ms});
      },
    );
  });
}
