// The half of `diagnose` that needs the rules and their texts: diagnosis and rendering. Loaded
// after a large file's scan has started (diagnose.ts), so its parsing overlaps the worker's scan.
import {toFindingJson, type DiagnosedFinding, type Env} from '../../shared/engine/api';
import {joinPartialScans, Scanner, type PartialScan} from '../../shared/engine/scan';
import {renderMsg, t, type Locale} from '../../shared/i18n/index';
import type {Io} from '../io';
import {wasmHintFinder} from '../hint-finder/index';

export function streamScanner(env: Env): Scanner {
  return new Scanner({env, hintFinder: wasmHintFinder});
}

export function joinParts(parts: readonly PartialScan[], env: Env): DiagnosedFinding[] {
  return joinPartialScans(parts, {env}).findings;
}

/**
 * `JSON.stringify(toFindingJson(f))`, byte for byte, for thousands of findings that share a few
 * diagnoses and excerpts (a failing tracer repeats itself): the diagnosis and the excerpt are
 * serialised once each, the rest per finding.
 */
export class FindingJsonLines {
  private readonly diagnoses = new WeakMap<DiagnosedFinding['diagnosis'], string>();
  private readonly excerpts = new Map<string, string>();

  constructor(private readonly locale: Locale) {}

  line(f: DiagnosedFinding): string {
    const {title, explanation, advice, excerpt, ...head} = toFindingJson(f, this.locale);
    let diagnosis = this.diagnoses.get(f.diagnosis);
    if (diagnosis === undefined) {
      diagnosis = JSON.stringify({title, explanation, advice}).slice(1, -1);
      this.diagnoses.set(f.diagnosis, diagnosis);
    }
    let ex = this.excerpts.get(excerpt);
    if (ex === undefined) {
      ex = JSON.stringify(excerpt);
      if (this.excerpts.size >= 1024) this.excerpts.clear();
      this.excerpts.set(excerpt, ex);
    }
    return `${JSON.stringify(head).slice(0, -1)},${diagnosis},"excerpt":${ex}}`;
  }
}

/** Writes findings as NDJSON or as the terminal report; counts them. */
export class Report {
  count = 0;
  private readonly shown = new Map<string, number>();
  private readonly json: FindingJsonLines;

  constructor(
    private readonly format: 'text' | 'json',
    private readonly locale: Locale,
    private readonly io: Io,
  ) {
    this.json = new FindingJsonLines(locale);
  }

  emit(findings: readonly DiagnosedFinding[]): void {
    if (findings.length === 0) return;
    this.count += findings.length;
    this.io.out(findings.map((f) => (this.format === 'json' ? `${this.json.line(f)}\n` : renderText(f, this.locale, this.io.isTty, this.shown))).join(''));
  }


  /** The text report says so when there was nothing (JSON stays empty: no lines, no findings). */
  end(): void {
    if (this.format === 'text' && this.count === 0) this.io.err(`${t(this.locale, 'cli_no_findings')}\n`);
  }
}

/**
 * One finding for a terminal. A failing tracer repeats itself, so a diagnosis already printed in
 * full (same rule, same address) is shown again as its head line and a pointer, not re-explained.
 */
function renderText(f: DiagnosedFinding, locale: Locale, color: boolean, shown: Map<string, number>): string {
  const c = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const where = f.target.url ?? f.target.socket ?? '?';
  const lines = f.line === f.endLine ? `${f.line}` : `${f.line}-${f.endLine}`;
  const head = `${c('2', `line ${lines}`)}  ${t(locale, `lang_${f.lang}`)}${f.tracerVersion ? ` ${f.tracerVersion}` : ''}  ${c('33', t(locale, `cause_${f.cause}`))}  ${where}`;
  const key = `${f.diagnosis.rule}\u0000${where}`;
  const first = shown.get(key);
  if (first !== undefined) return `${head}\n  ${c('2', t(locale, 'cli_same_as_line', {line: String(first), rule: f.diagnosis.rule}))}\n\n`;
  shown.set(key, f.line);
  const out = [head, `  ${c('1;31', renderMsg(locale, f.diagnosis.title))}  ${c('2', `[${f.diagnosis.rule}]`)}`];
  out.push(`    ${renderMsg(locale, f.diagnosis.explanation)}`);
  for (const a of f.diagnosis.advice) out.push(`    ${c('36', '→')} ${renderMsg(locale, a)}`);
  return `${out.join('\n')}\n\n`;
}
