// Scans a large log file on two threads: the main thread takes the first half while a worker
// (dist/cli/scan-worker.mjs, scan-part.ts alone, started with `workerData`) takes the second; the halves are joined
// with `joinPartialScans`, which renumbers lines and shares startup-config context. The split
// falls on a line that starts a new record, so no event is cut in two.
import {closeSync, existsSync, openSync, readSync, realpathSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {Worker} from 'node:worker_threads';
import {isContinuation} from '../shared/engine/events';
import {normalizeLine, stripDecorations} from '../shared/engine/normalize';
import type {Target} from '../shared/engine/types';
import {parseStartupConfig} from '../shared/tracers/startup-config';
import type {PartialScan, ScanOptions} from '../shared/engine/raw-scan';
import {recognizers} from '../shared/tracers/index';
import {scanRange, type PartJob} from './scan-part';

/** Below this size a second thread costs more to start than it saves. */
export const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;

/**
 * The agent addresses of the startup config lines in [start, end): one `Buffer.indexOf` pass
 * (memmem speed), run while the worker starts, so the second half knows what the first named.
 */
function agentTargetsIn(file: string, start: number, end: number): Target[] {
  const marker = Buffer.from('CONFIGURATION');
  const targets: Target[] = [];
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let pos = start; pos < end; ) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, end - pos), pos);
      if (n <= 0) break;
      const chunk = buf.subarray(0, n);
      const lastNl = n === end - pos ? n : chunk.lastIndexOf(10) + 1;
      if (lastNl <= 0) break;
      for (let i = chunk.indexOf(marker); i !== -1 && i < lastNl; i = chunk.indexOf(marker, i + 1)) {
        const ls = chunk.lastIndexOf(10, i) + 1;
        let le = chunk.indexOf(10, i);
        if (le === -1) le = n;
        const lines = normalizeLine(chunk.toString('utf8', ls, le), 1);
        const cfg = parseStartupConfig({lines, text: lines.map((l) => l.text).join('\n'), line: 1, endLine: 1});
        if (cfg) targets.push(cfg.target);
      }
      pos += lastNl;
    }
  } finally {
    closeSync(fd);
  }
  return targets;
}

const leads = recognizers.flatMap((r) => (r.leadsInto ? [r.leadsInto] : []));

/** A byte offset near the middle where a new log record starts (or null: don't split). */
function splitPoint(file: string, size: number): number | null {
  const fd = openSync(file, 'r');
  try {
    const mid = Math.floor(size / 2);
    const buf = Buffer.alloc(256 * 1024);
    const n = readSync(fd, buf, 0, buf.length, mid);
    let pos = buf.indexOf(10) + 1;
    if (pos <= 0) return null;
    let prev = '';
    while (pos < n) {
      const eol = buf.indexOf(10, pos);
      if (eol === -1) return null;
      const line = stripDecorations(buf.toString('utf8', pos, eol)).text;
      if (prev !== '' && !isContinuation(line, prev) && !leads.some((re) => re.test(prev)) && !/^\s*$/.test(line)) return mid + pos;
      prev = line;
      pos = eol + 1;
    }
    return null;
  } finally {
    closeSync(fd);
  }
}

/** The built worker entry (dist/cli/scan-worker.mjs) beside the CLI; null when not running from a build. */
function scanWorkerFile(): string | null {
  try {
    const file = join(dirname(realpathSync(process.argv[1] ?? '')), 'scan-worker.mjs');
    return existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

/**
 * Scans a regular file, on two threads when it is large: the worker starts before anything else
 * and the parts come back undiagnosed (the caller joins them with `joinPartialScans`). Runs
 * synchronously up to the first await, so whatever the caller starts loading waits until then.
 */
export function scanFileParts(file: string, size: number, opts: ScanOptions): Promise<PartialScan[]> {
  const workerFile = size >= PARALLEL_MIN_BYTES ? scanWorkerFile() : null;
  const split = workerFile ? splitPoint(file, size) : null;
  if (split === null || workerFile === null) return Promise.resolve([scanRange(file, 0, size, opts)]);
  const job: PartJob = {kind: 'apm-doctor-scan-part', file, start: split, end: size, opts: {env: opts.env, facts: opts.facts}};
  const worker = new Worker(workerFile, {workerData: job});
  const second = new Promise<PartialScan>((resolve, reject) => {
    worker.once('message', (m: PartialScan) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => (code !== 0 ? reject(new Error(`scan worker exited with ${code}`)) : undefined));
  });
  try {
    worker.postMessage(agentTargetsIn(file, 0, split));
    const first = scanRange(file, 0, split, opts);
    return second.then((part) => [first, part]);
  } catch (e) {
    void worker.terminate();
    second.catch(() => undefined);
    return Promise.reject(e as Error);
  }
}
