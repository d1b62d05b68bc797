// Keeps shared/rules/, its list, RULE_IDS and the rule texts in step (STYLE §2, §13): every rule file
// is registered under its file name and id, names real causes and envs, carries examples both
// ways with provenance, and has English and Korean text for every message it can emit.
import {readdirSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {beforeAll, describe, expect, it} from 'vitest';
import {scanText} from '../../../shared/engine/scan';
import {CAUSES, ENVS, type DiagnosisRule, type Msg} from '../../../shared/engine/types';
import {messages, renderMsg} from '../../../shared/i18n/index';
import {ruleMessages} from '../../../shared/i18n/rules';
import {RULE_IDS} from '../../../shared/rules/ids';
import {rules} from '../../../shared/rules/index';
import {cases} from './_matrix';

const dir = fileURLToPath(new URL('../../../shared/rules/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
// The list and the id catalogue are not rules; helper modules say so with a leading underscore.
const NOT_RULES = ['index.ts', 'ids.ts'];
const helpers = files.filter((f) => f.startsWith('_'));
const ruleFiles = files.filter((f) => !f.startsWith('_') && !NOT_RULES.includes(f));
const idOf = (file: string) => file.replace(/\.ts$/, '');

async function load(file: string): Promise<Record<string, unknown>> {
  return (await import(`../../../shared/rules/${idOf(file)}.ts`)) as Record<string, unknown>;
}

/** Every message each rule emits: on its own examples (every finding of each) and across the synthetic matrix. */
function emitted(): Map<string, Map<string, Msg>> {
  const out = new Map<string, Map<string, Msg>>(rules.map((r) => [r.id, new Map()]));
  const add = (r: DiagnosisRule, msgs: readonly Msg[]) => {
    const bucket = out.get(r.id)!;
    for (const m of msgs) bucket.set(`${m.key}|${JSON.stringify(m.subs ?? {})}`, m);
  };
  for (const r of rules) {
    for (const ex of [...r.examples.matches, ...r.examples.ignores]) {
      const {findings} = scanText(ex.text, {env: ex.env, facts: ex.facts});
      for (const f of findings) {
        const d = r.applies(f, {env: ex.env ?? 'unknown', facts: ex.facts ?? {}, findings, configs: []});
        if (d) add(r, [d.title, d.explanation, ...d.advice]);
      }
    }
  }
  for (const {f, ctx} of cases()) {
    for (const r of rules) {
      const d = r.applies(f, ctx);
      if (!d) continue;
      if (d.rule !== r.id) misnamed.add(`${r.id} returned ${d.rule}`);
      add(r, [d.title, d.explanation, ...d.advice]);
    }
  }
  return out;
}

const misnamed = new Set<string>();
let byRule = new Map<string, Map<string, Msg>>();
const emittedByRule = () => byRule;

// The matrix is large (a quarter of a million situations × every rule): walk it once.
beforeAll(() => {
  byRule = emitted();
}, 180_000);

describe('rule registry', () => {
  it('finds the rule files and helpers it expects', () => {
    expect(ruleFiles.length).toBeGreaterThan(0);
    expect(files).toEqual(expect.arrayContaining(NOT_RULES));
  });

  it.each(ruleFiles)('%s exports one rule, registered, whose id is its file name and in RULE_IDS', async (file) => {
    const mod = await load(file);
    const rule = mod.rule as DiagnosisRule | undefined;
    expect(rule?.id).toBe(idOf(file));
    expect(rules).toContain(rule);
    expect(RULE_IDS).toContain(idOf(file));
  });

  it.each(helpers)('%s is a helper, not a rule hiding from the registry', async (file) => {
    const mod = await load(file);
    expect(mod.rule).toBeUndefined();
    expect(rules.map((r) => r.id)).not.toContain(idOf(file).replace(/^_/, ''));
  });

  it('has a file and a list entry for every id in RULE_IDS, and nothing else', () => {
    expect(ruleFiles.map(idOf).sort()).toEqual([...RULE_IDS].sort());
    expect(rules.map((r) => r.id).sort()).toEqual([...RULE_IDS].sort());
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  });

  it.each(rules.map((r) => [r.id, r] as const))('%s names only real causes and envs, with examples both ways and sources', (_id, r) => {
    expect(r.causes.length).toBeGreaterThan(0);
    for (const c of r.causes) expect(CAUSES).toContain(c);
    for (const e of r.envs) expect(ENVS).toContain(e);
    expect(r.examples.matches.length).toBeGreaterThan(0);
    expect(r.examples.ignores.length).toBeGreaterThan(0);
    const examples = [...r.examples.matches, ...r.examples.ignores];
    for (const ex of examples) expect(ex.why.trim()).not.toBe('');
    for (const env of examples.flatMap((ex) => (ex.env ? [ex.env] : []))) expect(ENVS).toContain(env);
    expect(r.sources.length).toBeGreaterThan(0);
  });

  it.each(rules.map((r) => [r.id, r] as const))('%s has en and ko text, all placeholders filled, for every message it can emit', (id) => {
    const msgs = [...emittedByRule().get(id)!.values()];
    expect(msgs.length).toBeGreaterThan(0);
    const keys = new Set(msgs.map((m) => m.key));
    expect(keys).toContain(`rule_${id.replace(/-/g, '_')}_title`);
    for (const m of msgs) {
      expect(Object.keys(messages), `missing message ${m.key}`).toContain(m.key);
      for (const locale of ['en', 'ko'] as const) {
        const text = renderMsg(locale, m);
        expect(text, `${m.key} (${locale}) left a placeholder: ${text}`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('has every rule return diagnoses under its own id', () => {
    expect([...misnamed]).toEqual([]);
  });

  it('has no rule text that no rule emits', () => {
    const used = new Set([...emittedByRule().values()].flatMap((b) => [...b.values()].map((m) => m.key)));
    expect(Object.keys(ruleMessages).filter((k) => !used.has(k))).toEqual([]);
  });

  it('has Korean that is Korean, not a copy of the English', () => {
    for (const [key, entry] of Object.entries(ruleMessages)) {
      expect(entry.ko, `${key}`).toMatch(/[\uAC00-\uD7A3]/);
      expect(entry.ko, `${key}`).not.toBe(entry.en);
    }
  });
});
