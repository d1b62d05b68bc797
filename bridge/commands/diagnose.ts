// apm-doctor diagnose [--format text|json] [--env ENV] [--lang en|ko] [FILE]
// Reads FILE (or stdin) in blocks through the hint sieve (hint-sieve.ts), so a 100 MB log never
// becomes one string and most of it never becomes a string at all; prints NDJSON (SPEC §4) or a
// terminal report.
import {closeSync, fstatSync, openSync} from 'node:fs';
import {Scanner} from '../../shared/engine/scan';
import {ENVS, type Env, type RawFinding} from '../../shared/engine/types';
import {wasmHintFinder} from '../hint-finder/index';
import {sieveLines, type SieveTarget} from '../hint-sieve';
import {cliLocale, type Command} from '../io';
import {parseArgs} from './args';
import {Report} from './diagnose-report';

/**
 * Reads a file or stdin into `target`; throws a readable Error on failure. Stdin is read with
 * blocking reads of 1 MB, like a file: read as a stream it came in 64 KB chunks, each a trip
 * through the event loop, and `diagnose < big.log` spent a quarter of its time waiting for them.
 */
function readInput(file: string | undefined, live: boolean, target: SieveTarget): void {
  if (file === undefined || file === '-') {
    sieveLines(0, target, {live});
    return;
  }
  const fd = openSync(file, 'r');
  try {
    sieveLines(fd, target);
  } finally {
    closeSync(fd);
  }
}

/** `diagnose`'s options that take a value. */
const VALUES = ['format', 'env', 'lang'];
/** Findings diagnosed and written together at most (a bound on what waits in memory). */
const EMIT_BATCH = 4096;
/** What a pipe holds (Linux's default): a read that got this much means the writer is ahead of us. */
const PIPE_FULL = 64 * 1024;

export const run: Command = async (argv, io) => {
  const args = parseArgs(argv, {values: VALUES});
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
    const report = new Report(format, locale, io);
    const scanner = new Scanner({env, hintFinder: wasmHintFinder});
    const live = (file === undefined || file === '-') && !fstatSync(0).isFile();
    // Findings are diagnosed and written in batches: findings diagnosed together share the work
    // for the ones that repeat, and get as context every config line seen by then (a file's: all
    // of them, unless it has more than EMIT_BATCH findings). A pipe's go out as soon as the
    // writer is not ahead of us, so `kubectl logs -f | apm-doctor diagnose` shows each as it comes.
    let raw: RawFinding[] = [];
    const emitRaw = () => {
      if (raw.length) report.emit(scanner.diagnoseRaw(raw));
      raw = [];
    };
    readInput(file, live, {
      scanner,
      text: (text) => {
        for (const f of scanner.pushRaw(text)) raw.push(f);
      },
      blockDone: (bytesRead) => (raw.length >= EMIT_BATCH || (live && bytesRead < PIPE_FULL) ? emitRaw() : undefined),
    });
    report.emit(scanner.finish(raw).findings);
    report.end();
    return 0;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    io.err(`apm-doctor diagnose: cannot read ${args.positionals[0] ?? 'stdin'}: ${err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.message}\n`);
    return 2;
  }
};
