// The support bundle (SPEC §2.6): what Datadog support asks for when the tracer still can't
// reach the agent, assembled from what we know, secrets redacted.
import type {StatusResult} from '../agent/status-types';
import type {DiagnosedFinding, Env, Msg, StartupConfig} from '../engine/types';
import type {EnvSnapshot} from '../env/types';
import type {ProbeResult} from '../probe/types';

export interface BundleInput {
  findings: readonly DiagnosedFinding[];
  configs: readonly StartupConfig[];
  /** Where the app runs: what we detected and what the user chose (the choice wins). */
  env: {detected: Env | null; chosen: Env | null};
  /** The log text the findings were found in (plain text, never page HTML): context lines come from it. */
  logText?: string;
  envSnapshot?: EnvSnapshot;
  probe?: ProbeResult;
  status?: StatusResult;
  /** The agent's datadog.yaml as read, when readable. */
  agentYaml?: string;
  /** Where it was read, or looked for. */
  agentYamlPath?: string;
  /** Why it couldn't be read (`EACCES: permission denied`), for the bundle to say so. */
  agentYamlProblem?: string;
  /** Where the logs came from (a file name, "stdin", a console's host name). */
  origin?: string;
  /** Datadog support case id, for the flare commands; a placeholder is shown otherwise. */
  caseId?: string;
  /** Parts the caller could not collect (a snapshot that timed out…), shown as such. */
  problems?: readonly string[];
  /** ISO 8601. */
  generatedAt: string;
}

/** A line of log text with its 1-based number; `hit` marks the lines of the finding itself. */
export interface ContextLine {
  n: number;
  text: string;
  hit: boolean;
}

export interface BundleFinding {
  line: number;
  endLine: number;
  lang: string;
  cause: string;
  rule: string;
  title: Msg;
  explanation: Msg;
  advice: Msg[];
  target: {url: string | null; host: string | null; port: number | null; socket: string | null};
  tracerVersion: string | null;
  httpStatus: number | null;
  errorCode: string | null;
  /** Lines of other findings with the same failure (same rule, cause and target), bounded. */
  sameOnLines: number[];
  /** How many such findings there are in all. */
  sameCount: number;
  context: ContextLine[];
  /** Lines of the event left out of `context` to keep it bounded. */
  omittedLines: number;
}

export interface BundleTracer {
  lang: string;
  tracerVersion: string | null;
  langVersion: string | null;
  service: string | null;
  env: string | null;
  version: string | null;
  agentUrl: string | null;
  /** Where it was seen (a startup log line, a finding, agent status). */
  from: Msg;
}

export interface BundlePort {
  port: number | null;
  socket: string | null;
  /** Where it was seen: a log line, a variable, the probe, `/info`, agent status, datadog.yaml. */
  from: Msg;
}

export interface FlareStep {
  title: Msg;
  commands: string[];
  note: Msg | null;
}

/** Everything renderers need; every string in it has been scrubbed already. */
export interface SupportBundle {
  v: 1;
  generatedAt: string;
  origin: string | null;
  environment: {
    chosen: Env | null;
    detected: Env | null;
    effective: Env;
    os: string | null;
    container: {inContainer: boolean; runtime: string | null; evidence: string[]} | null;
    kubernetes: {inPod: boolean; serviceHost: string | null} | null;
    tracers: BundleTracer[];
    agentVersion: string | null;
  };
  proxy: {
    collected: boolean;
    variables: {name: string; value: string}[];
    probe: {applies: string | null; exemptedBy: string | null; capturesAgent: boolean; loopbackTarget: boolean} | null;
  };
  agentPort: {nonDefault: number[]; seen: BundlePort[]};
  configuration: {
    app: {collected: boolean; variables: {name: string; value: string}[]};
    agent: {path: string | null; text: string | null; problem: string | null; found: string[]} | null;
  };
  findings: BundleFinding[];
  /** Findings not shown (beyond the bound), by count. */
  findingsOmitted: number;
  startupLines: ContextLine[];
  probe: ProbeResult | null;
  status: StatusResult | null;
  flare: {env: Env; caseId: string | null; steps: FlareStep[]};
  /** Sections that couldn't be read from the input, with why. */
  problems: string[];
}
