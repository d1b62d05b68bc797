// The in-target probe programs (bridge/exec/templates.ts) run FOR REAL here: each template's
// argv is executed on this machine with execFile exactly as `docker exec`/`kubectl exec` would
// run it inside a container (vantage `local` = no wrapper), against the local fake agent.
import {execFileSync, spawnSync} from 'node:child_process';
import {chmodSync, mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {ProbeTool} from '../../shared/probe/types';
import {assess} from '../../shared/probe/verdict';
import {nodeProbe, pythonProbe} from '../../bridge/exec/templates';
import {reportsFrom} from '../../bridge/probe/assemble';
import {ProbeFailure, runProbeWithTool} from '../../bridge/probe/index';
import {detectInTarget} from '../../bridge/probe/in-target';
import {parseScriptOutput} from '../../bridge/probe/in-target-parse';
import {proxyReport} from '../../shared/probe/proxy';
import {parseTarget} from '../../shared/probe/target';
import {startFakeAgent, type FakeAgent, type FakeAgentMode} from '../fixtures/agent/fake-agent.mjs';

const has = (bin: string) => spawnSync('sh', ['-c', 'command -v "$1"', 'sh', bin]).status === 0;
const ALL: ProbeTool[] = ['curl', 'wget', 'node', 'python3', 'bash'];
const TOOLS = ALL.filter(has);
const missing = ALL.filter((t) => !TOOLS.includes(t));
const local = {kind: 'local'} as const;
const hooks = () => ({signal: new AbortController().signal, env: {}});

const agents: FakeAgent[] = [];
async function agent(mode: FakeAgentMode = 'ok', listen?: {path: string}): Promise<FakeAgent> {
  const a = await startFakeAgent({mode, ...(listen ? {listen} : {})});
  agents.push(a);
  return a;
}
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as {port: number}).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'apmdoc-tpl-'));
});
afterAll(async () => {
  await Promise.all(agents.map((a) => a.close()));
  rmSync(dir, {recursive: true, force: true});
});

describe('in-target templates, run for real on this machine', () => {
  it('every tool the templates use is installed here (otherwise say which)', () => {
    expect(missing, `missing on this machine: ${missing.join(', ')}`).toEqual([]);
  });

  it('detection (sh script) finds the tools in the agreed order and reads the environment', async () => {
    const d = await detectInTarget(local, new AbortController().signal);
    expect(d.tools).toEqual(TOOLS);
    expect(d.env['PATH']).toBe(process.env['PATH']);
  });

  describe.each(TOOLS)('%s', (tool) => {
    it('reads a healthy agent\'s /info', async () => {
      const a = await agent();
      const r = await runProbeWithTool(tool, a.url, local, {}, hooks());
      expect(r.tool).toBe(tool);
      expect(r.info?.version).toBe('7.57.2');
      expect(r.http).toMatchObject({status: 200, outcome: 'info'});
      expect(r.tcp.some((t) => t.ok)).toBe(true);
      expect(r.verdict).toMatchObject({ok: true, cause: null});
    });

    it('write check reaches /v0.4/traces and gets 200', async () => {
      const a = await agent();
      const r = await runProbeWithTool(tool, a.url, local, {writeCheck: true}, hooks());
      expect(r.writeCheck).toMatchObject({status: 200, error: null});
      const post = a.requests.find((q) => q.url === '/v0.4/traces');
      expect(post?.method).toBe('POST');
      // wget cannot send a raw 0x90 byte portably; it sends PHP's JSON `[]` check instead.
      const expected = tool === 'wget' ? {type: 'application/json', body: [...Buffer.from('[]')]} : {type: 'application/msgpack', body: [0x90]};
      expect({type: post?.headers['content-type'], body: [...(post?.body ?? [])]}).toEqual(expected);
      expect(r.writeCheck?.agentVersionHeader).toBe('7.57.2');
    });

    it('refused → cause refused, answered fast', async () => {
      const port = await freePort();
      const t0 = performance.now();
      const r = await runProbeWithTool(tool, `127.0.0.1:${port}`, local, {timeoutMs: 5000}, hooks());
      expect(performance.now() - t0).toBeLessThan(3000);
      expect(r.tcp.find((t) => !t.ok)?.error?.code).toBe('ECONNREFUSED');
      expect(r.verdict).toMatchObject({ok: false, cause: 'refused'});
    });

    it('a hanging agent → connected, no HTTP answer, within the timeout', async () => {
      const a = await agent('hang');
      const t0 = performance.now();
      const r = await runProbeWithTool(tool, a.url, local, {timeoutMs: 1000}, hooks());
      const ms = performance.now() - t0;
      expect(ms).toBeGreaterThanOrEqual(900);
      expect(ms).toBeLessThan(5000);
      expect(r.tcp.some((t) => t.ok)).toBe(true);
      expect(r.http?.error?.code).toBe('TIMEOUT');
      expect(r.verdict).toMatchObject({ok: false, cause: 'timeout'});
    });

    it('the recorded pre-7.27 404 → old agent or another service', async () => {
      const a = await agent('404');
      const r = await runProbeWithTool(tool, a.url, local, {}, hooks());
      expect(r.http).toMatchObject({status: 404, outcome: 'not-found'});
      expect(r.verdict).toMatchObject({ok: false, cause: 'http_status'});
    });

    it('an unresolvable host → dns', async () => {
      const r = await runProbeWithTool(tool, 'no-such-host.invalid:8126', local, {}, hooks());
      expect(r.dns?.error?.code).toMatch(/^(ENOTFOUND|EAI_AGAIN)$/);
      expect(r.verdict).toMatchObject({ok: false, cause: 'dns'});
    });

    const unixCapable = tool !== 'wget' && tool !== 'bash';
    it.runIf(!unixCapable)('cannot reach a Unix socket, and says so instead of guessing', async () => {
      const path = join(dir, `${tool}.socket`);
      await agent('ok', {path});
      await expect(runProbeWithTool(tool, `unix://${path}`, local, {}, hooks())).rejects.toMatchObject({code: 'no-tool'});
    });

    it.runIf(unixCapable)('probes a Unix socket (ok, write check, missing socket)', async () => {
      const path = join(dir, `${tool}.socket`);
      await agent('ok', {path});
      const ok = await runProbeWithTool(tool, `unix://${path}`, local, {writeCheck: true}, hooks());
      expect(ok.verdict.ok).toBe(true);
      expect(ok.writeCheck?.status).toBe(200);
      const missingSocket = await runProbeWithTool(tool, `unix://${join(dir, 'none.socket')}`, local, {}, hooks());
      expect(missingSocket.verdict).toMatchObject({ok: false, cause: 'uds_missing'});
    });
  });

  const setpriv = has('setpriv') && process.getuid?.() === 0 && has('/usr/bin/python3');
  it.skipIf(!setpriv)('node and python3 templates report EACCES on a socket this user may not open (run as nobody via setpriv)', async () => {
    const sub = join(dir, 'private');
    mkdirSync(sub);
    const path = join(sub, 'apm.socket');
    await agent('ok', {path});
    chmodSync(sub, 0o700);
    const target = parseTarget(`unix://${path}`);
    if ('error' in target) throw new Error('bad target');
    const args = {target, timeoutMs: 2000, connectTimeoutMs: 2000, writeCheck: false, maxBytes: 1 << 20};
    // The system interpreters: a pyenv shim under /root is not readable by nobody.
    const py = ['/usr/bin/python3', ...pythonProbe(args).slice(1)];
    for (const [tool, argv] of [['node', nodeProbe(args)], ['python3', py]] as const) {
      const out = execFileSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', ...argv], {encoding: 'utf8'});
      const obs = parseScriptOutput(out, tool);
      expect({tool, code: obs?.unix?.connect.error?.code}).toEqual({tool, code: 'EACCES'});
      const tgt = {...target, input: null, rule: 'argument' as const, from: {}};
      const a = assess({target: tgt, ...reportsFrom(obs!, target), proxy: proxyReport(target, {})}, {inContainer: true, portHolder: null});
      expect({tool, cause: a.cause, rule: a.fallbackRule}).toEqual({tool, cause: 'uds_permission', rule: 'uds-permission'});
    }
  });

  it('a tool the target lacks is a clear no-tool failure, not a crash', async () => {
    const err = await runProbeWithTool('node', 'unix:///tmp/x.sock', {kind: 'docker', container: 'x'}, {}, hooks()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProbeFailure);
  });
});
