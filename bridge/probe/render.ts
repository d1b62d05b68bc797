// ProbeResult → a terminal report (colour only on a TTY).
import {renderMsg, t, type Locale} from '../../shared/i18n/index';
import type {ProbeResult, ProbeStep, TargetRule, Vantage} from '../../shared/probe/types';

export type Paint = (code: string, s: string) => string;
export const painter = (color: boolean): Paint => (code, s) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);

const RULE_KEY: Record<TargetRule, string> = {
  argument: 'probe_rule_argument',
  DD_TRACE_AGENT_URL: 'probe_rule_dd_trace_agent_url',
  DD_AGENT_HOST: 'probe_rule_dd_agent_host',
  DD_TRACE_AGENT_PORT: 'probe_rule_dd_trace_agent_port',
  'default-socket': 'probe_rule_default_socket',
  default: 'probe_rule_default',
};

const STEP_KEY: Record<ProbeStep['step'], string> = {
  'resolve-target': 'probe_step_resolve_target',
  proxy: 'probe_step_proxy',
  dns: 'probe_step_dns',
  tcp: 'probe_step_tcp',
  'http-info': 'probe_step_http_info',
  'write-check': 'probe_step_write_check',
};

/** Terminal columns: Hangul and other East Asian wide characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
  }
  return w;
}

export function vantageText(locale: Locale, v: Vantage): string {
  if (v.kind === 'local') return t(locale, 'probe_vantage_local');
  if (v.kind === 'docker') return t(locale, 'probe_vantage_docker', {name: v.container});
  const name = `${v.context ? `${v.context}:` : ''}${v.namespace ? `${v.namespace}/` : ''}${v.pod}${v.container ? ` -c ${v.container}` : ''}`;
  return t(locale, 'probe_vantage_k8s', {name});
}

export function renderProbeText(r: ProbeResult, locale: Locale, color: boolean): string {
  const c = painter(color);
  const out: string[] = [];
  out.push(c('1', `${t(locale, 'probe_label_title')} — ${r.target.url}`));
  out.push(`  ${t(locale, 'probe_label_vantage')}: ${vantageText(locale, r.vantage)} · ${t(locale, 'probe_label_tool')}: ${r.tool}`);
  out.push('');
  const names = r.steps.map((s) => t(locale, STEP_KEY[s.step]));
  const width = Math.max(...names.map(displayWidth));
  const from = Object.entries(r.target.from).map(([k, v]) => `${k}=${v}`).join(' ');
  r.steps.forEach((s, i) => {
    const mark = s.status === 'ok' ? c('32', '✓') : s.status === 'fail' ? c('31', '✗') : c('2', '–');
    const name = names[i]!;
    const label = name + ' '.repeat(width - displayWidth(name));
    // The target line names its rule in the user's language (the step detail carries the rule id).
    const detail =
      s.step === 'resolve-target'
        ? `${r.target.url} (${from ? t(locale, 'probe_rule_from', {vars: from}) : t(locale, RULE_KEY[r.target.rule])})`
        : s.detail
          ? renderMsg(locale, s.detail)
          : t(locale, `probe_status_${s.status}`);
    // TCP lists each address with its own time; proxy/target take no time worth showing.
    const ms = s.ms !== null && s.status !== 'skip' && !['resolve-target', 'proxy', 'tcp'].includes(s.step) ? c('2', `  ${s.ms} ms`) : '';
    out.push(`  ${mark} ${label}  ${s.status === 'skip' ? c('2', detail) : detail}${ms}`);
  });
  if (r.info) {
    const i = r.info;
    const parts = [`${i.version ?? '?'}${i.gitCommit ? ` (${i.gitCommit})` : ''}`];
    if (i.config.receiverPort !== null) parts.push(`port ${i.config.receiverPort}`);
    if (i.config.receiverSocket) parts.push(`socket ${i.config.receiverSocket}`);
    out.push('');
    out.push(`  ${t(locale, 'probe_label_agent')}: ${parts.join(' · ')}`);
    if (i.endpoints.length) out.push(`  ${t(locale, 'probe_label_endpoints')}: ${i.endpoints.join(', ')}`);
  } else if (r.http?.excerpt) {
    out.push('');
    out.push(c('2', `  ${JSON.stringify(r.http.excerpt.slice(0, 120))}`));
  }
  out.push('');
  const v = r.verdict;
  const head = v.ok ? c('1;32', t(locale, 'probe_verdict_ok_short')) : c('1;31', t(locale, 'probe_verdict_fail_short'));
  out.push(`${t(locale, 'probe_label_verdict')}: ${head} — ${renderMsg(locale, v.summary)}`);
  if (v.rule) out.push(c('2', `${t(locale, 'probe_label_rule')}: ${v.rule}${v.cause ? ` (${v.cause})` : ''}`));
  out.push(c('2', `${t(locale, 'probe_label_total')}: ${r.totalMs} ms`));
  return `${out.join('\n')}\n`;
}
