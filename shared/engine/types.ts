// The engine's vocabulary. Everything that crosses a module boundary in the
// diagnosis pipeline is typed here; the NDJSON contract (SPEC §4) is `FindingJson`.

export const LANGS = ['java', 'python', 'ruby', 'go', 'nodejs', 'dotnet', 'php', 'cpp', 'rust', 'unknown'] as const;
export type Lang = (typeof LANGS)[number];

export const CAUSES = [
  'refused',
  'addr_not_available',
  'timeout',
  'dns',
  'uds_missing',
  'uds_permission',
  'reset',
  'http_status',
  'payload_too_large',
  'agent_error_flag',
  'apm_not_running',
  'other',
] as const;
export type Cause = (typeof CAUSES)[number];

/** Where the application runs (SPEC §2.5). `unknown` gives the short list of checks. */
export const ENVS = [
  'host',
  'docker',
  'kubernetes',
  'eks',
  'ecs-ec2',
  'ecs-fargate',
  'eks-fargate',
  'beanstalk-single',
  'beanstalk-multi',
  'unknown',
] as const;
export type Env = (typeof ENVS)[number];

/** Who wrote the line: a tracing library, the Datadog Agent's own log, or pasted `agent status` output. */
export type Source = 'tracer' | 'agent' | 'status';

/** The address the tracer tried. All fields null when the line doesn't say. */
export interface Target {
  url: string | null;
  host: string | null;
  port: number | null;
  socket: string | null;
}

/**
 * One line of input after console decorations were removed (timestamps, Kubernetes/Docker
 * prefixes, ANSI colours, JSON envelopes). A JSON-wrapped message with escaped newlines
 * becomes several LogLines that share one physical `line` number.
 */
export interface LogLine {
  /** 1-based physical line of the input. */
  line: number;
  /** The message text, decorations removed. */
  text: string;
  /** Timestamp found in a stripped prefix or envelope, as written. */
  timestamp: string | null;
}

/** One event: a message line and the lines that continue it (stack frames, error objects, tracebacks). */
export interface LogEvent {
  lines: readonly LogLine[];
  /** `lines` texts joined with '\n'. */
  text: string;
  line: number;
  endLine: number;
}

/** Parsed tracer startup configuration line (`DATADOG TRACER CONFIGURATION …` and equivalents). */
export interface StartupConfig {
  lang: Lang;
  line: number;
  agentUrl: string | null;
  /** true/false for Java's boolean; the text for tracers that print the error; null when absent/empty. */
  agentError: boolean | string | null;
  service: string | null;
  env: string | null;
  version: string | null;
  tracerVersion: string | null;
  target: Target;
}

/** What a recogniser says about one event. Missing fields are filled from context (the startup config). */
export interface Recognition {
  cause: Cause;
  target?: Partial<Target>;
  tracerVersion?: string | null;
  httpStatus?: number | null;
  /** The OS/runtime code behind the failure as printed: `ECONNREFUSED`, `111`, `Errno::ECONNREFUSED`… */
  errorCode?: string | null;
  timestamp?: string | null;
  /** The lang when the recogniser covers several (agent lines are `unknown`). */
  lang?: Lang;
  /**
   * true when the event alone doesn't prove the target is the Datadog Agent (a bare Node
   * `Error: connect ECONNREFUSED 10.0.0.5:9000`). The scanner keeps it only when the target
   * matches an agent address seen in context (a startup config line, port 8126, the socket path).
   */
  needsAgentTarget?: boolean;
}

/** A recognised failure before diagnosis. */
export interface RawFinding {
  line: number;
  endLine: number;
  lang: Lang;
  source: Source;
  recognizer: string;
  cause: Cause;
  target: Target;
  tracerVersion: string | null;
  httpStatus: number | null;
  errorCode: string | null;
  timestamp: string | null;
  /** The event's text, bounded (first lines only), for popovers and the support bundle. */
  excerpt: string;
}

/** Text that can be rendered in any UI language: a message key and named substitutions. */
export interface Msg {
  key: string;
  subs?: Readonly<Record<string, string>>;
}

export interface Diagnosis {
  rule: string;
  title: Msg;
  explanation: Msg;
  advice: readonly Msg[];
}

export type DiagnosedFinding = RawFinding & {diagnosis: Diagnosis};

/** The NDJSON contract of `apm-doctor diagnose --format json` (SPEC §4), text rendered in one language. */
export interface FindingJson {
  line: number;
  endLine: number;
  lang: Lang;
  source: Source;
  cause: Cause;
  target: Target;
  tracerVersion: string | null;
  httpStatus: number | null;
  errorCode: string | null;
  timestamp: string | null;
  rule: string;
  title: string;
  explanation: string;
  advice: string[];
  excerpt: string;
}

export interface RecognizerExample {
  /** Log text as a user would see it (may span several lines). */
  text: string;
  expect: {
    cause: Cause;
    host?: string | null;
    port?: number | null;
    socket?: string | null;
    url?: string | null;
    tracerVersion?: string | null;
    httpStatus?: number | null;
  };
  /** Where this exact text comes from (facts file section, fixture, tracer source path). */
  from?: string;
}

export interface Recognizer {
  /** Equals the file name in shared/tracers/. */
  id: string;
  lang: Lang;
  source: Source;
  /**
   * Literal substrings. An event is offered to `recognize` only when its text contains one
   * of them (STYLE §4: literal hints before regexes). They also feed the scanner's prefilter.
   */
  hints: readonly string[];
  /**
   * The subset of `hints` that alone don't prove a tracer wrote the line: bare runtime error
   * codes (`ECONNREFUSED`, `ENOTFOUND`…) that any app prints. A line whose only hints are weak
   * is looked at only when it also names the agent (8126, a datadog host, the socket, an address
   * a config line named) — so a log full of the app's own database errors costs a map lookup
   * and one small regex per line, not an event build (bench/scan.bench.mjs).
   */
  weakHints?: readonly string[];
  /**
   * A line that announces an error whose details follow on the next lines without
   * indentation (Node's `Error sending payload to the agent (status code: undefined)` then
   * `Error: connect ECONNREFUSED …`; C++'s two-line form; Java's `Error querying info at …`
   * then `java.net.ConnectException`). The scanner glues the next event onto it.
   */
  leadsInto?: RegExp;
  /** Recognise a startup configuration line; null when the event isn't one. */
  config?: (event: LogEvent) => StartupConfig | null;
  recognize: (event: LogEvent) => Recognition | null;
  examples: {
    matches: readonly RecognizerExample[];
    /** Lines that must produce no finding, with why. */
    ignores: readonly {text: string; why: string}[];
  };
  /** Provenance: tracer source paths with versions, facts sections. */
  sources: readonly string[];
}

/**
 * What the bridge learned on the machine, when a probe or snapshot ran. Rules use it to
 * pick between causes a log line alone can't separate (a proxy, a port held by another process).
 */
export interface Facts {
  /** HTTP(S)_PROXY is set and NO_PROXY doesn't exempt the agent's host. */
  proxyCapturesAgent: boolean;
  /** The probe ran inside a container or pod. */
  inContainer: boolean;
  /** Something other than the trace-agent holds the port (process name when known). */
  portHolder: string | null;
  /** The probe got an HTTP answer from the agent's /info. */
  agentAnswered: boolean;
}

/** What a diagnosis rule sees. */
export interface RuleContext {
  env: Env;
  facts: Partial<Facts>;
  /** Every finding of the same scan (rules look for patterns across lines). */
  findings: readonly RawFinding[];
  configs: readonly StartupConfig[];
}

export interface RuleExample {
  /** Log text; the rule must be the one chosen for its first finding. */
  text: string;
  env?: Env;
  /** What the bridge learned, when the example depends on it (a proxy, a port holder). */
  facts?: Partial<Facts>;
  why: string;
}

export interface DiagnosisRule {
  /** Equals the file name in shared/rules/. */
  id: string;
  /** Causes this rule can apply to (the registry test checks they exist). */
  causes: readonly Cause[];
  /** Environments the rule is specific to; empty = any. */
  envs: readonly Env[];
  /** Returns the diagnosis when the rule applies, else null. Rules are tried in list order. */
  applies: (finding: RawFinding, ctx: RuleContext) => Diagnosis | null;
  examples: {
    matches: readonly RuleExample[];
    ignores: readonly RuleExample[];
  };
  sources: readonly string[];
}
