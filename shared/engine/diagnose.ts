// Findings → diagnoses: the first rule of shared/rules/index.ts that applies wins. The last
// rule (`check-agent`) applies to everything, so every finding gets advice.
import type {DiagnosedFinding, FindingJson, RawFinding, RuleContext, StartupConfig} from './types';
import {renderMsg, type Locale} from '../i18n/index';
import {rules} from '../rules/index';

export function diagnose(
  findings: readonly RawFinding[],
  ctx: Partial<Omit<RuleContext, 'findings'>> & {configs?: readonly StartupConfig[]},
): DiagnosedFinding[] {
  const full: RuleContext = {env: ctx.env ?? 'unknown', facts: ctx.facts ?? {}, findings, configs: ctx.configs ?? []};
  return findings.map((f) => {
    for (const rule of rules) {
      let d = null;
      try {
        d = rule.applies(f, full);
      } catch {
        // A faulty rule falls through to the next one rather than losing the finding.
        d = null;
      }
      if (d) return {...f, diagnosis: d};
    }
    throw new Error('the catch-all rule must apply to every finding');
  });
}

/** The NDJSON object of `apm-doctor diagnose --format json` (SPEC §4), rendered in one language. */
export function toFindingJson(f: DiagnosedFinding, locale: Locale): FindingJson {
  return {
    line: f.line,
    endLine: f.endLine,
    lang: f.lang,
    source: f.source,
    cause: f.cause,
    target: f.target,
    tracerVersion: f.tracerVersion,
    httpStatus: f.httpStatus,
    errorCode: f.errorCode,
    timestamp: f.timestamp,
    rule: f.diagnosis.rule,
    title: renderMsg(locale, f.diagnosis.title),
    explanation: renderMsg(locale, f.diagnosis.explanation),
    advice: f.diagnosis.advice.map((a) => renderMsg(locale, a)),
    excerpt: f.excerpt,
  };
}
