// Types for the test that checks shared/engine/stage1-plan.ts is current.
import type {Stage1Plan} from '../shared/engine/raw-scan';

export function stage1PlanSource(plan: Stage1Plan): string;
