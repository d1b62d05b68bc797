// Where to probe: parsing a user's TARGET and resolving the default the way tracers do.
//
// Tracers read DD_TRACE_AGENT_URL first, then DD_AGENT_HOST + DD_TRACE_AGENT_PORT, then use the
// default socket /var/run/datadog/apm.socket when it exists (dd-trace-go, -py, -java, -rb, -js
// auto-detect it), then http://localhost:8126 (SPEC §2.5; shared/facts/agent-side.md §3.1).
// Everything here is pure (no URL global in shared/: lib ES2022 has none), and every rejection
// names what was wrong so the CLI can exit 2 with a clear message.
import type {Msg} from '../engine/types';
import type {TargetRule} from './types';

export const DEFAULT_SOCKET = '/var/run/datadog/apm.socket';
export const DEFAULT_PORT = 8126;
/** Bytes a Unix socket path may have on Linux (`sun_path` is 108 with the NUL). */
export const MAX_SOCKET_PATH = 107;
const MAX_INPUT = 2048;

export interface ParsedTarget {
  kind: 'tcp' | 'unix';
  /** Normalised base URL: `http://host:port` or `unix:///path`. */
  url: string;
  /** Host as it goes to DNS/connect: brackets removed from IPv6 literals. */
  host: string | null;
  port: number | null;
  socket: string | null;
}

export interface ResolvedTarget extends ParsedTarget {
  input: string | null;
  rule: TargetRule;
  from: Record<string, string>;
}

/** `variable`: the environment variable whose value was wrong (when the target came from one). */
export type TargetError = {error: Msg; variable?: string};

const err = (key: string, subs?: Record<string, string>): TargetError => ({error: subs ? {key, subs} : {key}});
const clip = (s: string): string => (s.length > 80 ? `${s.slice(0, 77)}...` : s);

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
// Underscores appear in Docker/compose service names, which tracers accept as DD_AGENT_HOST.
const LABEL = /^[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$/;

export function isIpv4(host: string): boolean {
  return IPV4.test(host);
}

/** A loose but linear IPv6 literal check (hex groups, `::`, an optional dotted tail); the OS has the last word. */
export function isIpv6(host: string): boolean {
  if (host.length < 2 || host.length > 45 || !host.includes(':')) return false;
  if (!/^[0-9A-Fa-f:.]+$/.test(host)) return false;
  const doubles = host.split('::').length - 1;
  if (doubles > 1) return false;
  const groups = host.split(':');
  if (groups.length > 8) return false;
  return groups.every((g, i) => g === '' || /^[0-9A-Fa-f]{1,4}$/.test(g) || (i === groups.length - 1 && IPV4.test(g)));
}

function isHostname(host: string): boolean {
  if (host.length > 253) return false;
  const labels = host.replace(/\.$/, '').split('.');
  return labels.every((l) => LABEL.test(l));
}

export function isLoopback(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || /^127\./.test(h) || h === '::1' || h === '0:0:0:0:0:0:0:1';
}

function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

function parseUnix(path: string): ParsedTarget | TargetError {
  if (!path.startsWith('/')) return err('probe_target_err_socket_relative', {input: clip(path)});
  if (path.includes('\0')) return err('probe_target_err_invalid', {input: clip(path.replace(/\0/g, '\\0'))});
  if (utf8Length(path) > MAX_SOCKET_PATH) return err('probe_target_err_socket_long', {max: String(MAX_SOCKET_PATH)});
  return {kind: 'unix', url: `unix://${path}`, host: null, port: null, socket: path};
}

function parsePort(text: string, input: string): number | TargetError {
  if (!/^\d{1,5}$/.test(text)) return err('probe_target_err_port', {input: clip(input)});
  const port = Number(text);
  if (port < 1 || port > 65535) return err('probe_target_err_port', {input: clip(input)});
  return port;
}

/** Splits `host[:port]` (host may be `[v6]`) and validates both. */
function parseHostPort(authority: string, input: string, defaultPort: number): ParsedTarget | TargetError {
  let host: string;
  let portText: string | null = null;
  if (authority.startsWith('[')) {
    const end = authority.indexOf(']');
    if (end < 0) return err('probe_target_err_invalid', {input: clip(input)});
    host = authority.slice(1, end);
    const rest = authority.slice(end + 1);
    if (rest !== '') {
      if (!rest.startsWith(':')) return err('probe_target_err_invalid', {input: clip(input)});
      portText = rest.slice(1);
    }
    if (!isIpv6(host)) return err('probe_target_err_host', {input: clip(input)});
  } else {
    const colons = authority.split(':').length - 1;
    // An IPv6 literal without brackets: older tracers build exactly this from an IPv6
    // status.hostIP (root-causes A7), so say so instead of guessing where the port starts.
    if (colons > 1) return err('probe_target_err_ipv6_brackets', {input: clip(input)});
    const i = authority.lastIndexOf(':');
    host = i < 0 ? authority : authority.slice(0, i);
    if (i >= 0) portText = authority.slice(i + 1);
    if (!(isIpv4(host) || isHostname(host))) return err('probe_target_err_host', {input: clip(input)});
  }
  let port = defaultPort;
  if (portText !== null) {
    const p = parsePort(portText, input);
    if (typeof p !== 'number') return p;
    port = p;
  }
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  return {kind: 'tcp', url: `http://${hostInUrl}:${port}`, host, port, socket: null};
}

/**
 * Parses a probe target: `http://host:port`, `host:port`, `host`, `unix:///path/apm.socket`
 * or an absolute socket path. A path after an http authority is only accepted when it is `/`
 * or `/info` (people paste the docs' curl URL); anything else is an error, never a guess.
 */
export function parseTarget(raw: string): ParsedTarget | TargetError {
  if (raw.length > MAX_INPUT) return err('probe_target_err_long', {max: String(MAX_INPUT)});
  const input = raw.trim();
  if (input === '') return err('probe_target_err_empty');
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(input)) return err('probe_target_err_invalid', {input: clip(JSON.stringify(input))});
  if (/^unix:/i.test(input)) {
    const rest = input.slice(5);
    return parseUnix(rest.startsWith('//') ? rest.slice(2) : rest);
  }
  if (input.startsWith('/')) return parseUnix(input);
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(input);
  if (scheme) {
    const name = scheme[1]!.toLowerCase();
    if (name === 'https') return err('probe_target_err_https', {input: clip(input)});
    if (name !== 'http') return err('probe_target_err_scheme', {scheme: clip(name)});
    const rest = input.slice(scheme[0].length);
    const slash = rest.search(/[/?#]/);
    const authority = slash < 0 ? rest : rest.slice(0, slash);
    const tail = slash < 0 ? '' : rest.slice(slash);
    if (authority.includes('@')) return err('probe_target_err_userinfo');
    if (!['', '/', '/info', '/info/'].includes(tail)) return err('probe_target_err_path', {input: clip(input)});
    if (authority === '') return err('probe_target_err_host', {input: clip(input)});
    return parseHostPort(authority, input, 80);
  }
  if (input.includes('/') || input.includes('@')) return err('probe_target_err_invalid', {input: clip(input)});
  return parseHostPort(input, input, DEFAULT_PORT);
}

const nonEmpty = (v: string | undefined): v is string => v !== undefined && v.trim() !== '';

/**
 * Resolves what a tracer would use. `socketExists` is asked only when no variable decides
 * (it is a filesystem check on the probing side, or in the target container).
 */
export function resolveTarget(
  arg: string | null,
  env: Readonly<Record<string, string | undefined>>,
  socketExists: (path: string) => boolean,
): ResolvedTarget | TargetError {
  if (arg !== null) {
    const p = parseTarget(arg);
    return 'error' in p ? p : {...p, input: clip(arg), rule: 'argument', from: {}};
  }
  const url = env['DD_TRACE_AGENT_URL'];
  if (nonEmpty(url)) {
    const p = parseTarget(url);
    if ('error' in p) return {...p, variable: 'DD_TRACE_AGENT_URL'};
    return {...p, input: clip(url), rule: 'DD_TRACE_AGENT_URL', from: {DD_TRACE_AGENT_URL: clip(url)}};
  }
  const host = env['DD_AGENT_HOST'];
  const port = env['DD_TRACE_AGENT_PORT'];
  if (nonEmpty(host) || nonEmpty(port)) {
    const h = nonEmpty(host) ? host.trim() : 'localhost';
    const from: Record<string, string> = {};
    if (nonEmpty(host)) from['DD_AGENT_HOST'] = clip(host);
    if (nonEmpty(port)) from['DD_TRACE_AGENT_PORT'] = clip(port);
    // Current tracers bracket an IPv6 DD_AGENT_HOST themselves.
    const authority = isIpv6(h) ? `[${h}]` : h;
    const p = parseHostPort(nonEmpty(port) ? `${authority}:${port.trim()}` : authority, `${h}:${port ?? DEFAULT_PORT}`, DEFAULT_PORT);
    const name = nonEmpty(host) ? 'DD_AGENT_HOST' : 'DD_TRACE_AGENT_PORT';
    if ('error' in p) return {...p, variable: name};
    return {...p, input: clip(nonEmpty(port) ? `${h}:${port}` : h), rule: name, from};
  }
  if (socketExists(DEFAULT_SOCKET)) {
    return {kind: 'unix', url: `unix://${DEFAULT_SOCKET}`, host: null, port: null, socket: DEFAULT_SOCKET, input: null, rule: 'default-socket', from: {}};
  }
  return {kind: 'tcp', url: `http://localhost:${DEFAULT_PORT}`, host: 'localhost', port: DEFAULT_PORT, socket: null, input: null, rule: 'default', from: {}};
}
