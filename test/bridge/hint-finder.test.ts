// The CLI's WebAssembly stage 1 (bridge/hint-finder): it must find exactly what `indexOf` finds,
// count newlines exactly, and leave every finding of the scanner unchanged — only faster.
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {Scanner, scanText, type FinderHint, type HintHits} from '../../shared/engine/scan';
import {recognizers} from '../../shared/tracers/index';
import {wasmHintFinder} from '../../bridge/hint-finder/index';
import {defaultPlan, planSource} from '../../bridge/hint-finder/make-plan';
import {PLAN} from '../../bridge/hint-finder/plan';
import {TEDDY_WASM_BASE64} from '../../bridge/hint-finder/teddy-wasm';
import {assembleTeddy} from '../../scripts/build-wasm.mjs';

const strong = [...new Set(recognizers.flatMap((r) => r.hints))];
const weak = new Set(recognizers.flatMap((r) => r.weakHints ?? []));
// The recognisers' hints, and a few words that overlap them.
const hints: FinderHint[] = [...strong, '8126', 'datadog', 'apm.sock'].map((text) => ({text, weak: weak.has(text)}));

/** Every occurrence of every hint, by `indexOf`: what the finder must report. */
function naive(text: string): {start: number; id: number; line: number}[] {
  const newlinesBefore = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) newlinesBefore[i + 1] = (newlinesBefore[i] ?? 0) + (text[i] === '\n' ? 1 : 0);
  const out: {start: number; id: number; line: number}[] = [];
  hints.forEach((h, id) => {
    for (let i = text.indexOf(h.text); i !== -1; i = text.indexOf(h.text, i + 1)) out.push({start: i, id, line: newlinesBefore[i] ?? -1});
  });
  return out.sort((a, b) => a.start - b.start || a.id - b.id);
}

function reported(r: HintHits | null): {start: number; id: number; line: number}[] {
  if (!r) throw new Error('the finder declined a text');
  const out = [];
  for (let i = 0; i < r.count; i++) out.push({start: r.starts[i] ?? -1, id: r.ids[i] ?? -1, line: r.lines[i] ?? -1});
  // Hints that start at the same offset may come in any order.
  return out.sort((a, b) => a.start - b.start || a.id - b.id);
}

const fragments = [
  ...hints.map((h) => h.text),
  ...hints.map((h) => h.text.slice(0, 5)),
  ...hints.map((h) => h.text.slice(-5)),
  '\n',
  ' ',
  'ordinary text ',
  '2026-11-25T10:00:00Z ',
  '\u0000',
  'é',
  '\u00ff',
  '\r\n',
];
const beyondLatin1 = /[^\0-\xff]/;

describe('WebAssembly hint finder', () => {
  it('is assembled from teddy.wat as committed (npm run wasm)', async () => {
    const bytes = await assembleTeddy();
    expect(bytes.toString('base64')).toBe(TEDDY_WASM_BASE64);
  });

  it("ships the plan for the recognisers' own hints as computed from them (npm run wasm)", () => {
    expect(planSource(PLAN)).toBe(planSource(defaultPlan()));
    // Every hint has a fingerprint inside it; a fingerprint of a common word would be verified on most lines.
    PLAN.hints.forEach((h, i) => expect((PLAN.offsets[i] ?? -1) + 4).toBeLessThanOrEqual(h.length));
    const grams = PLAN.hints.map((h, i) => h.slice(PLAN.offsets[i], (PLAN.offsets[i] ?? 0) + 4).toLowerCase());
    for (const common of ['rror', 'gent', 'data', 'http', 'trac', 'figu', 's to']) expect(grams).not.toContain(common);
  });

  it('finds every occurrence that indexOf finds, and counts newlines before each', () => {
    const finder = wasmHintFinder(hints);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), {maxLength: 300}).map((a) => a.join('')), (text) => {
        const r = finder.find(text);
        expect(reported(r)).toEqual(naive(text));
        expect(r?.newlines).toBe(text.split('\n').length - 1);
      }),
      {numRuns: 400},
    );
  });

  it('finds hints in arbitrary Latin-1 bytes, at the very start and end; declines text beyond Latin-1', () => {
    const finder = wasmHintFinder(hints);
    fc.assert(
      fc.property(fc.oneof(fc.string({unit: fc.integer({min: 0, max: 255}).map((c) => String.fromCharCode(c)), maxLength: 500}), fc.string({unit: 'binary', maxLength: 500})), fc.constantFrom(...hints.map((h) => h.text)), (noise, hint) => {
        for (const text of [hint + noise, noise + hint, hint, noise + hint + noise]) {
          // 上 is U+4E0A: as one byte it would be a newline, so such text is the regex's.
          const r = finder.find(text);
          expect(r && reported(r)).toEqual(beyondLatin1.test(text) ? null : naive(text));
        }
      }),
      {numRuns: 200},
    );
    expect(finder.find('上 ECONNREFUSED')).toBeNull();
  });

  it('keeps every result when one text holds more than a batch of them, and grows for long texts', () => {
    const finder = wasmHintFinder(hints);
    // 40,000 hits: more than one call of the search can return (16,384), over 2 MB of text.
    const text = Array.from({length: 40_000}, (_, i) => (i % 3 === 0 ? `x ECONNREFUSED ${'y'.repeat(40)}\n` : `ordinary line ${i} ${'z'.repeat(20)}\n`)).join('');
    const r = finder.find(text);
    expect(reported(r)).toEqual(naive(text));
    expect(r?.newlines).toBe(40_000);
    // A short text after a long one: nothing of the long one is left over.
    expect(reported(finder.find('none here'))).toEqual([]);
  });

  it('declines hints it cannot fingerprint, so the regex runs instead', () => {
    expect(wasmHintFinder([{text: 'abc', weak: false}]).find('abc')).toBeNull();
    expect(wasmHintFinder([{text: 'Agent … Error', weak: false}]).find('Agent … Error')).toBeNull();
  });
});

/** Findings as comparable data. */
const asData = (r: ReturnType<Scanner['finish']>) => JSON.stringify(r.findings.map((f) => [f.line, f.endLine, f.cause, f.recognizer, f.target, f.diagnosis.rule]));

function streamed(text: string, chunk: number, withFinder: boolean): string {
  const s = new Scanner(withFinder ? {hintFinder: wasmHintFinder} : {});
  const found = [];
  for (let i = 0; i < text.length; i += chunk) found.push(...s.push(text.slice(i, i + chunk)).findings);
  const end = s.finish();
  return asData({findings: [...found, ...end.findings], configs: end.configs});
}

describe('scanner with the WebAssembly finder', () => {
  const recorded = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? recorded(p) : [readFileSync(p, 'utf8')];
    });
  const logs = [
    ...recorded(new URL('../../../shared/fixtures/dd-trace-js/', import.meta.url).pathname),
    ...recognizers.flatMap((r) => [...r.examples.matches.map((m) => m.text), ...r.examples.ignores.map((i) => i.text)]),
  ];

  it('gives the same findings as the regex on every recorded dd-trace log and every recogniser example', () => {
    for (const log of logs) {
      expect(asData(scanText(log, {hintFinder: wasmHintFinder}))).toBe(asData(scanText(log)));
    }
    expect(logs.length).toBeGreaterThan(200);
  });

  it('gives the same findings and line numbers as the regex when streamed in chunks', () => {
    const all = logs.join('\n');
    const lookalikes = Array.from({length: 3000}, (_, i) => (i % 7 === 0 ? `2026-11-25 ERROR [db] connect ECONNREFUSED 10.0.4.12:5432 n=${i}` : `2026-11-25 INFO ok ${i} é`)).join('\n');
    const text = `${lookalikes}\n${all}\n${lookalikes}`;
    for (const chunk of [997, 4096, 65536]) {
      const expected = streamed(text, chunk, false);
      expect(JSON.parse(expected).length).toBeGreaterThan(100);
      expect(streamed(text, chunk, true)).toBe(expected);
    }
  });

  it('gives the same findings on hint soup streamed in random chunks', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments, 'Error: connect ECONNREFUSED 127.0.0.1:8126', '\n  errno: -111,', '\n}', '上'), {maxLength: 120}).map((a) => a.join('')), fc.integer({min: 1, max: 300}), (text, chunk) => {
        expect(streamed(text, chunk, true)).toBe(streamed(text, chunk, false));
      }),
      {numRuns: 150},
    );
  });
});
