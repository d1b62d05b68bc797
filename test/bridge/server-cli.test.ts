// `apm-doctor bridge` as a user runs it: the built CLI in a child process, its stdout read for
// the address and the pairing code, then a real ws client pairs with what it printed.
import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process';
import {mkdtemp, readdir, rm, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {rawUpgrade, TestClient} from './harness';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli/apm-doctor.cjs');

/** Newest mtime under a source dir, to know whether dist/cli is stale. */
async function newest(dir: string): Promise<number> {
  let latest = 0;
  for (const entry of await readdir(dir, {withFileTypes: true, recursive: true})) {
    if (entry.isFile() && entry.name.endsWith('.ts')) latest = Math.max(latest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
  }
  return latest;
}

function runToEnd(args: string[], env: Record<string, string>): Promise<{code: number | null; stdout: string; stderr: string}> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, {cwd: root, env: {...process.env, ...env}});
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', fail);
    child.on('close', (code) => done({code, stdout, stderr}));
  });
}

interface RunningBridge {
  child: ChildProcessWithoutNullStreams;
  port: number;
  code: string;
  stdout(): string;
  stderr(): string;
  /** Resolves when stderr has matched. */
  stderrMatch(re: RegExp): Promise<string>;
  exited: Promise<number | null>;
}

/** Starts the CLI and resolves once it has printed its address and pairing code. */
function startCli(args: string[], env: Record<string, string>, cwd = root): Promise<RunningBridge> {
  const child = spawn(process.execPath, [cli, 'bridge', ...args], {cwd, env: {...process.env, ...env}});
  let out = '';
  let err = '';
  const stderrWaiters: (() => void)[] = [];
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  child.stderr.setEncoding('utf8').on('data', (c: string) => {
    err += c;
    for (const w of stderrWaiters.splice(0)) w();
  });
  return new Promise((done, fail) => {
    child.on('error', fail);
    void exited.then((code) => fail(new Error(`the bridge exited (${code}) before printing its address:\n${out}\n${err}`)));
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const port = /ws:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1];
      const code = /\b([A-HJKMNP-TV-Z2-9]{4}-[A-HJKMNP-TV-Z2-9]{4})\b/.exec(out)?.[1];
      if (port && code) {
        done({
          child,
          port: Number(port),
          code,
          stdout: () => out,
          stderr: () => err,
          stderrMatch: (re) =>
            new Promise((found) => {
              const check = (): void => {
                const m = re.exec(err);
                if (m) found(m[0]);
                else stderrWaiters.push(check);
              };
              check();
            }),
          exited,
        });
      }
    });
  });
}

let configDir: string;
let bridge: RunningBridge;

beforeAll(async () => {
  const built = await stat(cli).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  if (built < Math.max(await newest(join(root, 'bridge')), await newest(join(root, 'shared')))) {
    const build = await runToEnd([join(root, 'scripts/build-cli.mjs')], {});
    if (build.code !== 0) throw new Error(`build-cli failed:\n${build.stderr}`);
  }
  configDir = await mkdtemp(join(tmpdir(), 'apm-bridge-cli-'));
  bridge = await startCli(['--port', '0'], {APM_DOCTOR_CONFIG_DIR: configDir, LANG: 'C'});
}, 120_000);

afterAll(async () => {
  if (bridge.child.exitCode === null) bridge.child.kill('SIGKILL');
  await rm(configDir, {recursive: true, force: true});
});

describe('apm-doctor bridge', () => {
  let token = '';

  it('prints the bound address and a pairing code that pairs a real extension client', async () => {
    expect(bridge.port).toBeGreaterThan(0);
    expect(bridge.stdout()).toMatch(/listening on ws:\/\/127\.0\.0\.1:\d+, ws:\/\/\[::1\]:\d+ \(this machine only\)/);
    const c = await TestClient.open(bridge.port);
    const reply = await c.call({type: 'pair', code: bridge.code});
    expect(reply.type).toBe('paired');
    token = reply.type === 'paired' ? reply.token : '';
    expect(await bridge.stderrMatch(/Paired with chrome-extension:\/\/[a-p]{32}/)).toBeTruthy();
    c.close();
  });

  it('logs a refused web page on stderr', async () => {
    expect((await rawUpgrade(bridge.port, {origin: 'http://localhost:3000'})).status).toBe(403);
    expect(await bridge.stderrMatch(/Refused a connection \(bad-origin\) from origin http:\/\/localhost:3000/)).toBeTruthy();
  });

  it('exits 2 with a clear message when the port is already in use', async () => {
    const second = await runToEnd([cli, 'bridge', '--port', String(bridge.port)], {APM_DOCTOR_CONFIG_DIR: configDir, LANG: 'C'});
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`Port ${bridge.port} on 127.0.0.1 is already in use`);
    expect(second.stdout).toBe('');
  });

  it('--forget revokes the tokens of a bridge that is still running', async () => {
    const forget = await runToEnd([cli, 'bridge', '--forget'], {APM_DOCTOR_CONFIG_DIR: configDir, LANG: 'C'});
    expect(forget.code).toBe(0);
    expect(forget.stdout).toContain('Forgot 1 paired browser(s)');
    const c = await TestClient.open(bridge.port);
    expect(await c.call({type: 'hello', token})).toMatchObject({type: 'error', code: 'not-paired'});
    c.close();
  });

  it('exits 0 after a clean shutdown on SIGTERM', async () => {
    const c = await TestClient.open(bridge.port);
    bridge.child.kill('SIGTERM');
    expect(await bridge.exited).toBe(0);
    expect((await c.waitClosed()).code).toBe(1001);
    expect(bridge.stderr()).toContain('Stopping the bridge');
  });

  it.each([
    [['--port', 'http'], /--port must be a whole number/],
    [['--port', '70000'], /--port must be a whole number/],
    [['--listen', '0.0.0.0'], /unknown option --listen/],
  ])('exits 2 on bad usage %j', async (args, message) => {
    const run = await runToEnd([cli, 'bridge', ...args], {APM_DOCTOR_CONFIG_DIR: configDir, LANG: 'C'});
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('--welcome says how to load the extension, in Korean for a Korean locale', async () => {
    const b = await startCli(['--port', '0', '--welcome'], {APM_DOCTOR_CONFIG_DIR: configDir, LANG: 'ko_KR.UTF-8'});
    expect(b.stdout()).toContain('chrome://extensions');
    expect(b.stdout()).toMatch(/dist[/\\]chrome/);
    expect(b.stdout()).toContain('about:debugging');
    expect(b.stdout()).toMatch(/dist[/\\]firefox[/\\]manifest\.json/);
    expect(b.stdout()).toContain('페어링 코드');
    b.child.kill('SIGINT');
    expect(await b.exited).toBe(0);
  });

  it('--welcome points at the built extension beside the CLI, whatever the working directory', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'apm-welcome-'));
    const b = await startCli(['--port', '0', '--welcome'], {APM_DOCTOR_CONFIG_DIR: configDir, LANG: 'C'}, elsewhere);
    try {
      expect(b.stdout()).toContain(join(root, 'dist', 'chrome'));
      expect(b.stdout()).toContain(join(root, 'dist', 'firefox', 'manifest.json'));
    } finally {
      b.child.kill('SIGINT');
      await rm(elsewhere, {recursive: true, force: true});
    }
    expect(await b.exited).toBe(0);
  });
});
