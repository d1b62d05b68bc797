// The scanner with diagnosis: raw findings (raw-scan.ts) through the rules (diagnose.ts). What the
// extension, the CLI's report and the tests call; a CLI scan thread runs RawScanner alone.
import {diagnose} from './diagnose';
import {RawScanner, type PartialScan, type ScanOptions} from './raw-scan';
import type {DiagnosedFinding, RawFinding, StartupConfig} from './types';

export * from './raw-scan';

export interface ScanResult {
  findings: DiagnosedFinding[];
  configs: StartupConfig[];
}

/**
 * Incremental scanning: each `add()` scans one batch of text while remembering context
 * (startup configs, agent addresses) across batches. `firstLine` numbers the batch's first
 * line (default 1). With `more: true` the batch is a chunk of a longer stream: an event that
 * runs to its end is carried into the next `add()` instead of being cut.
 */
export class Scanner extends RawScanner {
  add(text: string, firstLine = 1, more = false): ScanResult {
    const configsBefore = this.configs.length;
    const kept = this.addRaw(text, firstLine, more);
    return {findings: this.diagnoseAll(kept), configs: this.configs.slice(configsBefore)};
  }

  /**
   * Streams a long input chunk by chunk (the CLI reads files in 64 KB pieces): numbering
   * continues across chunks and an event split by a chunk boundary is carried whole.
   */
  push(chunk: string): ScanResult {
    const configsBefore = this.configs.length;
    const raw = this.pushRaw(chunk);
    return {findings: this.diagnoseAll(raw), configs: this.configs.slice(configsBefore)};
  }

  /** Ends a stream: flushes a carried event and resolves bare errors against everything seen. */
  finish(): ScanResult {
    const configsBefore = this.configs.length;
    const {tail, late} = this.finishRaw();
    // The carried event is diagnosed as its own batch, as `add` would have.
    return {findings: [...this.diagnoseAll(tail), ...this.diagnoseAll(late)], configs: this.configs.slice(configsBefore)};
  }

  /** For `joinPartialScans`: fill context into every part's findings, keep pending ones that proved to be the agent's. */
  diagnoseJoined(found: readonly RawFinding[], pending: readonly RawFinding[], weak: readonly {line: number; text: string}[]): ScanResult {
    return {findings: this.diagnoseAll(this.joinRaw(found, pending, weak)), configs: [...this.configs]};
  }

  private diagnoseAll(raw: readonly RawFinding[]): DiagnosedFinding[] {
    if (raw.length === 0) return [];
    return diagnose(raw, {env: this.opts.env ?? 'unknown', facts: this.opts.facts ?? {}, configs: this.configs});
  }
}

function shift<T extends {line: number}>(x: T, by: number): T {
  return by === 0 ? x : ({...x, line: x.line + by, ...('endLine' in x ? {endLine: (x as unknown as RawFinding).endLine + by} : {})} as T);
}

/**
 * Joins the parts of one input scanned separately (in order) as if scanned whole: renumbers
 * lines, shares every part's startup configs as context, resolves pending bare errors against
 * all of them, and diagnoses.
 */
export function joinPartialScans(parts: readonly PartialScan[], opts: ScanOptions = {}): ScanResult {
  const joined = new Scanner(opts);
  let offset = 0;
  const found: RawFinding[] = [];
  const pending: RawFinding[] = [];
  const weak: {line: number; text: string}[] = [];
  for (const part of parts) {
    joined.adoptConfigs(part.configs.map((c) => shift(c, offset)));
    found.push(...part.findings.map((f) => shift(f, offset)));
    pending.push(...part.pending.map((f) => shift(f, offset)));
    weak.push(...part.weak.map((w) => shift(w, offset)));
    offset += part.lines;
  }
  return joined.diagnoseJoined(found, pending, weak);
}

/** Scans a whole text (a page of log lines) and diagnoses every agent-connection failure in it. */
export function scanText(text: string, opts: ScanOptions = {}): ScanResult {
  const s = new Scanner(opts);
  const a = s.add(text);
  const b = s.finish();
  return {findings: [...a.findings, ...b.findings], configs: [...a.configs, ...b.configs]};
}
