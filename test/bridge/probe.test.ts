// runProbe from this machine over real sockets (TCP and Unix) against a local HTTP server that
// answers with the recorded agent payloads (test/fixtures/agent/fake-agent.mjs).
import {execFileSync} from 'node:child_process';
import {lookup} from 'node:dns/promises';
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {PROBE_DEFAULTS, type ProbeStep} from '../../shared/probe/types';
import {RULE_IDS} from '../../shared/rules/ids';
import {detectContainer} from '../../bridge/env/container';
import {ProbeFailure, runProbe} from '../../bridge/probe/index';
import {startFakeAgent, type FakeAgent, type FakeAgentMode} from '../fixtures/agent/fake-agent.mjs';
import {sharedAgentFixtures, waitFor} from './probe-helpers';

const signal = () => new AbortController().signal;
const local = {kind: 'local'} as const;
const inContainer = detectContainer(process.env).container.inContainer;
/** What a refused localhost probe should be called here: this test host may itself be a container. */
const refusedRule = inContainer ? 'localhost-in-container' : 'agent-not-listening';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as {port: number}).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

const agents: FakeAgent[] = [];
async function agent(mode: FakeAgentMode = 'ok', info?: string): Promise<FakeAgent> {
  const a = await startFakeAgent({mode, ...(info ? {info} : {})});
  agents.push(a);
  return a;
}
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'apmdoc-probe-'));
});
afterAll(async () => {
  await Promise.all(agents.map((a) => a.close()));
  rmSync(dir, {recursive: true, force: true});
});

describe('runProbe, local, TCP', () => {
  it('reports a healthy agent: every step ok, /info parsed, verdict ok with no rule', async () => {
    const a = await agent();
    const r = await runProbe(a.url, local, {}, {signal: signal(), env: {}});
    expect(r.verdict).toEqual({ok: true, cause: null, rule: null, summary: {key: 'probe_verdict_ok', subs: {target: a.url, version: '7.57.2'}}});
    expect(r.steps.map((s) => [s.step, s.status])).toEqual([
      ['resolve-target', 'ok'],
      ['proxy', 'ok'],
      ['dns', 'ok'],
      ['tcp', 'ok'],
      ['http-info', 'ok'],
      ['write-check', 'skip'],
    ]);
    expect(r.target).toMatchObject({rule: 'argument', kind: 'tcp', host: '127.0.0.1', port: a.port});
    expect(r.tool).toBe('node');
    expect(r.dns).toMatchObject({literal: true, addresses: [{address: '127.0.0.1', family: 4}]});
    expect(r.tcp).toEqual([expect.objectContaining({address: '127.0.0.1', ok: true, error: null})]);
    expect(r.http).toMatchObject({status: 200, outcome: 'info', truncated: false, contentType: 'application/json'});
    expect(r.http?.timings.totalMs).toEqual(expect.any(Number));
    expect(r.info?.config.receiverSocket).toBe('/var/run/datadog/apm.socket');
    expect(a.requests.map((q) => `${q.method} ${q.url}`)).toEqual(['GET /info']);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it.each(readdirSync(sharedAgentFixtures).filter((f) => /^info-.*\.json$/.test(f)))('parses the recorded /info %s served over a real socket', async (file) => {
    const a = await agent('ok', file);
    const r = await runProbe(a.url, local, {}, {signal: signal(), env: {}});
    const raw = JSON.parse(readFileSync(join(sharedAgentFixtures, file), 'utf8')) as {version: string};
    expect(r.info?.version).toBe(raw.version);
    expect(r.verdict.ok).toBe(true);
  });

  it('write check: POSTs msgpack 0x90 to /v0.4/traces with the tracers\' headers and reads the agent version header', async () => {
    const a = await agent();
    const r = await runProbe(a.url, local, {writeCheck: true}, {signal: signal(), env: {}});
    expect(r.writeCheck).toMatchObject({status: 200, agentVersionHeader: '7.57.2', payload: 'msgpack', error: null});
    const post = a.requests.find((q) => q.url === '/v0.4/traces');
    expect(post?.method).toBe('POST');
    expect(post?.headers['content-type']).toBe('application/msgpack');
    expect(post?.headers['x-datadog-trace-count']).toBe('0');
    expect([...(post?.body ?? [])]).toEqual([0x90]);
    expect(r.steps.at(-1)).toMatchObject({step: 'write-check', status: 'ok'});
  });

  it('refused is answered in milliseconds, with the rule for this environment', async () => {
    const port = await freePort();
    const t0 = performance.now();
    const r = await runProbe(`127.0.0.1:${port}`, local, {timeoutMs: 5000}, {signal: signal(), env: {}});
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(1000);
    expect(r.tcp[0]?.error?.code).toBe('ECONNREFUSED');
    expect(r.verdict).toMatchObject({ok: false, cause: 'refused', rule: refusedRule});
    expect(r.steps.find((s) => s.step === 'http-info')?.status).toBe('skip');
  });

  it('a hanging agent (accepts, never answers) is reported within the timeout as timeout, not refused', async () => {
    const a = await agent('hang');
    const t0 = performance.now();
    const r = await runProbe(a.url, local, {timeoutMs: 400}, {signal: signal(), env: {}});
    const ms = performance.now() - t0;
    // Up to 20% (≤ 250 ms) of the budget is kept for the port-holder lookup that may follow.
    expect(ms).toBeGreaterThanOrEqual(300);
    expect(ms).toBeLessThan(1500);
    expect(r.tcp[0]?.ok).toBe(true);
    expect(r.http).toMatchObject({status: null, outcome: 'no-answer', error: {code: 'TIMEOUT'}});
    expect(r.verdict).toMatchObject({ok: false, cause: 'timeout', summary: {key: 'probe_verdict_http_timeout'}});
  });

  it('the recorded pre-7.27 404 says "older agent or another service", not "down"', async () => {
    const a = await agent('404');
    const r = await runProbe(a.url, local, {}, {signal: signal(), env: {}});
    expect(r.http).toMatchObject({status: 404, outcome: 'not-found', excerpt: '404 page not found\n'});
    expect(r.verdict).toMatchObject({ok: false, cause: 'http_status', rule: 'http-404-old-agent'});
  });

  it.each(['garbage', 'html'] as const)('another service answering 200 (%s) is a port conflict, naming the listening process', async (mode) => {
    const a = await agent(mode);
    const r = await runProbe(a.url, local, {}, {signal: signal(), env: {}});
    expect(r.http?.outcome).toBe('not-json');
    expect(r.info).toBeNull();
    expect(r.verdict).toMatchObject({ok: false, cause: 'other', summary: {key: 'probe_verdict_not_agent'}});
    // In a container the engine may prefer "localhost is not the agent here"; either names a rule.
    const allowed: readonly (string | null)[] = inContainer ? RULE_IDS : ['port-conflict'];
    expect(allowed).toContain(r.verdict.rule);
    // The fake agent listens in this very process: /proc names it.
    const comm = readFileSync('/proc/self/comm', 'utf8').trim();
    expect(r.verdict.summary.subs?.['holder']).toBe(comm);
  });

  it('a huge answer is cut at the read limit, quickly, and is not mistaken for the agent', async () => {
    const a = await agent('huge');
    const t0 = performance.now();
    const r = await runProbe(a.url, local, {timeoutMs: 5000}, {signal: signal(), env: {}});
    expect(performance.now() - t0).toBeLessThan(4000);
    expect(r.http).toMatchObject({status: 200, truncated: true, bytes: PROBE_DEFAULTS.maxBodyBytes, error: {code: 'TOO_LARGE'}});
    expect(r.verdict.ok).toBe(false);
  });

  it('a connection dropped after the request is a reset', async () => {
    const a = await agent('reset');
    const r = await runProbe(a.url, local, {}, {signal: signal(), env: {}});
    expect(r.http?.error?.code).toMatch(/^(EOF|ECONNRESET)$/);
    expect(r.verdict).toMatchObject({ok: false, cause: 'reset', rule: 'connection-reset'});
  });

  it('500 from /info is an agent server error', async () => {
    const a = await agent('500');
    const r = await runProbe(a.url, local, {}, {signal: signal(), env: {}});
    expect(r.verdict).toMatchObject({ok: false, cause: 'http_status', rule: 'agent-server-error'});
  });

  it('413 on the write check is payload-too-large', async () => {
    const a = await agent('413');
    const r = await runProbe(a.url, local, {writeCheck: true}, {signal: signal(), env: {}});
    expect(r.writeCheck?.status).toBe(413);
    expect(r.verdict).toMatchObject({ok: false, cause: 'payload_too_large', rule: 'payload-too-large'});
  });

  it('an unresolvable name fails at DNS with the errno', async () => {
    const r = await runProbe('no-such-host.invalid:8126', local, {}, {signal: signal(), env: {}});
    expect(r.dns?.error?.code).toMatch(/^(ENOTFOUND|EAI_AGAIN)$/);
    expect(r.tcp).toEqual([]);
    expect(r.verdict).toMatchObject({ok: false, cause: 'dns', rule: 'agent-host-unresolvable'});
  });

  it('resolves localhost to every address, in the order a client tries them, and flags ::1 first', async () => {
    const port = await freePort();
    const r = await runProbe(`localhost:${port}`, local, {}, {signal: signal(), env: {}});
    const expected = await lookup('localhost', {all: true, verbatim: true});
    expect(r.dns?.addresses).toEqual(expected.map((e) => ({address: e.address, family: e.family})));
    expect(r.dns?.localhostV6First).toBe(expected[0]?.family === 6);
    expect(r.tcp.map((t) => t.address)).toEqual(expected.map((e) => e.address));
    expect(r.tcp.every((t) => t.error !== null)).toBe(true);
  });

  it('probes an IPv6 literal over IPv6', async () => {
    const port = await freePort();
    const r = await runProbe(`[::1]:${port}`, local, {}, {signal: signal(), env: {}});
    expect(r.tcp[0]).toMatchObject({address: '::1', family: 6, ok: false});
    expect(r.tcp[0]?.error?.code).toMatch(/^(ECONNREFUSED|EADDRNOTAVAIL|EAFNOSUPPORT)$/);
    expect(r.verdict.ok).toBe(false);
  });
});

describe('runProbe, local, Unix socket', () => {
  it('reports a healthy agent on a socket with its mode and owner', async () => {
    const path = join(dir, 'apm.socket');
    const a = await startFakeAgent({listen: {path}});
    agents.push(a);
    const r = await runProbe(`unix://${path}`, local, {writeCheck: true}, {signal: signal(), env: {}});
    expect(r.verdict.ok).toBe(true);
    expect(r.unix).toMatchObject({path, exists: true, isSocket: true, uid: process.getuid?.(), connect: {ok: true}});
    expect(r.unix?.mode).toMatch(/^0[0-7]{3}$/);
    expect(r.writeCheck?.status).toBe(200);
    expect(r.steps.find((s) => s.step === 'dns')?.status).toBe('skip');
  });

  it('a missing socket is uds_missing', async () => {
    const r = await runProbe(`unix://${join(dir, 'nope.socket')}`, local, {}, {signal: signal(), env: {}});
    expect(r.unix?.exists).toBe(false);
    expect(r.verdict).toMatchObject({ok: false, cause: 'uds_missing', rule: 'uds-missing'});
  });

  it('a regular file where the socket should be is "not a socket"', async () => {
    const path = join(dir, 'plain-file');
    writeFileSync(path, 'x');
    const r = await runProbe(path, local, {}, {signal: signal(), env: {}});
    expect(r.unix).toMatchObject({exists: true, isSocket: false});
    expect(r.verdict.summary.key).toBe('probe_verdict_uds_not_socket');
  });

  it('a stale socket (bound, nobody listening) is refused', async () => {
    const path = join(dir, 'stale.socket');
    // A real socket file with no listener: bind without listen, then exit.
    execFileSync('python3', ['-c', 'import socket,sys;socket.socket(socket.AF_UNIX).bind(sys.argv[1])', path]);
    const r = await runProbe(`unix://${path}`, local, {}, {signal: signal(), env: {}});
    expect(r.unix?.connect.error?.code).toBe('ECONNREFUSED');
    expect(r.verdict).toMatchObject({ok: false, cause: 'refused', summary: {key: 'probe_verdict_uds_refused'}});
  });
});

describe('runProbe: default target, proxy, progress, abort', () => {
  it('resolves the target from DD_AGENT_HOST + DD_TRACE_AGENT_PORT and says which rule picked it', async () => {
    const a = await agent();
    const r = await runProbe(null, local, {}, {signal: signal(), env: {DD_AGENT_HOST: '127.0.0.1', DD_TRACE_AGENT_PORT: String(a.port)}});
    expect(r.target).toMatchObject({rule: 'DD_AGENT_HOST', url: a.url, from: {DD_AGENT_HOST: '127.0.0.1', DD_TRACE_AGENT_PORT: String(a.port)}});
    expect(r.verdict.ok).toBe(true);
  });

  it('DD_TRACE_AGENT_URL=unix://… wins and goes over the socket', async () => {
    const path = join(dir, 'url.socket');
    agents.push(await startFakeAgent({listen: {path}}));
    const r = await runProbe(null, local, {}, {signal: signal(), env: {DD_TRACE_AGENT_URL: `unix://${path}`, DD_AGENT_HOST: 'ignored'}});
    expect(r.target).toMatchObject({rule: 'DD_TRACE_AGENT_URL', kind: 'unix', socket: path});
    expect(r.verdict.ok).toBe(true);
  });

  it('a proxy without NO_PROXY: the agent answers directly, and the verdict warns with proxy-captures-agent', async () => {
    const a = await agent();
    const r = await runProbe(a.url, local, {}, {signal: signal(), env: {http_proxy: 'http://user:pw@proxy.invalid:3128'}});
    expect(r.proxy).toMatchObject({applies: 'http_proxy', capturesAgent: true, vars: [{name: 'http_proxy', value: 'http://user:********@proxy.invalid:3128'}]});
    expect(r.verdict).toMatchObject({ok: true, rule: 'proxy-captures-agent'});
    expect(r.steps.find((s) => s.step === 'proxy')?.status).toBe('fail');
    const exempt = await runProbe(a.url, local, {}, {signal: signal(), env: {http_proxy: 'http://proxy.invalid:3128', no_proxy: '127.0.0.1'}});
    expect(exempt.verdict.rule).toBeNull();
  });

  it('sends progress: running, then each step, in order; a throwing listener does not stop the probe', async () => {
    const a = await agent();
    const seen: ProbeStep[] = [];
    const r = await runProbe(a.url, local, {writeCheck: true}, {
      signal: signal(),
      env: {},
      onStep: (s) => {
        seen.push(s);
        throw new Error('listener fault');
      },
    });
    expect(seen[0]).toEqual({step: 'resolve-target', status: 'running', ms: null, detail: null});
    const finals = seen.filter((s) => s.status !== 'running').map((s) => s.step);
    expect(finals).toEqual(['resolve-target', 'proxy', 'dns', 'tcp', 'http-info', 'write-check']);
    expect(r.verdict.ok).toBe(true);
  });

  it('an abort while waiting on a hanging agent ends the probe at once', async () => {
    const a = await agent('hang');
    const ac = new AbortController();
    const t0 = performance.now();
    const p = runProbe(a.url, local, {timeoutMs: 10_000}, {signal: ac.signal, env: {}});
    await waitFor(() => a.requests.length > 0, 'the request to reach the hanging agent');
    ac.abort();
    await expect(p).rejects.toMatchObject({code: 'aborted'});
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

describe('runProbe: bad input gets a clear error, never a crash', () => {
  it.each([
    ['words with a space', 'garbage x', 'probe_target_err_invalid'],
    ['port 0', 'http://localhost:0', 'probe_target_err_port'],
    ['port 99999', 'localhost:99999', 'probe_target_err_port'],
    ['wrong scheme', 'ftp://localhost:8126', 'probe_target_err_scheme'],
    ['a 100 000-character string', 'x'.repeat(100_000), 'probe_target_err_long'],
    ['a relative socket', 'unix://relative', 'probe_target_err_socket_relative'],
    ['control characters', 'localhost:8126\r\nHost: evil', 'probe_target_err_invalid'],
  ])('target: %s → bad-target', async (_why, t, key) => {
    const err = await runProbe(t, local, {}, {signal: signal(), env: {}}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProbeFailure);
    expect((err as ProbeFailure).isBadInput).toBe(true);
    expect((err as ProbeFailure).msg.key).toBe(key);
  });

  it('a bad DD_TRACE_AGENT_URL names the variable', async () => {
    const err = (await runProbe(null, local, {}, {signal: signal(), env: {DD_TRACE_AGENT_URL: 'https://agent:8126'}}).catch((e: unknown) => e)) as ProbeFailure;
    expect([err.code, err.msg.key, err.detail]).toEqual(['bad-target', 'probe_target_err_https', 'DD_TRACE_AGENT_URL']);
  });

  it.each([[{timeoutMs: 0}], [{timeoutMs: 10_000_000}], [{timeoutMs: 1.5}], [{timeoutMs: Number.NaN}], [{connectTimeoutMs: -1}], [{writeCheck: 'yes' as unknown as boolean}]])('options %j → bad-options', async (opts) => {
    await expect(runProbe('127.0.0.1:1', local, opts, {signal: signal(), env: {}})).rejects.toMatchObject({code: 'bad-options'});
  });

  it.each([[{kind: 'docker', container: '--privileged'}], [{kind: 'k8s', pod: 'Bad_Pod'}], [{kind: 'ssh'}], [null]])('vantage %j → bad-vantage, nothing is run', async (v) => {
    await expect(runProbe('127.0.0.1:1', v as never, {}, {signal: signal(), env: {}})).rejects.toMatchObject({code: 'bad-vantage'});
  });
});
