// The probe run in-process (vantage `local`): DNS the way Node clients resolve, TCP to every
// address in parallel, then GET /info over the first connected socket in client order (no
// second connect), and the optional write check. Every step is bounded by one deadline, so a
// hanging agent is reported within `timeoutMs`; refused answers in milliseconds.
import {lookup} from 'node:dns/promises';
import {stat} from 'node:fs/promises';
import {request, type IncomingMessage} from 'node:http';
import {connect, isIP, type Socket} from 'node:net';
import type {ParsedTarget} from '../../shared/probe/target';
import type {ProbeError, TcpAttempt, UnixSocketReport} from '../../shared/probe/types';
import type {HttpObservation, ToolObservation, WriteObservation} from './observation';

export interface LocalProbeOptions {
  deadline: number;
  connectTimeoutMs: number;
  writeCheck: boolean;
  maxBytes: number;
  maxAddresses: number;
  signal: AbortSignal;
  /** Called as each step finishes, for progress events. */
  onPhase?: (phase: 'dns' | 'tcp' | 'http-info' | 'write-check', obs: ToolObservation) => void;
}

const now = (): number => performance.now();
const since = (t: number): number => Math.round((now() - t) * 10) / 10;
const left = (deadline: number): number => Math.max(1, Math.round(deadline - Date.now()));

function toError(e: unknown): ProbeError {
  const x = e as {code?: unknown; message?: unknown};
  return {code: typeof x?.code === 'string' ? x.code : 'ERROR', message: String(x?.message ?? e).slice(0, 300)};
}

class Timeout extends Error {
  code = 'TIMEOUT';
}

/** Races a promise against a deadline and the abort signal. */
function bounded<T>(p: Promise<T>, ms: number, signal: AbortSignal, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Timeout(`${what} took more than ${ms} ms`)), ms);
    const onAbort = () => reject(Object.assign(new Error('aborted'), {code: 'ABORTED'}));
    signal.addEventListener('abort', onAbort, {once: true});
    p.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    });
  });
}

function connectOnce(opts: {host: string; port: number; family: number} | {path: string}, ms: number, signal: AbortSignal): Promise<{socket: Socket | null; ms: number; error: ProbeError | null}> {
  const started = now();
  return new Promise((resolve) => {
    const socket = 'path' in opts ? connect({path: opts.path}) : connect({host: opts.host, port: opts.port, family: opts.family, noDelay: true});
    let done = false;
    const finish = (error: ProbeError | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      if (error) socket.destroy();
      resolve({socket: error ? null : socket, ms: since(started), error});
    };
    const timer = setTimeout(() => finish({code: 'TIMEOUT', message: `no TCP answer within ${ms} ms`}), ms);
    const onAbort = () => finish({code: 'ABORTED', message: 'aborted'});
    signal.addEventListener('abort', onAbort, {once: true});
    socket.once('connect', () => finish(null));
    socket.once('error', (e) => finish(toError(e)));
  });
}

interface Exchange {
  res: IncomingMessage | null;
  body: Buffer;
  truncated: boolean;
  firstByteMs: number | null;
  totalMs: number;
  error: ProbeError | null;
}

/** One HTTP/1.1 request on an already connected socket (or a fresh one), bounded in time and bytes. */
function exchange(
  conn: {socket: Socket} | {host: string; port: number} | {socketPath: string},
  req: {method: 'GET' | 'POST'; path: string; host: string; headers?: Record<string, string>; body?: Buffer},
  ms: number,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Exchange> {
  const started = now();
  return new Promise((resolve) => {
    let done = false;
    let res: IncomingMessage | null = null;
    let firstByteMs: number | null = null;
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    const headers = {'Host': req.host, 'User-Agent': 'apm-doctor', 'Connection': 'close', ...req.headers};
    const base = {method: req.method, path: req.path, headers, setHost: false};
    const r =
      'socket' in conn
        ? request({...base, createConnection: () => conn.socket})
        : 'socketPath' in conn
          ? request({...base, socketPath: conn.socketPath, agent: false})
          : request({...base, host: conn.host, port: conn.port, agent: false});
    const finish = (error: ProbeError | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      r.destroy();
      res?.destroy();
      resolve({res, body: Buffer.concat(chunks), truncated, firstByteMs, totalMs: since(started), error});
    };
    const timer = setTimeout(() => finish({code: 'TIMEOUT', message: `no HTTP answer within ${ms} ms`}), ms);
    const onAbort = () => finish({code: 'ABORTED', message: 'aborted'});
    signal.addEventListener('abort', onAbort, {once: true});
    r.on('response', (incoming) => {
      res = incoming;
      firstByteMs = since(started);
      incoming.on('data', (c: Buffer) => {
        size += c.length;
        if (size > maxBytes) {
          truncated = true;
          chunks.push(c.subarray(0, c.length - (size - maxBytes)));
          finish({code: 'TOO_LARGE', message: `more than ${maxBytes} bytes`});
          return;
        }
        chunks.push(c);
      });
      incoming.on('end', () => finish(null));
      incoming.on('error', (e) => finish(toError(e)));
      incoming.on('aborted', () => finish({code: 'ECONNRESET', message: 'answer cut off'}));
    });
    r.on('error', (e) => {
      const err = toError(e);
      // Node says "socket hang up" (ECONNRESET) when the peer closes before any answer.
      finish(err.code === 'ECONNRESET' && /hang up/.test(err.message) ? {code: 'EOF', message: 'connection closed without an answer'} : err);
    });
    r.end(req.body);
  });
}

const header = (res: IncomingMessage | null, name: string): string | null => {
  const v = res?.headers[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? (v[0] ?? null) : null;
};

async function unixReport(path: string): Promise<Omit<UnixSocketReport, 'connect'>> {
  try {
    const st = await stat(path);
    return {path, exists: true, isSocket: st.isSocket(), mode: (st.mode & 0o7777).toString(8).padStart(4, '0'), uid: st.uid, gid: st.gid};
  } catch (e) {
    return {path, exists: (e as {code?: string}).code === 'ENOENT' ? false : null, isSocket: null, mode: null, uid: null, gid: null};
  }
}

export async function observeLocal(target: ParsedTarget, o: LocalProbeOptions): Promise<ToolObservation> {
  const obs: ToolObservation = {tool: 'node', dns: null, tcp: [], unix: null, http: null, write: null};
  const hostHeader = target.kind === 'unix' ? 'localhost' : `${target.host?.includes(':') ? `[${target.host}]` : target.host}:${target.port}`;
  let socket: Socket;
  let address: string | null = null;
  let connectMs: number | null;

  if (target.kind === 'unix') {
    const path = target.socket ?? '';
    const [meta, c] = await Promise.all([unixReport(path), connectOnce({path}, Math.min(o.connectTimeoutMs, left(o.deadline)), o.signal)]);
    obs.unix = {...meta, connect: {ok: c.socket !== null, ms: c.ms, error: c.error}};
    o.onPhase?.('tcp', obs);
    if (!c.socket) return obs;
    socket = c.socket;
    connectMs = c.ms;
  } else {
    const host = target.host ?? '';
    const port = target.port ?? 0;
    const family = isIP(host);
    const t0 = now();
    if (family === 4 || family === 6) {
      obs.dns = {addresses: [{address: host, family}], ms: 0, error: null, partial: false};
    } else {
      try {
        const all = await bounded(lookup(host, {all: true, verbatim: true}), left(o.deadline), o.signal, 'DNS lookup');
        obs.dns = {addresses: all.map((a) => ({address: a.address, family: a.family === 6 ? 6 : 4})), ms: since(t0), error: null, partial: false};
      } catch (e) {
        obs.dns = {addresses: [], ms: since(t0), error: toError(e), partial: false};
      }
    }
    o.onPhase?.('dns', obs);
    if (obs.dns.error) return obs;
    const addresses = obs.dns.addresses.slice(0, o.maxAddresses);
    const results = await Promise.all(
      addresses.map((a) => connectOnce({host: a.address, port, family: a.family}, Math.min(o.connectTimeoutMs, left(o.deadline)), o.signal)),
    );
    obs.tcp = results.map((r, i): TcpAttempt => ({address: addresses[i]!.address, family: addresses[i]!.family, port, ok: r.socket !== null, ms: r.ms, error: r.error}));
    // Keep the first connected socket in client order for the HTTP request; close the rest.
    const pick = results.findIndex((r) => r.socket !== null);
    results.forEach((r, i) => i !== pick && r.socket?.destroy());
    o.onPhase?.('tcp', obs);
    const chosen = results[pick]?.socket;
    if (!chosen) return obs;
    socket = chosen;
    address = addresses[pick]!.address;
    connectMs = results[pick]!.ms;
  }

  const ex = await exchange({socket}, {method: 'GET', path: '/info', host: hostHeader, headers: {Accept: 'application/json'}}, left(o.deadline), o.maxBytes, o.signal);
  const http: HttpObservation = {
    address,
    status: ex.res?.statusCode ?? null,
    connectMs,
    firstByteMs: ex.firstByteMs,
    totalMs: ex.totalMs,
    bytes: ex.body.length,
    truncated: ex.truncated,
    contentType: header(ex.res, 'content-type'),
    agentVersion: header(ex.res, 'datadog-agent-version'),
    body: ex.body.toString('utf8'),
    error: ex.error,
  };
  obs.http = http;
  o.onPhase?.('http-info', obs);
  if (!o.writeCheck || http.status === null || http.error) return obs;

  const conn = target.kind === 'unix' ? {socketPath: target.socket ?? ''} : {host: address ?? '', port: target.port ?? 0};
  const wx = await exchange(
    conn,
    {method: 'POST', path: '/v0.4/traces', host: hostHeader, headers: {'Content-Type': 'application/msgpack', 'X-Datadog-Trace-Count': '0'}, body: Buffer.from([0x90])},
    left(o.deadline),
    4096,
    o.signal,
  );
  const write: WriteObservation = {
    status: wx.res?.statusCode ?? null,
    agentVersion: header(wx.res, 'datadog-agent-version'),
    ms: wx.totalMs,
    body: wx.body.toString('utf8').slice(0, 200),
    payload: 'msgpack',
    error: wx.res ? (wx.error?.code === 'TOO_LARGE' ? null : wx.error) : wx.error,
  };
  obs.write = write;
  o.onPhase?.('write-check', obs);
  return obs;
}
