// diagnose --format json writes each finding through FindingJsonLines (diagnosis and excerpt
// serialised once, reused); every line must be exactly JSON.stringify(toFindingJson(f)).
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {toFindingJson} from '../../shared/engine/api';
import {scanText} from '../../shared/engine/scan';
import {recognizers} from '../../shared/tracers/index';
import {FindingJsonLines} from '../../bridge/commands/diagnose-report';

const recorded = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? recorded(p) : [readFileSync(p, 'utf8')];
  });

describe('FindingJsonLines', () => {
  const logs = [...recorded(new URL('../../../shared/fixtures/dd-trace-js/', import.meta.url).pathname), ...recognizers.flatMap((r) => r.examples.matches.map((m) => m.text))];
  const findings = logs.flatMap((log) => scanText(log, {env: 'kubernetes'}).findings);

  it.each(['en', 'ko'] as const)('writes what JSON.stringify(toFindingJson) writes (%s), repeats included', (locale) => {
    expect(findings.length).toBeGreaterThan(300);
    const lines = new FindingJsonLines(locale);
    // Twice over: the second pass takes every diagnosis and excerpt from the caches.
    for (const f of [...findings, ...findings]) expect(lines.line(f)).toBe(JSON.stringify(toFindingJson(f, locale)));
  });
});
