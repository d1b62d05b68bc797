// The verdict table: each failing step → cause and rule id (root-causes §3.1/§3.6). Cases the
// real-socket tests in test/bridge/probe.test.ts cannot produce on this machine are here.
import {describe, expect, it} from 'vitest';
import type {AgentInfo} from '../../../shared/agent/info';
import type {ProbeResult, TcpAttempt} from '../../../shared/probe/types';
import {diagnose} from '../../../shared/engine/api';
import type {Env, Facts} from '../../../shared/engine/types';
import {assess, probeFinding, verdictFor, type Observed} from '../../../shared/probe/verdict';
import {RULE_IDS} from '../../../shared/rules/ids';

const info = {version: '7.57.2', endpoints: ['/v0.4/traces']} as unknown as AgentInfo;
const noProxy = {vars: [], applies: null, exemptedBy: null, capturesAgent: false, loopbackTarget: true};
const target = (url: string, host: string | null, port: number | null, socket: string | null = null): ProbeResult['target'] => ({
  url, host, port, socket, input: url, kind: socket ? 'unix' : 'tcp', rule: 'argument', from: {},
});
const attempt = (address: string, family: 4 | 6, code: string | null): TcpAttempt => ({address, family, port: 8126, ok: code === null, ms: 1, error: code ? {code, message: code} : null});
const httpOk = {url: 'x', address: '127.0.0.1', status: 200, timings: {connectMs: 1, firstByteMs: 1, totalMs: 1}, bytes: 10, truncated: false, contentType: 'application/json', outcome: 'info' as const, excerpt: null, error: null};

function observed(p: Partial<Observed>): Observed {
  return {target: target('http://localhost:8126', 'localhost', 8126), dns: null, tcp: [], unix: null, http: null, info: null, writeCheck: null, proxy: noProxy, ...p};
}
const dns = (addresses: {address: string; family: 4 | 6}[], host = 'localhost') => ({host, addresses, localhostV6First: host === 'localhost' && addresses[0]?.family === 6, literal: false, partial: false, ms: 1, error: null});
const facts = {inContainer: false, portHolder: null};

describe('probe verdicts', () => {
  it.each([
    ['every address refused, on a host', 'refused', 'agent-not-listening', observed({dns: dns([{address: '127.0.0.1', family: 4}]), tcp: [attempt('127.0.0.1', 4, 'ECONNREFUSED')]}), facts],
    ['refused on localhost inside a container', 'refused', 'localhost-in-container', observed({dns: dns([{address: '127.0.0.1', family: 4}]), tcp: [attempt('127.0.0.1', 4, 'ECONNREFUSED')]}), {...facts, inContainer: true}],
    ['localhost → ::1 only, refused', 'refused', 'node-localhost-ipv6', observed({dns: dns([{address: '::1', family: 6}]), tcp: [attempt('::1', 6, 'ECONNREFUSED')]}), facts],
    ['::1 EADDRNOTAVAIL then 127.0.0.1 refused: nothing on localhost (root-causes A6)', 'refused', 'agent-not-listening', observed({dns: dns([{address: '::1', family: 6}, {address: '127.0.0.1', family: 4}]), tcp: [attempt('::1', 6, 'EADDRNOTAVAIL'), attempt('127.0.0.1', 4, 'ECONNREFUSED')]}), facts],
    ['EADDRNOTAVAIL alone', 'addr_not_available', 'addr-not-available', observed({dns: dns([{address: '::1', family: 6}]), tcp: [attempt('::1', 6, 'EADDRNOTAVAIL')]}), facts],
    ['connect timeout', 'timeout', 'network-timeout', observed({target: target('http://10.0.0.9:8126', '10.0.0.9', 8126), tcp: [attempt('10.0.0.9', 4, 'TIMEOUT')]}), facts],
    ['no route', 'timeout', 'network-timeout', observed({target: target('http://10.0.0.9:8126', '10.0.0.9', 8126), tcp: [attempt('10.0.0.9', 4, 'EHOSTUNREACH')]}), facts],
    ['DNS', 'dns', 'agent-host-unresolvable', observed({dns: {...dns([], 'datadog'), error: {code: 'ENOTFOUND', message: ''}}}), facts],
    ['socket missing', 'uds_missing', 'uds-missing', observed({target: target('unix:///x', null, null, '/x'), unix: {path: '/x', exists: false, isSocket: null, mode: null, uid: null, gid: null, connect: {ok: false, ms: 0, error: {code: 'ENOENT', message: ''}}}}), facts],
    ['socket permission', 'uds_permission', 'uds-permission', observed({target: target('unix:///x', null, null, '/x'), unix: {path: '/x', exists: true, isSocket: true, mode: '0700', uid: 0, gid: 0, connect: {ok: false, ms: 0, error: {code: 'EACCES', message: ''}}}}), facts],
    ['dsd.socket (datagram) used for traces', 'other', 'check-agent', observed({target: target('unix:///x', null, null, '/x'), unix: {path: '/x', exists: true, isSocket: true, mode: null, uid: null, gid: null, connect: {ok: false, ms: 0, error: {code: 'EPROTOTYPE', message: ''}}}}), facts],
    ['connected, no HTTP answer', 'timeout', 'network-timeout', observed({tcp: [attempt('127.0.0.1', 4, null)], http: {...httpOk, status: null, outcome: 'no-answer', error: {code: 'TIMEOUT', message: ''}}}), facts],
    ['connected, no answer, another process on the port', 'timeout', 'port-conflict', observed({tcp: [attempt('127.0.0.1', 4, null)], http: {...httpOk, status: null, outcome: 'no-answer', error: {code: 'TIMEOUT', message: ''}}}), {...facts, portHolder: 'java'}],
    ['404 from an old agent', 'http_status', 'http-404-old-agent', observed({tcp: [attempt('127.0.0.1', 4, null)], http: {...httpOk, status: 404, outcome: 'not-found'}}), facts],
    ['200 but not the agent', 'other', 'port-conflict', observed({tcp: [attempt('127.0.0.1', 4, null)], http: {...httpOk, outcome: 'not-json'}}), facts],
    ['write check 413', 'payload_too_large', 'payload-too-large', observed({tcp: [attempt('127.0.0.1', 4, null)], http: httpOk, info, writeCheck: {url: 'x', method: 'POST', payload: 'msgpack', status: 413, agentVersionHeader: '7.57.2', ms: 1, excerpt: null, error: null}}), facts],
    ['write check 429', 'http_status', 'rate-limited', observed({tcp: [attempt('127.0.0.1', 4, null)], http: httpOk, info, writeCheck: {url: 'x', method: 'POST', payload: 'msgpack', status: 429, agentVersionHeader: null, ms: 1, excerpt: null, error: null}}), facts],
  ] as const)('%s → %s / %s', (_why, cause, rule, obs, f) => {
    const a = assess(obs, f);
    expect(a.ok).toBe(false);
    expect([a.cause, a.fallbackRule]).toEqual([cause, rule]);
    expect(RULE_IDS).toContain(a.fallbackRule);
    // The verdict names the engine's rule for the same finding whenever the engine has a specific one.
    for (const env of ['host', 'docker', 'kubernetes'] as const satisfies readonly Env[]) {
      const ctx = {env, facts: {proxyCapturesAgent: false, agentAnswered: false, ...f} satisfies Facts};
      const engine = diagnose([probeFinding(obs, {...a, cause: a.cause!})], ctx)[0]?.diagnosis.rule;
      expect(verdictFor(obs, ctx).rule).toBe(engine && engine !== 'check-agent' ? engine : a.fallbackRule);
    }
  });

  it('ok, with a warning rule when a proxy would carry the traffic', () => {
    const a = assess(observed({tcp: [attempt('127.0.0.1', 4, null)], http: httpOk, info, proxy: {...noProxy, applies: 'HTTP_PROXY', capturesAgent: true}}), facts);
    expect([a.ok, a.cause, a.fallbackRule, a.summary.key]).toEqual([true, null, 'proxy-captures-agent', 'probe_verdict_ok_proxy']);
  });

  it('ok, but says so when the first address a client tries (::1) failed', () => {
    const a = assess(observed({dns: dns([{address: '::1', family: 6}, {address: '127.0.0.1', family: 4}]), tcp: [attempt('::1', 6, 'ECONNREFUSED'), attempt('127.0.0.1', 4, null)], http: httpOk, info}), facts);
    expect([a.ok, a.fallbackRule, a.summary.key]).toEqual([true, 'node-localhost-ipv6', 'probe_verdict_ok_first_failed']);
  });

  it('verdictFor names a rule id the engine knows, for every failing case', () => {
    const v = verdictFor(observed({dns: dns([{address: '127.0.0.1', family: 4}]), tcp: [attempt('127.0.0.1', 4, 'ECONNREFUSED')]}), {env: 'host', facts: {proxyCapturesAgent: false, inContainer: false, portHolder: null, agentAnswered: false}});
    expect(v.ok).toBe(false);
    expect(v.cause).toBe('refused');
    expect(RULE_IDS).toContain(v.rule);
    expect(v.summary.key).toBe('probe_verdict_refused');
  });
});
