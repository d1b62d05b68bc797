// The words of the popover and of "Copy", from a finding and the page's environment.
import type {DiagnosedFinding, Env, Target} from '../../shared/engine/types';
import type {Locale} from '../../shared/i18n/index';
import {renderMsg, t} from '../../shared/i18n/index';
import type {EnvSource} from '../messages';

export interface EnvState {
  env: Env;
  source: EnvSource;
}

export function envKey(env: Env): string {
  return `env_${env.replace(/-/g, '_')}`;
}

export function targetText(locale: Locale, target: Target): string {
  if (target.socket) return t(locale, 'content_target_socket', {socket: target.socket});
  if (target.url) return target.url;
  if (target.host) return target.port === null ? target.host : `${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}`;
  return t(locale, 'content_target_unknown');
}

export function envText(locale: Locale, state: EnvState): string {
  return t(locale, state.source === 'override' ? 'content_env_override' : 'content_env_detected', {env: t(locale, envKey(state.env))});
}

/** Plain text for the clipboard: what a colleague or Datadog support needs to see. */
export function findingAsText(locale: Locale, f: DiagnosedFinding, lineText: string, env: EnvState, pageUrl: string): string {
  const lines = [
    `${t(locale, 'content_copy_heading')}: ${renderMsg(locale, f.diagnosis.title)}`,
    `${t(locale, 'content_cause')}: ${t(locale, `cause_${f.cause}`)}`,
    `${t(locale, 'content_lang')}: ${t(locale, `lang_${f.lang}`)} · ${t(locale, 'content_tracer_version')}: ${f.tracerVersion ?? t(locale, 'content_version_unknown')}`,
    `${t(locale, 'content_target')}: ${targetText(locale, f.target)}`,
    `${t(locale, 'content_env')}: ${envText(locale, env)}`,
    `${t(locale, 'content_copy_page')}: ${pageUrl}`,
    '',
    renderMsg(locale, f.diagnosis.explanation),
    '',
    `${t(locale, 'content_advice_heading')}:`,
    ...f.diagnosis.advice.map((a) => `- ${renderMsg(locale, a)}`),
    '',
    `${t(locale, 'content_log_line')}:`,
    f.excerpt || lineText,
  ];
  return `${lines.join('\n')}\n`;
}
