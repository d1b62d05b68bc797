// Every refusal before the upgrade, over a real socket (ws's websocket-server.test.js style):
// a bridge on 127.0.0.1:0, raw upgrade requests, the status and error code asserted, and no
// connection accepted.
import {request} from 'node:http';
import {networkInterfaces} from 'node:os';
import {Socket} from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startBridge} from '../../bridge/server';
import {EXT_ORIGIN, FIREFOX_ORIGIN, nextEvent, rawUpgrade, startTestBridge, TestClient, type TestBridge} from './harness';

let bridge: TestBridge;
let port: number;

beforeAll(async () => {
  bridge = await startTestBridge({limits: {maxConnections: 3}});
  port = bridge.server.port;
});
afterAll(() => bridge.close());

function expectRefused(answer: {status: number; headers: Record<string, unknown>}, status: number, code: string): void {
  expect(answer.status).toBe(status);
  expect(answer.headers['x-apm-doctor-error']).toBe(code);
}

describe('the bridge handshake', () => {
  it('accepts a GET from a Chrome extension origin with Host 127.0.0.1:PORT (the control case)', async () => {
    const answer = await rawUpgrade(port, {});
    expect(answer.status).toBe(101);
  });

  it.each([
    ['localhost', (p: number) => `localhost:${p}`],
    ['LOCALHOST in capitals', (p: number) => `LOCALHOST:${p}`],
    ['[::1]', (p: number) => `[::1]:${p}`],
  ])('accepts Host %s with the bridge port', async (_name, host) => {
    expect((await rawUpgrade(port, {host: host(port)})).status).toBe(101);
  });

  it('accepts a Firefox extension origin', async () => {
    expect((await rawUpgrade(port, {origin: FIREFOX_ORIGIN})).status).toBe(101);
  });

  it('refuses with 405 bad-method when the handshake is not a GET', async () => {
    const refused = nextEvent(bridge.server, 'refused');
    expectRefused(await rawUpgrade(port, {method: 'POST'}), 405, 'bad-method');
    expect((await refused).method).toBe('POST');
  });

  it.each([
    ['a rebinding name', (p: number) => `attacker.example:${p}`],
    ['a LAN address', (p: number) => `192.168.1.20:${p}`],
    ['0.0.0.0', (p: number) => `0.0.0.0:${p}`],
    ['127.0.0.1 with another port', (p: number) => `127.0.0.1:${p + 1}`],
    ['127.0.0.1 without a port', () => '127.0.0.1'],
    ['localhost. with a trailing dot', (p: number) => `localhost.:${p}`],
    ['a loopback name as a suffix', (p: number) => `localhost.attacker.example:${p}`],
  ])('refuses with 421 bad-host when Host is %s (DNS rebinding)', async (_name, host) => {
    expectRefused(await rawUpgrade(port, {host: host(port)}), 421, 'bad-host');
  });

  it('refuses with 421 bad-host when Host is missing', async () => {
    expectRefused(await rawUpgrade(port, {host: null}), 421, 'bad-host');
  });

  it('refuses with 421 bad-host when a chrome-extension:// origin comes with a bad Host', async () => {
    const refused = nextEvent(bridge.server, 'refused');
    expectRefused(await rawUpgrade(port, {host: `evil.test:${port}`, origin: EXT_ORIGIN}), 421, 'bad-host');
    expect(await refused).toMatchObject({code: 'bad-host', host: `evil.test:${port}`, origin: EXT_ORIGIN});
  });

  it.each([
    ['a localhost web page', 'http://localhost:3000'],
    ['a 127.0.0.1 web page', 'http://127.0.0.1:8080'],
    ['an https site', 'https://attacker.example'],
    ['null (sandboxed iframe, data: URL)', 'null'],
    ['file://', 'file://'],
    ['chrome-extension:// with no id', 'chrome-extension://'],
    ['a chrome-extension id with letters beyond p', 'chrome-extension://abcdefghijklmnopqrstuvwxyzabcdef'],
    ['a chrome-extension id with a path', `${EXT_ORIGIN}/popup.html`],
    ['an extension origin followed by a second origin', `${EXT_ORIGIN}, http://attacker.example`],
    ['moz-extension:// with no uuid', 'moz-extension://'],
    ['an extension-like prefix on a web origin', 'http://chrome-extension.attacker.example'],
  ])('refuses with 403 bad-origin when Origin is %s', async (_name, origin) => {
    const refused = nextEvent(bridge.server, 'refused');
    expectRefused(await rawUpgrade(port, {origin}), 403, 'bad-origin');
    expect((await refused).origin).toBe(origin);
  });

  it('refuses with 403 bad-origin when Origin is missing', async () => {
    expectRefused(await rawUpgrade(port, {origin: null}), 403, 'bad-origin');
  });

  it('refuses with 503 busy when maxConnections are open', async () => {
    const clients = await Promise.all([0, 1, 2].map(() => TestClient.open(port)));
    expectRefused(await rawUpgrade(port, {}), 503, 'busy');
    const gone = clients.map((c) => c.waitClosed());
    for (const c of clients) c.close();
    await Promise.all(gone);
  });

  it('counts each refusal by code and accepts nothing it refused', async () => {
    const before = structuredClone(bridge.server.stats);
    await rawUpgrade(port, {origin: 'http://localhost:3000'});
    await rawUpgrade(port, {host: `evil.test:${port}`});
    await rawUpgrade(port, {method: 'PUT'});
    expect(bridge.server.stats.refused['bad-origin']).toBe(before.refused['bad-origin'] + 1);
    expect(bridge.server.stats.refused['bad-host']).toBe(before.refused['bad-host'] + 1);
    expect(bridge.server.stats.refused['bad-method']).toBe(before.refused['bad-method'] + 1);
    expect(bridge.server.stats.accepted).toBe(before.accepted);
  });

  it('answers a plain HTTP request with 426 and nothing about itself', async () => {
    const answer = await new Promise<{status: number; body: string}>((resolve, reject) => {
      request({host: '127.0.0.1', port, path: '/info'}, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (c: string) => (body += c));
        res.on('end', () => resolve({status: res.statusCode ?? 0, body}));
      })
        .on('error', reject)
        .end();
    });
    expect(answer.status).toBe(426);
    expect(answer.body).not.toMatch(/apm|doctor|bridge|version/i);
  });
});

describe('where the bridge listens', () => {
  it('binds 127.0.0.1 and ::1 only, never a wildcard or another interface', async () => {
    const two = await startTestBridge({hosts: ['127.0.0.1', '::1']});
    try {
      const bound = two.server.addresses.map((a) => a.address).sort();
      expect(bound).toEqual(['127.0.0.1', '::1']);
      expect(two.server.addresses.every((a) => a.port === two.server.port)).toBe(true);
      // Reachable over IPv6 loopback too.
      expect((await rawUpgrade(two.server.port, {address: '::1', host: `[::1]:${two.server.port}`})).status).toBe(101);
      // And not on any non-loopback address this machine has.
      const others = Object.values(networkInterfaces())
        .flat()
        .filter((i) => i !== undefined && !i.internal && i.family === 'IPv4')
        .map((i) => i?.address ?? '');
      for (const address of others) {
        const refused = await new Promise<boolean>((resolve) => {
          const s = new Socket();
          s.once('connect', () => {
            s.destroy();
            resolve(false);
          });
          s.once('error', () => resolve(true));
          s.connect(two.server.port, address);
        });
        expect(refused, `connect to ${address}:${two.server.port}`).toBe(true);
      }
    } finally {
      await two.close();
    }
  });

  it.each(['0.0.0.0', '::', '192.168.1.20', 'localhost'])('refuses to start on %s', async (host) => {
    const {fileTokenStore} = await import('../../bridge/tokens');
    await expect(startBridge({port: 0, hosts: [host], tokens: fileTokenStore('/nonexistent', {maxTokens: 1})})).rejects.toThrow(/loopback/);
  });
});
