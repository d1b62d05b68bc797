// One part of a file scanned without diagnosis, on the main thread or in the scan worker
// (scan-parallel.ts joins the parts). The worker's bundle is this file and what it imports: the
// recognisers and RawScanner, not the rules and their texts, so the worker starts sooner.
import {closeSync, openSync} from 'node:fs';
import {isMainThread, parentPort, workerData} from 'node:worker_threads';
import {RawScanner, type PartialScan, type ScanOptions} from '../shared/engine/raw-scan';
import type {Target} from '../shared/engine/types';
import {wasmHintFinder} from './hint-finder/index';
import {readLinePieces} from './line-pieces';

export interface PartJob {
  kind: 'apm-doctor-scan-part';
  file: string;
  start: number;
  end: number;
  opts: Pick<ScanOptions, 'env' | 'facts'>;
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

/** The worker side (bridge/scan-worker.ts): scans its part once the main thread sends the agent targets. */
export function runScanPartIfWorker(): boolean {
  if (isMainThread) return false;
  const job = workerData as PartJob | undefined;
  if (job?.kind !== 'apm-doctor-scan-part') return false;
  parentPort?.once('message', (targets: Target[]) => {
    parentPort?.postMessage(scanRange(job.file, job.start, job.end, job.opts, targets));
  });
  return true;
}
