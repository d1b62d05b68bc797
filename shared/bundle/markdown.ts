// The bundle as Markdown for the clipboard (a support ticket, a chat). Every heading and
// sentence comes from shared/i18n/bundle.ts; log lines, variables and commands go in code so
// nothing from a log is ever rendered as Markdown or HTML.
import type {ApmStatus, StatusResult} from '../agent/status-types';
import type {Msg} from '../engine/types';
import type {Locale} from '../i18n/index';
import {renderMsg, t} from '../i18n/index';
import type {ProbeResult} from '../probe/types';
import {scrubText} from '../scrub/index';
import {AGENT_YAML_KEYS} from './agent-yaml';
import type {BundleFinding, ContextLine, SupportBundle} from './types';

/** A fence longer than any backtick run inside, so log text can't close it (CommonMark). */
export function fence(body: string, info = ''): string {
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(Math.max(3, longest + 1));
  return `${f}${info}\n${body}\n${f}`;
}

export function code(s: string): string {
  const one = s.replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...[...one.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(longest + 1);
  const pad = one.startsWith('`') || one.endsWith('`') || longest > 0 ? ' ' : '';
  return `${f}${pad}${one}${pad}${f}`;
}

const envName = (locale: Locale, env: string) => t(locale, `env_${env.replace(/-/g, '_')}`);

function contextBlock(lines: readonly ContextLine[]): string {
  const width = String(Math.max(1, ...lines.map((l) => l.n))).length;
  return fence(lines.map((l) => `${l.hit ? '>' : ' '} ${String(l.n).padStart(width)} | ${l.text}`).join('\n'));
}

function targetText(f: BundleFinding): string | null {
  const tg = f.target;
  return tg.socket ?? tg.url ?? (tg.host !== null || tg.port !== null ? `${tg.host ?? '?'}:${tg.port ?? '?'}` : null);
}

function findingSection(locale: Locale, f: BundleFinding, i: number): string[] {
  const T = (key: string, subs?: Record<string, string>) => t(locale, key, subs);
  const meta = [
    f.endLine > f.line ? T('bundle_finding_lines', {from: String(f.line), to: String(f.endLine)}) : T('bundle_finding_line', {from: String(f.line)}),
    [t(locale, `lang_${f.lang}`), f.tracerVersion].filter(Boolean).join(' '),
    ...(targetText(f) ? [T('bundle_finding_target', {target: code(targetText(f) ?? '')})] : []),
    T('bundle_finding_rule', {rule: code(f.rule)}),
  ];
  const out = [`### ${T('bundle_finding_heading', {n: String(i + 1), cause: t(locale, `cause_${f.cause}`), title: renderMsg(locale, f.title)})}`, '', meta.join(' · '), ''];
  if (f.sameCount > 0) {
    const lines = f.sameOnLines.join(', ') + (f.sameCount > f.sameOnLines.length ? ', …' : '');
    out.push(T('bundle_finding_same', {count: String(f.sameCount), lines}), '');
  }
  out.push(contextBlock(f.context), '');
  if (f.omittedLines > 0) out.push(T('bundle_finding_omitted', {count: String(f.omittedLines)}), '');
  out.push(`> ${renderMsg(locale, f.explanation)}`, '');
  for (const a of f.advice) out.push(`- ${renderMsg(locale, a)}`);
  if (f.advice.length > 0) out.push('');
  return out;
}

function msgText(locale: Locale, m: Msg | null | undefined): string {
  return m && typeof m.key === 'string' ? renderMsg(locale, m) : '';
}

function probeSection(locale: Locale, p: ProbeResult): string[] {
  const T = (key: string, subs?: Record<string, string>) => t(locale, key, subs);
  const out: string[] = [];
  const summary = msgText(locale, p.verdict?.summary);
  out.push(`- ${p.verdict?.ok ? T('bundle_probe_ok') : T('bundle_probe_fail')}${summary ? ` ${summary}` : ''}`);
  const tg = p.target;
  if (tg) {
    const vantage = p.vantage?.kind === 'docker' ? `docker ${p.vantage.container}` : p.vantage?.kind === 'k8s' ? `k8s ${p.vantage.namespace ? `${p.vantage.namespace}/` : ''}${p.vantage.pod}` : 'local';
    out.push(`- ${T('bundle_probe_target', {target: code(tg.socket ?? tg.url ?? `${tg.host ?? ''}:${tg.port ?? ''}`), rule: code(String(tg.rule)), vantage: code(vantage)})}`);
  }
  if (p.dns) {
    const result = p.dns.error ? `${p.dns.error.code} ${p.dns.error.message}` : (p.dns.addresses ?? []).map((a) => a.address).join(', ') || '—';
    out.push(`- ${T('bundle_probe_dns', {host: code(p.dns.host), result: code(result)})}`);
  }
  for (const a of (p.tcp ?? []).slice(0, 8)) {
    const result = a.ok ? `ok${a.ms !== null ? ` (${a.ms} ms)` : ''}` : `${a.error?.code ?? 'failed'} ${a.error?.message ?? ''}`.trim();
    out.push(`- ${T('bundle_probe_tcp', {address: code(`${a.address}:${a.port}`), result: code(result)})}`);
  }
  if (p.unix) {
    const u = p.unix;
    const result = u.connect?.ok ? 'ok' : `exists=${String(u.exists)} socket=${String(u.isSocket)} mode=${u.mode ?? '?'} ${u.connect?.error?.code ?? ''}`.trim();
    out.push(`- ${T('bundle_probe_unix', {path: code(u.path), result: code(result)})}`);
  }
  if (p.http) {
    const h = p.http;
    const result = h.error ? `${h.error.code} ${h.error.message}` : `${h.status ?? '—'} ${h.outcome}${h.timings?.totalMs !== null && h.timings?.totalMs !== undefined ? `, ${h.timings.totalMs} ms` : ''}`;
    out.push(`- ${T('bundle_probe_http', {url: code(h.url), result: code(result)})}`);
    if (h.excerpt) out.push('', fence(h.excerpt), '');
  }
  if (p.info) {
    const c = p.info.config;
    out.push(`- ${T('bundle_probe_info', {version: code(p.info.version ?? '?'), port: code(String(c?.receiverPort ?? '?')), socket: code(c?.receiverSocket || '—')})}`);
  }
  if (typeof p.totalMs === 'number') out.push(`- ${T('bundle_probe_total', {ms: String(Math.round(p.totalMs))})}`);
  return out;
}

function apmLines(locale: Locale, apm: ApmStatus): string[] {
  const T = (key: string, subs?: Record<string, string>) => t(locale, key, subs);
  const out = [`- ${T('bundle_status_state', {state: T(`bundle_status_state_${apm.state.replace(/-/g, '_')}`)})}`];
  if (apm.unreachable) {
    out.push(`- ${T('bundle_status_unreachable', {address: code(`${apm.unreachable.host ?? '?'}:${apm.unreachable.port ?? '?'}`)})}`);
    if (apm.unreachableIsDebugPort) out.push(`- ${T('bundle_status_debug_port')}`);
  }
  if (apm.version) out.push(`- ${T('bundle_status_version', {version: code(apm.version)})}`);
  if (apm.receiver) out.push(`- ${T('bundle_status_receiver', {address: code(`${apm.receiver.host}:${apm.receiver.port}`)})}`);
  if (apm.udsReceiver) out.push(`- ${T('bundle_status_receiver', {address: code(apm.udsReceiver)})}`);
  const clients = (apm.clients ?? [])
    .slice(0, 10)
    .map((c) => [c.lang, c.langVersion, c.tracerVersion && `tracer ${c.tracerVersion}`, c.tracesReceived !== null && `${c.tracesReceived} traces`].filter(Boolean).join(' '));
  if (clients.length > 0) out.push(`- ${T('bundle_status_clients', {clients: clients.map(code).join(', ')})}`);
  if (apm.noTracesLastMinute) out.push(`- ${T('bundle_status_no_traces')}`);
  for (const w of (apm.warnings ?? []).slice(0, 10)) out.push(`- ${T('bundle_status_warning', {text: code(w)})}`);
  return out;
}

function statusSection(locale: Locale, s: StatusResult): string[] {
  const T = (key: string, subs?: Record<string, string>) => t(locale, key, subs);
  const out: string[] = [];
  if (s.command && s.command.length > 0) out.push(`- ${T('bundle_status_command', {command: code(s.command.join(' '))})}`);
  if (s.error) {
    const detail = [msgText(locale, s.error.message), msgText(locale, s.error.next)].filter(Boolean).join(' ');
    out.push(`- ${T('bundle_status_error', {message: `${code(s.error.code)} ${detail}`.trim()})}`);
    if (s.error.detail) out.push('', fence(s.error.detail), '');
  }
  if (s.apm) out.push(...apmLines(locale, s.apm));
  if (s.rawSection) out.push('', fence(s.rawSection), '');
  return out;
}

/** One blank line between blocks, however the sections were pushed; code blocks are left as they are. */
function tidy(lines: readonly string[]): string[] {
  const out: string[] = [];
  let fenceOpen: string | null = null;
  for (const l of lines) {
    if (fenceOpen === null) {
      if (l === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
      const m = /^(`{3,})/.exec(l);
      if (m) fenceOpen = m[1] ?? null;
    } else if (l === fenceOpen) {
      fenceOpen = null;
    }
    out.push(l);
  }
  while (out[out.length - 1] === '') out.pop();
  return out;
}

/** Renders a part; a malformed part (a probe object from an old bridge…) becomes one line, never a crash. */
function safe(render: () => string[]): string[] {
  try {
    return render();
  } catch (e) {
    return [`- ${e instanceof Error ? e.message : String(e)}`];
  }
}

export function renderBundleMarkdown(b: SupportBundle, locale: Locale): string {
  const T = (key: string, subs?: Record<string, string>) => t(locale, key, subs);
  let sec = 0;
  const h2 = (key: string) => `## ${++sec}. ${T(key)}`;
  const out: string[] = [`# ${T('bundle_title')}`, ''];
  out.push(T('bundle_generated', {time: b.generatedAt}) + (b.origin ? ` ${T('bundle_origin', {origin: code(b.origin)})}` : ''), '');
  out.push(`> ${T('bundle_redaction_note')}`, '');

  const env = b.environment;
  out.push(`## ${T('bundle_sec_summary')}`, '');
  const total = b.findings.reduce((n, f) => n + 1 + f.sameCount, 0) + b.findingsOmitted;
  out.push(`- ${total > 0 ? T('bundle_summary_findings', {count: String(total)}) : T('bundle_summary_none')}`);
  out.push(`- ${T('bundle_summary_env', {env: envName(locale, env.effective)})}`);
  if (b.probe?.target) {
    const tg = b.probe.target;
    out.push(`- ${T(b.probe.verdict?.ok ? 'bundle_summary_probe_ok' : 'bundle_summary_probe_fail', {target: code(tg.socket ?? tg.url ?? '')})}`);
  }
  out.push('');

  out.push(h2('bundle_sec_environment'), '');
  out.push(`- ${env.chosen ? T('bundle_env_chosen', {env: envName(locale, env.chosen)}) : T('bundle_summary_env', {env: envName(locale, env.effective)})}`);
  out.push(`- ${env.detected ? T('bundle_env_detected', {env: envName(locale, env.detected)}) : T('bundle_env_not_detected')}`);
  if (env.os) out.push(`- ${T('bundle_env_os', {os: code(env.os)})}`);
  if (env.container) {
    const details = [env.container.runtime, ...env.container.evidence].filter(Boolean).join('; ');
    out.push(`- ${env.container.inContainer ? T('bundle_env_container_yes', {details: code(details || '—')}) : T('bundle_env_container_no')}`);
  }
  if (env.kubernetes) out.push(`- ${env.kubernetes.inPod ? T('bundle_env_pod_yes') : T('bundle_env_pod_no')}`);
  for (const tr of env.tracers) {
    const name = [t(locale, `lang_${tr.lang}`), tr.tracerVersion, tr.langVersion && `(${tr.langVersion})`].filter(Boolean).join(' ');
    const details = [tr.service && `service=${tr.service}`, tr.env && `env=${tr.env}`, tr.version && `version=${tr.version}`, tr.agentUrl && `agent_url=${tr.agentUrl}`].filter(Boolean).join(' ');
    out.push(`- ${T('bundle_env_tracer', {tracer: `${name}${details ? ` ${code(details)}` : ''}`, from: msgText(locale, tr.from)})}`);
  }
  if (env.tracers.length === 0) out.push(`- ${T('bundle_env_no_tracer')}`);
  if (env.agentVersion) out.push(`- ${T('bundle_env_agent_version', {version: code(env.agentVersion)})}`);
  out.push('');

  out.push(h2('bundle_sec_proxy'), '');
  const px = b.proxy;
  if (!px.collected) out.push(`- ${T('bundle_proxy_not_collected')}`);
  else if (px.variables.length === 0) out.push(`- ${T('bundle_proxy_none')}`);
  for (const v of px.variables) out.push(`- ${code(v.name)}: ${code(v.value)}`);
  if (px.probe) {
    if (px.probe.capturesAgent) out.push(`- ${T('bundle_proxy_captures', {variable: code(px.probe.applies ?? '?')})}`);
    else if (px.probe.exemptedBy) out.push(`- ${T('bundle_proxy_exempt', {entry: code(px.probe.exemptedBy)})}`);
    else out.push(`- ${T('bundle_proxy_no_apply')}`);
    if (px.probe.loopbackTarget && px.variables.length > 0) out.push(`- ${T('bundle_proxy_loopback')}`);
  }
  if (b.configuration.agent?.found.includes('proxy')) out.push(`- ${T('bundle_proxy_yaml')}`);
  out.push('');

  out.push(h2('bundle_sec_port'), '');
  const port = b.agentPort;
  if (port.seen.length === 0) out.push(`- ${T('bundle_port_none')}`);
  else if (port.nonDefault.length > 0) out.push(`- ${T('bundle_port_non_default', {ports: port.nonDefault.map((p) => code(String(p))).join(', ')})}`);
  else if (port.seen.some((p) => p.port !== null)) out.push(`- ${T('bundle_port_default')}`);
  for (const p of port.seen) out.push(`  - ${T('bundle_port_seen', {address: code(p.socket ?? String(p.port)), where: msgText(locale, p.from)})}`);
  out.push('');

  out.push(h2('bundle_sec_config'), '', `### ${T('bundle_config_app')}`, '');
  const app = b.configuration.app;
  if (!app.collected) out.push(T('bundle_config_app_not_collected'));
  else if (app.variables.length === 0) out.push(T('bundle_config_app_none'));
  else out.push(fence(app.variables.map((v) => `${v.name}=${v.value}`).join('\n'), 'sh'));
  out.push('', `### ${T('bundle_config_agent')}`, '');
  const ag = b.configuration.agent;
  if (!ag) out.push(T('bundle_config_agent_not_given'));
  else {
    if (ag.path) out.push(`- ${T('bundle_config_agent_path', {path: code(ag.path)})}`);
    if (ag.problem) out.push(`- ${T('bundle_config_agent_problem', {problem: code(ag.problem)})}`);
    if (ag.text) out.push('', fence(ag.text, 'yaml'));
    else if (ag.text !== null) out.push(`- ${T('bundle_config_agent_empty', {keys: AGENT_YAML_KEYS.map(code).join(', ')})}`);
  }
  out.push('');

  out.push(h2('bundle_sec_logs'), '');
  if (b.findings.length === 0) out.push(T('bundle_logs_none'), '');
  b.findings.forEach((f, i) => out.push(...safe(() => findingSection(locale, f, i))));
  if (b.findingsOmitted > 0) out.push(T('bundle_findings_omitted', {count: String(b.findingsOmitted)}), '');
  if (b.startupLines.length > 0) out.push(`### ${T('bundle_startup_heading')}`, '', contextBlock(b.startupLines), '');

  out.push(h2('bundle_sec_probe'), '');
  out.push(...(b.probe ? safe(() => probeSection(locale, b.probe as ProbeResult)) : [T('bundle_probe_none')]), '');

  out.push(h2('bundle_sec_status'), '');
  out.push(...(b.status ? safe(() => statusSection(locale, b.status as StatusResult)) : [T('bundle_status_none')]), '');

  out.push(h2('bundle_sec_flare'), '', T('bundle_flare_intro'), '');
  for (const step of b.flare.steps) {
    out.push(`**${renderMsg(locale, step.title)}**`, '', fence(step.commands.join('\n'), 'sh'), '');
    if (step.note) out.push(renderMsg(locale, step.note), '');
  }

  if (b.problems.length > 0) {
    out.push(`## ${T('bundle_sec_problems')}`, '');
    for (const p of b.problems) out.push(`- ${code(p)}`);
    out.push('');
  }
  // The last line of defence: whatever a field above forgot, the whole text is scrubbed again.
  return scrubText(`${tidy(out.join('\n').split('\n')).join('\n')}\n`);
}
