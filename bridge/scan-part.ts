// One part of a file scanned without diagnosis, on the main thread or in the scan worker
// (scan-parallel.ts joins the parts). The worker's bundle is this file and what it imports: the
// recognisers and RawScanner, not the rules and their texts, so the worker starts sooner.
import {closeSync, openSync, readSync} from 'node:fs';
import {isMainThread, parentPort, workerData} from 'node:worker_threads';
import {isContinuation} from '../shared/engine/events';
import {stripDecorations} from '../shared/engine/normalize';
import {RawScanner, type PartialScan, type ScanOptions} from '../shared/engine/raw-scan';
import {recognizers} from '../shared/tracers/index';
import type {Target} from '../shared/engine/types';
import {wasmHintFinder} from './hint-finder/index';
import {readLinePieces} from './line-pieces';

/** The worker's part: from the split point (the main thread sends it with the targets) to the end. */
export interface PartJob {
  kind: 'apm-doctor-scan-part';
  file: string;
  size: number;
  opts: Pick<ScanOptions, 'env' | 'facts'>;
}

/** What the main thread sends the worker once it knows them: where its part starts, and the agent addresses before it. */
export interface PartStart {
  split: number;
  targets: Target[];
}

/** Scans [start, end) of a file; `agentTargets` are the agent addresses the parts before it named. */
export function scanRange(file: string, start: number, end: number, opts: ScanOptions, agentTargets: readonly Target[] = []): PartialScan {
  const scanner = new RawScanner({...opts, hintFinder: wasmHintFinder});
  scanner.knowAgentTargets(agentTargets);
  const found: PartialScan['findings'] = [];
  const fd = openSync(file, 'r');
  try {
    readLinePieces(fd, (text) => found.push(...scanner.pushRaw(text)), {start, end});
  } finally {
    closeSync(fd);
  }
  const tail = scanner.endPartial();
  return {...tail, findings: [...found, ...tail.findings]};
}

const leads = recognizers.flatMap((r) => (r.leadsInto ? [r.leadsInto] : []));

/** A byte offset near the middle where a new log record starts (or null: don't split). */
export function splitPoint(file: string, size: number): number | null {
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

/** The worker side (bridge/scan-worker.ts): scans its part once the main thread sends the agent targets. */
export function runScanPartIfWorker(): boolean {
  if (isMainThread) return false;
  const job = workerData as PartJob | undefined;
  if (job?.kind !== 'apm-doctor-scan-part') return false;
  parentPort?.once('message', ({split, targets}: PartStart) => {
    parentPort?.postMessage(scanRange(job.file, split, job.size, job.opts, targets));
  });
  return true;
}
