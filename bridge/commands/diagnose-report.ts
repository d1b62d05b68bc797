// What `diagnose` writes: NDJSON lines (SPEC §4) or the terminal report, from diagnosed findings.
import {findingJsonHead, toFindingJson, type DiagnosedFinding} from '../../shared/engine/api';
import {renderMsg, t, type Locale} from '../../shared/i18n/index';
import type {Io} from '../io';

/**
 * `JSON.stringify(toFindingJson(f))`, byte for byte, for thousands of findings that share a few
 * diagnoses and excerpts (a failing tracer repeats itself): the diagnosis and the excerpt are
 * serialised and encoded once each, the rest per finding. Lines are built as UTF-8 bytes, not
 * joined as strings: the diagnosis text has characters beyond Latin-1 (→, —, Korean), which
 * made V8 build the joined output as a two-byte string and then encode it again (about half the
 * time `diagnose` spent after its scan on the bench log).
 */
export class FindingJsonLines {
  /** `,"title":…,"advice":[…],"excerpt":"…"}` and the newline, per diagnosis and excerpt text. */
  private readonly tails = new WeakMap<DiagnosedFinding['diagnosis'], Map<string, Buffer>>();
  /** The diagnosis part of those, per diagnosis. */
  private readonly diagnoses = new WeakMap<DiagnosedFinding['diagnosis'], string>();

  constructor(private readonly locale: Locale) {}

  /**
   * The NDJSON lines of `findings`, each ending in a newline, handed to `sink` a chunk at a time:
   * one buffer of CHUNK bytes, filled again once `sink` returned (it must copy what it keeps).
   * Each head is encoded straight into it and each tail copied with `set` (Buffer.concat and
   * subarray cost more per piece than these pieces cost to copy); a fresh buffer the size of
   * the whole output cost more still: here the first touch of each new page of memory is slow.
   */
  write(findings: readonly DiagnosedFinding[], sink: (bytes: Uint8Array) => void): void {
    const out = (this.chunk ??= Buffer.allocUnsafe(CHUNK));
    let at = 0;
    for (const f of findings) {
      const head = JSON.stringify(findingJsonHead(f)).slice(0, -1);
      const tail = this.tail(f);
      // The worst case: 3 UTF-8 bytes per UTF-16 unit.
      const need = head.length * 3 + tail.length;
      if (at + need > CHUNK && at > 0) {
        sink(out.subarray(0, at));
        at = 0;
      }
      if (need > CHUNK) {
        sink(Buffer.concat([Buffer.from(head), tail]));
        continue;
      }
      at += out.write(head, at);
      out.set(tail, at);
      at += tail.length;
    }
    if (at > 0) sink(out.subarray(0, at));
  }

  private chunk: Buffer | undefined;

  /** The NDJSON lines of `findings` in one buffer. */
  lines(findings: readonly DiagnosedFinding[]): Buffer {
    const parts: Buffer[] = [];
    this.write(findings, (b) => parts.push(Buffer.from(b)));
    return Buffer.concat(parts);
  }

  /** One line, without its newline (as `JSON.stringify` writes it). */
  line(f: DiagnosedFinding): string {
    return this.lines([f]).toString('utf8').slice(0, -1);
  }

  private tail(f: DiagnosedFinding): Buffer {
    let byExcerpt = this.tails.get(f.diagnosis);
    if (byExcerpt === undefined) this.tails.set(f.diagnosis, (byExcerpt = new Map()));
    let bytes = byExcerpt.get(f.excerpt);
    if (bytes === undefined) {
      let diagnosis = this.diagnoses.get(f.diagnosis);
      if (diagnosis === undefined) {
        const {title, explanation, advice} = toFindingJson(f, this.locale);
        diagnosis = JSON.stringify({title, explanation, advice}).slice(1, -1);
        this.diagnoses.set(f.diagnosis, diagnosis);
      }
      bytes = Buffer.from(`,${diagnosis},"excerpt":${JSON.stringify(f.excerpt)}}\n`);
      // Distinct excerpts are few when a tracer repeats itself; a log of all-different ones
      // must not make this cache hold the whole output.
      if (byExcerpt.size >= 256) byExcerpt.clear();
      byExcerpt.set(f.excerpt, bytes);
    }
    return bytes;
  }
}

/** What `FindingJsonLines.write` fills before it hands the bytes on. */
const CHUNK = 64 * 1024;

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
    if (this.format === 'json') this.json.write(findings, (bytes) => this.io.outBytes(bytes));
    else this.io.out(findings.map((f) => renderText(f, this.locale, this.io.isTty, this.shown)).join(''));
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
