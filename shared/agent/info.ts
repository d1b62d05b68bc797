// Parser for the trace-agent's `GET /info` discovery answer.
//
// The body changes across agent versions (shared/facts/agent-side.md §1.2): keys come and go
// (`build_date` only in 2021, no `receiver_port` in some 7.4x payloads), arrays may be `null`
// (`peer_tags` on 7.57.2), `obfuscation.redis`/`memcached` are booleans up to ~7.4x and objects
// with Go-cased keys later, and new keys appear every release. So every field is optional and
// typed by what it is, never by which version we expect; unknown keys are kept by name only.
// A pre-7.27 agent answers `404 page not found` (Go ServeMux) — listening, but too old for /info.

/** Typed view of an `/info` body. `null` = absent or of an unexpected type in this payload. */
export interface AgentInfo {
  version: string | null;
  gitCommit: string | null;
  /** Only in the first releases that had /info (2021). */
  buildDate: string | null;
  endpoints: string[];
  featureFlags: string[];
  clientDropP0s: boolean | null;
  spanMetaStructs: boolean | null;
  longRunningSpans: boolean | null;
  spanEvents: boolean | null;
  /** `null` in the payload (7.57.2) and absent are both `null` here. */
  peerTags: string[] | null;
  spanKindsStatsComputed: string[] | null;
  obfuscationVersion: number | null;
  evpProxyAllowedHeaders: string[] | null;
  config: AgentInfoConfig;
  /** Top-level keys this parser doesn't know, so a newer agent's additions are visible, not lost. */
  unknownKeys: string[];
}

export interface AgentInfoConfig {
  defaultEnv: string | null;
  /** 0 = the TCP receiver is off. Absent in some 7.4x payloads (→ null). */
  receiverPort: number | null;
  /** '' when UDS is off. */
  receiverSocket: string | null;
  /**
   * Whether the receiver accepts non-local traffic, when the payload says so. Current agents
   * don't put `apm_non_local_traffic` in /info; it is read when present (some builds and
   * forks do) and otherwise stays null — `agent status` `Receiver: 0.0.0.0:8126` is the proof.
   */
  nonLocalTraffic: boolean | null;
  receiverTimeoutSeconds: number | null;
  connectionLimit: number | null;
  maxRequestBytes: number | null;
  statsdPort: number | null;
  targetTps: number | null;
  maxEps: number | null;
  maxMemory: number | null;
  maxCpu: number | null;
}

export type InfoParse =
  | {kind: 'info'; info: AgentInfo}
  /** 404: an agent older than /info (< 7.27) — or another HTTP service on the port. */
  | {kind: 'not-found'; bodyIsGoMux: boolean}
  /** 2xx but not a JSON object: something else answers on the port. */
  | {kind: 'not-json'; reason: string}
  /** Any other status. */
  | {kind: 'http-error'; status: number};

const KNOWN_TOP = new Set([
  'version',
  'git_commit',
  'build_date',
  'endpoints',
  'feature_flags',
  'client_drop_p0s',
  'span_meta_structs',
  'long_running_spans',
  'span_events',
  'evp_proxy_allowed_headers',
  'config',
  'peer_tags',
  'span_kinds_stats_computed',
  'obfuscation_version',
  'filter_tags',
  'filter_tags_regex',
  'ignore_resources',
  'org_prop_marker',
]);

type Obj = Readonly<Record<string, unknown>>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);
const strList = (v: unknown): string[] | null =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : null;

/** Reads a parsed JSON value as an /info body. Returns null when it isn't an object. */
export function readInfo(json: unknown): AgentInfo | null {
  if (!isObj(json)) return null;
  const c = isObj(json['config']) ? json['config'] : {};
  return {
    version: str(json['version']),
    gitCommit: str(json['git_commit']),
    buildDate: str(json['build_date']),
    endpoints: strList(json['endpoints']) ?? [],
    featureFlags: strList(json['feature_flags']) ?? [],
    clientDropP0s: bool(json['client_drop_p0s']),
    spanMetaStructs: bool(json['span_meta_structs']),
    longRunningSpans: bool(json['long_running_spans']),
    spanEvents: bool(json['span_events']),
    peerTags: strList(json['peer_tags']),
    spanKindsStatsComputed: strList(json['span_kinds_stats_computed']),
    obfuscationVersion: num(json['obfuscation_version']),
    evpProxyAllowedHeaders: strList(json['evp_proxy_allowed_headers']),
    config: {
      defaultEnv: str(c['default_env']),
      receiverPort: num(c['receiver_port']),
      receiverSocket: str(c['receiver_socket']),
      nonLocalTraffic: bool(c['apm_non_local_traffic']) ?? bool(c['non_local_traffic']),
      receiverTimeoutSeconds: num(c['receiver_timeout']),
      connectionLimit: num(c['connection_limit']),
      maxRequestBytes: num(c['max_request_bytes']),
      statsdPort: num(c['statsd_port']),
      targetTps: num(c['target_tps']),
      maxEps: num(c['max_eps']),
      maxMemory: num(c['max_memory']),
      maxCpu: num(c['max_cpu']),
    },
    unknownKeys: Object.keys(json).filter((k) => !KNOWN_TOP.has(k)),
  };
}

/** Go's `http.NotFound` body: what a trace-agent that predates /info answers. */
export const GO_NOT_FOUND_BODY = '404 page not found';

/** Classifies an HTTP answer to `GET /info` (status + body text). Never throws. */
export function parseInfoResponse(status: number, body: string): InfoParse {
  if (status === 404) return {kind: 'not-found', bodyIsGoMux: body.trim() === GO_NOT_FOUND_BODY};
  if (status < 200 || status > 299) return {kind: 'http-error', status};
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    const head = body.trimStart().slice(0, 1);
    return {kind: 'not-json', reason: head === '<' ? 'html' : body.trim() === '' ? 'empty' : 'text'};
  }
  const info = readInfo(json);
  if (!info) return {kind: 'not-json', reason: 'not-an-object'};
  return {kind: 'info', info};
}

/**
 * Whether a parsed body looks like a trace-agent's /info (and not some other service's JSON on
 * the port): every version we know lists `/v0.x/traces` endpoints and a version string.
 */
export function looksLikeAgentInfo(info: AgentInfo): boolean {
  return info.version !== null && info.endpoints.some((e) => /^\/v\d+(\.\d+)?\/traces$/.test(e));
}
