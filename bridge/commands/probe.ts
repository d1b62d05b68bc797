// apm-doctor probe [--format text|json] [TARGET] [--timeout MS] [--write-check]
//                  [--docker CONTAINER | --k8s [NAMESPACE/]POD [-c CONTAINER] [--context CTX]] [--lang en|ko]
// JSON: exactly one ProbeResult object (SPEC §4). Exit: 0 the agent answered, 1 it didn't (or
// the probe could not run there), 2 bad usage or a bad target.
import {renderMsg, t} from '../../shared/i18n/index';
import {PROBE_DEFAULTS} from '../../shared/probe/types';
import type {Command} from '../io';
import {ProbeFailure, runProbe} from '../probe/index';
import {renderProbeText} from '../probe/render';
import {openVantageCommand, untilInterrupted} from './vantage-args';

export const run: Command = async (argv, io) => {
  const cmd = openVantageCommand('probe', argv, io, {values: ['timeout'], flags: ['write-check'], maxPositionals: 1});
  if (typeof cmd === 'number') return cmd;
  const {args, locale, format, vantage, usage} = cmd;
  let timeoutMs: number | undefined;
  const timeoutText = args.values['timeout'];
  if (timeoutText !== undefined) {
    timeoutMs = /^\d{1,6}$/.test(timeoutText) ? Number(timeoutText) : NaN;
    if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > PROBE_DEFAULTS.maxTimeoutMs) {
      return usage(t(locale, 'probe_cli_err_timeout', {max: String(PROBE_DEFAULTS.maxTimeoutMs)}));
    }
  }
  try {
    const result = await untilInterrupted((signal) => runProbe(args.positionals[0] ?? null, vantage, {timeoutMs, writeCheck: args.flags.has('write-check')}, {signal, env: {...io.env}}));
    io.out(format === 'json' ? `${JSON.stringify(result)}\n` : renderProbeText(result, locale, io.isTty));
    return result.verdict.ok ? 0 : 1;
  } catch (e) {
    if (!(e instanceof ProbeFailure)) throw e;
    const text = renderMsg(locale, e.msg);
    const shown =
      e.code === 'bad-target' && e.detail ? t(locale, 'probe_target_err_env', {name: e.detail, reason: text}) : e.detail && !e.isBadInput && !text.includes(e.detail) ? `${text}\n  ${e.detail}` : text;
    io.err(`apm-doctor probe: ${shown}\n`);
    return e.isBadInput ? 2 : 1;
  }
};
