// Scans a large log file on two threads: the main thread takes the first half while a worker
// (dist/cli/scan-worker.cjs, scan-part.ts alone, started with `workerData`) takes the second; the halves are joined
// with `joinPartialScans`, which renumbers lines and shares startup-config context. The split
// falls on a line that starts a new record, so no event is cut in two.
import {closeSync, openSync, readSync} from 'node:fs';
import {Worker} from 'node:worker_threads';
import {normalizeLine} from '../shared/engine/normalize';
import type {Target} from '../shared/engine/types';
import {parseStartupConfig} from '../shared/tracers/startup-config';
import type {PartialScan, ScanOptions} from '../shared/engine/raw-scan';
import {scanRange, splitPoint, type PartJob, type PartStart} from './scan-part';
import {claimScanWorker, PARALLEL_MIN_BYTES, scanWorkerFile} from './scan-prestart';

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

/**
 * Scans a regular file, on two threads when it is large: the worker the CLI started before it
 * loaded the command (scan-prestart.ts), or one started now. The parts come back undiagnosed
 * (the caller joins them with `joinPartialScans`). Runs synchronously up to the first await, so
 * whatever the caller starts loading waits until then.
 */
export function scanFileParts(file: string, size: number, opts: ScanOptions): Promise<PartialScan[]> {
  const claimed = claimScanWorker(file, size, opts.env ?? 'unknown');
  const workerFile = claimed ? null : size >= PARALLEL_MIN_BYTES ? scanWorkerFile() : null;
  const split = claimed || workerFile ? splitPoint(file, size) : null;
  if (split === null) {
    void claimed?.terminate();
    return Promise.resolve([scanRange(file, 0, size, opts)]);
  }
  const job: PartJob = {kind: 'apm-doctor-scan-part', file, size, opts: {env: opts.env, facts: opts.facts}};
  const worker = claimed ?? new Worker(workerFile as string, {workerData: job});
  const second = new Promise<PartialScan>((resolve, reject) => {
    worker.once('message', (m: PartialScan) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => (code !== 0 ? reject(new Error(`scan worker exited with ${code}`)) : undefined));
  });
  try {
    const start: PartStart = {split, targets: agentTargetsIn(file, 0, split)};
    worker.postMessage(start);
    const first = scanRange(file, 0, split, opts);
    return second.then((part) => [first, part]);
  } catch (e) {
    void worker.terminate();
    second.catch(() => undefined);
    return Promise.reject(e as Error);
  }
}
