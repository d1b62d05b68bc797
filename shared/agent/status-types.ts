// `agent status` (the APM section) as typed data. Filled from `status --json` (`apmStats`, the
// trace-agent's /debug/vars) or from the text section; both shapes are in
// shared/facts/agent-side.md §2 and the recorded outputs in shared/fixtures/agent/.
import type {Msg} from '../engine/types';
import type {Vantage} from '../probe/types';

export type ApmState =
  /** `Status: Running` */
  | 'running'
  /** `Status: Not running or unreachable on <host>:<port>.` (6.x–7.8x) */
  | 'not-running'
  /** `Status: Unavailable` (newest agents' wording of the same failure). */
  | 'unavailable'
  /** No APM section at all (agent too old, or the section was missing). */
  | 'absent';

export interface ApmClient {
  lang: string | null;
  langVersion: string | null;
  interpreter: string | null;
  tracerVersion: string | null;
  /** `tcp` / `uds` (newest agents). */
  connectionType: string | null;
  tracesReceived: number | null;
  tracesBytes: number | null;
  spansReceived: number | null;
  /** Payloads refused for overload (JSON only): 200-with-refusal shows here, not in HTTP status. */
  payloadRefused: number | null;
  warnings: string[];
}

export interface WriterStats {
  payloads: number | null;
  /** Traces writer: traces; stats writer: stats buckets. */
  items: number | null;
  events: number | null;
  bytes: number | null;
  errors: number | null;
}

export interface ApmStatus {
  state: ApmState;
  /** For not-running/unavailable: the address `agent status` failed to reach. */
  unreachable: {host: string | null; port: number | null} | null;
  /**
   * The unreachable port is the trace-agent's debug port (5012 by default, since ~7.44), not
   * the receiver — tracers must not be pointed at it.
   */
  unreachableIsDebugPort: boolean;
  error: string | null;
  pid: number | null;
  uptimeSeconds: number | null;
  memAllocBytes: number | null;
  hostname: string | null;
  version: string | null;
  /** `Receiver: 0.0.0.0:8126` (listens for other containers) vs `localhost:8126` (local only). */
  receiver: {host: string; port: number} | null;
  udsReceiver: string | null;
  endpoints: string[];
  clients: ApmClient[];
  /** `No traces received in the previous minute.` */
  noTracesLastMinute: boolean;
  /** Sum over clients, previous minute; null when unknown. */
  tracesReceivedLastMinute: number | null;
  defaultSamplingRatePercent: number | null;
  samplingRates: {key: string; percent: number}[];
  /** `WARNING: Rate-limiter keep percentage: N%` (old agents) or ratelimiter.TargetRate < 1. */
  rateLimiterKeepPercent: number | null;
  writer: {traces: WriterStats | null; stats: WriterStats | null};
  /** Every `WARNING:` line of the section, as printed. */
  warnings: string[];
}

export type StatusErrorCode =
  /** No agent binary on PATH (host) or in the container/pod. */
  | 'binary-missing'
  | 'permission-denied'
  /** `agent status` ran but the core agent's IPC didn't answer (`Could not reach agent: …`). */
  | 'agent-unreachable'
  /** docker/kubectl isn't installed, or its engine/cluster isn't reachable. */
  | 'runner-missing'
  | 'runner-unreachable'
  | 'target-not-found'
  | 'timeout'
  | 'unparsable';

export interface StatusResult {
  v: 1;
  vantage: Vantage;
  /** argv that produced the output (for the bundle; no secrets in it). */
  command: string[] | null;
  /** Container `agent status` ran in (k8s: `trace-agent` when the pod has one). */
  container: string | null;
  format: 'json' | 'text' | null;
  /** Core agent version from the JSON header, when known. */
  agentVersion: string | null;
  apm: ApmStatus | null;
  error: {code: StatusErrorCode; message: Msg; next: Msg; detail: string} | null;
  /** The APM section as printed (text mode), bounded. */
  rawSection: string | null;
}
