// The catch-all is last and total: whatever the other rules say, every finding gets advice.
import {describe, expect, it} from 'vitest';
import {diagnose} from '../../../shared/engine/diagnose';
import {CAUSES, ENVS} from '../../../shared/engine/types';
import {rules} from '../../../shared/rules/index';
import {finding, TARGETS} from './_matrix';

describe('check-agent', () => {
  it('is the last rule of the list', () => {
    expect(rules.at(-1)?.id).toBe('check-agent');
    expect(rules.filter((r) => r.id === 'check-agent')).toHaveLength(1);
  });

  it.each(CAUSES)('applies to a %s finding from any source, in any environment, to any address', (cause) => {
    const check = rules.at(-1)!;
    for (const env of ENVS) {
      for (const source of ['tracer', 'agent', 'status'] as const) {
        for (const target of TARGETS) {
          const f = finding({cause, source, target});
          const d = check.applies(f, {env, facts: {}, findings: [f], configs: []});
          expect(d?.rule).toBe('check-agent');
          expect(d?.advice.length).toBeGreaterThan(0);
        }
      }
    }
  });

  it('lets diagnose() give every finding a rule of the list', () => {
    const ids = new Set(rules.map((r) => r.id));
    const all = CAUSES.flatMap((cause) => TARGETS.map((target) => finding({cause, target})));
    for (const env of ENVS) {
      for (const d of diagnose(all, {env})) expect(ids.has(d.diagnosis.rule)).toBe(true);
    }
  });
});
