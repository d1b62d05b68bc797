// apm-doctor diagnose [--format text|json] [--env ENV] [--lang en|ko] [FILE]
// Reads FILE (or stdin) piece by piece through the streaming scanner, so a 100 MB log never
// becomes one string; prints NDJSON (SPEC §4) or a terminal report.
import {closeSync, fstatSync, openSync, statSync} from 'node:fs';
import {ENVS, type Env} from '../../shared/engine/types';
import {cliLocale, type Command} from '../io';
import {readLinePieces} from '../line-pieces';
import {scanFileParts} from '../scan-parallel';
import {DIAGNOSE_VALUES, PARALLEL_MIN_BYTES} from '../scan-prestart';
import {parseArgs} from './args';

/**
 * Reads a file or stdin through `onChunk`; throws a readable Error on failure. Stdin is read with
 * blocking reads of 1 MB, like a file: read as a stream it came in 64 KB chunks, each a trip
 * through the event loop, and `diagnose < big.log` spent a quarter of its time waiting for them.
 */
function readInput(file: string | undefined, onChunk: (text: string) => void): void {
  if (file === undefined || file === '-') {
    readLinePieces(0, onChunk, undefined, !fstatSync(0).isFile());
    return;
  }
  const fd = openSync(file, 'r');
  try {
    readLinePieces(fd, onChunk);
  } finally {
    closeSync(fd);
  }
}

export const run: Command = async (argv, io) => {
  const args = parseArgs(argv, {values: DIAGNOSE_VALUES});
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
  const file = args.positionals[0];
  try {
    const st = file !== undefined && file !== '-' ? statSync(file) : null;
    if (st?.isFile() && st.size >= PARALLEL_MIN_BYTES) {
      // The worker (started before this command loaded) scans while this thread scans its own
      // part; the rules and texts load after that, while the worker may still be at work.
      const parts = scanFileParts(file as string, st.size, {env});
      const {joinParts, Report} = await import('./diagnose-report');
      const report = new Report(format, locale, io);
      report.emit(joinParts(await parts, env));
      report.end();
      return 0;
    }
    const {streamScanner, Report} = await import('./diagnose-report');
    const report = new Report(format, locale, io);
    const scanner = streamScanner(env);
    readInput(file, (text) => report.emit(scanner.push(text).findings));
    report.emit(scanner.finish().findings);
    report.end();
    return 0;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    io.err(`apm-doctor diagnose: cannot read ${args.positionals[0] ?? 'stdin'}: ${err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.message}\n`);
    return 2;
  }
};
