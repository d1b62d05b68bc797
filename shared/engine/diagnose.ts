// Findings → diagnoses: the first rule of shared/rules/index.ts that applies wins. The last
// rule (`check-agent`) applies to everything, so every finding gets advice.
import type {DiagnosedFinding, Diagnosis, FindingJson, RawFinding, RuleContext, StartupConfig} from './types';
import {renderMsg, type Locale} from '../i18n/index';
import {rules} from '../rules/index';

/** Findings that rules can't tell apart: same words, same address, same cause. */
function sameness(f: RawFinding): string {
  return `${f.recognizer}\u0000${f.lang}\u0000${f.source}\u0000${f.cause}\u0000${f.target.url}\u0000${f.target.socket}\u0000${f.httpStatus}\u0000${f.errorCode}\u0000${f.tracerVersion}\u0000${f.excerpt}`;
}

export function diagnose(
  findings: readonly RawFinding[],
  ctx: Partial<Omit<RuleContext, 'findings'>> & {configs?: readonly StartupConfig[]},
): DiagnosedFinding[] {
  // A failing tracer repeats itself (thousands of identical lines): rules look across findings
  // for evidence, so they see each distinct finding once and each distinct finding is diagnosed
  // once — O(n + d²) for d distinct findings instead of O(n²).
  const keys = findings.map(sameness);
  const byKey = new Map<string, RawFinding>();
  findings.forEach((f, i) => {
    const k = keys[i] as string;
    if (!byKey.has(k)) byKey.set(k, f);
  });
  const distinct = [...byKey.values()];
  const full: RuleContext = {env: ctx.env ?? 'unknown', facts: ctx.facts ?? {}, findings: distinct, configs: ctx.configs ?? []};
  const diagnoses = new Map<string, Diagnosis>();
  for (const [k, f] of byKey) diagnoses.set(k, firstDiagnosis(f, full));
  return findings.map((f, i) => ({...f, diagnosis: diagnoses.get(keys[i] as string) ?? firstDiagnosis(f, full)}));
}

function firstDiagnosis(f: RawFinding, ctx: RuleContext): Diagnosis {
  for (const rule of rules) {
    let d: Diagnosis | null;
    try {
      d = rule.applies(f, ctx);
    } catch {
      // A faulty rule falls through to the next one rather than losing the finding.
      d = null;
    }
    if (d) return d;
  }
  throw new Error('the catch-all rule must apply to every finding');
}

/** Rendered diagnoses: `diagnose` gives identical findings one shared Diagnosis, rendered once. */
const rendered = {en: new WeakMap<Diagnosis, Rendered>(), ko: new WeakMap<Diagnosis, Rendered>()} satisfies Record<Locale, WeakMap<Diagnosis, Rendered>>;
type Rendered = Pick<FindingJson, 'title' | 'explanation' | 'advice'>;

function render(d: Diagnosis, locale: Locale): Rendered {
  let r = rendered[locale].get(d);
  if (!r) {
    r = {title: renderMsg(locale, d.title), explanation: renderMsg(locale, d.explanation), advice: d.advice.map((a) => renderMsg(locale, a))};
    rendered[locale].set(d, r);
  }
  return r;
}

/** What a finding's NDJSON object holds before its rendered text: the same for every language. */
export type FindingJsonHead = Omit<FindingJson, 'title' | 'explanation' | 'advice' | 'excerpt'>;

export function findingJsonHead(f: DiagnosedFinding): FindingJsonHead {
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
  };
}

/** The NDJSON object of `apm-doctor diagnose --format json` (SPEC §4), rendered in one language. */
export function toFindingJson(f: DiagnosedFinding, locale: Locale): FindingJson {
  const {title, explanation, advice} = render(f.diagnosis, locale);
  return {...findingJsonHead(f), title, explanation, advice: [...advice], excerpt: f.excerpt};
}
