// apm-doctor status [--format text|json] [--docker CONTAINER | --k8s [NAMESPACE/]POD [-c C] [--context CTX]] [--lang en|ko]
// Runs `agent status` where the agent runs and prints its APM section, parsed. Exit: 0 APM is
// running, 1 it isn't or the status could not be read (the message says what to try next),
// 2 bad usage.
import type {Command} from '../io';
import {ProbeFailure} from '../probe/failure';
import {collectStatus} from '../status/index';
import {renderStatusText} from '../status/render';
import {openVantageCommand, untilInterrupted} from './vantage-args';

export const run: Command = async (argv, io) => {
  const cmd = openVantageCommand('status', argv, io, {maxPositionals: 0});
  if (typeof cmd === 'number') return cmd;
  const {locale, format, vantage, usage} = cmd;
  try {
    const result = await untilInterrupted((signal) => collectStatus(vantage, {signal}));
    io.out(format === 'json' ? `${JSON.stringify(result)}\n` : renderStatusText(result, locale, io.isTty));
    return result.error === null && result.apm?.state === 'running' ? 0 : 1;
  } catch (e) {
    if (e instanceof ProbeFailure && e.isBadInput) return usage(e.message);
    throw e;
  }
};
