import type {DiagnosedFinding, Env, Facts, StartupConfig} from './types';

export interface ScanOptions {
  /** Where the app runs; tailors advice. Default `unknown`. */
  env?: Env;
  facts?: Partial<Facts>;
}

export interface ScanResult {
  findings: DiagnosedFinding[];
  configs: StartupConfig[];
}

/** Scans a whole text (a page of log lines) and diagnoses every agent-connection failure in it. */
export function scanText(_text: string, _opts: ScanOptions = {}): ScanResult {
  return {findings: [], configs: []};
}

/**
 * Incremental scanning for live views: each `add()` scans one batch of text (line numbers
 * are relative to that batch) while remembering context across batches (startup configs,
 * agent addresses), so a bare `Error: connect ECONNREFUSED host:port` is recognised when an
 * earlier batch named that address as the agent's.
 */
export class Scanner {
  constructor(private readonly opts: ScanOptions = {}) {}
  add(text: string): ScanResult {
    return scanText(text, this.opts);
  }
}
