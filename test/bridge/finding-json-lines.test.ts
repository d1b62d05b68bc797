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

  it.each(['en', 'ko'] as const)('writes a batch as the same lines, in order, each ending in a newline (%s)', (locale) => {
    const lines = new FindingJsonLines(locale);
    const expected = findings.map((f) => `${JSON.stringify(toFindingJson(f, locale))}\n`).join('');
    expect(lines.lines(findings).toString('utf8')).toBe(expected);
    expect(lines.lines([...findings].reverse()).toString('utf8')).toBe(findings.map((f) => `${JSON.stringify(toFindingJson(f, locale))}\n`).reverse().join(''));
    expect(lines.lines([]).length).toBe(0);
  });

  it('keeps control characters, quotes, lone surrogates and non-Latin-1 text in a target and excerpt exact', () => {
    const base = findings[0];
    if (!base) throw new Error('no findings');
    const odd = {...base, excerpt: 'a\nb\u2028"c"\ud800 에이전트 \u0000', target: {...base.target, host: 'h\nost\u00e9\udc00'}, timestamp: '2026\n"x"'};
    const lines = new FindingJsonLines('ko');
    const out = lines.lines([odd, base, odd]).toString('utf8');
    expect(out).toBe([odd, base, odd].map((f) => `${JSON.stringify(toFindingJson(f, 'ko'))}\n`).join(''));
    expect(out.split('\n').slice(0, -1).map((l) => JSON.parse(l).excerpt)).toEqual([odd.excerpt, base.excerpt, odd.excerpt]);
  });

  it('writes a line longer than its 64 KB chunk whole, between the others, through any sink', () => {
    const base = findings[0];
    if (!base) throw new Error('no findings');
    const huge = {...base, excerpt: '에이전트 '.repeat(8000)};
    const batch = [base, huge, base, ...findings.slice(1, 200)];
    const chunks: Buffer[] = [];
    new FindingJsonLines('en').write(batch, (b) => chunks.push(Buffer.from(b)));
    expect(chunks.length).toBeGreaterThan(2);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(batch.map((f) => `${JSON.stringify(toFindingJson(f, 'en'))}\n`).join(''));
  });
});
