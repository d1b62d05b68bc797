// The CLI's window on the world, passed to every command so tests can run a command
// in-process with captured output.
// Only the locale picker, not the string tables: every command starts through this file.
import {pickLocale, type Locale} from '../shared/i18n/table';
import {isatty} from 'node:tty';
import {writeAllSync} from './fd-io';

export interface Io {
  out(text: string): void;
  /** Output that is already UTF-8 (diagnose's NDJSON); written (or copied) before it returns, the caller reuses the bytes. */
  outBytes(bytes: Uint8Array): void;
  err(text: string): void;
  /** Reads all of stdin as UTF-8. */
  readStdin(): Promise<string>;
  isTty: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

export type Command = (argv: readonly string[], io: Io) => Promise<number>;

/**
 * The CLI's language: `--lang`, else the POSIX locale variables in their order of precedence
 * (an empty one counts as unset), else English.
 */
export function cliLocale(io: Pick<Io, 'env'>, explicit?: string): Locale {
  const tag = [explicit, io.env['LC_ALL'], io.env['LC_MESSAGES'], io.env['LANG']].find((v) => v !== undefined && v !== '');
  return pickLocale(tag ?? 'en');
}

/**
 * process.stdout, with the handler that ends the process quietly when its reader leaves
 * (`apm-doctor diagnose big.log | head`). Made on first use: on a pipe, Node builds the stream
 * from its net and stream modules (~5 ms), and `diagnose --format json` never needs it (it
 * writes the descriptor itself, fd-io.ts).
 */
let stdoutReady = false;
function stdout(): NodeJS.WriteStream {
  if (!stdoutReady) {
    stdoutReady = true;
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  return process.stdout;
}

let stderrUsed = false;
function stderr(): NodeJS.WriteStream {
  stderrUsed = true;
  return process.stderr;
}

/**
 * Whether all a command wrote through process.stdout and process.stderr is with the OS (always,
 * on Linux: there they write synchronously; a pipe on macOS may still hold some). Only then may
 * the CLI exit at once.
 */
export function stdioFlushed(): boolean {
  return (!stdoutReady || process.stdout.writableLength === 0) && (!stderrUsed || process.stderr.writableLength === 0);
}

export function realIo(): Io {
  return {
    out: (text) => void stdout().write(text),
    outBytes: (bytes) => writeAllSync(1, bytes),
    err: (text) => void stderr().write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    isTty: isatty(1),
    env: process.env,
  };
}
