// Starts `diagnose`'s scan worker before the CLI loads the command (bridge/cli.ts), so the worker
// boots while the main thread loads the engine: the worker's part is the scan's longer path.
// Only a large regular file gets one; an unclaimed worker never keeps the process alive.
import {existsSync, realpathSync, statSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {Worker} from 'node:worker_threads';
import {parseArgs} from './commands/args';
import type {PartJob} from './scan-part';

/** `diagnose`'s options that take a value (its parser and the prestart's must agree on them). */
export const DIAGNOSE_VALUES: readonly string[] = ['format', 'env', 'lang'];

/** Below this size a second thread costs more to start than it saves. */
export const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;

/** The built worker entry (dist/cli/scan-worker.cjs) beside the CLI; null when not running from a build. */
export function scanWorkerFile(): string | null {
  try {
    const file = join(dirname(realpathSync(process.argv[1] ?? '')), 'scan-worker.cjs');
    return existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

let started: {worker: Worker; file: string; size: number; env: string} | null = null;

/** `apm-doctor diagnose … FILE`: starts the worker for FILE if it is large enough to split. */
export function prestartScanWorker(argv: readonly string[]): void {
  try {
    // Parsed as commands/diagnose.ts parses them; anything it would reject starts nothing.
    const args = parseArgs(argv, {values: DIAGNOSE_VALUES});
    if ('error' in args || args.positionals.length !== 1) return;
    const file = args.positionals[0] ?? '-';
    if (file === '-') return;
    const st = statSync(file);
    const workerFile = scanWorkerFile();
    if (!st.isFile() || st.size < PARALLEL_MIN_BYTES || !workerFile) return;
    const env = args.values['env'] ?? 'unknown';
    const job: PartJob = {kind: 'apm-doctor-scan-part', file, size: st.size, opts: {env: env as PartJob['opts']['env']}};
    const worker = new Worker(workerFile, {workerData: job});
    worker.unref();
    // Until claimed, a failure here is the scan's to report (it starts its own), not the CLI's.
    worker.on('error', () => undefined);
    started = {worker, file, size: st.size, env};
  } catch {
    // No worker: diagnose starts one itself, or scans on one thread.
  }
}

/** The prestarted worker, if it was started for this very scan. */
export function claimScanWorker(file: string, size: number, env: string): Worker | null {
  const s = started;
  started = null;
  if (!s) return null;
  if (s.file !== file || s.size !== size || s.env !== env) {
    void s.worker.terminate();
    return null;
  }
  s.worker.ref();
  return s.worker;
}
