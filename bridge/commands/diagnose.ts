// apm-doctor diagnose [--format text|json] [--env ENV] [--lang en|ko] [FILE]
// Reads FILE (or stdin) piece by piece through the streaming scanner, so a 100 MB log never
// becomes one string; prints NDJSON (SPEC §4) or a terminal report.
import {closeSync, openSync, statSync} from 'node:fs';
import {StringDecoder} from 'node:string_decoder';
import {Scanner, toFindingJson, ENVS, type DiagnosedFinding, type Env} from '../../shared/engine/api';
import {renderMsg, t, type Locale} from '../../shared/i18n/index';
import {cliLocale, type Command} from '../io';
import {wasmHintFinder} from '../hint-finder/index';
import {readLinePieces} from '../line-pieces';
import {PARALLEL_MIN_BYTES, scanFile} from '../scan-parallel';
import {parseArgs} from './args';

/** Reads a file or stdin through `onChunk`; throws a readable Error on failure. */
async function readInput(file: string | undefined, onChunk: (text: string) => void): Promise<void> {
  if (file === undefined || file === '-') {
    const decoder = new StringDecoder('utf8');
    for await (const chunk of process.stdin) onChunk(decoder.write(chunk as Buffer));
    const rest = decoder.end();
    if (rest) onChunk(rest);
    return;
  }
  const fd = openSync(file, 'r');
  try {
    readLinePieces(fd, onChunk);
  } finally {
    closeSync(fd);
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

export const run: Command = async (argv, io) => {
  const args = parseArgs(argv, {values: ['format', 'env', 'lang']});
  if ('error' in args) {
    io.err(`apm-doctor diagnose: ${args.error}\nusage: apm-doctor diagnose [--format text|json] [--env ENV] [--lang en|ko] [FILE]\n`);
    return 2;
  }
  const format = args.values['format'] ?? 'text';
  if (format !== 'text' && format !== 'json') {
    io.err(`apm-doctor diagnose: --format must be text or json, not '${format}'\n`);
    return 2;
  }
  const env = (args.values['env'] ?? 'unknown') as Env;
  if (!ENVS.includes(env)) {
    io.err(`apm-doctor diagnose: --env must be one of ${ENVS.join(', ')}\n`);
    return 2;
  }
  if (args.positionals.length > 1) {
    io.err('apm-doctor diagnose: give at most one FILE (or none for stdin)\n');
    return 2;
  }
  const locale = cliLocale(io, args.values['lang']);
  const scanner = new Scanner({env, hintFinder: wasmHintFinder});
  const shown = new Map<string, number>();
  let count = 0;
  const emit = (findings: readonly DiagnosedFinding[]) => {
    if (findings.length === 0) return;
    count += findings.length;
    io.out(findings.map((f) => (format === 'json' ? `${JSON.stringify(toFindingJson(f, locale))}\n` : renderText(f, locale, io.isTty, shown))).join(''));
  };
  const file = args.positionals[0];
  try {
    const st = file !== undefined && file !== '-' ? statSync(file) : null;
    if (st?.isFile() && st.size >= PARALLEL_MIN_BYTES) {
      emit((await scanFile(file as string, st.size, {env})).findings);
      return 0;
    }
    await readInput(file, (text) => emit(scanner.push(text).findings));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    io.err(`apm-doctor diagnose: cannot read ${args.positionals[0] ?? 'stdin'}: ${err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.message}\n`);
    return 2;
  }
  emit(scanner.finish().findings);
  if (format === 'text' && count === 0) io.err(`${t(locale, 'cli_no_findings')}\n`);
  return 0;
};
