// Can the Firefox build reach the bridge at all? A background script in real Firefox ESR
// (headless, web-ext run) opens ws://127.0.0.1:PORT under the content security policy our build
// writes for Firefox, and — for contrast — under Firefox's default MV3 policy. A raw local server
// records what arrives: with our policy an HTTP upgrade carrying `Origin: moz-extension://…`
// (which the bridge accepts); with the default one a TLS hello, because the default policy's
// `upgrade-insecure-requests` turned ws:// into wss://. Skipped where firefox-esr isn't installed.
import {spawn} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createServer, type Server} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {ensureReleaseBuild} from './helpers/build';
import {isExtensionOrigin} from '../../bridge/handshake';

const FIREFOX = '/usr/bin/firefox-esr';
const ROOT = new URL('../../', import.meta.url).pathname;
const dirs: string[] = [];

afterAll(() => {
  for (const d of dirs) rmSync(d, {recursive: true, force: true});
});

/** Loads a one-file background extension in Firefox and returns the first bytes/headers that reach `server`. */
async function firstContact(csp: string | null): Promise<string> {
  let resolveSeen: (s: string) => void = () => undefined;
  const seen = new Promise<string>((r) => (resolveSeen = r));
  const server: Server = createServer((sock) => {
    sock.once('data', (d: Buffer) => {
      resolveSeen(d.toString('latin1'));
      sock.destroy();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as {port: number}).port;
  const ext = mkdtempSync(join(tmpdir(), 'apm-doctor-ffws-'));
  const profile = mkdtempSync(join(tmpdir(), 'apm-doctor-ffprof-'));
  dirs.push(ext, profile);
  mkdirSync(ext, {recursive: true});
  writeFileSync(
    join(ext, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'ws-check',
      version: '1.0',
      browser_specific_settings: {gecko: {id: 'ws-check@apm-doctor.test'}},
      background: {scripts: ['bg.js']},
      ...(csp ? {content_security_policy: {extension_pages: csp}} : {}),
    }),
  );
  writeFileSync(join(ext, 'bg.js'), `setTimeout(() => { const ws = new WebSocket('ws://127.0.0.1:${port}/'); ws.onerror = () => {}; }, 500);`);
  const runner = spawn(process.execPath, [`${ROOT}node_modules/web-ext/bin/web-ext.js`, 'run', '--source-dir', ext, `--firefox=${FIREFOX}`, '--arg=-headless', '--no-input', '--no-reload', `--firefox-profile=${profile}`], {
    stdio: 'ignore',
    detached: true,
  });
  try {
    return await seen;
  } finally {
    if (runner.pid !== undefined) {
      const exited = new Promise((r) => runner.once('exit', r));
      process.kill(-runner.pid, 'SIGTERM');
      await exited;
    }
    await new Promise((r) => server.close(r));
  }
}

describe.skipIf(!existsSync(FIREFOX))('Firefox background → bridge WebSocket (real Firefox ESR)', () => {
  it('reaches ws://127.0.0.1 with a moz-extension Origin the bridge accepts, under our Firefox policy', {timeout: 90_000}, async () => {
    // The policy exactly as the built dist/firefox/manifest.json carries it.
    const {firefox} = ensureReleaseBuild();
    const manifest = JSON.parse(readFileSync(join(firefox, 'manifest.json'), 'utf8')) as {content_security_policy?: {extension_pages?: string}};
    const csp = manifest.content_security_policy?.extension_pages ?? null;
    expect(csp).not.toBeNull();
    const first = await firstContact(csp);
    expect(first).toMatch(/^GET \/ HTTP\/1\.1\r\n/);
    expect(first).toMatch(/\r\nupgrade: websocket\r\n/i);
    const origin = /\r\norigin: (\S+)\r\n/i.exec(first)?.[1] ?? '';
    expect(origin).toMatch(/^moz-extension:\/\//);
    expect(isExtensionOrigin(origin)).toBe(true);
  });

  it('sends a TLS hello instead under Firefox MV3 default policy (why the build sets its own)', {timeout: 90_000}, async () => {
    const first = await firstContact(null);
    // 0x16 0x03: a TLS handshake record — ws:// was upgraded to wss://.
    expect(first.charCodeAt(0)).toBe(0x16);
    expect(first.charCodeAt(1)).toBe(0x03);
  });
});
