// Every bound the bridge enforces, in one place (SPEC §5 "bounded everything"). The server
// takes a Partial<BridgeLimits> so tests can tighten one limit without touching the rest.
import {PROBE_DEFAULTS, type ProbeOptions} from '../shared/probe/types';

export interface Range {
  /** Used when the client doesn't ask. */
  default: number;
  min: number;
  max: number;
}

export interface BridgeLimits {
  /** Largest message handled, in bytes (UTF-8 JSON). Bigger ones get a `too-large` reply and the connection lives on. Default 1 MiB. */
  maxMessageBytes: number;
  /** Frames above this are not buffered at all: ws closes the socket with 1009. Default 4 MiB. */
  maxFrameBytes: number;
  /** Open WebSocket connections across the bridge; the next handshake gets 503 `busy`. Default 16. */
  maxConnections: number;
  /** A connection that hasn't paired (or said hello) by then is closed with 1008, so idle sockets can't hold the slots. Default 10 minutes. */
  unpairedTimeoutMs: number;
  /** Jobs (probe/status/env/bundle) running at once on one connection. Default 4. */
  maxJobsPerConnection: number;
  /** Jobs running at once across all connections. Default 8. */
  maxJobsTotal: number;
  /** Messages per second one connection may send, sustained (token bucket refill). Default 20. */
  ratePerSecond: number;
  /** Messages one connection may send in a burst (token bucket size). Default 40. */
  rateBurst: number;
  /**
   * Messages answered `rate-limited` in a row before the bridge stops answering and closes the
   * connection with 1008: a client that ignores the replies is flooding. Default 200.
   */
  maxThrottledInARow: number;
  /** Probe TCP/Unix-socket connect timeout, ms, when the client sets one: clamped to 50–10 000 and to the total. Unset: the total. */
  probeConnectTimeoutMs: Omit<Range, 'default'>;
  /** Whole probe (DNS + connect + `GET /info`), ms. Default 2000 (the probe's own), clamped to 100–30 000. */
  probeTimeoutMs: Range;
  /** Extra time a probe job gets past its own timeout before the bridge aborts it as `timeout`, ms. Default 2000. */
  probeGraceMs: number;
  /** Whole `agent status` collection, ms. Default 30 000. */
  statusTimeoutMs: number;
  /** Whole environment snapshot, ms. Default 15 000. */
  envTimeoutMs: number;
  /** Whole bundle build, ms. Default 15 000. */
  bundleTimeoutMs: number;
  /** A pairing code's life, ms. Default 10 minutes. */
  pairingCodeTtlMs: number;
  /** Wrong codes accepted before the code is locked for good (a new one needs the terminal). Default 5. */
  pairingMaxAttempts: number;
  /** Paired browsers remembered; pairing one more forgets the oldest. Default 32. */
  maxStoredTokens: number;
}

/**
 * Bytes of an agent response body the probe reads before it stops (a real `/info` is a few
 * KiB). 1 MiB; the probe (shared/probe/types.ts) owns the value, listed here with the others.
 */
export const MAX_AGENT_RESPONSE_BYTES: number = PROBE_DEFAULTS.maxBodyBytes;

export const DEFAULT_LIMITS: Readonly<BridgeLimits> = {
  maxMessageBytes: 1024 * 1024,
  maxFrameBytes: 4 * 1024 * 1024,
  maxConnections: 16,
  unpairedTimeoutMs: 10 * 60 * 1000,
  maxJobsPerConnection: 4,
  maxJobsTotal: 8,
  ratePerSecond: 20,
  rateBurst: 40,
  maxThrottledInARow: 200,
  probeConnectTimeoutMs: {min: 50, max: 10_000},
  probeTimeoutMs: {default: PROBE_DEFAULTS.timeoutMs, min: 100, max: 30_000},
  probeGraceMs: 2000,
  statusTimeoutMs: 30_000,
  envTimeoutMs: 15_000,
  bundleTimeoutMs: 15_000,
  pairingCodeTtlMs: 10 * 60 * 1000,
  pairingMaxAttempts: 5,
  maxStoredTokens: 32,
};

export function resolveLimits(overrides: Partial<BridgeLimits> = {}): BridgeLimits {
  return {...DEFAULT_LIMITS, ...overrides};
}

function clamp(value: number, range: Omit<Range, 'default'>): number {
  return Math.min(range.max, Math.max(range.min, value));
}

/**
 * The client's probe options with the timeouts forced into range. The connect timeout, when
 * asked for, never exceeds the total; when not asked for it stays unset (the probe then uses the
 * total, shared/probe/types.ts).
 */
export function clampProbeOptions(options: ProbeOptions, limits: BridgeLimits): ProbeOptions {
  const timeoutMs = clamp(options.timeoutMs ?? limits.probeTimeoutMs.default, limits.probeTimeoutMs);
  const clamped: ProbeOptions = {...options, timeoutMs};
  if (options.connectTimeoutMs !== undefined) {
    clamped.connectTimeoutMs = Math.min(timeoutMs, clamp(options.connectTimeoutMs, limits.probeConnectTimeoutMs));
  }
  return clamped;
}
