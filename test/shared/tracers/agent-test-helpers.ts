// Shared by the .NET, PHP, C++, Rust, agent-log and agent-status recogniser tests: scanning a
// committed fixture into a comparable shape, and the linear-time check on pathological input
// (STYLE §4). CPU times compare two sizes within one run, never against a clock.
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {expect} from 'vitest';
import {scanText} from '../../../shared/engine/scan';
import type {DiagnosedFinding, LogEvent, Recognizer} from '../../../shared/engine/types';

export const fixturesDir = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export function readFixture(relPath: string): string {
  return readFileSync(`${fixturesDir}${relPath}`, 'utf8');
}

/** The fields a fixture table asserts on; a row lists only the ones it cares about. */
export interface Seen {
  line: number;
  endLine: number;
  cause: string;
  lang: string;
  source: string;
  host: string | null;
  port: number | null;
  socket: string | null;
  url: string | null;
  tracerVersion: string | null;
  httpStatus: number | null;
  errorCode: string | null;
}

export function seen(f: DiagnosedFinding): Seen {
  return {
    line: f.line,
    endLine: f.endLine,
    cause: f.cause,
    lang: f.lang,
    source: f.source,
    host: f.target.host,
    port: f.target.port,
    socket: f.target.socket,
    url: f.target.url,
    tracerVersion: f.tracerVersion,
    httpStatus: f.httpStatus,
    errorCode: f.errorCode,
  };
}

export function scanFixture(relPath: string): Seen[] {
  return scanText(readFixture(relPath)).findings.map(seen);
}

/** Asserts that the findings are exactly `rows`, in order, each matching the fields it names. */
export function expectFindings(got: readonly Seen[], rows: readonly Partial<Seen>[]): void {
  expect(got.map((g, i) => pick(g, rows[i] ?? {}))).toEqual(rows);
}

function pick(g: Seen, row: Partial<Seen>): Partial<Seen> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(row)) out[k] = g[k as keyof Seen];
  return out as Partial<Seen>;
}

/** CPU milliseconds of this process: unlike wall time, not inflated when neighbours load the machine. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Best-of-N CPU times of `a` and `b`, measured alternately so that cache and GC state affect
 * both sizes alike. Each sample repeats its call until the small one takes ~30 ms, so timer
 * granularity can't decide the ratio (a 1 MB scan can take 0.1 ms).
 */
function bestOfBoth(a: () => void, b: () => void, runs = 3): [number, number] {
  let t = cpuMs();
  a();
  const reps = Math.min(500, Math.max(1, Math.ceil(30 / Math.max(cpuMs() - t, 0.05))));
  let ta = Infinity;
  let tb = Infinity;
  for (let i = 0; i < runs; i++) {
    t = cpuMs();
    for (let k = 0; k < reps; k++) a();
    ta = Math.min(ta, cpuMs() - t);
    t = cpuMs();
    for (let k = 0; k < reps; k++) b();
    tb = Math.min(tb, cpuMs() - t);
  }
  return [ta, tb];
}

/**
 * Scans `make(1 MB)` and `make(4 MB)` with only `recognizer` and asserts the bigger input takes
 * under 8× the time (linear ≈ 4×, quadratic ≈ 16×). Returns the findings of the big input so a
 * test can also check that nothing absurd came out.
 */
export function expectLinear(recognizer: Recognizer, make: (bytes: number) => string): DiagnosedFinding[] {
  const opts = {recognizers: [recognizer]};
  const small = make(1 << 20);
  const big = make(4 << 20);
  scanText(small, opts); // JIT warm-up
  let findings: DiagnosedFinding[] = [];
  const [tSmall, tBig] = bestOfBoth(
    () => scanText(small, opts),
    () => {
      findings = scanText(big, opts).findings;
    },
  );
  expect(tBig / Math.max(tSmall, 1)).toBeLessThan(8);
  return findings;
}

/** One line of about `bytes` characters: `unit` repeated. */
export function oneLine(unit: string, bytes: number): string {
  return unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));
}

/** About `bytes` characters of `line`, one per line. */
export function manyLines(line: string, bytes: number): string {
  return `${line}\n`.repeat(Math.max(1, Math.floor(bytes / (line.length + 1))));
}

/**
 * The same check on `recognize()` alone with the whole line: the scanner cuts lines at 64 KB,
 * but a recogniser's regexes must not rely on that.
 */
export function expectLinearRecognize(recognizer: Recognizer, make: (bytes: number) => string): void {
  const event = (text: string): LogEvent => ({lines: [{line: 1, text, timestamp: null}], text, line: 1, endLine: 1});
  const small = event(make(1 << 20));
  const big = event(make(4 << 20));
  recognizer.recognize(small);
  const [tSmall, tBig] = bestOfBoth(
    () => recognizer.recognize(small),
    () => recognizer.recognize(big),
  );
  expect(tBig / Math.max(tSmall, 1)).toBeLessThan(8);
}
