// ToolObservation → the report fields of ProbeResult, and the step list shown to the user.
import {looksLikeAgentInfo, parseInfoResponse} from '../../shared/agent/info';
import type {Msg} from '../../shared/engine/types';
import type {ParsedTarget} from '../../shared/probe/target';
import type {DnsReport, HttpInfoReport, ProbeResult, ProbeStep, ProxyReport, WriteCheckReport} from '../../shared/probe/types';
import type {ToolObservation} from './observation';

export type Reports = Pick<ProbeResult, 'dns' | 'tcp' | 'unix' | 'http' | 'info' | 'writeCheck'>;

const excerpt = (body: string): string | null => (body.trim() === '' ? null : body.slice(0, 200));

export function reportsFrom(obs: ToolObservation, target: ParsedTarget): Reports {
  let dns: DnsReport | null = null;
  if (target.kind === 'tcp' && obs.dns) {
    const literal = target.host !== null && /^[\d.]+$|:/.test(target.host);
    dns = {
      host: target.host ?? '',
      addresses: obs.dns.addresses,
      localhostV6First: (target.host ?? '').toLowerCase() === 'localhost' && obs.dns.addresses[0]?.family === 6,
      literal,
      partial: obs.dns.partial,
      ms: obs.dns.ms,
      error: obs.dns.error,
    };
  }
  let http: HttpInfoReport | null = null;
  let info: ProbeResult['info'] = null;
  if (obs.http) {
    const h = obs.http;
    let outcome: HttpInfoReport['outcome'] = 'no-answer';
    if (h.status !== null) {
      const parsed = parseInfoResponse(h.status, h.truncated ? '' : h.body);
      outcome = parsed.kind;
      if (parsed.kind === 'info') {
        if (looksLikeAgentInfo(parsed.info)) info = parsed.info;
        else outcome = 'not-json';
      }
    }
    http = {
      url: `${target.url}/info`,
      address: h.address,
      status: h.status,
      timings: {connectMs: h.connectMs, firstByteMs: h.firstByteMs, totalMs: h.totalMs},
      bytes: h.bytes,
      truncated: h.truncated,
      contentType: h.contentType,
      outcome,
      excerpt: outcome === 'info' ? null : excerpt(h.body),
      error: h.error,
    };
  }
  let writeCheck: WriteCheckReport | null = null;
  if (obs.write) {
    const w = obs.write;
    writeCheck = {url: `${target.url}/v0.4/traces`, method: 'POST', payload: w.payload, status: w.status, agentVersionHeader: w.agentVersion, ms: w.ms, excerpt: excerpt(w.body), error: w.error};
  }
  return {dns, tcp: obs.tcp, unix: obs.unix, http, info, writeCheck};
}

const m = (key: string, subs?: Record<string, string>): Msg => (subs ? {key, subs} : {key});

export function targetStep(target: ProbeResult['target']): ProbeStep {
  return {step: 'resolve-target', status: 'ok', ms: 0, detail: m('probe_detail_target', {url: target.url ?? '', rule: target.rule})};
}

export function proxyStep(p: ProxyReport, target: ParsedTarget): ProbeStep {
  if (target.kind === 'unix') return {step: 'proxy', status: 'ok', ms: 0, detail: m('probe_detail_proxy_unix')};
  if (p.capturesAgent && p.applies) return {step: 'proxy', status: 'fail', ms: 0, detail: m('probe_detail_proxy_captures', {name: p.applies})};
  if (p.exemptedBy) return {step: 'proxy', status: 'ok', ms: 0, detail: m('probe_detail_proxy_exempt', {entry: p.exemptedBy})};
  return {step: 'proxy', status: 'ok', ms: 0, detail: m('probe_detail_proxy_none')};
}

const addrList = (d: DnsReport): string => d.addresses.map((a) => a.address).join(', ') || '-';

export function dnsStep(r: Reports, target: ParsedTarget): ProbeStep {
  if (target.kind === 'unix') return {step: 'dns', status: 'skip', ms: null, detail: m('probe_detail_skip_unix')};
  const d = r.dns;
  if (!d) return {step: 'dns', status: 'skip', ms: null, detail: m('probe_detail_skip_earlier')};
  if (d.error) return {step: 'dns', status: 'fail', ms: d.ms, detail: m('probe_detail_dns_failed', {host: d.host, code: d.error.code})};
  if (d.literal) return {step: 'dns', status: 'ok', ms: 0, detail: m('probe_detail_dns_literal', {host: d.host})};
  const detail = m(d.localhostV6First ? 'probe_detail_dns_v6first' : 'probe_detail_dns_addresses', {host: d.host, addresses: addrList(d)});
  return {step: 'dns', status: 'ok', ms: d.ms, detail: d.partial ? m('probe_detail_partial', {detail: `${d.host} → ${addrList(d)}`}) : detail};
}

export function tcpStep(r: Reports): ProbeStep {
  if (r.unix) {
    const c = r.unix.connect;
    return c.ok
      ? {step: 'tcp', status: 'ok', ms: c.ms, detail: m('probe_detail_unix_ok', {path: r.unix.path})}
      : {step: 'tcp', status: 'fail', ms: c.ms, detail: m('probe_detail_unix_failed', {path: r.unix.path, code: c.error?.code ?? '?'})};
  }
  if (r.dns?.error || r.tcp.length === 0) return {step: 'tcp', status: 'skip', ms: null, detail: m('probe_detail_skip_earlier')};
  const results = r.tcp.map((a) => `${a.family === 6 ? `[${a.address}]` : a.address}:${a.port} ${a.ok ? 'ok' : (a.error?.code ?? 'failed')}${a.ms !== null ? ` (${a.ms} ms)` : ''}`).join(', ');
  const ok = r.tcp.some((a) => a.ok);
  const ms = r.tcp.reduce<number | null>((acc, a) => (a.ms === null ? acc : Math.max(acc ?? 0, a.ms)), null);
  return {step: 'tcp', status: ok ? 'ok' : 'fail', ms, detail: m('probe_detail_tcp', {results})};
}

export function httpStep(r: Reports): ProbeStep {
  const h = r.http;
  if (!h) return {step: 'http-info', status: 'skip', ms: null, detail: m('probe_detail_skip_earlier')};
  if (h.status === null) return {step: 'http-info', status: 'fail', ms: h.timings.totalMs, detail: m('probe_detail_http_failed', {code: h.error?.code ?? '?'})};
  if (h.outcome === 'info' && r.info) return {step: 'http-info', status: 'ok', ms: h.timings.totalMs, detail: m('probe_detail_http_info', {status: String(h.status), version: r.info.version ?? '?'})};
  const key = h.outcome === 'not-found' ? 'probe_detail_http_404' : h.outcome === 'http-error' ? 'probe_detail_http_status' : 'probe_detail_http_not_agent';
  return {step: 'http-info', status: 'fail', ms: h.timings.totalMs, detail: m(key, {status: String(h.status)})};
}

export function writeStep(r: Reports, asked: boolean): ProbeStep {
  if (!asked) return {step: 'write-check', status: 'skip', ms: null, detail: m('probe_detail_skip_not_asked')};
  const w = r.writeCheck;
  if (!w) return {step: 'write-check', status: 'skip', ms: null, detail: m('probe_detail_skip_earlier')};
  if (w.status === null) return {step: 'write-check', status: 'fail', ms: w.ms, detail: m('probe_detail_write_failed', {code: w.error?.code ?? '?'})};
  return {step: 'write-check', status: w.status >= 200 && w.status < 300 ? 'ok' : 'fail', ms: w.ms, detail: m('probe_detail_write', {status: String(w.status)})};
}
