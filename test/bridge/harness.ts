// A real bridge on 127.0.0.1:0 with its token file in a temp dir, and two kinds of client:
// raw `http.request` upgrades (to see the refusal status before any upgrade) and a `ws`
// client that validates every reply with the extension's own parser.
import {request} from 'node:http';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {WebSocket} from 'ws';
import {bridgeRequest, parseBridgeResponse, ProtocolError, type BridgeResponse, type RequestBody} from '../../shared/protocol';
import type {BridgeLimits} from '../../bridge/limits';
import {startBridge, type BridgeEvents, type BridgeServer} from '../../bridge/server';
import {fileTokenStore, type TokenStore} from '../../bridge/tokens';

/** A well-formed Chrome extension origin (32 letters a–p). */
export const EXT_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
export const FIREFOX_ORIGIN = 'moz-extension://0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';

export interface TestBridge {
  server: BridgeServer;
  tokens: TokenStore;
  dir: string;
  close(): Promise<void>;
}

export async function startTestBridge(
  options: {limits?: Partial<BridgeLimits>; now?: () => number; hosts?: readonly string[]; env?: Record<string, string>} = {},
): Promise<TestBridge> {
  const dir = await mkdtemp(join(tmpdir(), 'apm-bridge-test-'));
  const tokens = fileTokenStore(dir, {maxTokens: 32});
  const server = await startBridge({
    port: 0,
    hosts: options.hosts ?? ['127.0.0.1'],
    tokens,
    env: options.env ?? {},
    ...(options.limits ? {limits: options.limits} : {}),
    ...(options.now ? {now: options.now} : {}),
  });
  return {
    server,
    tokens,
    dir,
    close: async () => {
      await server.close();
      await rm(dir, {recursive: true, force: true});
    },
  };
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** An upgrade attempt by hand, so every header (or its absence) is ours to choose. */
export function rawUpgrade(
  port: number,
  opts: {method?: string; host?: string | null; origin?: string | null; address?: string},
): Promise<RawAnswer> {
  const headers: Record<string, string> = {
    Connection: 'Upgrade',
    Upgrade: 'websocket',
    'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version': '13',
  };
  if (opts.origin !== null) headers.Origin = opts.origin ?? EXT_ORIGIN;
  const host = opts.host === undefined ? `127.0.0.1:${port}` : opts.host;
  return new Promise((resolve, reject) => {
    const req = request({host: opts.address ?? '127.0.0.1', port, method: opts.method ?? 'GET', headers, setHost: false});
    if (host !== null) req.setHeader('Host', host);
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({status: res.statusCode ?? 0, headers: res.headers, body}));
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve({status: res.statusCode ?? 0, headers: res.headers, body: ''});
    });
    req.on('error', reject);
    req.end();
  });
}

/** A `ws` client that keeps every reply, parsed by the extension-side parser. */
export class TestClient {
  readonly received: BridgeResponse[] = [];
  /** Replies the extension's parser refused: any entry fails the next wait. */
  readonly violations: ProtocolError[] = [];
  private waiters: (() => void)[] = [];
  private seq = 0;
  closed: {code: number; reason: string} | null = null;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const parsed = parseBridgeResponse(JSON.parse(data.toString('utf8')) as unknown);
      if (parsed instanceof ProtocolError) this.violations.push(parsed);
      else this.received.push(parsed);
      this.wake();
    });
    ws.on('close', (code, reason) => {
      this.closed = {code, reason: reason.toString()};
      this.wake();
    });
  }

  static open(port: number, opts: {origin?: string; host?: string} = {}): Promise<TestClient> {
    const ws = new WebSocket(`ws://127.0.0.1:${port}`, {
      origin: opts.origin ?? EXT_ORIGIN,
      headers: opts.host ? {Host: opts.host} : {},
    });
    const client = new TestClient(ws);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(client));
      ws.once('error', reject);
    });
  }

  nextId(): string {
    return `t${++this.seq}`;
  }

  /** Sends a request built with the protocol's own builder; returns its id. */
  send(body: RequestBody, id = this.nextId()): string {
    this.ws.send(JSON.stringify(bridgeRequest(id, body)));
    return id;
  }

  /** Sends any text as is (garbage, wrong versions…). */
  sendRaw(text: string | Buffer, binary = false): void {
    this.ws.send(text, {binary});
  }

  /** Resolves with the first reply (already received or still to come) that matches. */
  async waitFor(match: (m: BridgeResponse) => boolean, what = 'a matching reply'): Promise<BridgeResponse> {
    for (;;) {
      const bad = this.violations[0];
      if (bad) throw new Error(`the bridge sent a reply its own protocol refuses: ${bad.message}`);
      for (const m of this.received) if (match(m)) return m;
      if (this.closed) throw new Error(`connection closed (${this.closed.code}) while waiting for ${what}`);
      await new Promise<void>((wake) => this.waiters.push(wake));
    }
  }

  /** The final reply to request `id` (skipping its progress events). */
  reply(id: string): Promise<BridgeResponse> {
    return this.waitFor((m) => m.id === id && m.type !== 'probe-step', `the reply to ${id}`);
  }

  /** Sends and waits for the final reply. */
  async call(body: RequestBody): Promise<BridgeResponse> {
    return this.reply(this.send(body));
  }

  waitClosed(): Promise<{code: number; reason: string}> {
    return new Promise((resolve) => {
      const check = (): void => {
        if (this.closed) resolve(this.closed);
        else this.waiters.push(check);
      };
      check();
    });
  }

  close(): void {
    this.ws.close();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

/** Opens a code on the bridge and proves it; returns the token. */
export async function pairClient(client: TestClient, server: BridgeServer): Promise<string> {
  const {code} = server.newPairingCode();
  const reply = await client.call({type: 'pair', code});
  if (reply.type !== 'paired') throw new Error(`pairing failed: ${JSON.stringify(reply)}`);
  return reply.token;
}

/** Resolves when the server emits `event` with a payload that matches. */
export function nextEvent<K extends keyof BridgeEvents>(
  server: BridgeServer,
  event: K,
  match: (payload: BridgeEvents[K][0]) => boolean = () => true,
): Promise<BridgeEvents[K][0]> {
  return new Promise((resolve) => {
    const listener = (...args: BridgeEvents[K]): void => {
      if (!match(args[0])) return;
      server.events.off(event, listener as never);
      resolve(args[0]);
    };
    server.events.on(event, listener as never);
  });
}
