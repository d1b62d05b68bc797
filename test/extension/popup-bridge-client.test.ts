// The extension's bridge client (extension/lib/bridge-client.ts) against a real bridge on a real
// socket (bridge/server.ts on 127.0.0.1:0, token file in a temp dir) and the recorded-agent fake
// (test/fixtures/agent/fake-agent.mjs). The socket is `ws` with an extension Origin, standing in
// for the browser's WebSocket; test/browser/popup.test.ts runs the same client in Chromium.
import {createServer, type AddressInfo} from 'node:net';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {WebSocket, WebSocketServer} from 'ws';
import {startBridge} from '../../bridge/server';
import type {ProbeStep} from '../../shared/probe/types';
import type {BridgeState, SocketFactory, TokenKeeper} from '../../extension/lib/bridge-client';
import {BridgeClient, failureMsg, targetInput, verdictHeadline} from '../../extension/lib/bridge-client';
import {t} from '../../shared/i18n/index';
import {startFakeAgent, type FakeAgent} from '../fixtures/agent/fake-agent.mjs';
import {EXT_ORIGIN, startTestBridge, type TestBridge} from '../bridge/harness';

const extensionSocket =
  (origin = EXT_ORIGIN): SocketFactory =>
  (url) =>
    new WebSocket(url, {origin}) as unknown as ReturnType<SocketFactory>;

function memoryTokens(initial: string | null = null): TokenKeeper & {value: string | null} {
  const keeper = {
    value: initial,
    load: async () => keeper.value,
    save: async (token: string | null) => {
      keeper.value = token;
    },
  };
  return keeper;
}

/** Resolves when the client's state satisfies `pred` (a state change, not a timer). */
function until(client: BridgeClient, pred: (s: BridgeState) => boolean): Promise<BridgeState> {
  return new Promise((resolve) => {
    const off = client.subscribe((s) => {
      if (pred(s)) {
        queueMicrotask(() => off());
        resolve(s);
      }
    });
  });
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((r) => server.close(r));
  return port;
}

let bridge: TestBridge;
let agent: FakeAgent;
const clients: BridgeClient[] = [];

function client(opts: {port?: number; tokens?: TokenKeeper; origin?: string; reconnect?: boolean} = {}): BridgeClient {
  const c = new BridgeClient({
    port: opts.port ?? bridge.server.port,
    tokens: opts.tokens ?? memoryTokens(),
    socket: extensionSocket(opts.origin),
    reconnect: opts.reconnect ?? false,
    backoffMs: {min: 20, max: 100},
  });
  clients.push(c);
  return c;
}

beforeAll(async () => {
  bridge = await startTestBridge();
  agent = await startFakeAgent();
});

afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});

afterAll(async () => {
  await bridge.close();
  await agent.close();
});

describe('connecting and pairing', () => {
  it('is unreachable when nothing listens on the port', async () => {
    const c = client({port: await closedPort()});
    expect(await c.connect()).toMatchObject({kind: 'unreachable'});
  });

  it('is unreachable when the bridge refuses the handshake (a web page Origin), like a browser sees it', async () => {
    const c = client({origin: 'http://evil.test'});
    expect((await c.connect()).kind).toBe('unreachable');
  });

  it('is unpaired without a token, pairs with the printed code, keeps the token and becomes ready', async () => {
    const tokens = memoryTokens();
    const c = client({tokens});
    expect(await c.connect()).toMatchObject({kind: 'unpaired', error: null});
    const {code} = bridge.server.newPairingCode();
    expect(await c.pair(` ${code.toLowerCase()} `)).toEqual({ok: true});
    expect(tokens.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(c.state).toMatchObject({kind: 'ready', port: bridge.server.port, capabilities: expect.arrayContaining(['probe', 'status', 'env'])});
  });

  it('resumes with the stored token on a new connection (hello), without a code', async () => {
    const tokens = memoryTokens();
    const first = client({tokens});
    await first.connect();
    await first.pair(bridge.server.newPairingCode().code);
    first.close();
    const again = client({tokens});
    expect((await again.connect()).kind).toBe('ready');
  });

  it('drops a revoked token and asks to pair again', async () => {
    const tokens = memoryTokens();
    const c = client({tokens});
    await c.connect();
    await c.pair(bridge.server.newPairingCode().code);
    c.close();
    await bridge.tokens.forget();
    const next = client({tokens});
    const state = await next.connect();
    expect(state).toMatchObject({kind: 'unpaired', error: {kind: 'bridge', code: 'not-paired'}});
    expect(tokens.value).toBeNull();
  });

  it('reports a wrong code with the tries left, as an i18n message', async () => {
    const c = client();
    await c.connect();
    bridge.server.newPairingCode();
    const r = await c.pair('ZZZZ-ZZZZ');
    expect(r).toMatchObject({ok: false, failure: {kind: 'bridge', code: 'bad-pairing-code'}});
    if (r.ok) return;
    expect(failureMsg(r.failure).key).toBe('bridge_err_bad_pairing_code');
    expect(Number(failureMsg(r.failure).subs?.attemptsLeft)).toBeGreaterThan(0);
    expect(c.state).toMatchObject({kind: 'unpaired', error: {code: 'bad-pairing-code'}});
  });

  it('refuses a code that cannot be one before sending it', async () => {
    const c = client();
    await c.connect();
    const r = await c.pair('<script>');
    expect(r).toEqual({ok: false, failure: {kind: 'client', code: 'bad-code'}});
    expect(t('en', failureMsg({kind: 'client', code: 'bad-code'}).key)).toContain('ABCD-EFGH');
  });

  it('forget() drops the token and leaves the connection unpaired', async () => {
    const tokens = memoryTokens();
    const c = client({tokens});
    await c.connect();
    await c.pair(bridge.server.newPairingCode().code);
    await c.forget();
    expect(tokens.value).toBeNull();
    expect(c.state.kind).toBe('unpaired');
    expect(await c.request({type: 'env', vantage: {kind: 'local'}})).toMatchObject({ok: false, failure: {kind: 'bridge', code: 'not-paired'}});
  });
});

describe('requests', () => {
  async function ready(): Promise<BridgeClient> {
    const c = client();
    await c.connect();
    await c.pair(bridge.server.newPairingCode().code);
    expect(c.state.kind).toBe('ready');
    return c;
  }

  it('streams probe steps by id and resolves with the result: the recorded 7.57.2 agent answers', async () => {
    const c = await ready();
    const steps: ProbeStep[] = [];
    const r = await c.request({type: 'probe', target: agent.url, vantage: {kind: 'local'}, options: {}}, {onStep: (s) => steps.push(s)});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.reply.result.verdict.ok).toBe(true);
    expect(r.reply.result.info?.version).toBe('7.57.2');
    expect(steps.map((s) => s.step)).toEqual(expect.arrayContaining(['tcp', 'http-info']));
    expect(steps.some((s) => s.status === 'running')).toBe(true);
    expect(verdictHeadline('en', r.reply.result.verdict)).toBe('OK');
  });

  it('names the failing probe in the engine words: a refused port gets the rule title', async () => {
    const c = await ready();
    const r = await c.request({type: 'probe', target: `http://127.0.0.1:${await closedPort()}`, vantage: {kind: 'local'}, options: {timeoutMs: 2000}});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const v = r.reply.result.verdict;
    expect(v).toMatchObject({ok: false, cause: 'refused'});
    expect(verdictHeadline('en', v)).toBe(t('en', `rule_${(v.rule ?? '').replace(/-/g, '_')}_title`));
    expect(verdictHeadline('ko', v)).not.toBe(verdictHeadline('en', v));
  });

  it('cancels a running probe when its signal aborts', async () => {
    const hang = await startFakeAgent({mode: 'hang'});
    try {
      const c = await ready();
      const ac = new AbortController();
      const pending = c.request({type: 'probe', target: hang.url, vantage: {kind: 'local'}, options: {timeoutMs: 20_000}}, {signal: ac.signal, onStep: (s) => s.step === 'tcp' && s.status === 'ok' && ac.abort()});
      expect(await pending).toMatchObject({ok: false, failure: {kind: 'bridge', code: 'cancelled'}});
    } finally {
      await hang.close();
    }
  });

  it('answers a field the bridge refuses with its field path', async () => {
    const c = await ready();
    const r = await c.request({type: 'probe', target: null, vantage: {kind: 'docker', container: '-rm'}, options: {}});
    expect(r).toMatchObject({ok: false, failure: {kind: 'bridge', code: 'invalid-field', field: 'vantage'}});
  });

  it('fails what is pending with connection-lost when the socket drops without a reply', async () => {
    // A server that accepts the upgrade and then drops the socket on the first request.
    const wss = new WebSocketServer({host: '127.0.0.1', port: 0});
    wss.on('connection', (ws) => ws.on('message', () => ws.terminate()));
    await new Promise<void>((r) => wss.once('listening', () => r()));
    try {
      const c = client({port: (wss.address() as AddressInfo).port});
      expect((await c.connect()).kind).toBe('unpaired');
      expect(await c.request({type: 'env', vantage: {kind: 'local'}})).toEqual({ok: false, failure: {kind: 'client', code: 'connection-lost'}});
      expect(c.state.kind).toBe('unreachable');
    } finally {
      await new Promise((r) => wss.close(r));
    }
  });

  it('gets `cancelled` for a running job when the bridge stops, then reconnects by itself when it is back', async () => {
    const own = await startTestBridge();
    const port = own.server.port;
    const tokens = memoryTokens();
    const c = client({port, tokens, reconnect: true});
    await c.connect();
    await c.pair(own.server.newPairingCode().code);
    const hang = await startFakeAgent({mode: 'hang'});
    try {
      const pendingResult: unknown[] = [];
      await new Promise<void>((resolve) => {
        void c.request({type: 'probe', target: hang.url, vantage: {kind: 'local'}, options: {timeoutMs: 20_000}}, {onStep: (s) => s.step === 'tcp' && s.status === 'ok' && resolve()}).then((r) => pendingResult.push(r));
      });
      const down = until(c, (s) => s.kind === 'unreachable');
      await own.server.close();
      await down;
      expect(pendingResult).toMatchObject([{ok: false, failure: {kind: 'bridge', code: 'cancelled'}}]);
      // Same port, same token file: the client finds it again by itself and resumes with hello.
      const back = await startBridge({port, hosts: ['127.0.0.1'], tokens: own.tokens, env: {}});
      try {
        expect((await until(c, (s) => s.kind === 'ready')).kind).toBe('ready');
      } finally {
        c.close();
        await back.close();
      }
    } finally {
      await hang.close();
      await own.close().catch(() => undefined);
    }
  });

  it('says not-connected for a request before connect()', async () => {
    expect(await client().request({type: 'env', vantage: {kind: 'local'}})).toEqual({ok: false, failure: {kind: 'client', code: 'not-connected'}});
  });
});

describe('targetInput', () => {
  it.each([
    [{url: 'http://10.0.0.5:8126', host: '10.0.0.5', port: 8126, socket: null}, 'http://10.0.0.5:8126', 'a URL is used as printed'],
    [{url: null, host: 'datadog-agent', port: 8126, socket: null}, 'datadog-agent:8126', 'host and port'],
    [{url: null, host: '::1', port: 8126, socket: null}, '[::1]:8126', 'IPv6 hosts get brackets'],
    [{url: null, host: null, port: null, socket: '/var/run/datadog/apm.socket'}, 'unix:///var/run/datadog/apm.socket', 'a socket path becomes a unix:// URL'],
    [{url: null, host: null, port: null, socket: null}, null, 'nothing named: the bridge decides'],
  ])('%j → %j (%s)', (target, expected, _why) => {
    expect(targetInput(target)).toBe(expected);
  });
});
