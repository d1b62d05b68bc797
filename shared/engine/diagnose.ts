import type {DiagnosedFinding, FindingJson, RawFinding, RuleContext} from './types';
import type {Locale} from '../i18n/index';

/** Applies the first matching rule of shared/rules/index.ts to each finding. */
export function diagnose(_findings: readonly RawFinding[], _ctx: Partial<RuleContext>): DiagnosedFinding[] {
  return [];
}

export function toFindingJson(_f: DiagnosedFinding, _locale: Locale): FindingJson {
  throw new Error('not yet');
}
