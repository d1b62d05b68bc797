// `apm-doctor probe` and `apm-doctor status` as commands, in-process with a captured Io, plus
// the built CLI (dist/cli/apm-doctor.cjs) as a real process when it has been built.
import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import type {ProbeResult} from '../../shared/probe/types';
import {run as probe} from '../../bridge/commands/probe';
import {run as status} from '../../bridge/commands/status';
import type {Io} from '../../bridge/io';
import {startFakeAgent, type FakeAgent} from '../fixtures/agent/fake-agent.mjs';
import {repoRoot} from './probe-helpers';

function io(env: Record<string, string> = {}, isTty = false): Io & {stdout: string; stderr: string} {
  const box = {
    stdout: '',
    stderr: '',
    out: (t: string) => void (box.stdout += t),
    outBytes: (b: Uint8Array) => void (box.stdout += Buffer.from(b).toString('utf8')),
    err: (t: string) => void (box.stderr += t),
    readStdin: async () => '',
    isTty,
    env,
  };
  return box;
}
const agents: FakeAgent[] = [];
afterAll(async () => Promise.all(agents.map((a) => a.close())));
async function agent(mode: 'ok' | 'hang' = 'ok') {
  const a = await startFakeAgent({mode});
  agents.push(a);
  return a;
}

describe('apm-doctor probe (in-process)', () => {
  it('--format json prints exactly one ProbeResult object; exit 0 when the agent answered', async () => {
    const a = await agent();
    const x = io();
    expect(await probe(['--format', 'json', a.url], x)).toBe(0);
    const lines = x.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const r = JSON.parse(lines[0]!) as ProbeResult;
    expect(r).toMatchObject({v: 1, target: {url: a.url, rule: 'argument'}, http: {status: 200}, verdict: {ok: true}});
    expect(x.stderr).toBe('');
  });

  it('text: steps, agent version, verdict; no colour without a TTY, colour with one', async () => {
    const a = await agent();
    const plain = io();
    await probe([a.url, '--write-check'], plain);
    expect(plain.stdout).toMatch(/APM agent probe — http:\/\/127\.0\.0\.1:\d+/);
    expect(plain.stdout).toMatch(/✓ GET \/info +HTTP 200, agent 7\.57\.2/);
    expect(plain.stdout).toMatch(/✓ Write check +POST \/v0\.4\/traces → HTTP 200/);
    expect(plain.stdout).toMatch(/Verdict: OK — The agent answered at/);
    expect(plain.stdout).not.toContain('\x1b[');
    const tty = io({}, true);
    await probe([a.url], tty);
    expect(tty.stdout).toContain('\x1b[32m✓');
  });

  it('Korean with LANG=ko_KR.UTF-8', async () => {
    const a = await agent();
    const x = io({LANG: 'ko_KR.UTF-8'});
    await probe([a.url], x);
    expect(x.stdout).toMatch(/APM 에이전트 점검/);
    expect(x.stdout).toMatch(/판정: 정상 — .*에이전트가 응답했습니다/);
  });

  it('refused → exit 1 with the verdict; a hanging agent → exit 1 within --timeout', async () => {
    const h = await agent('hang');
    const x = io();
    const t0 = performance.now();
    expect(await probe(['--format', 'json', '--timeout', '300', h.url], x)).toBe(1);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect((JSON.parse(x.stdout) as ProbeResult).verdict.cause).toBe('timeout');
    const y = io();
    expect(await probe(['127.0.0.1:1'], y)).toBe(1);
    expect(y.stdout).toMatch(/Verdict: PROBLEM — Connection refused|Verdict: PROBLEM — Connection refused at http:\/\/127\.0\.0\.1:1 from inside a container/);
  });

  it('the default target comes from the environment, and says so', async () => {
    const a = await agent();
    const x = io({DD_TRACE_AGENT_URL: a.url});
    expect(await probe(['--format', 'json'], x)).toBe(0);
    expect((JSON.parse(x.stdout) as ProbeResult).target.rule).toBe('DD_TRACE_AGENT_URL');
  });

  it.each([
    [['garbage target'], 'a space inside the target'],
    [['ftp://x:1'], 'wrong scheme'],
    [['localhost:0'], 'port 0'],
    [['localhost:99999'], 'port 99999'],
    [['x'.repeat(10_000)], 'huge string'],
    [['--timeout', '0', 'localhost:8126'], 'timeout 0'],
    [['--timeout', 'soon'], 'timeout not a number'],
    [['--format', 'xml'], 'unknown format'],
    [['--bogus'], 'unknown flag'],
    [['--docker', 'a', '--k8s', 'b'], 'two vantages'],
    [['--docker', '-rm'], 'flag-like container name'],
    [['--k8s', 'ns/Pod_1'], 'bad pod name'],
    [['-c', 'app'], '-c without --k8s'],
  ])('%j → exit 2 with a message on stderr (%s)', async (argv) => {
    const x = io();
    expect(await probe(argv, x)).toBe(2);
    expect(x.stdout).toBe('');
    expect(x.stderr).toMatch(/^apm-doctor probe: /);
  });

  it('a bad DD_TRACE_AGENT_URL is named in the message (exit 2)', async () => {
    const x = io({DD_TRACE_AGENT_URL: 'https://agent:8126'});
    expect(await probe([], x)).toBe(2);
    expect(x.stderr).toMatch(/In DD_TRACE_AGENT_URL: The trace receiver speaks plain HTTP, not HTTPS/);
  });
});

describe('apm-doctor status (in-process)', () => {
  it.each([[['--format', 'yaml']], [['extra']], [['--docker', 'a b']], [['--k8s', '']]])('%j → exit 2', async (argv) => {
    const x = io();
    expect(await status(argv, x)).toBe(2);
    expect(x.stderr).toMatch(/^apm-doctor status: /);
  });
});

describe('the built CLI as a process', () => {
  const cli = join(repoRoot, 'dist/cli/apm-doctor.cjs');
  it.skipIf(!existsSync(cli))('node dist/cli/apm-doctor.cjs probe --format json prints the result and exits 0 (skipped until `npm run build`)', async () => {
    const a = await agent();
    const {code, stdout} = await new Promise<{code: number | null; stdout: string}>((resolve) => {
      const child = execFile(process.execPath, [cli, 'probe', '--format', 'json', a.url], {encoding: 'utf8'}, (_e, out) => resolve({code: child.exitCode, stdout: out}));
    });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as ProbeResult).info?.version).toBe('7.57.2');
  });
});
