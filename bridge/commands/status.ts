// apm-doctor status [--format text|json] [--docker CONTAINER | --k8s [NAMESPACE/]POD [-c C] [--context CTX]] [--lang en|ko]
// Runs `agent status` where the agent runs and prints its APM section, parsed. Exit: 0 APM is
// running, 1 it isn't or the status could not be read (the message says what to try next),
// 2 bad usage.
import {t} from '../../shared/i18n/index';
import {cliLocale, type Command} from '../io';
import {ProbeFailure} from '../probe/failure';
import {collectStatus} from '../status/index';
import {renderStatusText} from '../status/render';
import {parseArgs} from './args';
import {vantageFromArgs} from './vantage-args';

export const run: Command = async (argv, io) => {
  const args = parseArgs(argv, {values: ['format', 'docker', 'k8s', 'container', 'context', 'lang'], aliases: {'-c': '--container'}});
  const locale = cliLocale(io, 'error' in args ? undefined : args.values['lang']);
  const usage = (why: string) => {
    io.err(`apm-doctor status: ${why}\n${t(locale, 'status_usage')}\n`);
    return 2;
  };
  if ('error' in args) return usage(args.error);
  const format = args.values['format'] ?? 'text';
  if (format !== 'text' && format !== 'json') return usage(t(locale, 'probe_cli_err_format'));
  if (args.positionals.length > 0) return usage(t(locale, 'probe_cli_err_arg', {arg: String(args.positionals[0]).slice(0, 80)}));
  const vantage = vantageFromArgs(args);
  if ('error' in vantage) return usage(t(locale, 'probe_cli_err_vantage', {reason: vantage.error}));
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  try {
    const result = await collectStatus(vantage, {signal: controller.signal});
    io.out(format === 'json' ? `${JSON.stringify(result)}\n` : renderStatusText(result, locale, io.isTty));
    return result.error === null && result.apm?.state === 'running' ? 0 : 1;
  } catch (e) {
    if (e instanceof ProbeFailure && e.isBadInput) return usage(e.message);
    throw e;
  } finally {
    process.removeListener('SIGINT', stop);
  }
};
