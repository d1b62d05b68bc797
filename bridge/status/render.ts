// StatusResult → a terminal report, with the notes that keep users from the classic misreads
// (5012 is the debug port; `Receiver: localhost:8126` refuses other containers).
import type {ApmStatus, StatusResult} from '../../shared/agent/status-types';
import {renderMsg, t, type Locale} from '../../shared/i18n/index';
import {isLoopback} from '../../shared/probe/target';
import {painter, vantageText} from '../probe/render';

const STATE_KEY: Record<ApmStatus['state'], string> = {
  running: 'status_state_running',
  'not-running': 'status_state_not_running',
  unavailable: 'status_state_unavailable',
  absent: 'status_state_absent',
};

export function renderStatusText(r: StatusResult, locale: Locale, color: boolean): string {
  const c = painter(color);
  const out: string[] = [c('1', t(locale, 'status_label_title'))];
  const line = (label: string, value: string) => out.push(`  ${t(locale, label)}: ${value}`);
  const source = `${vantageText(locale, r.vantage)}${r.container && r.vantage.kind === 'k8s' ? ` (${r.container})` : ''}${r.command ? ` — ${r.command.slice(-3).join(' ')}` : ''}`;
  line('status_label_source', source);
  if (r.error) {
    const message = renderMsg(locale, r.error.message);
    out.push(`  ${c('1;31', t(locale, 'status_label_error'))}: ${message}`);
    out.push(`  ${t(locale, 'status_label_next')}: ${renderMsg(locale, r.error.next)}`);
    const first = r.error.detail.split('\n')[0] ?? '';
    if (first && !message.includes(first)) out.push(c('2', `    ${first}`));
    return `${out.join('\n')}\n`;
  }
  const apm = r.apm;
  if (!apm) return `${out.join('\n')}\n`;
  if (r.agentVersion ?? apm.version) line('status_label_version', `${r.agentVersion ?? apm.version}`);
  const state = t(locale, STATE_KEY[apm.state]);
  line('status_label_state', apm.state === 'running' ? c('1;32', state) : c('1;31', state));
  if (apm.state === 'not-running' || apm.state === 'unavailable') {
    if (apm.unreachable) out.push(`    ${apm.unreachable.host ?? '?'}:${apm.unreachable.port ?? '?'}`);
    if (apm.error) line('status_label_error', apm.error);
    if (apm.unreachableIsDebugPort) out.push(c('33', `  ! ${t(locale, 'status_note_debug_port', {port: String(apm.unreachable?.port ?? 5012)})}`));
    out.push(c('33', `  ! ${t(locale, 'status_note_not_running')}`));
    return `${out.join('\n')}\n`;
  }
  if (apm.pid !== null) line('status_label_pid', String(apm.pid));
  if (apm.uptimeSeconds !== null) line('status_label_uptime', t(locale, 'status_uptime_seconds', {n: String(apm.uptimeSeconds)}));
  if (apm.receiver) line('status_label_receiver', `${apm.receiver.host}:${apm.receiver.port}`);
  if (apm.udsReceiver) line('status_label_uds', apm.udsReceiver);
  if (apm.endpoints.length) line('status_label_endpoints', apm.endpoints.join(', '));
  line('status_label_traces', apm.tracesReceivedLastMinute === null ? '?' : String(apm.tracesReceivedLastMinute));
  if (apm.clients.length) line('status_label_clients', '');
  for (const cl of apm.clients) {
    const who = cl.lang ? `${cl.lang} ${cl.langVersion ?? ''}${cl.interpreter ? ` (${cl.interpreter})` : ''}, client ${cl.tracerVersion ?? '?'}` : 'unknown clients';
    out.push(`    ${who}${cl.connectionType ? ` via ${cl.connectionType}` : ''}: ${cl.tracesReceived ?? '?'} traces, ${cl.spansReceived ?? '?'} spans`);
  }
  if (apm.defaultSamplingRatePercent !== null) line('status_label_sampling', `${apm.defaultSamplingRatePercent}%`);
  if (apm.rateLimiterKeepPercent !== null) line('status_label_rate_limiter', `${apm.rateLimiterKeepPercent}%`);
  const te = apm.writer.traces?.errors ?? 0;
  const se = apm.writer.stats?.errors ?? 0;
  if (te || se) line('status_label_writer_errors', `traces ${te}, stats ${se}`);
  if (apm.warnings.length) {
    line('status_label_warnings', '');
    for (const w of apm.warnings) out.push(c('33', `    WARNING: ${w}`));
  }
  if (apm.receiver && isLoopback(apm.receiver.host)) {
    out.push(c('33', `  ! ${t(locale, 'status_note_receiver_local', {host: apm.receiver.host, port: String(apm.receiver.port)})}`));
  }
  if (apm.noTracesLastMinute) out.push(c('33', `  ! ${t(locale, 'status_note_no_traces')}`));
  return `${out.join('\n')}\n`;
}
