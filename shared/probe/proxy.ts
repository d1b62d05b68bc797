// Would a proxy variable carry the tracer's traffic to the agent? (root-causes C2: a proxy set
// without the agent in NO_PROXY answers with its own 403/407/502/503, or hangs.)
//
// Matching follows curl and Go's x/net/http/httpproxy, which most HTTP clients copy:
// comma-separated entries, case-insensitive; `*` exempts everything; `host:port` entries only
// match that port; a leading `.` or `*.` matches the domain and its subdomains (curl strips the
// dot, so `.example.com` also matches `example.com`); a bare domain matches itself and its
// subdomains; IP entries match exactly, IPv4 CIDR entries match their range. Go also never
// proxies loopback targets, so that case is reported separately (`loopbackTarget`).
import {isIpv4, isLoopback} from './target';
import type {ProxyReport, ProxyVar} from './types';

const PROXY_NAME = /^(https?|all|no)_proxy$/i;

/** `scheme://user:pass@host` → `scheme://user:********@host`; a lone token user → `********@`. */
export function maskUrlCredentials(value: string): string {
  return value.replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/)?([^/@\s:]*)(:[^/@\s]*)?@/, (_m, scheme: string | undefined, user: string, pass: string | undefined) =>
    `${scheme ?? ''}${pass !== undefined ? `${user}:********` : '********'}@`,
  );
}

export function proxyVars(env: Readonly<Record<string, string | undefined>>): ProxyVar[] {
  return Object.keys(env)
    .filter((name) => PROXY_NAME.test(name) && (env[name] ?? '') !== '')
    .sort()
    .map((name) => ({name, value: maskUrlCredentials(env[name] ?? '')}));
}

function ipv4ToInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => (acc * 256 + Number(part)) >>> 0, 0);
}

function inCidr(ip: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split('/');
  if (!base || !bitsText || !isIpv4(base) || !/^\d{1,2}$/.test(bitsText)) return false;
  const bits = Number(bitsText);
  if (bits > 32) return false;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return (ipv4ToInt(ip) & mask) === (ipv4ToInt(base) & mask);
}

/** Returns the NO_PROXY entry (as written) that exempts host:port, or null. */
export function noProxyMatch(noProxy: string, host: string, port: number): string | null {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  for (const raw of noProxy.split(/[,\s]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return raw.trim();
    let name = entry;
    let entryPort: number | null = null;
    const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
    if (v6) {
      name = v6[1]!;
      entryPort = v6[2] ? Number(v6[2]) : null;
    } else if (/^[^:]+:\d+$/.test(entry)) {
      const i = entry.lastIndexOf(':');
      name = entry.slice(0, i);
      entryPort = Number(entry.slice(i + 1));
    }
    if (entryPort !== null && entryPort !== port) continue;
    if (name.includes('/')) {
      if (isIpv4(h) && inCidr(h, name)) return raw.trim();
      continue;
    }
    name = name.replace(/^\*?\./, '').replace(/\.$/, '');
    if (name === '') continue;
    if (h === name || h.endsWith(`.${name}`)) return raw.trim();
  }
  return null;
}

const first = (env: Readonly<Record<string, string | undefined>>, names: readonly string[]): string | null =>
  names.find((n) => (env[n] ?? '').trim() !== '') ?? null;

/**
 * Proxy report for a target. Unix sockets are never proxied. For http targets the lower-case
 * variable wins (curl ignores upper-case HTTP_PROXY altogether; Go reads both).
 */
export function proxyReport(
  target: {kind: 'tcp' | 'unix'; host: string | null; port: number | null},
  env: Readonly<Record<string, string | undefined>>,
): ProxyReport {
  const vars = proxyVars(env);
  if (target.kind === 'unix' || target.host === null || target.port === null) {
    return {vars, applies: null, exemptedBy: null, capturesAgent: false, loopbackTarget: false};
  }
  const applies = first(env, ['http_proxy', 'HTTP_PROXY', 'all_proxy', 'ALL_PROXY']);
  const noProxyName = first(env, ['no_proxy', 'NO_PROXY']);
  const exemptedBy = applies && noProxyName ? noProxyMatch(env[noProxyName] ?? '', target.host, target.port) : null;
  return {
    vars,
    applies,
    exemptedBy,
    capturesAgent: applies !== null && exemptedBy === null,
    loopbackTarget: isLoopback(target.host),
  };
}
