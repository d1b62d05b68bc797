// Reads what the in-target tools printed (bridge/exec/templates.ts, scripts.ts) into a
// ToolObservation. Formats were checked against the real tools: curl 7.88 `-v` trace lines and
// exit codes, GNU Wget 1.21 and busybox wget messages, bash 5 `/dev/tcp` errors. Anything
// unexpected degrades to "unknown" fields, never a throw.
import type {ParsedTarget} from '../../shared/probe/target';
import type {ProbeError, ProbeTool, TcpAttempt} from '../../shared/probe/types';
import {CURL_MARK} from '../exec/templates';
import {codeFromText} from './errno';
import {readToolJson, type ToolObservation, type WriteObservation} from './observation';

const perr = (code: string, message: string): ProbeError => ({code, message: message.slice(0, 300)});
const famOf = (a: string): 4 | 6 => (a.includes(':') ? 6 : 4);
const unbracket = (a: string): string => a.replace(/^\[|\]$/g, '');
const secMs = (v: string | undefined): number | null => {
  const x = Number(v);
  return v !== undefined && Number.isFinite(x) ? Math.round(x * 10000) / 10 : null;
};

// --- detection ---------------------------------------------------------------------------------

export interface Detected {
  tools: ProbeTool[];
  socketExists: boolean;
  env: Record<string, string>;
}

const TOOLS: readonly ProbeTool[] = ['curl', 'wget', 'node', 'python3', 'bash'];

/** `env` output: NAME=value lines; a line that doesn't start a variable continues the previous value. */
export function parseEnvList(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  let last: string | null = null;
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (m) {
      last = m[1]!;
      env[last] = m[2]!;
    } else if (last !== null && line !== '') {
      env[last] += `\n${line}`;
    }
  }
  return env;
}

export function parseDetect(stdout: string): Detected {
  const tools: ProbeTool[] = [];
  let socketExists = false;
  const envAt = stdout.indexOf('@@apmdoctor env\n');
  const head = envAt < 0 ? stdout : stdout.slice(0, envAt);
  for (const line of head.split('\n')) {
    const t = /^@@apmdoctor tool (\S+)$/.exec(line.trim());
    const tool = TOOLS.find((x) => x === t?.[1]);
    if (tool && !tools.includes(tool)) tools.push(tool);
    if (/^@@apmdoctor socket /.test(line)) socketExists = true;
  }
  return {tools: TOOLS.filter((x) => tools.includes(x)), socketExists, env: envAt < 0 ? {} : parseEnvList(stdout.slice(envAt + '@@apmdoctor env\n'.length))};
}

// --- node / python3 ----------------------------------------------------------------------------

export function parseScriptOutput(stdout: string, tool: ProbeTool): ToolObservation | null {
  const line = stdout.split('\n').find((l) => l.startsWith('@@apmdoctor-json '));
  if (!line) return null;
  try {
    return readToolJson(JSON.parse(line.slice('@@apmdoctor-json '.length)), tool);
  } catch {
    return null;
  }
}

// --- curl --------------------------------------------------------------------------------------

interface CurlRun {
  stdout: string;
  stderr: string;
  code: number | null;
}

interface CurlTrace {
  attempts: TcpAttempt[];
  resolveFailed: boolean;
  statusLine: number | null;
  headers: Record<string, string>;
  failureText: string | null;
}

function readCurlTrace(stderr: string, port: number): CurlTrace {
  const attempts: TcpAttempt[] = [];
  const headers: Record<string, string> = {};
  let statusLine: number | null = null;
  let resolveFailed = false;
  let failureText: string | null = null;
  const open = (address: string): TcpAttempt => {
    let a = attempts.find((x) => x.address === address && x.ms === null && !x.ok && !x.error);
    if (!a) {
      a = {address, family: address.startsWith('/') ? null : famOf(address), port, ok: false, ms: null, error: null};
      attempts.push(a);
    }
    return a;
  };
  for (const raw of stderr.split('\n')) {
    const line = raw.trimEnd();
    let m: RegExpExecArray | null;
    if ((m = /^\*\s+Trying (\S+?)\.\.\.$/.exec(line))) {
      const addr = m[1]!;
      const hp = /^(\[[^\]]+\]|[^:]+|[0-9a-fA-F:]+?)(?::(\d+))?$/.exec(addr);
      open(unbracket(hp?.[1] ?? addr));
    } else if ((m = /^\* connect to (\S+) port (\d+) failed: (.+)$/.exec(line))) {
      const a = open(unbracket(m[1]!));
      a.error = perr(codeFromText(m[3]!), m[3]!);
    } else if ((m = /^\* Immediate connect fail for (\S+): (.+)$/.exec(line))) {
      const a = open(m[1]!);
      a.error = perr(codeFromText(m[2]!), m[2]!);
    } else if ((m = /^\* Connected to (\S+) \((\S+)\) port (\d+)/.exec(line))) {
      const a = open(unbracket(m[2]!));
      a.ok = true;
    } else if (/^\* Could not resolve host/.test(line)) {
      resolveFailed = true;
    } else if ((m = /^< HTTP\/[\d.]+ (\d{3})/.exec(line))) {
      statusLine = Number(m[1]);
    } else if ((m = /^< ([A-Za-z0-9-]+): ?(.*)$/.exec(line))) {
      headers[m[1]!.toLowerCase()] = m[2]!.trim();
    } else if ((m = /^curl: \(\d+\) (.+)$/.exec(line))) {
      failureText = m[1]!;
    }
  }
  return {attempts, resolveFailed, statusLine, headers, failureText};
}

interface CurlW {
  status: number | null;
  remoteIp: string | null;
  dnsMs: number | null;
  connectMs: number | null;
  firstByteMs: number | null;
  totalMs: number | null;
  size: number;
  contentType: string | null;
  before: string;
}

function readCurlW(stdout: string): CurlW | null {
  const at = stdout.lastIndexOf(`\n${CURL_MARK} `);
  if (at < 0) return null;
  const line = stdout.slice(at + CURL_MARK.length + 2).replace(/\n$/, '');
  const [code, ip, tDns, tConn, tStart, tTotal, size, ...ctype] = line.split(' ');
  return {
    status: code && code !== '000' && /^\d{3}$/.test(code) ? Number(code) : null,
    remoteIp: ip ? unbracket(ip) : null,
    dnsMs: secMs(tDns),
    connectMs: secMs(tConn),
    firstByteMs: secMs(tStart),
    totalMs: secMs(tTotal),
    size: Number(size) || 0,
    contentType: ctype.join(' ').trim() || null,
    before: stdout.slice(0, at),
  };
}

/** curl exit codes (curl/include/curl/curl.h CURLcode) to our error codes. */
function curlExitError(code: number | null, trace: CurlTrace, connected: boolean): ProbeError | null {
  const text = trace.failureText ?? `curl exit ${code}`;
  switch (code) {
    case 0:
      return null;
    case 6:
      return perr('ENOTFOUND', text);
    case 7:
      return perr(trace.attempts.find((a) => a.error)?.error?.code ?? 'ECONNREFUSED', text);
    case 28:
      return perr('TIMEOUT', text);
    case 52:
      return perr('EOF', text);
    case 55:
    case 56: {
      // "Recv failure: Connection reset by peer" and friends.
      const c = codeFromText(text);
      return perr(c === 'ERROR' || !connected ? 'ECONNRESET' : c, text);
    }
    case 63:
      return perr('TOO_LARGE', text);
    default:
      return perr(code === null ? 'KILLED' : `CURL_${code}`, text);
  }
}

export function parseCurlInfo(run: CurlRun, target: ParsedTarget, totalMs: number): ToolObservation {
  const port = target.port ?? 0;
  const trace = readCurlTrace(run.stderr, port);
  const w = readCurlW(run.stdout);
  const obs: ToolObservation = {tool: 'curl', dns: null, tcp: [], unix: null, http: null, write: null};
  const connected = trace.attempts.some((a) => a.ok);
  // A timeout while connecting leaves the last attempt open.
  if (run.code === 28 && !connected) {
    const last = trace.attempts[trace.attempts.length - 1];
    if (last && !last.error) last.error = perr('TIMEOUT', trace.failureText ?? 'timed out');
  }
  for (const a of trace.attempts) if (a.ok) a.ms = w?.connectMs ?? null;
  const error = curlExitError(run.code, trace, connected);
  if (target.kind === 'unix') {
    const a = trace.attempts[0];
    const cerr = a?.error ?? (!connected ? error : null);
    obs.unix = {
      path: target.socket ?? '',
      exists: cerr?.code === 'ENOENT' ? false : connected ? true : null,
      isSocket: connected ? true : null,
      mode: null,
      uid: null,
      gid: null,
      connect: {ok: connected, ms: w?.connectMs ?? null, error: connected ? null : (cerr ?? perr('ERROR', 'no connection'))},
    };
  } else {
    const literal = target.host !== null && (target.host.includes(':') || /^\d+\.\d+\.\d+\.\d+$/.test(target.host));
    const addresses = trace.attempts.map((a) => ({address: a.address, family: famOf(a.address)}));
    if (!addresses.length && w?.remoteIp) addresses.push({address: w.remoteIp, family: famOf(w.remoteIp)});
    obs.dns = {
      addresses: literal && target.host ? [{address: target.host, family: famOf(target.host)}] : addresses,
      ms: literal ? 0 : (w?.dnsMs ?? null),
      error: run.code === 6 || trace.resolveFailed ? perr('ENOTFOUND', trace.failureText ?? 'could not resolve host') : null,
      partial: !literal,
    };
    obs.tcp = trace.attempts;
    if (!obs.tcp.length && run.code === 7) {
      obs.tcp = [{address: target.host ?? '?', family: null, port, ok: false, ms: null, error: error}];
    }
  }
  if (connected) {
    const status = w?.status ?? trace.statusLine;
    obs.http = {
      address: target.kind === 'unix' ? null : (trace.attempts.find((a) => a.ok)?.address ?? w?.remoteIp ?? null),
      status,
      connectMs: w?.connectMs ?? null,
      firstByteMs: status !== null ? (w?.firstByteMs ?? null) : null,
      totalMs: w?.totalMs ?? totalMs,
      bytes: w?.size ?? 0,
      truncated: run.code === 63,
      contentType: w?.contentType ?? trace.headers['content-type'] ?? null,
      agentVersion: trace.headers['datadog-agent-version'] ?? null,
      body: w?.before ?? '',
      error: status !== null && error?.code !== 'TOO_LARGE' ? null : error,
    };
  }
  return obs;
}

/** curl's write check: headers were dumped to stdout (-D -), then the -w line. */
export function parseCurlWrite(run: CurlRun, target: ParsedTarget, totalMs: number): WriteObservation {
  const w = readCurlW(run.stdout);
  const trace = readCurlTrace(run.stderr, target.port ?? 0);
  const head = w?.before ?? run.stdout;
  let status: number | null = w?.status ?? null;
  let agentVersion: string | null = null;
  for (const line of head.split(/\r?\n/)) {
    const s = /^HTTP\/[\d.]+ (\d{3})/.exec(line);
    if (s) status = Number(s[1]);
    const v = /^Datadog-Agent-Version: ?(.*)$/i.exec(line);
    if (v) agentVersion = v[1]!.trim();
  }
  const error = status === null ? curlExitError(run.code, trace, trace.attempts.some((a) => a.ok)) : null;
  return {status, agentVersion, ms: w?.totalMs ?? totalMs, body: '', payload: 'msgpack', error};
}

// --- wget --------------------------------------------------------------------------------------

interface WgetTrace {
  resolved: string[] | null;
  attempts: TcpAttempt[];
  status: number | null;
  headers: Record<string, string>;
  dnsError: ProbeError | null;
  readError: ProbeError | null;
}

function readWgetTrace(stderr: string, port: number): WgetTrace {
  const t: WgetTrace = {resolved: null, attempts: [], status: null, headers: {}, dnsError: null, readError: null};
  for (const raw of stderr.split('\n')) {
    const line = raw.trimEnd();
    let m: RegExpExecArray | null;
    if ((m = /^Resolving \S+ \(\S+\)\.\.\. (.+)$/.exec(line))) {
      if (/^failed: (.+?)\.?$/.test(m[1]!)) {
        const why = m[1]!.replace(/^failed: /, '');
        t.dnsError = perr(codeFromText(why), why);
      } else t.resolved = m[1]!.split(',').map((x) => x.trim()).filter(Boolean);
    } else if ((m = /^Connecting to (?:\S+ \(\S+\)\|([^|]+)\|:(\d+)|(\S+?):(\d+))\.\.\. (connected|failed: (.+?))\.?$/.exec(line))) {
      const address = unbracket(m[1] ?? m[3] ?? '?');
      const ok = m[5] === 'connected';
      t.attempts.push({address, family: famOf(address), port, ok, ms: null, error: ok ? null : perr(codeFromText(m[6] ?? ''), m[6] ?? '')});
    } else if ((m = /^Connecting to \S+ \(([^)]+?)(?::(\d+))?\)$/.exec(line))) {
      // busybox: "Connecting to host:port (ip:port)"; outcome follows as an error line or headers.
      const address = unbracket(m[1]!);
      t.attempts.push({address, family: famOf(address), port, ok: false, ms: null, error: null});
    } else if ((m = /can't connect to remote host(?: \(([^)]+)\))?: (.+)$/.exec(line))) {
      const last = t.attempts[t.attempts.length - 1];
      const e = perr(codeFromText(m[2]!), m[2]!);
      if (last && !last.error) last.error = e;
      else t.attempts.push({address: unbracket(m[1] ?? '?'), family: null, port, ok: false, ms: null, error: e});
    } else if (/unable to resolve host address|bad address/.test(line)) {
      t.dnsError ??= perr('ENOTFOUND', line.replace(/^wget: /, ''));
    } else if ((m = /^\s+HTTP\/[\d.]+ (\d{3})/.exec(line))) {
      t.status = Number(m[1]);
    } else if ((m = /^\s{2}([A-Za-z0-9-]+): (.*)$/.exec(line))) {
      t.headers[m[1]!.toLowerCase()] = m[2]!.trim();
    } else if ((m = /server returned error: HTTP\/[\d.]+ (\d{3})/.exec(line))) {
      t.status = Number(m[1]);
    } else if ((m = /Read error \((.+?)\) in headers|error getting response(?:: (.+))?|download timed out|No data received/.exec(line))) {
      const why = m[1] ?? m[2] ?? line.replace(/^wget: /, '');
      t.readError = perr(/timed out/.test(line) ? 'TIMEOUT' : /No data received/.test(line) ? 'EOF' : codeFromText(why) === 'ERROR' ? 'ECONNRESET' : codeFromText(why), why);
    }
  }
  // busybox prints no "connected": an HTTP status proves it.
  const last = t.attempts[t.attempts.length - 1];
  if (last && !last.error && (t.status !== null || t.readError)) last.ok = true;
  return t;
}

export function parseWgetInfo(run: CurlRun, target: ParsedTarget, totalMs: number): ToolObservation {
  const port = target.port ?? 0;
  const t = readWgetTrace(run.stderr, port);
  const literal = target.host !== null && (target.host.includes(':') || /^\d+\.\d+\.\d+\.\d+$/.test(target.host));
  const obs: ToolObservation = {tool: 'wget', dns: null, tcp: t.attempts, unix: null, http: null, write: null};
  const fromAttempts = t.attempts.map((a) => ({address: a.address, family: famOf(a.address)}));
  obs.dns = {
    addresses: literal && target.host ? [{address: target.host, family: famOf(target.host)}] : t.resolved ? t.resolved.map((a) => ({address: a, family: famOf(a)})) : fromAttempts,
    ms: literal ? 0 : null,
    error: t.dnsError,
    partial: !literal && t.resolved === null,
  };
  const ok = t.attempts.find((a) => a.ok);
  if (!ok && !t.dnsError && run.code !== 0 && t.attempts.length === 0) {
    obs.tcp = [{address: target.host ?? '?', family: null, port, ok: false, ms: null, error: run.code === null ? perr('TIMEOUT', 'killed') : perr('ERROR', run.stderr.trim().split('\n').pop() ?? '')}];
  }
  if (ok) {
    obs.http = {
      address: ok.address,
      status: t.status,
      connectMs: null,
      firstByteMs: null,
      totalMs,
      bytes: Buffer.byteLength(run.stdout),
      truncated: false,
      contentType: t.headers['content-type'] ?? null,
      agentVersion: t.headers['datadog-agent-version'] ?? null,
      body: run.stdout,
      error: t.status === null ? (t.readError ?? perr(run.code === null ? 'TIMEOUT' : 'ERROR', 'no HTTP answer')) : null,
    };
  }
  return obs;
}

export function parseWgetWrite(run: CurlRun, target: ParsedTarget, totalMs: number): WriteObservation {
  const t = readWgetTrace(run.stderr, target.port ?? 0);
  const e = t.attempts.find((a) => a.error)?.error ?? t.readError ?? perr(run.code === null ? 'TIMEOUT' : 'ERROR', 'no HTTP answer');
  return {status: t.status, agentVersion: t.headers['datadog-agent-version'] ?? null, ms: totalMs, body: run.stdout.slice(0, 200), payload: 'json', error: t.status === null ? e : null};
}

// --- bash /dev/tcp -----------------------------------------------------------------------------

function splitHttp(raw: string): {status: number | null; headers: Record<string, string>; body: string} {
  const text = raw.replace(/^\n+/, '');
  const i = text.search(/\r?\n\r?\n/);
  const head = i < 0 ? text : text.slice(0, i);
  const body = i < 0 ? '' : text.slice(i).replace(/^\r?\n\r?\n/, '');
  const lines = head.split(/\r?\n/);
  const m = /^HTTP\/[\d.]+ (\d{3})/.exec(lines[0] ?? '');
  const headers: Record<string, string> = {};
  for (const l of lines.slice(1)) {
    const j = l.indexOf(':');
    if (j > 0) headers[l.slice(0, j).trim().toLowerCase()] = l.slice(j + 1).trim();
  }
  return {status: m ? Number(m[1]) : null, headers, body};
}

export function parseBash(run: CurlRun, target: ParsedTarget, totalMs: number): ToolObservation {
  const port = target.port ?? 0;
  const host = target.host ?? '?';
  const obs: ToolObservation = {tool: 'bash', dns: null, tcp: [], unix: null, http: null, write: null};
  const literal = host.includes(':') || /^\d+\.\d+\.\d+\.\d+$/.test(host);
  // PROBE_BASH prints `@@apmdoctor-bash <event> <info|write> <$EPOCHREALTIME>` around each exchange.
  const marks: {event: string; what: string; t: number | null; at: number; end: number}[] = [];
  const re = /^@@apmdoctor-bash (\S+) (\S+) ?(\S*)$/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(run.stdout))) {
    marks.push({event: m[1]!, what: m[2]!, t: m[3] ? Number(m[3].replace(',', '.')) * 1000 : null, at: m.index, end: m.index + m[0].length});
  }
  const ev = (event: string, what: string) => marks.find((x) => x.event === event && x.what === what);
  const d = (a?: {t: number | null}, b?: {t: number | null}) => (a?.t != null && b?.t != null ? Math.round((b.t - a.t) * 10) / 10 : null);
  const phase = (what: 'info' | 'write') => ({
    begin: ev('begin', what),
    connected: ev('connected', what),
    failed: ev('connect-failed', what),
    first: ev('first-byte', what),
    timeout: ev('timeout', what),
    end: ev('end', what),
  });
  /** The answer sits between the first-byte mark and the timeout/end mark. */
  const answer = (p: ReturnType<typeof phase>): string =>
    p.first ? run.stdout.slice(p.first.end + 1, (p.timeout ?? p.end)?.at ?? run.stdout.length) : '';
  const errText = run.stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  const dnsFail = errText.find((l) => /Name or service not known|Temporary failure in name resolution|No address associated|nodename nor servname/.test(l));
  // "bash: connect: …", or "environment: connect: …" when it happens inside a function.
  const connectErr = errText.map((l) => /(?:^|: )connect: (.+)$/.exec(l)?.[1]).find((x) => x !== undefined);
  obs.dns = {addresses: literal ? [{address: host, family: famOf(host)}] : [], ms: literal ? 0 : null, error: dnsFail ? perr(codeFromText(dnsFail), dnsFail) : null, partial: !literal};
  if (dnsFail) return obs;
  const family = literal ? famOf(host) : null;
  const info = phase('info');
  if (!info.connected) {
    const why = connectErr ?? (info.failed ? 'connect failed' : errText[0] ?? 'no output');
    const code = info.failed || connectErr ? codeFromText(why) : run.code === null ? 'TIMEOUT' : 'ERROR';
    obs.tcp = [{address: host, family, port, ok: false, ms: d(info.begin, info.failed), error: perr(code, why)}];
    return obs;
  }
  const connectMs = d(info.begin, info.connected);
  obs.tcp = [{address: host, family, port, ok: true, ms: connectMs, error: null}];
  const raw = answer(info);
  const http = splitHttp(raw);
  obs.http = {
    address: host,
    status: http.status,
    connectMs,
    firstByteMs: d(info.connected, info.first),
    totalMs: d(info.begin, info.end ?? info.timeout) ?? totalMs,
    bytes: Buffer.byteLength(raw),
    truncated: false,
    contentType: http.headers['content-type'] ?? null,
    agentVersion: http.headers['datadog-agent-version'] ?? null,
    body: http.body,
    error:
      http.status !== null
        ? null
        : info.timeout || (!info.end && run.code === null)
          ? perr('TIMEOUT', 'no answer in time')
          : raw.trim()
            ? perr('BAD_RESPONSE', 'not an HTTP answer')
            : perr('EOF', 'connection closed without an answer'),
  };
  const w = phase('write');
  if (w.begin) {
    const wr = splitHttp(answer(w));
    obs.write = {
      status: wr.status,
      agentVersion: wr.headers['datadog-agent-version'] ?? null,
      ms: d(w.begin, w.end ?? w.timeout),
      body: wr.body.slice(0, 200),
      payload: 'msgpack',
      error:
        wr.status !== null
          ? null
          : !w.connected
            ? perr(codeFromText(connectErr ?? ''), connectErr ?? 'connect failed')
            : w.timeout
              ? perr('TIMEOUT', 'no answer in time')
              : perr('EOF', 'connection closed without an answer'),
    };
  }
  return obs;
}
