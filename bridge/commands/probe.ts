// apm-doctor probe [--format text|json] [TARGET] [--timeout MS] [--write-check]
//                  [--docker CONTAINER | --k8s [NAMESPACE/]POD [-c CONTAINER] [--context CTX]] [--lang en|ko]
// JSON: exactly one ProbeResult object (SPEC §4). Exit: 0 the agent answered, 1 it didn't (or
// the probe could not run there), 2 bad usage or a bad target.
import {renderMsg, t} from '../../shared/i18n/index';
import {PROBE_DEFAULTS} from '../../shared/probe/types';
import {cliLocale, type Command} from '../io';
import {ProbeFailure, runProbe} from '../probe/index';
import {renderProbeText} from '../probe/render';
import {parseArgs} from './args';
import {vantageFromArgs} from './vantage-args';

export const run: Command = async (argv, io) => {
  const args = parseArgs(argv, {values: ['format', 'timeout', 'docker', 'k8s', 'container', 'context', 'lang'], flags: ['write-check'], aliases: {'-c': '--container'}});
  const locale = cliLocale(io, 'error' in args ? undefined : args.values['lang']);
  const usage = (why: string) => {
    io.err(`apm-doctor probe: ${why}\n${t(locale, 'probe_usage')}\n`);
    return 2;
  };
  if ('error' in args) return usage(args.error);
  const format = args.values['format'] ?? 'text';
  if (format !== 'text' && format !== 'json') return usage(t(locale, 'probe_cli_err_format'));
  if (args.positionals.length > 1) return usage(t(locale, 'probe_cli_err_arg', {arg: String(args.positionals[1]).slice(0, 80)}));
  let timeoutMs: number | undefined;
  const timeoutText = args.values['timeout'];
  if (timeoutText !== undefined) {
    timeoutMs = /^\d{1,6}$/.test(timeoutText) ? Number(timeoutText) : NaN;
    if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > PROBE_DEFAULTS.maxTimeoutMs) {
      return usage(t(locale, 'probe_cli_err_timeout', {max: String(PROBE_DEFAULTS.maxTimeoutMs)}));
    }
  }
  const vantage = vantageFromArgs(args);
  if ('error' in vantage) return usage(t(locale, 'probe_cli_err_vantage', {reason: vantage.error}));

  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  try {
    const result = await runProbe(args.positionals[0] ?? null, vantage, {timeoutMs, writeCheck: args.flags.has('write-check')}, {signal: controller.signal, env: {...io.env}});
    io.out(format === 'json' ? `${JSON.stringify(result)}\n` : renderProbeText(result, locale, io.isTty));
    return result.verdict.ok ? 0 : 1;
  } catch (e) {
    if (!(e instanceof ProbeFailure)) throw e;
    const text = renderMsg(locale, e.msg);
    const shown =
      e.code === 'bad-target' && e.detail ? t(locale, 'probe_target_err_env', {name: e.detail, reason: text}) : e.detail && !e.isBadInput && !text.includes(e.detail) ? `${text}\n  ${e.detail}` : text;
    io.err(`apm-doctor probe: ${shown}\n`);
    return e.isBadInput ? 2 : 1;
  } finally {
    process.removeListener('SIGINT', stop);
  }
};
