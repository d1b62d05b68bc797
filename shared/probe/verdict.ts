// From what the probe saw to one verdict that names the same rule ids as the engine.
//
// The failing step decides the cause (shared/facts/root-causes.md §3.1, §3.6): DNS failure →
// dns; every address refused → refused; connected but no HTTP answer → timeout (the port may be
// held before the trace-agent runs, facts/agent-side.md §3 finding 9, so only an HTTP answer
// proves the agent); 404 → an agent older than /info or another service; a non-agent answer →
// something else holds the port. The cause and target become a RawFinding and the engine's
// `diagnose` picks the rule; a small local map covers the time the engine returns nothing.
import {diagnose} from '../engine/api';
import type {Cause, Env, Facts, Msg, RawFinding} from '../engine/types';
import {RULE_IDS, type RuleId} from '../rules/ids';
import {isLoopback} from './target';
import type {ProbeResult, ProbeVerdict, TcpAttempt} from './types';

export type Observed = Pick<ProbeResult, 'target' | 'dns' | 'tcp' | 'unix' | 'http' | 'info' | 'writeCheck' | 'proxy'>;

export interface Assessment {
  ok: boolean;
  cause: Cause | null;
  httpStatus: number | null;
  errorCode: string | null;
  /** Rule to use when the engine has nothing to say (or, for warnings, always). */
  fallbackRule: RuleId | null;
  summary: Msg;
}

const msg = (key: string, subs: Record<string, string>): Msg => ({key, subs});

/** Node/libuv, curl, Python and bash spell the same errno differently; the probe reports codes. */
export function errnoCause(code: string): Cause {
  switch (code) {
    case 'ECONNREFUSED':
      return 'refused';
    case 'EADDRNOTAVAIL':
      return 'addr_not_available';
    case 'ETIMEDOUT':
    case 'TIMEOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'timeout';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
    case 'EAI_FAIL':
      return 'dns';
    case 'ECONNRESET':
    case 'EPIPE':
    case 'EOF':
      return 'reset';
    default:
      return 'other';
  }
}

function firstFailure(tcp: readonly TcpAttempt[]): TcpAttempt | undefined {
  // The error a client reports: refused wins over the rest, as Node/Go report the first address's
  // refusal; Python reports the last (root-causes A6), so EADDRNOTAVAIL is kept when alone.
  return tcp.find((a) => a.error?.code === 'ECONNREFUSED') ?? tcp.find((a) => !a.ok);
}

const AGENT_COMM = /^(trace-agent|trace-loader|agent|datadog-agent|process-agent)$/;

/** What the probe saw, summed up. Pure; `facts` adds what the snapshot knows. */
export function assess(r: Observed, facts: Pick<Facts, 'inContainer' | 'portHolder'>): Assessment {
  const t = r.target;
  const where = t.url ?? '';
  const base = {httpStatus: null, errorCode: null};
  const fail = (cause: Cause, rule: RuleId, summary: Msg, extra: Partial<Assessment> = {}): Assessment => ({ok: false, cause, fallbackRule: rule, summary, ...base, ...extra});
  const foreignHolder = facts.portHolder !== null && !AGENT_COMM.test(facts.portHolder) ? facts.portHolder : null;

  if (r.unix) {
    const e = r.unix.connect.error;
    const path = r.unix.path;
    if (r.unix.exists === false || e?.code === 'ENOENT') return fail('uds_missing', 'uds-missing', msg('probe_verdict_uds_missing', {path}), {errorCode: 'ENOENT'});
    if (e?.code === 'EACCES' || e?.code === 'EPERM') return fail('uds_permission', 'uds-permission', msg('probe_verdict_uds_permission', {path}), {errorCode: e.code});
    if (r.unix.isSocket === false || e?.code === 'ENOTSOCK') return fail('other', 'uds-missing', msg('probe_verdict_uds_not_socket', {path}), {errorCode: 'ENOTSOCK'});
    if (e?.code === 'EPROTOTYPE') return fail('other', 'check-agent', msg('probe_verdict_uds_prototype', {path}), {errorCode: e.code});
    if (e?.code === 'ECONNREFUSED') return fail('refused', 'agent-not-listening', msg('probe_verdict_uds_refused', {path}), {errorCode: e.code});
    if (e) return fail(errnoCause(e.code), 'check-agent', msg('probe_verdict_failed', {target: where, code: e.code}), {errorCode: e.code});
  } else {
    if (r.dns?.error) {
      return fail('dns', 'agent-host-unresolvable', msg('probe_verdict_dns', {host: r.dns.host, code: r.dns.error.code}), {errorCode: r.dns.error.code});
    }
    const connected = r.tcp.filter((a) => a.ok);
    if (r.tcp.length > 0 && connected.length === 0) {
      const f = firstFailure(r.tcp);
      const code = f?.error?.code ?? 'UNKNOWN';
      const cause = errnoCause(code);
      const loop = t.host !== null && isLoopback(t.host);
      if (cause === 'refused') {
        const v6 = t.host === '::1' || (r.dns?.localhostV6First === true && r.tcp.every((a) => a.family === 6));
        if (facts.inContainer && loop) return fail('refused', 'localhost-in-container', msg('probe_verdict_refused_container', {target: where}), {errorCode: code});
        if (v6) return fail('refused', 'node-localhost-ipv6', msg('probe_verdict_refused_v6', {target: where}), {errorCode: code});
        return fail('refused', 'agent-not-listening', msg('probe_verdict_refused', {target: where}), {errorCode: code});
      }
      if (cause === 'addr_not_available') return fail(cause, 'addr-not-available', msg('probe_verdict_addr_not_available', {target: where}), {errorCode: code});
      if (cause === 'timeout') {
        const ms = String(f?.ms ?? '');
        const key = code === 'EHOSTUNREACH' || code === 'ENETUNREACH' ? 'probe_verdict_unreachable' : 'probe_verdict_tcp_timeout';
        return fail(cause, 'network-timeout', msg(key, {target: where, ms, code}), {errorCode: code});
      }
      if (cause === 'reset') return fail(cause, 'connection-reset', msg('probe_verdict_reset', {target: where}), {errorCode: code});
      return fail(cause, 'check-agent', msg('probe_verdict_failed', {target: where, code}), {errorCode: code});
    }
  }

  const h = r.http;
  if (!h) return fail('other', 'check-agent', msg('probe_verdict_failed', {target: where, code: 'NO_HTTP'}));
  if (h.error && h.status === null) {
    const code = h.error.code;
    if (code === 'TIMEOUT' || code === 'ETIMEDOUT') {
      return fail('timeout', foreignHolder ? 'port-conflict' : 'network-timeout', msg('probe_verdict_http_timeout', {target: where, ms: String(h.timings.totalMs ?? '')}), {errorCode: code});
    }
    const cause = errnoCause(code);
    if (cause === 'reset') return fail('reset', 'connection-reset', msg('probe_verdict_reset', {target: where}), {errorCode: code});
    if (code === 'TOO_LARGE') return fail('other', 'port-conflict', msg('probe_verdict_not_agent', {target: where, holder: foreignHolder ?? '?'}), {errorCode: code});
    return fail(cause, 'check-agent', msg('probe_verdict_failed', {target: where, code}), {errorCode: code});
  }
  const status = h.status ?? 0;
  if (h.outcome === 'not-found') {
    return fail('http_status', foreignHolder ? 'port-conflict' : 'http-404-old-agent', msg('probe_verdict_404', {target: where}), {httpStatus: 404});
  }
  if (h.outcome === 'http-error') {
    const rule: RuleId = status === 429 ? 'rate-limited' : status === 413 ? 'payload-too-large' : 'agent-server-error';
    return fail(status === 413 ? 'payload_too_large' : 'http_status', rule, msg('probe_verdict_http_status', {target: where, status: String(status)}), {httpStatus: status});
  }
  if (h.outcome === 'not-json' || !r.info) {
    return fail('other', 'port-conflict', msg('probe_verdict_not_agent', {target: where, holder: foreignHolder ?? '?'}), {httpStatus: status});
  }

  const w = r.writeCheck;
  if (w) {
    if (w.status === null) {
      const code = w.error?.code ?? 'UNKNOWN';
      return fail(errnoCause(code), code === 'TIMEOUT' ? 'network-timeout' : 'connection-reset', msg('probe_verdict_write_failed', {target: where, code}), {errorCode: code});
    }
    if (w.status < 200 || w.status > 299) {
      const s = w.status;
      const cause: Cause = s === 413 ? 'payload_too_large' : 'http_status';
      const rule: RuleId = s === 413 ? 'payload-too-large' : s === 429 ? 'rate-limited' : s === 404 ? 'http-404-old-agent' : 'agent-server-error';
      return fail(cause, rule, msg('probe_verdict_write_status', {target: where, status: String(s)}), {httpStatus: s});
    }
  }

  const version = r.info.version ?? '?';
  const okBase = {ok: true, cause: null, ...base};
  if (r.proxy.capturesAgent && r.proxy.applies) {
    return {...okBase, fallbackRule: 'proxy-captures-agent', summary: msg('probe_verdict_ok_proxy', {target: where, version, name: r.proxy.applies})};
  }
  const firstTcp = r.tcp[0];
  if (firstTcp && !firstTcp.ok) {
    return {
      ...okBase,
      fallbackRule: firstTcp.family === 6 ? 'node-localhost-ipv6' : null,
      summary: msg('probe_verdict_ok_first_failed', {target: where, version, address: firstTcp.address, code: firstTcp.error?.code ?? '?'}),
    };
  }
  return {...okBase, fallbackRule: null, summary: msg('probe_verdict_ok', {target: where, version})};
}

const isRuleId = (id: string): id is RuleId => (RULE_IDS as readonly string[]).includes(id);
const CATCH_ALL: RuleId = 'check-agent';

/**
 * The verdict: the engine's rule for the failing step when it has one, else the local map.
 * Warnings on a working agent (a proxy in the way, `::1` refused first) keep the local rule.
 */
/** The failing step as the engine's RawFinding: the same shape a tracer log line becomes. */
export function probeFinding(r: Observed, a: Assessment & {cause: Cause}): RawFinding {
  return {
    line: 0,
    endLine: 0,
    lang: 'unknown',
    source: 'tracer',
    recognizer: 'probe',
    cause: a.cause,
    target: {url: r.target.url, host: r.target.host, port: r.target.port, socket: r.target.socket},
    tracerVersion: null,
    httpStatus: a.httpStatus,
    errorCode: a.errorCode,
    timestamp: null,
    excerpt: '',
  };
}

export function verdictFor(r: Observed, ctx: {env: Env; facts: Facts}): ProbeVerdict {
  const a = assess(r, ctx.facts);
  if (a.ok || a.cause === null) return {ok: a.ok, cause: a.cause, rule: a.fallbackRule, summary: a.summary};
  let rule: RuleId | null = a.fallbackRule;
  try {
    const picked = diagnose([probeFinding(r, {...a, cause: a.cause})], {env: ctx.env, facts: ctx.facts})[0]?.diagnosis.rule;
    // `check-agent` is the engine's catch-all: it says "nothing more specific applied", so a
    // specific rule from the probe's own evidence is the better answer there.
    if (picked && isRuleId(picked) && (picked !== CATCH_ALL || rule === null)) rule = picked;
  } catch {
    // The engine is another team's code path; a fault there must not cost the user the probe.
  }
  return {ok: false, cause: a.cause, rule, summary: a.summary};
}
