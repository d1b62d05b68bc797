// Two network namespaces, "app" and "agent", joined by a veth pair on a private /30 that exists
// only inside them. A fake agent answering the recorded /info runs in "agent"; the built
// `apm-doctor probe` runs in "app", where localhost:8126 is refused (nothing there — the
// classic container mistake) while the agent's address answers. Needs root and iproute2.
import {execFile, execFileSync, spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {ProbeResult} from '../../shared/probe/types';
import {repoRoot} from './probe-helpers';

const isRoot = process.getuid?.() === 0;
const hasIp = spawnSync('ip', ['-V']).status === 0;
const cli = join(repoRoot, 'dist/cli/apm-doctor.cjs');
const built = existsSync(cli);
const why = !isRoot ? 'not root' : !hasIp ? 'iproute2 (`ip`) missing' : !built ? 'dist/cli/apm-doctor.cjs not built (npm run build)' : '';

const id = randomBytes(3).toString('hex');
const appNs = `apmdoc-app-${id}`;
const agentNs = `apmdoc-agt-${id}`;
const vethApp = `ada${id}`;
const vethAgent = `adg${id}`;
// A /30 inside 10.213.0.0/16, picked per run; it exists only inside the two namespaces.
const block = (parseInt(id, 16) % 16384) * 4;
const net = `10.213.${block >> 8}.${block & 255}`;
const appIp = net.replace(/\.(\d+)$/, (_m, last: string) => `.${Number(last) + 1}`);
const agentIp = net.replace(/\.(\d+)$/, (_m, last: string) => `.${Number(last) + 2}`);

const created: string[] = [];
let server: ChildProcess | null = null;
const ip = (...args: string[]) => execFileSync('ip', args, {stdio: 'pipe'});

function probeInApp(args: string[], env: Record<string, string> = {}): Promise<{code: number | null; result: ProbeResult}> {
  return new Promise((resolve, reject) => {
    const child = execFile('ip', ['netns', 'exec', appNs, 'env', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), process.execPath, cli, 'probe', '--format', 'json', ...args], {encoding: 'utf8', timeout: 20_000}, (_e, stdout, stderr) => {
      try {
        resolve({code: child.exitCode, result: JSON.parse(stdout) as ProbeResult});
      } catch {
        reject(new Error(`no JSON from the probe in ${appNs}: ${stderr || stdout}`));
      }
    });
  });
}

describe.skipIf(why !== '')(`probe across network namespaces${why ? ` (skipped: ${why})` : ''}`, () => {
  beforeAll(async () => {
    ip('netns', 'add', appNs);
    created.push(appNs);
    ip('netns', 'add', agentNs);
    created.push(agentNs);
    ip('link', 'add', vethApp, 'type', 'veth', 'peer', 'name', vethAgent);
    ip('link', 'set', vethApp, 'netns', appNs);
    ip('link', 'set', vethAgent, 'netns', agentNs);
    ip('-n', appNs, 'addr', 'add', `${appIp}/30`, 'dev', vethApp);
    ip('-n', agentNs, 'addr', 'add', `${agentIp}/30`, 'dev', vethAgent);
    for (const [ns, dev] of [[appNs, vethApp], [agentNs, vethAgent]] as const) {
      ip('-n', ns, 'link', 'set', 'lo', 'up');
      ip('-n', ns, 'link', 'set', dev, 'up');
    }
    server = spawn('ip', ['netns', 'exec', agentNs, process.execPath, join(repoRoot, 'test/fixtures/agent/fake-agent.mjs'), '--host', agentIp, '--port', '8126'], {stdio: ['ignore', 'pipe', 'pipe']});
    // Wait for the server's own "listening" line, not a guessed delay.
    await new Promise<void>((resolve, reject) => {
      let out = '';
      server!.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('listening')) resolve();
      });
      server!.once('exit', (code) => reject(new Error(`fake agent exited (${code}) before listening`)));
    });
  }, 30_000);

  afterAll(() => {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
    }
    // Deleting a namespace removes the veth end inside it (and so the pair).
    for (const ns of created.reverse()) spawnSync('ip', ['netns', 'del', ns]);
    if (spawnSync('ip', ['netns', 'list'], {encoding: 'utf8'}).stdout.includes(id)) throw new Error(`namespaces ${appNs}/${agentNs} were not removed`);
  });

  it('localhost:8126 is refused inside the app namespace — nothing listens there', async () => {
    const {code, result} = await probeInApp(['localhost:8126']);
    expect(code).toBe(1);
    expect(result.tcp.length).toBeGreaterThan(0);
    expect(result.tcp.every((t) => t.error?.code === 'ECONNREFUSED' || t.error?.code === 'EADDRNOTAVAIL')).toBe(true);
    expect(result.verdict).toMatchObject({ok: false, cause: expect.stringMatching(/^(refused|addr_not_available)$/)});
  });

  it('the agent\'s address across the veth answers with the recorded /info, write check included', async () => {
    const {code, result} = await probeInApp([`http://${agentIp}:8126`, '--write-check']);
    expect(code).toBe(0);
    expect(result.tcp).toEqual([expect.objectContaining({address: agentIp, ok: true})]);
    expect(result.info?.version).toBe('7.57.2');
    expect(result.writeCheck?.status).toBe(200);
    expect(result.verdict.ok).toBe(true);
  });

  it('DD_AGENT_HOST set in the app namespace picks the agent, and the output says so', async () => {
    const {result} = await probeInApp([], {DD_AGENT_HOST: agentIp});
    expect(result.target).toMatchObject({rule: 'DD_AGENT_HOST', url: `http://${agentIp}:8126`});
    expect(result.verdict.ok).toBe(true);
  });

  it('from the host namespace the /30 does not exist (the addresses live only in the namespaces)', () => {
    const r = spawnSync('ip', ['route', 'get', agentIp], {encoding: 'utf8'});
    expect(`${r.stdout}${r.stderr}`).not.toContain(vethApp);
  });
});
