// Cross-site WebSocket hijacking and DNS rebinding, attempted by real web pages in real
// Chromium against a running bridge. Chromium lets any page open ws://127.0.0.1:PORT
// (shared/facts/browser-side.md); the bridge must refuse it before the upgrade and run nothing.
import {createServer, type Server} from 'node:http';
import {chromium, type Browser} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {EXT_ORIGIN, nextEvent, pairClient, startTestBridge, TestClient, type TestBridge} from '../bridge/harness';

// The page: open the bridge's socket, try to pair, report what happened.
const ATTACK_PAGE = `<!doctype html><meta charset="utf-8"><title>attacker</title><script>
window.outcome = new Promise((resolve) => {
  const target = new URLSearchParams(location.search).get('ws');
  const ws = new WebSocket(target);
  let opened = false;
  ws.onopen = () => { opened = true; ws.send(JSON.stringify({v: 1, id: 'x', type: 'pair', code: 'AAAA-AAAA'})); };
  ws.onmessage = (e) => resolve('message:' + e.data);
  ws.onclose = (e) => resolve((opened ? 'closed-after-open:' : 'closed:') + e.code);
});
</script>`;

let bridge: TestBridge;
let page: {server: Server; port: number};
let browser: Browser;

beforeAll(async () => {
  // Both loopbacks, so `localhost` reaches the bridge whichever address Chromium tries first.
  bridge = await startTestBridge({hosts: ['127.0.0.1', '::1']});
  const server = createServer((_req, res) => res.writeHead(200, {'Content-Type': 'text/html; charset=utf-8'}).end(ATTACK_PAGE));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  page = {server, port: typeof address === 'object' && address ? address.port : 0};
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // DNS rebinding, simulated: the attacker's name resolves to loopback.
      '--host-resolver-rules=MAP evil.test 127.0.0.1',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => page?.server.close(resolve));
  await bridge?.close();
});

async function attack(pageUrl: string, wsUrl: string): Promise<string> {
  const tab = await browser.newPage();
  try {
    await tab.goto(`${pageUrl}/?ws=${encodeURIComponent(wsUrl)}`);
    return await tab.evaluate(() => (window as unknown as {outcome: Promise<string>}).outcome);
  } finally {
    await tab.close();
  }
}

describe('a web page in Chromium', () => {
  it('is refused (bad-origin) when it opens ws://127.0.0.1:PORT from http://127.0.0.1, and no job runs', async () => {
    const before = {...bridge.server.stats, refused: {...bridge.server.stats.refused}};
    const refused = nextEvent(bridge.server, 'refused');
    const outcome = await attack(`http://127.0.0.1:${page.port}`, `ws://127.0.0.1:${bridge.server.port}`);
    expect(outcome).toMatch(/^closed:/);
    // The attempt did reach the bridge (Chromium didn't block it): the bridge refused it.
    expect(await refused).toMatchObject({code: 'bad-origin', status: 403, origin: `http://127.0.0.1:${page.port}`, host: `127.0.0.1:${bridge.server.port}`});
    expect(bridge.server.stats.refused['bad-origin']).toBe(before.refused['bad-origin'] + 1);
    expect(bridge.server.stats.accepted).toBe(before.accepted);
    expect(bridge.server.stats.jobsStarted).toBe(0);
  });

  it('is refused (bad-origin) from a localhost page to ws://localhost:PORT', async () => {
    const refused = nextEvent(bridge.server, 'refused');
    const outcome = await attack(`http://localhost:${page.port}`, `ws://localhost:${bridge.server.port}`);
    expect(outcome).toMatch(/^closed:/);
    expect(await refused).toMatchObject({code: 'bad-origin', origin: `http://localhost:${page.port}`});
  });

  it('is refused (bad-host) when a rebinding name points at the bridge', async () => {
    const refused = nextEvent(bridge.server, 'refused');
    const outcome = await attack(`http://evil.test:${page.port}`, `ws://evil.test:${bridge.server.port}`);
    expect(outcome).toMatch(/^closed:/);
    expect(await refused).toMatchObject({code: 'bad-host', status: 421, host: `evil.test:${bridge.server.port}`, origin: `http://evil.test:${page.port}`});
  });

  it('(control) the same socket opens and pairs for a client with an extension Origin and a loopback Host', async () => {
    const accepted = bridge.server.stats.accepted;
    const connected = nextEvent(bridge.server, 'connection');
    const client = await TestClient.open(bridge.server.port);
    expect(await connected).toEqual({origin: EXT_ORIGIN});
    expect(bridge.server.stats.accepted).toBe(accepted + 1);
    expect(await pairClient(client, bridge.server)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    client.close();
  });
});
