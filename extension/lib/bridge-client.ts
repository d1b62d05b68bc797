// The extension's side of the bridge protocol (shared/protocol.ts, shared/PROTOCOL.md). Used by
// the popup (pairing, probe with live steps, agent status, env snapshot) and by the background
// (the content script's "Probe now"). Content scripts never import this (STYLE §7).
//
//   connect() ── ws://127.0.0.1:<port> ── open ─┬─ token stored → hello ─┬─ ready     → 'ready'
//                                              │                        └─ not-paired → token dropped, 'unpaired'
//                                              └─ no token ─────────────────────────→ 'unpaired'
//   pair(code) → paired{token} → token stored → hello → 'ready'
//   request({type: 'probe'|'status'|'env'|…}) → progress events (same id) → one final reply
//   AbortSignal → `cancel{jobId}`; the job answers `error/cancelled`
//   socket closes → every pending request fails `connection-lost`; reconnects with backoff
//   while someone still listens (the popup), never by itself in the background.
//
// A browser can't tell "no bridge on this port" from "the bridge refused the handshake": both
// are a close before open (code 1006). Both are 'unreachable'; the bridge's terminal says which.
import type {ProbeStep, ProbeVerdict} from '../../shared/probe/types';
import type {Target} from '../../shared/engine/types';
import type {Locale} from '../../shared/i18n/index';
import {renderMsg, t} from '../../shared/i18n/index';
import type {
  BridgeErrorCode,
  BridgeRequestType,
  BridgeResponse,
  CancelledResponse,
  EnvResultResponse,
  ErrorResponse,
  PairedResponse,
  ProbeResultResponse,
  ReadyResponse,
  RequestBody,
  StatusResultResponse,
  BundleResultResponse,
} from '../../shared/protocol';
import {
  DEFAULT_BRIDGE_PORT,
  PAIRING_CODE_INPUT,
  TOKEN_PATTERN,
  bridgeErrorMsg,
  bridgeRequest,
  decodeBridgeResponse,
  ProtocolError,
} from '../../shared/protocol';
import type {Msg} from '../../shared/engine/types';

// ---- storage (storage.local) -----------------------------------------------------------------

/** The token from `paired`. It works only from this extension's origin (the bridge checks Origin). */
export const BRIDGE_TOKEN_KEY = 'bridgeToken';
/** The bridge's port, set in the options page. Default `DEFAULT_BRIDGE_PORT` (17626). */
export const BRIDGE_PORT_KEY = 'bridgePort';

export function readBridgePort(stored: Record<string, unknown>): number {
  const v = stored[BRIDGE_PORT_KEY];
  return isPort(v) ? v : DEFAULT_BRIDGE_PORT;
}

export function isPort(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 65535;
}

export function readBridgeToken(stored: Record<string, unknown>): string | null {
  const v = stored[BRIDGE_TOKEN_KEY];
  return typeof v === 'string' && TOKEN_PATTERN.test(v) ? v : null;
}

/** Where the client keeps its token: storage.local in the extension, memory in unit tests. */
export interface TokenKeeper {
  load(): Promise<string | null>;
  save(token: string | null): Promise<void>;
}

// ---- the socket, as small as the client needs it (DOM WebSocket; `ws` in Node tests) ----------

export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: {data: unknown}) => void) | null;
}
export type SocketFactory = (url: string) => SocketLike;

const OPEN = 1;

// ---- states and failures -----------------------------------------------------------------------

export type BridgeState =
  | {kind: 'idle'}
  | {kind: 'connecting'}
  /** Nothing accepted a WebSocket at the port (not running, another port, or the handshake was refused). */
  | {kind: 'unreachable'; port: number}
  /** Connected; needs the code `apm-doctor bridge` printed. `error`: why the last pair/hello failed. */
  | {kind: 'unpaired'; port: number; error: RequestFailure | null}
  | {kind: 'ready'; port: number; bridgeVersion: string; capabilities: BridgeRequestType[]};

/** Failures the client itself detects. i18n: `popup_client_err_<code>` (dashes → underscores). */
export const CLIENT_ERROR_CODES = ['not-connected', 'connection-lost', 'no-answer', 'bad-reply', 'bad-code'] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

export type RequestFailure =
  | {kind: 'bridge'; code: BridgeErrorCode; message: string; field?: string; attemptsLeft?: number}
  | {kind: 'client'; code: ClientErrorCode};

export function clientErrorKey(code: ClientErrorCode): string {
  return `popup_client_err_${code.replace(/-/g, '_')}`;
}

/** What to show a user for a failure (i18n keys only; never the English `message`). */
export function failureMsg(f: RequestFailure): Msg {
  if (f.kind === 'client') return {key: clientErrorKey(f.code)};
  const e: Pick<ErrorResponse, 'code' | 'field' | 'attemptsLeft'> = {code: f.code};
  if (f.field !== undefined) e.field = f.field;
  if (f.attemptsLeft !== undefined) e.attemptsLeft = f.attemptsLeft;
  return bridgeErrorMsg(e);
}

function fromError(e: ErrorResponse): RequestFailure {
  const f: RequestFailure = {kind: 'bridge', code: e.code, message: e.message};
  if (e.field !== undefined) f.field = e.field;
  if (e.attemptsLeft !== undefined) f.attemptsLeft = e.attemptsLeft;
  return f;
}

/** The final reply of each request type. */
interface FinalOf {
  pair: PairedResponse;
  hello: ReadyResponse;
  probe: ProbeResultResponse;
  status: StatusResultResponse;
  env: EnvResultResponse;
  bundle: BundleResultResponse;
  cancel: CancelledResponse;
}
const FINAL_TYPE: {[K in BridgeRequestType]: FinalOf[K]['type']} = {
  pair: 'paired',
  hello: 'ready',
  probe: 'probe-result',
  status: 'status-result',
  env: 'env-result',
  bundle: 'bundle-result',
  cancel: 'cancelled',
};

export type Outcome<T extends BridgeRequestType> = {ok: true; reply: FinalOf[T]} | {ok: false; failure: RequestFailure};

export interface RequestOptions {
  /** Progress events of a probe (each `probe-step`). */
  onStep?: (step: ProbeStep) => void;
  /** Aborting sends `cancel` for this job. */
  signal?: AbortSignal;
  /** Gives up waiting after this many ms (`no-answer`). Default: the bridge's own deadlines + 5 s. */
  timeoutMs?: number;
}

interface Pending {
  type: BridgeRequestType;
  onStep: ((step: ProbeStep) => void) | undefined;
  settle: (o: Outcome<BridgeRequestType>) => void;
}

export interface BridgeClientOptions {
  port: number;
  tokens: TokenKeeper;
  /** Default: the DOM WebSocket. */
  socket?: SocketFactory;
  /** Until a socket that never opens counts as unreachable, ms. Default 3000. */
  connectTimeoutMs?: number;
  /** Reconnect after an unexpected close while state listeners exist. Default true. */
  reconnect?: boolean;
  /** Backoff bounds for reconnects, ms. Default 500 → 10 000. */
  backoffMs?: {min: number; max: number};
}

/** Client-side answer budget per request type (the bridge's own deadlines are shorter). */
const DEFAULT_TIMEOUT_MS: Record<BridgeRequestType, number> = {
  pair: 10_000,
  hello: 10_000,
  probe: 40_000,
  status: 40_000,
  env: 25_000,
  bundle: 25_000,
  cancel: 10_000,
};

export class BridgeClient {
  readonly port: number;
  private readonly tokens: TokenKeeper;
  private readonly makeSocket: SocketFactory;
  private readonly connectTimeoutMs: number;
  private readonly reconnectEnabled: boolean;
  private readonly backoff: {min: number; max: number};

  private socket: SocketLike | null = null;
  private connecting: Promise<BridgeState> | null = null;
  private readonly pending = new Map<string, Pending>();
  private readonly listeners = new Set<(s: BridgeState) => void>();
  private nextId = 1;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryDelay: number;
  private closedByUs = false;
  private current: BridgeState = {kind: 'idle'};

  constructor(opts: BridgeClientOptions) {
    this.port = opts.port;
    this.tokens = opts.tokens;
    this.makeSocket = opts.socket ?? ((url) => new WebSocket(url) as unknown as SocketLike);
    this.connectTimeoutMs = opts.connectTimeoutMs ?? 3000;
    this.reconnectEnabled = opts.reconnect ?? true;
    this.backoff = opts.backoffMs ?? {min: 500, max: 10_000};
    this.retryDelay = this.backoff.min;
  }

  get state(): BridgeState {
    return this.current;
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Calls `fn` now and on every change; returns the unsubscribe. */
  subscribe(fn: (s: BridgeState) => void): () => void {
    this.listeners.add(fn);
    fn(this.current);
    return () => this.listeners.delete(fn);
  }

  private set(state: BridgeState): void {
    this.current = state;
    for (const fn of this.listeners) fn(state);
  }

  /** Opens the socket (once) and resumes with the stored token. Resolves with the settled state. */
  connect(): Promise<BridgeState> {
    if (this.socket && this.socket.readyState === OPEN && (this.current.kind === 'ready' || this.current.kind === 'unpaired')) return Promise.resolve(this.current);
    this.connecting ??= this.open().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async open(): Promise<BridgeState> {
    clearTimeout(this.retryTimer);
    this.closedByUs = false;
    this.set({kind: 'connecting'});
    const socket = await this.openSocket();
    if (!socket) {
      this.set({kind: 'unreachable', port: this.port});
      this.scheduleRetry();
      return this.current;
    }
    this.retryDelay = this.backoff.min;
    const token = await this.tokens.load();
    if (!token) {
      this.set({kind: 'unpaired', port: this.port, error: null});
      return this.current;
    }
    return this.hello(token);
  }

  private openSocket(): Promise<SocketLike | null> {
    return new Promise((resolve) => {
      let socket: SocketLike;
      try {
        socket = this.makeSocket(this.url);
      } catch {
        resolve(null);
        return;
      }
      let settled = false;
      const done = (ok: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (ok) {
          this.socket = socket;
          resolve(socket);
        } else {
          try {
            socket.close();
          } catch {
            /* never opened */
          }
          resolve(null);
        }
      };
      const timer = setTimeout(() => done(false), this.connectTimeoutMs);
      socket.onopen = () => done(true);
      socket.onerror = () => done(false);
      socket.onclose = () => {
        if (!settled) done(false);
        else if (this.socket === socket) this.onSocketClosed();
      };
      socket.onmessage = (ev) => {
        if (this.socket === socket) this.onMessage(ev.data);
      };
    });
  }

  private async hello(token: string): Promise<BridgeState> {
    const r = await this.request({type: 'hello', token});
    if (r.ok) {
      this.set({kind: 'ready', port: this.port, bridgeVersion: r.reply.bridgeVersion, capabilities: r.reply.capabilities});
    } else if (r.failure.kind === 'bridge' && r.failure.code === 'not-paired') {
      // Revoked (`apm-doctor bridge --forget`) or issued to another install: pair again.
      await this.tokens.save(null);
      this.set({kind: 'unpaired', port: this.port, error: r.failure});
    } else if (this.socket?.readyState === OPEN) {
      this.set({kind: 'unpaired', port: this.port, error: r.failure});
    }
    return this.current;
  }

  /** Trades the code the terminal printed for a token; on success the state becomes 'ready'. */
  async pair(input: string): Promise<{ok: true} | {ok: false; failure: RequestFailure}> {
    const code = input.trim();
    if (!PAIRING_CODE_INPUT.test(code)) return {ok: false, failure: {kind: 'client', code: 'bad-code'}};
    const state = await this.connect();
    if (state.kind === 'unreachable' || state.kind === 'idle' || state.kind === 'connecting') return {ok: false, failure: {kind: 'client', code: 'not-connected'}};
    const r = await this.request({type: 'pair', code});
    if (!r.ok) {
      if (this.current.kind === 'unpaired' || this.current.kind === 'ready') this.set({kind: 'unpaired', port: this.port, error: r.failure});
      return r;
    }
    await this.tokens.save(r.reply.token);
    await this.hello(r.reply.token);
    return {ok: true};
  }

  /**
   * Drops the token here and ends this connection's paired session. (The bridge keeps the token's
   * hash until `apm-doctor bridge --forget`, but without the token nobody can present it.)
   */
  async forget(): Promise<void> {
    await this.tokens.save(null);
    this.drop();
    await this.connect();
  }

  /** Sends one request and resolves with its final reply or a typed failure (never rejects). */
  request<T extends BridgeRequestType>(body: Extract<RequestBody, {type: T}>, opts: RequestOptions = {}): Promise<Outcome<T>> {
    const socket = this.socket;
    if (!socket || socket.readyState !== OPEN) return Promise.resolve({ok: false, failure: {kind: 'client', code: 'not-connected'}});
    const id = `x${this.nextId++}`;
    const type = body.type as T;
    return new Promise<Outcome<T>>((resolve) => {
      const onAbort = () => {
        if (this.pending.has(id) && this.socket?.readyState === OPEN) {
          void this.request({type: 'cancel', jobId: id});
        }
      };
      const settle = (o: Outcome<BridgeRequestType>) => {
        if (!this.pending.delete(id)) return;
        clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
        resolve(o as Outcome<T>);
      };
      this.pending.set(id, {type, onStep: opts.onStep, settle});
      // Declared after `settle`, which only runs once this is set (a reply needs a round trip).
      const timer = setTimeout(() => settle({ok: false, failure: {kind: 'client', code: 'no-answer'}}), opts.timeoutMs ?? DEFAULT_TIMEOUT_MS[type]);
      if (opts.signal) {
        if (opts.signal.aborted) queueMicrotask(onAbort);
        else opts.signal.addEventListener('abort', onAbort, {once: true});
      }
      try {
        socket.send(JSON.stringify(bridgeRequest(id, body)));
      } catch {
        settle({ok: false, failure: {kind: 'client', code: 'connection-lost'}});
      }
    });
  }

  private onMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    const msg: BridgeResponse | ProtocolError = decodeBridgeResponse(data);
    if (msg instanceof ProtocolError) {
      // A reply we can't read fails its request (when it named one) instead of hanging it.
      if (msg.id) this.pending.get(msg.id)?.settle({ok: false, failure: {kind: 'client', code: 'bad-reply'}});
      return;
    }
    if (msg.id === null) return;
    const p = this.pending.get(msg.id);
    if (!p) return;
    if (msg.type === 'probe-step') {
      p.onStep?.(msg.step);
      return;
    }
    if (msg.type === 'error') {
      p.settle({ok: false, failure: fromError(msg)});
      return;
    }
    if (msg.type !== FINAL_TYPE[p.type]) {
      p.settle({ok: false, failure: {kind: 'client', code: 'bad-reply'}});
      return;
    }
    p.settle({ok: true, reply: msg} as Outcome<BridgeRequestType>);
  }

  private onSocketClosed(): void {
    this.socket = null;
    for (const p of [...this.pending.values()]) p.settle({ok: false, failure: {kind: 'client', code: 'connection-lost'}});
    if (this.closedByUs) return;
    this.set({kind: 'unreachable', port: this.port});
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (!this.reconnectEnabled || this.closedByUs || this.listeners.size === 0) return;
    clearTimeout(this.retryTimer);
    const delay = this.retryDelay;
    this.retryDelay = Math.min(this.backoff.max, this.retryDelay * 2);
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }

  private drop(): void {
    const socket = this.socket;
    this.socket = null;
    for (const p of [...this.pending.values()]) p.settle({ok: false, failure: {kind: 'client', code: 'connection-lost'}});
    try {
      socket?.close(1000, 'client');
    } catch {
      /* already closed */
    }
  }

  /** Closes for good: no reconnects, pending requests fail `connection-lost`. */
  close(): void {
    this.closedByUs = true;
    clearTimeout(this.retryTimer);
    this.drop();
    this.set({kind: 'idle'});
  }
}

// ---- mapping and presentation ----------------------------------------------------------------

/** A finding's target as a probe `target` string; null lets the bridge choose (DD_* vars, then localhost:8126). */
export function targetInput(t: Target): string | null {
  if (t.socket) return `unix://${t.socket}`;
  if (t.url) return t.url;
  if (t.host) return t.port === null ? t.host : `${t.host.includes(':') ? `[${t.host}]` : t.host}:${t.port}`;
  return null;
}

/** The verdict's headline in the engine's words: the rule's title, or "OK". */
export function verdictHeadline(locale: Locale, v: ProbeVerdict): string {
  if (v.ok && (v.rule === null || v.rule === 'check-agent')) return t(locale, 'probe_verdict_ok_short');
  if (v.rule) return t(locale, `rule_${v.rule.replace(/-/g, '_')}_title`);
  return t(locale, v.ok ? 'probe_verdict_ok_short' : 'probe_verdict_fail_short');
}

export function verdictSummary(locale: Locale, v: ProbeVerdict): string {
  return renderMsg(locale, v.summary);
}
