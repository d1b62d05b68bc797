// The scanner's regexes for the recognisers' own hints are computed ahead (stage1-plan.ts, by
// `npm run stage1`) so the content script doesn't build them in every page. The file must be
// what the recognisers give now, and a scanner must scan the same with it as without it.
import {readFileSync} from 'node:fs';
import {stage1PlanSource} from '../../../scripts/build-stage1.mjs';
import {describe, expect, it} from 'vitest';
import {planStage1, Scanner} from '../../../shared/engine/scan';
import {STAGE1_PLAN} from '../../../shared/engine/stage1-plan';
import {recognizers} from '../../../shared/tracers/index';
import type {Recognizer} from '../../../shared/engine/types';

describe('stage1-plan.ts', () => {
  it('is what `npm run stage1` writes for the recognisers as they are (run it after changing a hint)', () => {
    const file = readFileSync(new URL('../../../shared/engine/stage1-plan.ts', import.meta.url), 'utf8');
    expect(file).toBe(stage1PlanSource(planStage1(recognizers)));
    expect(STAGE1_PLAN.anchors.length).toBeGreaterThan(10);
  });

  it('gives the same findings as the regexes computed on the spot (a copy of the list is not the default list)', () => {
    // A copy of the list: compile() does not take the plan for it, it computes its own.
    const copy: Recognizer[] = [...recognizers];
    const texts = recognizers.flatMap((r) => r.examples.matches.map((m) => m.text));
    const key = (s: Scanner, t: string) => JSON.stringify(s.add(t).findings.map((f) => [f.line, f.endLine, f.cause, f.target, f.recognizer]));
    let found = 0;
    for (const t of texts) {
      const a = key(new Scanner({}), t);
      expect(key(new Scanner({recognizers: copy}), t), t).toBe(a);
      if (a !== '[]') found++;
    }
    expect(found).toBeGreaterThan(100);
  });
});
