// The scanner with diagnosis: raw findings (raw-scan.ts) through the rules (diagnose.ts). What the
// extension, the CLI and the tests call.
import {diagnose} from './diagnose';
import {RawScanner, type ScanOptions} from './raw-scan';
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
    const late = this.takeResolvedPending();
    return {findings: this.diagnoseAll(late.length ? [...late, ...kept] : kept), configs: this.configs.slice(configsBefore)};
  }

  /**
   * Streams a long input chunk by chunk (the extension's live tail, tests): numbering
   * continues across chunks and an event split by a chunk boundary is carried whole.
   */
  push(chunk: string): ScanResult {
    const configsBefore = this.configs.length;
    const raw = this.pushRaw(chunk);
    return {findings: this.diagnoseRaw(raw), configs: this.configs.slice(configsBefore)};
  }

  /**
   * Diagnoses what `pushRaw` found (a reader may push several pieces, then diagnose them
   * together), in line order: a config line revives bare errors kept from lines before the
   * pieces that found others.
   */
  diagnoseRaw(raw: readonly RawFinding[]): DiagnosedFinding[] {
    return this.diagnoseAll(this.withContexts(raw).sort((a, b) => a.line - b.line));
  }

  /**
   * Ends a stream: flushes a carried event and resolves bare errors against everything seen.
   * `undiagnosed`: what `pushRaw` found and no `diagnoseRaw` took yet, diagnosed with the carried
   * event (which may be the config line that gives them context).
   */
  finish(undiagnosed: readonly RawFinding[] = []): ScanResult {
    const configsBefore = this.configs.length;
    const {tail, late} = this.finishRaw();
    // The carried event is diagnosed with the undiagnosed ones (alone, as `add` would have, when there are none).
    return {findings: [...this.diagnoseRaw([...undiagnosed, ...tail]), ...this.diagnoseAll(late)], configs: this.configs.slice(configsBefore)};
  }

  private diagnoseAll(raw: readonly RawFinding[]): DiagnosedFinding[] {
    if (raw.length === 0) return [];
    return diagnose(raw, {env: this.opts.env ?? 'unknown', facts: this.opts.facts ?? {}, configs: this.configs});
  }
}

/** Scans a whole text (a page of log lines) and diagnoses every agent-connection failure in it. */
export function scanText(text: string, opts: ScanOptions = {}): ScanResult {
  const s = new Scanner(opts);
  const a = s.add(text);
  const b = s.finish();
  return {findings: [...a.findings, ...b.findings], configs: [...a.configs, ...b.configs]};
}
