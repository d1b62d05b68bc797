// Runs every example of every rule through the whole engine (STYLE §3): recognisers, then the
// ordered rule list. A `matches` example must get its rule on its first finding; an `ignores`
// example must get another rule, or no finding at all.
import {describe, expect, it} from 'vitest';
import {scanText} from '../../../shared/engine/scan';
import {renderMsg} from '../../../shared/i18n/index';
import {rules} from '../../../shared/rules/index';

const matchRows = rules.flatMap((r) => r.examples.matches.map((ex, i) => ({id: `${r.id} #${i + 1}: ${ex.why}`, r, ex})));
const ignoreRows = rules.flatMap((r) => r.examples.ignores.map((ex, i) => ({id: `${r.id} #${i + 1}: ${ex.why}`, r, ex})));

describe('rule examples through the engine', () => {
  it.each(matchRows)('$id', ({r, ex}) => {
    const {findings} = scanText(ex.text, {env: ex.env, facts: ex.facts});
    expect(findings.length, `no finding for:\n${ex.text}`).toBeGreaterThan(0);
    const d = findings[0]!.diagnosis;
    expect(d.rule).toBe(r.id);
    // The catalogue fields say the truth: the rule lists the cause it matched, and an
    // environment-specific rule matches only in its environments (or where none was chosen).
    expect(r.causes).toContain(findings[0]!.cause);
    expect(r.envs.length === 0 ? [ex.env ?? 'unknown'] : [...r.envs, 'unknown']).toContain(ex.env ?? 'unknown');
    for (const locale of ['en', 'ko'] as const) {
      for (const m of [d.title, d.explanation, ...d.advice]) expect(renderMsg(locale, m)).not.toMatch(/\{\w+\}/);
    }
  });

  it.each(ignoreRows)('$id (not this rule)', ({r, ex}) => {
    const {findings} = scanText(ex.text, {env: ex.env, facts: ex.facts});
    expect(findings[0]?.diagnosis.rule ?? null).not.toBe(r.id);
  });
});
