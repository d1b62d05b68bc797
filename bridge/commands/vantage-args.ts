// `--docker C | --k8s [NS/]POD [-c C] [--context CTX]` → a validated Vantage (probe and status).
import {t, type Locale} from '../../shared/i18n/index';
import {validateVantage, type Vantage} from '../../shared/probe/types';
import {cliLocale, type Io} from '../io';
import {parseArgs, type ParsedArgs} from './args';

export function vantageFromArgs(args: ParsedArgs): Vantage | {error: string} {
  const docker = args.values['docker'];
  const k8s = args.values['k8s'];
  const container = args.values['container'];
  const context = args.values['context'];
  if (docker !== undefined && k8s !== undefined) return {error: 'use --docker or --k8s, not both'};
  if (docker !== undefined) {
    if (container !== undefined || context !== undefined) return {error: '-c/--context go with --k8s'};
    return validateVantage({kind: 'docker', container: docker});
  }
  if (k8s !== undefined) {
    const slash = k8s.indexOf('/');
    const raw: Record<string, string> = {kind: 'k8s', pod: slash < 0 ? k8s : k8s.slice(slash + 1)};
    if (slash >= 0) raw['namespace'] = k8s.slice(0, slash);
    if (container !== undefined) raw['container'] = container;
    if (context !== undefined) raw['context'] = context;
    return validateVantage(raw);
  }
  if (container !== undefined || context !== undefined) return {error: '-c/--context go with --k8s'};
  return {kind: 'local'};
}

/** What `probe` and `status` share once their command line is read. */
export interface VantageCommand {
  args: ParsedArgs;
  locale: Locale;
  format: 'text' | 'json';
  vantage: Vantage;
  /** Prints `why` and the command's usage to stderr; returns exit code 2. */
  usage: (why: string) => number;
}

/**
 * Reads `apm-doctor <name> [--format text|json] [--lang L] [--docker C | --k8s …] [extra…] [positionals]`.
 * Returns the exit code (2) when the line is wrong, after saying why.
 */
export function openVantageCommand(
  name: 'probe' | 'status',
  argv: readonly string[],
  io: Io,
  extra: {values?: readonly string[]; flags?: readonly string[]; maxPositionals: number},
): VantageCommand | number {
  const args = parseArgs(argv, {values: ['format', 'docker', 'k8s', 'container', 'context', 'lang', ...(extra.values ?? [])], flags: extra.flags ?? [], aliases: {'-c': '--container'}});
  const locale = cliLocale(io, 'error' in args ? undefined : args.values['lang']);
  const usage = (why: string) => {
    io.err(`apm-doctor ${name}: ${why}\n${t(locale, `${name}_usage`)}\n`);
    return 2;
  };
  if ('error' in args) return usage(args.error);
  const format = args.values['format'] ?? 'text';
  if (format !== 'text' && format !== 'json') return usage(t(locale, 'probe_cli_err_format'));
  const extraArg = args.positionals[extra.maxPositionals];
  if (extraArg !== undefined) return usage(t(locale, 'probe_cli_err_arg', {arg: extraArg.slice(0, 80)}));
  const vantage = vantageFromArgs(args);
  if ('error' in vantage) return usage(t(locale, 'probe_cli_err_vantage', {reason: vantage.error}));
  return {args, locale, format, vantage, usage};
}

/** Runs `job` with an AbortSignal that Ctrl-C fires, so a hanging probe or exec stops cleanly. */
export async function untilInterrupted<T>(job: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  try {
    return await job(controller.signal);
  } finally {
    process.removeListener('SIGINT', stop);
  }
}
