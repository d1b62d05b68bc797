// The CLI's window on the world, passed to every command so tests can run a command
// in-process with captured output.
// Only the locale picker, not the string tables: every command starts through this file.
import {pickLocale, type Locale} from '../shared/i18n/table';
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

export function realIo(): Io {
  return {
    out: (text) => void process.stdout.write(text),
    outBytes: (bytes) => writeAllSync(1, bytes),
    err: (text) => void process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    isTty: Boolean(process.stdout.isTTY),
    env: process.env,
  };
}
