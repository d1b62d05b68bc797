// Runs every example of every recogniser through the whole engine (STYLE §3): adding a
// recogniser means adding data, not a harness. Each `matches` example must give exactly the
// expected cause/target on its first finding; each `ignores` example must give no finding.
import {describe, expect, it} from 'vitest';
import {scanText} from '../../../shared/engine/scan';
import {recognizers} from '../../../shared/tracers/index';

const matchRows = recognizers.flatMap((r) => r.examples.matches.map((ex, i) => ({id: `${r.id} #${i + 1}`, r, ex})));
const ignoreRows = recognizers.flatMap((r) => r.examples.ignores.map((ex, i) => ({id: `${r.id} #${i + 1}: ${ex.why}`, r, ex})));

describe('recogniser examples through the engine', () => {
  it.each(matchRows)('$id is found with the expected cause and target', ({r, ex}) => {
    const {findings} = scanText(ex.text);
    expect(findings.length, `no finding for:\n${ex.text}`).toBeGreaterThan(0);
    const f = findings[0]!;
    const got: Record<string, unknown> = {cause: f.cause, host: f.target.host, port: f.target.port, socket: f.target.socket, url: f.target.url, tracerVersion: f.tracerVersion, httpStatus: f.httpStatus};
    // Only the fields the example states are compared.
    expect(Object.fromEntries(Object.keys(ex.expect).map((k) => [k, got[k]]))).toEqual(ex.expect);
    // A language recogniser names its language; the shared config/agent recognisers take it from the line.
    expect(r.lang === 'unknown' || f.lang === r.lang).toBe(true);
    // One event is one finding: a multi-line example must not split.
    expect(findings).toHaveLength(1);
  });

  it.each(ignoreRows)('$id gives no finding', ({ex}) => {
    expect(scanText(ex.text).findings).toEqual([]);
  });
});

describe('recogniser catalogue', () => {
  it.each(recognizers.map((r) => [r.id, r] as const))('%s has hints, sources and examples both ways', (_id, r) => {
    expect(r.hints.length).toBeGreaterThan(0);
    expect(r.sources.length).toBeGreaterThan(0);
    expect(r.examples.matches.length).toBeGreaterThan(0);
    expect(r.examples.ignores.length).toBeGreaterThan(0);
  });
});
