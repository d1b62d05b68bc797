// Shared vocabulary of the diagnosis rules: where the agent is, what environment we are in,
// and the per-environment steps of SPEC §2.5 (how DD_AGENT_HOST should be set there, and how to
// run the seed's `curl …/info` check from the application container). Not a rule: the leading
// underscore keeps it out of the rule registry (test/shared/rules/registry.test.ts).
//
// Commands are built here as plain strings and substituted into `{command}`: they are code, the
// same in every language, so only the prose around them is translated (shared/i18n/rules.ts).
import type {Diagnosis, Env, Lang, Msg, RawFinding, RuleContext} from '../engine/types';

export const DEFAULT_PORT = 8126;
export const DEFAULT_SOCKET = '/var/run/datadog/apm.socket';

/** Environments where the app runs in a container and the agent lives elsewhere (SPEC §2.5: localhost is wrong). */
export const CONTAINER_ENVS: readonly Env[] = ['docker', 'kubernetes', 'eks', 'ecs-ec2', 'beanstalk-single', 'beanstalk-multi'];
/** The agent is a sidecar in the same task/pod: localhost is right, DD_AGENT_HOST must not be set. */
export const FARGATE_ENVS: readonly Env[] = ['ecs-fargate', 'eks-fargate'];
export const K8S_ENVS: readonly Env[] = ['kubernetes', 'eks', 'eks-fargate'];

/** The address a finding names, with the defaults a tracer would use filled in. */
export interface Addr {
  host: string | null;
  port: number;
  socket: string | null;
  /** host:port (IPv6 bracketed) or the socket path, for prose. */
  shown: string;
}

// OkHttp names the connection it lost: `unexpected end of stream on Connection{datadog-agent:8126,
// proxy=DIRECT …}` (dd-trace-java#1352). Read when the recogniser left the target empty.
const OKHTTP_CONNECTION = /Connection\{(\[[0-9a-fA-F:.]{2,45}\]|[\w.-]{1,253}):(\d{1,5}),/;

function okhttpTarget(f: RawFinding): {host: string; port: number} | null {
  const m = OKHTTP_CONNECTION.exec(f.excerpt);
  return m?.[1] && m[2] ? {host: m[1].replace(/^\[|\]$/g, ''), port: Number(m[2])} : null;
}

export function addrOf(f: RawFinding): Addr {
  const socket = f.target.socket;
  const fallback = f.target.host || socket ? null : okhttpTarget(f);
  const port = f.target.port ?? fallback?.port ?? DEFAULT_PORT;
  const host = f.target.host ?? fallback?.host ?? null;
  if (socket) return {host: null, port, socket, shown: socket};
  const h = host ?? 'localhost';
  return {host, port, socket: null, shown: `${h.includes(':') ? `[${h}]` : h}:${port}`};
}

export function isLoopback(host: string | null): boolean {
  if (host === null) return false;
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || h === '0.0.0.0' || h === '::' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || h === '::ffff:127.0.0.1';
}

export function isIpv6Loopback(host: string | null): boolean {
  return host !== null && host.replace(/^\[|\]$/g, '') === '::1';
}

// The address actually dialed, where a tracer prints it next to the configured URL (which the
// engine keeps as the target): Go `dial tcp [::1]:8126`, Node `ECONNREFUSED ::1:8126`, Ruby
// `connect(2) for "::1"`, libcurl `Failed to connect to ::1 port 8126`.
const DIALED_V6_LOOPBACK = /\[::1\]:\d|E[A-Z]+ ::1:\d|connect\(2\) for "::1"|to ::1 port/;

/** The tracer dialed ::1, by its target or by the address it printed. */
export function dialedIpv6Loopback(f: RawFinding): boolean {
  return isIpv6Loopback(f.target.host) || (!f.target.socket && DIALED_V6_LOOPBACK.test(f.excerpt));
}

/** Where the tracer sends: the finding's host, else (a message without an address) the startup config's. */
export function targetHost(f: RawFinding, ctx: RuleContext): string | null {
  if (f.target.socket) return null;
  if (f.target.host) return f.target.host;
  const dialed = okhttpTarget(f);
  if (dialed) return dialed.host;
  const cfg = [...ctx.configs].reverse().find((c) => c.lang === f.lang && c.target.host);
  return cfg?.target.host ?? null;
}

/**
 * A finding that names no address is taken to target the tracer default (localhost:8126):
 * every tracer falls back to it when DD_AGENT_HOST / DD_TRACE_AGENT_URL are unset.
 */
export function targetsLoopback(f: RawFinding, ctx: RuleContext): boolean {
  if (f.target.socket) return false;
  const h = targetHost(f, ctx);
  return h === null ? f.target.url === null : isLoopback(h);
}

// Java's startup JSON prints the kernel of the machine it ran on; Docker Desktop's VM kernel
// is `…-linuxkit`, so a container is evident even when the user didn't say where the app runs.
const CONTAINER_HINT = /"os_version"\s*:\s*"[^"]*linuxkit|\/\.dockerenv|KUBERNETES_SERVICE_HOST/;

/** The app runs in a container: by the chosen env, by the bridge's snapshot, or by the log itself. */
export function inContainer(f: RawFinding, ctx: RuleContext): boolean {
  if (CONTAINER_ENVS.includes(ctx.env) || FARGATE_ENVS.includes(ctx.env)) return true;
  if (ctx.facts.inContainer === true) return true;
  if (ctx.env === 'host' || ctx.facts.inContainer === false) return false;
  return CONTAINER_HINT.test(f.excerpt) || ctx.findings.some((o) => CONTAINER_HINT.test(o.excerpt));
}

export function isFargate(ctx: RuleContext): boolean {
  return FARGATE_ENVS.includes(ctx.env);
}

/**
 * The tracer aims at its own container's loopback while the agent is elsewhere (root-causes A1).
 * Rules that read agent-side evidence across lines step aside for it: fixing the agent does not
 * help a tracer that sends to the wrong place. Only a named address counts here: a reset that
 * names none says nothing about where it went.
 */
export function wrongLocalhost(f: RawFinding, ctx: RuleContext): boolean {
  const host = targetHost(f, ctx);
  return f.source === 'tracer' && !isFargate(ctx) && host !== null && isLoopback(host) && inContainer(f, ctx);
}

/** The env key used in message keys (`ecs-ec2` → `ecs_ec2`). */
export function envKey(env: Env): string {
  return env.replace(/-/g, '_');
}

/** Message keys use underscores: `rule_localhost_in_container_title`. */
export function ruleKey(id: string): string {
  return id.replace(/-/g, '_');
}

/** The Diagnosis shape every rule returns; `variant` picks `rule_<id>_explanation_<variant>`. */
export function diagnosis(
  id: string,
  opts: {subs?: Record<string, string>; variant?: string; advice: readonly (Msg | null | false | undefined)[]},
): Diagnosis {
  const k = ruleKey(id);
  const explanation: Msg = {key: `rule_${k}_explanation${opts.variant ? `_${opts.variant}` : ''}`};
  if (opts.subs) explanation.subs = opts.subs;
  return {
    rule: id,
    title: {key: `rule_${k}_title`},
    explanation,
    advice: dedupe(opts.advice.filter((a): a is Msg => Boolean(a))),
  };
}

function dedupe(list: readonly Msg[]): Msg[] {
  const seen = new Set<string>();
  return list.filter((m) => {
    const id = `${m.key}|${JSON.stringify(m.subs ?? {})}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

export function msg(key: string, subs?: Record<string, string>): Msg {
  return subs ? {key, subs} : {key};
}

// ---------------------------------------------------------------------------------------------
// Per-environment steps (SPEC §2.5 table)
// ---------------------------------------------------------------------------------------------

/** How DD_AGENT_HOST should be set in this environment (the §2.5 table row, made concrete). */
export function agentHostAdvice(env: Env, port: number = DEFAULT_PORT): Msg {
  return msg(`advice_agent_host_${envKey(env)}`, {agent_port: String(port)});
}

/**
 * The address the tracer *should* use in this env, for the reach check when the one in the log
 * is the wrong one (localhost in a container). Placeholders in angle brackets are for the user
 * to fill: they are not message placeholders.
 */
export function expectedAgentHost(env: Env): string {
  switch (env) {
    case 'host':
    case 'ecs-fargate':
    case 'eks-fargate':
      return '127.0.0.1';
    case 'docker':
      return '<agent-container>';
    case 'kubernetes':
    case 'eks':
      return '<node-ip>';
    case 'ecs-ec2':
      return '<instance-private-ip>';
    case 'beanstalk-single':
      return '172.17.0.1';
    case 'beanstalk-multi':
      return '<agent-link-name>';
    case 'unknown':
      return '<agent-host>';
  }
}

function hostForUrl(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/**
 * Ports of the Agent and its neighbours that are never the trace receiver (facts/agent-side.md
 * §6.1, root-causes A9, §3.2): DogStatsD, the Agent's expvar/IPC/GUI/debug servers, the Lambda
 * extension's hello route, the AWS X-Ray daemon.
 */
export const NOT_RECEIVER_PORTS: readonly number[] = [8125, 5000, 5001, 5002, 5012, 8124, 2000];

export function isNotReceiverPort(port: number | null): boolean {
  return port !== null && NOT_RECEIVER_PORTS.includes(port);
}

/** The seed's check: `curl -X GET http://{agent_ip}:{agent_port}/info`, or its UDS form — always at the receiver port. */
export function curlInfo(a: {host?: string | null; port?: number; socket?: string | null}): string {
  if (a.socket) return `curl -sS --unix-socket ${a.socket} http://localhost/info`;
  const port = a.port === undefined || isNotReceiverPort(a.port) ? DEFAULT_PORT : a.port;
  return `curl -sS http://${hostForUrl(a.host ?? 'localhost')}:${port}/info`;
}

/** A tracer aimed at a port that is not the trace receiver (someone set DD_TRACE_AGENT_PORT=8125…). */
export function wrongPortAdvice(f: RawFinding): Msg | null {
  return f.source === 'tracer' && isNotReceiverPort(f.target.port) ? msg('advice_wrong_port', {port: String(f.target.port)}) : null;
}

/** Wraps a command so it runs inside the application container in this environment. */
export function inAppContainer(env: Env, command: string): string {
  switch (env) {
    case 'docker':
    case 'beanstalk-single':
    case 'beanstalk-multi':
      return `docker exec <app-container> ${command}`;
    case 'kubernetes':
    case 'eks':
    case 'eks-fargate':
      return `kubectl exec <app-pod> -c <app-container> -- ${command}`;
    case 'ecs-ec2':
    case 'ecs-fargate':
      return `aws ecs execute-command --cluster <cluster> --task <task-id> --container <app-container> --interactive --command "${command}"`;
    case 'host':
    case 'unknown':
      return command;
  }
}

function reachKind(env: Env): string {
  switch (env) {
    case 'host':
      return 'host';
    case 'docker':
      return 'docker';
    case 'kubernetes':
    case 'eks':
    case 'eks-fargate':
      return 'kubectl';
    case 'ecs-ec2':
    case 'ecs-fargate':
      return 'ecs';
    case 'beanstalk-single':
    case 'beanstalk-multi':
      return 'beanstalk';
    case 'unknown':
      return 'unknown';
  }
}

/** "Run the /info check from the application container", the command made for this env and address. */
export function reachCheck(env: Env, a: {host?: string | null; port?: number; socket?: string | null}): Msg {
  return msg(`advice_reach_${reachKind(env)}`, {command: inAppContainer(env, curlInfo(a))});
}

/** The two env steps most rules end with: where the agent should be, and the reach check against `a`. */
export function envSteps(env: Env, a: {host?: string | null; port?: number; socket?: string | null}): Msg[] {
  return [agentHostAdvice(env, a.port ?? DEFAULT_PORT), reachCheck(env, a)];
}

/** The tracer's own self-check, when its language has one (facts/agent-side.md §5). */
export function selfCheck(lang: Lang, a: Addr): Msg {
  switch (lang) {
    case 'java':
      return msg('advice_selfcheck_java');
    case 'python':
      return msg('advice_selfcheck_python');
    case 'dotnet':
      return msg('advice_selfcheck_dotnet', {agent_url: a.socket ? `unix://${a.socket}` : `http://${hostForUrl(a.host ?? 'localhost')}:${a.port}`});
    case 'php':
      return msg('advice_selfcheck_php');
    default:
      return msg('advice_selfcheck_startup_logs');
  }
}

/** The doctor's own probe (the bridge), which separates DNS, TCP and HTTP from where the app runs. */
export function probeAdvice(a: Addr): Msg {
  return msg('advice_run_probe', {target: a.socket ? `unix://${a.socket}` : `http://${hostForUrl(a.host ?? 'localhost')}:${a.port}`});
}

/** PHP and web-server modules read DD_* through the server process (root-causes A3). */
export function isWebServerHosted(f: RawFinding): boolean {
  return f.lang === 'php' || (f.lang === 'cpp' && /nginx|httpd|apache|envoy/i.test(f.excerpt));
}
