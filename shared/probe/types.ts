// What a probe of the Datadog Agent's trace receiver takes and returns. `ProbeResult` is
// exactly the JSON `apm-doctor probe --format json` prints and the bridge sends back, so
// every field is plain data (no Dates, no Errors) and every text a user reads is a `Msg`.
import type {AgentInfo} from '../agent/info';
import type {Cause, Msg, Target} from '../engine/types';
import type {RuleId} from '../rules/ids';

// ---------------------------------------------------------------------------------------------
// Vantage: where the probe runs. The seed's key check is "from the application container".

export type Vantage =
  | {kind: 'local'}
  | {kind: 'docker'; container: string}
  | {kind: 'k8s'; pod: string; namespace?: string; container?: string; context?: string};

/** Docker container names/ids (the daemon's own rule: `[a-zA-Z0-9][a-zA-Z0-9_.-]+`). */
export const DOCKER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/;
/** Kubernetes DNS-1123 label (namespaces, container names): ≤ 63. */
export const K8S_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** Kubernetes DNS-1123 subdomain (pod names): dot-separated labels, ≤ 253. */
export const K8S_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/**
 * kubeconfig context names are free-form in kubeconfig, but we pass them as one argv element
 * after `--context`; a conservative set (no leading '-', no whitespace or control chars) covers
 * the names clusters are given (`kind-dev`, `arn:aws:eks:…:cluster/x`, `gke_p_z_c`, `user@ctx`).
 */
export const KUBE_CONTEXT = /^[A-Za-z0-9_][A-Za-z0-9_.:/@+-]{0,252}$/;

const LIMITS = {pod: 253, namespace: 63, container: 63, context: 253} as const;

/** Validates a vantage from an untrusted source (a bridge message, CLI flags). */
export function validateVantage(raw: unknown): Vantage | {error: string} {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {error: 'vantage must be an object'};
  const v = raw as Readonly<Record<string, unknown>>;
  const allowed = (keys: readonly string[]): string | null => {
    const extra = Object.keys(v).filter((k) => !keys.includes(k));
    return extra.length ? `unknown vantage field: ${extra[0]!.slice(0, 40)}` : null;
  };
  switch (v['kind']) {
    case 'local': {
      const e = allowed(['kind']);
      return e ? {error: e} : {kind: 'local'};
    }
    case 'docker': {
      const e = allowed(['kind', 'container']);
      if (e) return {error: e};
      const c = v['container'];
      if (typeof c !== 'string' || !DOCKER_NAME.test(c)) return {error: 'docker container must match [a-zA-Z0-9][a-zA-Z0-9_.-]* (≤ 128 chars)'};
      return {kind: 'docker', container: c};
    }
    case 'k8s': {
      const e = allowed(['kind', 'pod', 'namespace', 'container', 'context']);
      if (e) return {error: e};
      const pod = v['pod'];
      if (typeof pod !== 'string' || pod.length > LIMITS.pod || !K8S_SUBDOMAIN.test(pod)) {
        return {error: 'pod must be a DNS-1123 subdomain (lower-case a-z, 0-9, "-", "."; ≤ 253 chars)'};
      }
      const out: {kind: 'k8s'; pod: string; namespace?: string; container?: string; context?: string} = {kind: 'k8s', pod};
      for (const [field, re] of [
        ['namespace', K8S_LABEL],
        ['container', K8S_LABEL],
        ['context', KUBE_CONTEXT],
      ] as const) {
        const x = v[field];
        if (x === undefined || x === null) continue;
        if (typeof x !== 'string' || x.length > LIMITS[field] || !re.test(x)) {
          return {error: field === 'context' ? 'context must be a kubeconfig context name (no leading "-", no spaces)' : `${field} must be a DNS-1123 label (lower-case a-z, 0-9, "-"; ≤ 63 chars)`};
        }
        out[field] = x;
      }
      return out;
    }
    default:
      return {error: 'vantage kind must be local, docker or k8s'};
  }
}

// ---------------------------------------------------------------------------------------------
// Options and progress

export interface ProbeOptions {
  /** Total budget for the probe in ms, default 2000. A hanging agent is reported within it. */
  timeoutMs?: number;
  /** Budget for each TCP connect in ms, default = `timeoutMs`. */
  connectTimeoutMs?: number;
  /**
   * Also send one empty trace payload (msgpack `0x90`) to `/v0.4/traces`, like the tracers'
   * own self-checks (Go's startup check, .NET `dd-dotnet check agent`). Default false.
   */
  writeCheck?: boolean;
}

export const PROBE_DEFAULTS = {timeoutMs: 2000, maxTimeoutMs: 60_000, maxBodyBytes: 1 << 20, maxAddresses: 8} as const;

export type ProbeStepName = 'resolve-target' | 'proxy' | 'dns' | 'tcp' | 'http-info' | 'write-check';
export type ProbeStepStatus = 'running' | 'ok' | 'fail' | 'skip';

/** A progress event; the final list is also in `ProbeResult.steps`. */
export interface ProbeStep {
  step: ProbeStepName;
  status: ProbeStepStatus;
  /** Time the step took, ms; null while running. */
  ms: number | null;
  detail: Msg | null;
}

// ---------------------------------------------------------------------------------------------
// Result

/** Which rule chose the address, in the order tracers apply them. */
export type TargetRule = 'argument' | 'DD_TRACE_AGENT_URL' | 'DD_AGENT_HOST' | 'DD_TRACE_AGENT_PORT' | 'default-socket' | 'default';

export interface ProbeTarget extends Target {
  /** The address as given (argument or variable value), bounded. */
  input: string | null;
  kind: 'tcp' | 'unix';
  rule: TargetRule;
  /** The variables that were read to decide, name → value (DD_* only, never secrets). */
  from: Record<string, string>;
}

/** What ran the probe. Local probes run in-process (`node`); in a target, the first tool it has. */
export type ProbeTool = 'node' | 'curl' | 'wget' | 'python3' | 'bash';

export interface ProbeError {
  /** errno-style code: ECONNREFUSED, ENOTFOUND, ETIMEDOUT, ENOENT, EACCES, ECONNRESET, … or our own (TIMEOUT, TOO_LARGE). */
  code: string;
  message: string;
}

export interface DnsReport {
  host: string;
  /** Addresses in the order a client would try them (`dns.lookup` all + verbatim). */
  addresses: {address: string; family: 4 | 6}[];
  /** `localhost` resolves to `::1` first — an IPv4-only agent refuses the first try (Node ≥ 17). */
  localhostV6First: boolean;
  /** The host is an IP literal (no lookup was needed). */
  literal: boolean;
  /** The tool in the target could only report the address it used (curl/wget/bash). */
  partial: boolean;
  ms: number | null;
  error: ProbeError | null;
}

export interface TcpAttempt {
  address: string;
  family: 4 | 6 | null;
  port: number;
  ok: boolean;
  ms: number | null;
  error: ProbeError | null;
}

export interface UnixSocketReport {
  path: string;
  exists: boolean | null;
  isSocket: boolean | null;
  /** Octal mode string (`0755`), owner uid/gid; null when unknown (in a target). */
  mode: string | null;
  uid: number | null;
  gid: number | null;
  connect: {ok: boolean; ms: number | null; error: ProbeError | null};
}

export interface HttpTimings {
  /** Until the socket connected. */
  connectMs: number | null;
  /** Until the status line arrived. */
  firstByteMs: number | null;
  totalMs: number | null;
}

export interface HttpInfoReport {
  url: string;
  /** The address the request went to (first that accepted TCP). */
  address: string | null;
  status: number | null;
  timings: HttpTimings;
  bytes: number;
  /** The body exceeded the read limit and was cut. */
  truncated: boolean;
  contentType: string | null;
  /** What the body is: the agent's /info, an old agent's 404, or something else. */
  outcome: 'info' | 'not-found' | 'not-json' | 'http-error' | 'no-answer';
  /** Not-JSON/other answers: the first 200 chars, for the bundle. */
  excerpt: string | null;
  error: ProbeError | null;
}

export interface WriteCheckReport {
  url: string;
  method: 'POST';
  /** msgpack `0x90` (what the tracers send); JSON `[]` when the tool in the target can't send a raw byte (wget). */
  payload: 'msgpack' | 'json';
  status: number | null;
  /** `Datadog-Agent-Version` response header — proof the answer came from a trace-agent. */
  agentVersionHeader: string | null;
  ms: number | null;
  excerpt: string | null;
  error: ProbeError | null;
}

export interface ProxyVar {
  name: string;
  /** Credentials masked. */
  value: string;
}

export interface ProxyReport {
  /** Every proxy variable set (any case), values masked. */
  vars: ProxyVar[];
  /** The variable a client would use for this target (`http_proxy` before `HTTP_PROXY`), or null. */
  applies: string | null;
  /** The NO_PROXY entry that exempts the target, or null. */
  exemptedBy: string | null;
  /** A proxy would carry the tracer's traffic to the agent (per curl/Go NO_PROXY rules). */
  capturesAgent: boolean;
  /** Target is loopback: Go-based clients never proxy it, others (curl/PHP, .NET, Ruby) may. */
  loopbackTarget: boolean;
}

export interface ProbeVerdict {
  /** The agent answered over HTTP (`/info`, and the write check when asked). */
  ok: boolean;
  cause: Cause | null;
  /** Same ids as the engine's diagnoses (shared/rules/ids.ts). */
  rule: RuleId | null;
  summary: Msg;
}

export interface ProbeResult {
  /** Schema version of this object. */
  v: 1;
  target: ProbeTarget;
  vantage: Vantage;
  /** What ran the network steps; in a target, the first of curl, wget, node, python3, bash it has. */
  tool: ProbeTool;
  dns: DnsReport | null;
  tcp: TcpAttempt[];
  unix: UnixSocketReport | null;
  http: HttpInfoReport | null;
  info: AgentInfo | null;
  writeCheck: WriteCheckReport | null;
  proxy: ProxyReport;
  steps: ProbeStep[];
  verdict: ProbeVerdict;
  startedAt: string;
  totalMs: number;
}
