// The bridge: a WebSocket server on loopback that the extension's service worker and popup
// (never content scripts) use to run what a browser can't (SPEC §1.2, security model §5).
//
//   listen 127.0.0.1:PORT (+ [::1]:PORT)      never 0.0.0.0; plain HTTP gets 426
//   HTTP upgrade ── handshake.ts ─────────────  method → Host → Origin → connection cap;
//                                               refused with a status BEFORE the upgrade
//   ws.handleUpgrade → connection.ts ─────────  size → JSON → version → schema → rate →
//                                               paired? → handlers/<type>.ts
//   pair/hello ──── pairing.ts, tokens.ts ────  one-time code → token (hash in ~/.config, 0600)
//   probe/status/env jobs ─ bridge/probe, status, env (PROBE's), AbortSignal per job
//   limits.ts: every bound; `stats` + `events`: what tests and the terminal log watch.
import {EventEmitter} from 'node:events';
import {createServer, STATUS_CODES, type IncomingMessage, type Server} from 'node:http';
import {isIP} from 'node:net';
import type {Duplex} from 'node:stream';
import {WebSocketServer} from 'ws';
import {version} from '../package.json';
import {DEFAULT_BRIDGE_PORT, type BridgeErrorCode, type BridgeRequestType} from '../shared/protocol';
import {Connection, type ConnectionHost} from './connection';
import {checkHandshake, type Refusal, type RefusalCode} from './handshake';
import {handlers} from './handlers/index';
import type {Services} from './handlers/types';
import {resolveLimits, type BridgeLimits} from './limits';
import {PairingCode} from './pairing';
import type {TokenStore} from './tokens';

export const BRIDGE_VERSION: string = version;

export interface BridgeServerOptions {
  /** TCP port; 0 lets the OS pick (tests). Default 17626 (`DEFAULT_BRIDGE_PORT`). */
  port?: number;
  /** Loopback addresses to listen on. Default 127.0.0.1 and ::1 (::1 skipped where IPv6 is off). */
  hosts?: readonly string[];
  tokens: TokenStore;
  limits?: Partial<BridgeLimits>;
  /** The environment probes see. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Clock for pairing-code expiry and rate limits. Default `Date.now`. */
  now?: () => number;
}

export interface BridgeStats {
  /** Handshakes refused before the upgrade, by code. */
  refused: Record<RefusalCode, number>;
  /** Upgrades completed. */
  accepted: number;
  /** Connections open now. */
  open: number;
  jobsStarted: number;
  jobsRunning: number;
  /** Error replies sent, by code. */
  errors: Partial<Record<BridgeErrorCode, number>>;
}

export interface RefusedEvent extends Refusal {
  method: string | undefined;
  host: string | undefined;
  origin: string | undefined;
}

export interface BridgeEvents {
  refused: [RefusedEvent];
  connection: [{origin: string}];
  paired: [{origin: string; how: 'pair' | 'hello'}];
  'job-start': [{id: string; type: BridgeRequestType}];
  'job-end': [{id: string; type: BridgeRequestType; outcome: 'ok' | BridgeErrorCode}];
}

export interface BridgeServer {
  readonly port: number;
  /** What is actually bound. */
  readonly addresses: readonly {address: string; family: string; port: number}[];
  readonly limits: BridgeLimits;
  readonly stats: BridgeStats;
  readonly events: EventEmitter<BridgeEvents>;
  /** Opens a new pairing code (closing any open one), formatted `ABCD-EFGH`. */
  newPairingCode(): {code: string; expiresAt: number};
  /** Stops listening, cancels every job, closes every connection (1001). */
  close(): Promise<void>;
}

/** Thrown by `startBridge` when an address is taken, so the CLI can say so and exit 2. */
export class PortInUseError extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
  ) {
    super(`${host}:${port} is already in use`);
  }
}

const LOOPBACK_V4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

function isLoopbackAddress(host: string): boolean {
  return (isIP(host) === 4 && LOOPBACK_V4.test(host)) || host === '::1';
}

export async function startBridge(options: BridgeServerOptions): Promise<BridgeServer> {
  const hosts = options.hosts ?? ['127.0.0.1', '::1'];
  const bad = hosts.find((h) => !isLoopbackAddress(h));
  if (bad !== undefined || hosts.length === 0) throw new Error(`the bridge listens on loopback addresses only, not ${bad ?? 'nothing'}`);
  const limits = resolveLimits(options.limits);
  const now = options.now ?? Date.now;
  const events = new EventEmitter<BridgeEvents>();
  const stats: BridgeStats = {
    refused: {'bad-method': 0, 'bad-host': 0, 'bad-origin': 0, busy: 0},
    accepted: 0,
    open: 0,
    jobsStarted: 0,
    jobsRunning: 0,
    errors: {},
  };
  const connections = new Set<Connection>();
  const pairing = new PairingCode({ttlMs: limits.pairingCodeTtlMs, maxAttempts: limits.pairingMaxAttempts, now});
  const services: Services = {
    limits,
    pairing,
    tokens: options.tokens,
    env: options.env ?? process.env,
    bridgeVersion: BRIDGE_VERSION,
    onPaired: (origin, how) => events.emit('paired', {origin, how}),
  };
  const host: ConnectionHost = {
    services,
    handlers,
    now,
    jobsRunning: () => stats.jobsRunning,
    jobStarted: (id, type) => {
      stats.jobsStarted++;
      stats.jobsRunning++;
      events.emit('job-start', {id, type});
    },
    jobEnded: (id, type, outcome) => {
      stats.jobsRunning--;
      events.emit('job-end', {id, type, outcome});
    },
    errorSent: (code) => {
      stats.errors[code] = (stats.errors[code] ?? 0) + 1;
    },
  };

  // Two tiers for size: up to maxMessageBytes we answer `too-large` and keep the connection;
  // beyond maxFrameBytes ws stops reading and closes with 1009.
  const wss = new WebSocketServer({noServer: true, maxPayload: limits.maxFrameBytes, perMessageDeflate: false, clientTracking: false});
  let port = options.port ?? DEFAULT_BRIDGE_PORT;

  const refuse = (req: IncomingMessage, socket: Duplex, refusal: Refusal): void => {
    stats.refused[refusal.code]++;
    events.emit('refused', {...refusal, method: req.method, host: req.headers.host, origin: req.headers.origin});
    const body = `${refusal.code}: ${refusal.reason}\n`;
    socket.once('finish', () => socket.destroy());
    socket.end(
      `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? ''}\r\n` +
        'Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\nX-Apm-Doctor-Error: ${refusal.code}\r\n\r\n${body}`,
    );
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => socket.destroy());
    const refusal =
      checkHandshake(req, port) ??
      (connections.size >= limits.maxConnections ? {status: 503, code: 'busy' as const, reason: `at most ${limits.maxConnections} connections`} : null);
    if (refusal) {
      refuse(req, socket, refusal);
      return;
    }
    // checkHandshake proved it is an extension origin.
    const origin = req.headers.origin ?? '';
    wss.handleUpgrade(req, socket, head, (ws) => {
      const connection = new Connection(ws, origin, host);
      connections.add(connection);
      stats.accepted++;
      stats.open = connections.size;
      ws.on('close', () => {
        connections.delete(connection);
        stats.open = connections.size;
      });
      events.emit('connection', {origin});
    });
  };

  const servers = await listenAll(hosts, port, (server) => {
    server.on('upgrade', onUpgrade);
    // Not a WebSocket handshake: say nothing about ourselves beyond what the status says.
    server.on('request', (req, res) => {
      const refusal = checkHandshake({method: 'GET', headers: req.headers}, port);
      const status = refusal?.code === 'bad-host' ? 421 : 426;
      res.writeHead(status, {'Content-Type': 'text/plain; charset=utf-8', Connection: 'close'}).end(`${STATUS_CODES[status] ?? ''}\n`);
    });
  });
  const first = servers[0]?.address();
  if (first && typeof first === 'object') port = first.port;

  let closing: Promise<void> | null = null;
  return {
    port,
    addresses: servers.flatMap((s) => {
      const a = s.address();
      return a && typeof a === 'object' ? [{address: a.address, family: a.family, port: a.port}] : [];
    }),
    limits,
    stats,
    events,
    newPairingCode: () => {
      const code = pairing.issue();
      return {code, expiresAt: pairing.expires ?? now()};
    },
    close: () => {
      closing ??= (async () => {
        const closed = Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
        for (const c of connections) c.shutdown();
        for (const s of servers) s.closeAllConnections();
        await closed;
        wss.close();
      })();
      return closing;
    },
  };
}

/**
 * Binds every host on one port. With port 0 the first bind picks it and the rest follow; if a
 * later host has that port taken, start over with a new one.
 */
async function listenAll(hosts: readonly string[], port: number, setup: (s: Server) => void): Promise<Server[]> {
  for (let attempt = 0; ; attempt++) {
    const servers: Server[] = [];
    let chosen = port;
    try {
      for (const h of hosts) {
        const server = createServer();
        setup(server);
        const bound = await listen(server, h, chosen);
        if (bound === null) continue;
        servers.push(server);
        chosen = bound;
      }
      if (servers.length === 0) throw new Error(`none of ${hosts.join(', ')} can be bound here`);
      return servers;
    } catch (e) {
      await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
      if (!(port === 0 && e instanceof PortInUseError && attempt < 5)) throw e;
    }
  }
}

/** The bound port, or null when this address doesn't exist here (::1 without IPv6). */
function listen(server: Server, host: string, port: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException): void => {
      if (e.code === 'EADDRINUSE') reject(new PortInUseError(host, port));
      else if (host === '::1' && (e.code === 'EADDRNOTAVAIL' || e.code === 'EAFNOSUPPORT')) resolve(null);
      else reject(e);
    };
    server.once('error', onError);
    server.listen({host, port, exclusive: true}, () => {
      server.off('error', onError);
      const a = server.address();
      resolve(a && typeof a === 'object' ? a.port : port);
    });
  });
}
