// Parsers for `agent status` output: the text APM section (classic 6.x–7.4x template, the
// component template of ~7.5x–7.81, the 2026 `Status: Unavailable` template) and `status --json`
// (`apmStats` = the trace-agent's /debug/vars, or `{port, error}` when unreachable).
// Sources: shared/facts/agent-side.md §2.2–2.3; DataDog/datadog-agent
// comp/trace/status/impl/status_templates/traceagent.tmpl @ 23596973, cmd/agent/subcommands/status/command.go.
// Numbers go through `humanize` (thousands separators) in text and are raw in JSON.
import type {ApmClient, ApmStatus, WriterStats} from './status-types';

type Obj = Readonly<Record<string, unknown>>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  // `pid` is an expvar string in newer agents, an int in old testdata.
  if (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v)) return Number(v);
  return null;
};
/** `13,971,888` → 13971888 */
const humanNum = (s: string | undefined): number | null => (s === undefined ? null : Number(s.replace(/,/g, '')));

export function emptyApmStatus(state: ApmStatus['state']): ApmStatus {
  return {
    state,
    unreachable: null,
    unreachableIsDebugPort: false,
    error: null,
    pid: null,
    uptimeSeconds: null,
    memAllocBytes: null,
    hostname: null,
    version: null,
    receiver: null,
    udsReceiver: null,
    endpoints: [],
    clients: [],
    noTracesLastMinute: false,
    tracesReceivedLastMinute: null,
    defaultSamplingRatePercent: null,
    samplingRates: [],
    rateLimiterKeepPercent: null,
    writer: {traces: null, stats: null},
    warnings: [],
  };
}

/** `host:port` with the port last (the host may be `::` or `[::1]`). */
function splitHostPort(s: string): {host: string; port: number} | null {
  const i = s.lastIndexOf(':');
  if (i <= 0) return null;
  const port = Number(s.slice(i + 1));
  if (!Number.isInteger(port) || port < 0 || port > 65535) return null;
  return {host: s.slice(0, i).replace(/^\[|\]$/g, ''), port};
}

/** The address inside a Go error such as `Get "https://localhost:5012/debug/vars": dial tcp …`. */
function addressFromError(error: string): {host: string | null; port: number | null} | null {
  const m = /https?:\/\/(\[[^\]]+\]|[^/:"\s]+):(\d+)\/debug\/vars/.exec(error);
  if (!m) return null;
  return {host: m[1]!.replace(/^\[|\]$/g, ''), port: Number(m[2])};
}

/**
 * Whether the address `agent status` failed on is the trace-agent's debug server rather than
 * the trace receiver: since ~7.44 it reads /debug/vars on apm_config.debug.port (5012), before
 * that on the receiver port itself (8126).
 */
export function isDebugPort(port: number | null, error: string | null): boolean {
  if (port === null) return false;
  if (port === 5012) return true;
  return port !== 8126 && /\/debug\/vars/.test(error ?? '');
}

function finishUnreachable(apm: ApmStatus): void {
  if (!apm.unreachable && apm.error) apm.unreachable = addressFromError(apm.error);
  apm.unreachableIsDebugPort = isDebugPort(apm.unreachable?.port ?? null, apm.error);
}

// ---------------------------------------------------------------------------------------------
// Text

/** Finds a top-level section (`====`/title/`====` at column 0) and returns its body lines. */
export function findSection(text: string, title: string): string[] | null {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const isRule = (l: string | undefined): boolean => l !== undefined && /^=+\s*$/.test(l) && l.trim().length >= 3;
  for (let i = 1; i + 1 < lines.length; i++) {
    if (lines[i]!.trim() === title && isRule(lines[i - 1]) && isRule(lines[i + 1]) && !/^\s/.test(lines[i]!)) {
      const body: string[] = [];
      for (let j = i + 2; j < lines.length; j++) {
        if (isRule(lines[j]) && j + 2 < lines.length && /^\S/.test(lines[j + 1]!) && isRule(lines[j + 2])) break;
        body.push(lines[j]!);
      }
      return body;
    }
  }
  return null;
}

/** `Agent (v7.30.1)` banner of a full `agent status`. */
export function agentVersionFromText(text: string): string | null {
  return /^\s*Agent \(v([\w.+~-]+)\)\s*$/m.exec(text)?.[1] ?? null;
}

function parseClientHead(head: string): Pick<ApmClient, 'lang' | 'langVersion' | 'interpreter' | 'tracerVersion' | 'connectionType'> {
  // From {{Lang}} {{LangVersion}} ({{Interpreter}}), client {{TracerVersion}}[ via {{ConnectionType}}]
  const via = / via (tcp|uds|\S+)$/.exec(head);
  const body = via ? head.slice(0, via.index) : head;
  if (/^unknown clients$/.test(body)) return {lang: null, langVersion: null, interpreter: null, tracerVersion: null, connectionType: via?.[1] ?? null};
  const c = body.lastIndexOf(', client ');
  const who = c >= 0 ? body.slice(0, c) : body;
  const tracerVersion = c >= 0 ? body.slice(c + ', client '.length).trim() || null : null;
  const m = /^(\S+)(?: (\S*))?(?: \((.*)\))?$/.exec(who.trim());
  return {
    lang: m?.[1] ?? null,
    langVersion: m?.[2] || null,
    interpreter: m?.[3] || null,
    tracerVersion,
    connectionType: via?.[1] ?? null,
  };
}

const newClient = (head: string): ApmClient => ({
  ...parseClientHead(head),
  tracesReceived: null,
  tracesBytes: null,
  spansReceived: null,
  payloadRefused: null,
  warnings: [],
});

/**
 * Parses the lines of an APM section (as returned by `findSection(text, 'APM Agent')`, or the
 * whole text of `trace-agent info`). Tolerant: unknown lines are skipped, never fatal.
 */
export function parseApmSectionLines(lines: readonly string[]): ApmStatus {
  const apm = emptyApmStatus('absent');
  let inEndpoints = false;
  let client: ApmClient | null = null;
  for (const raw of lines) {
    const line = raw.trimEnd();
    const t = line.trim();
    if (t === '') {
      inEndpoints = false;
      continue;
    }
    let m: RegExpExecArray | null;
    if ((m = /^Status: (.*)$/.exec(t))) {
      const s = m[1]!.trim();
      if (/^Running\b/.test(s)) apm.state = 'running';
      else if (/^Unavailable\b/.test(s)) apm.state = 'unavailable';
      else if ((m = /^Not running or unreachable on (\S+?)\.?$/.exec(s))) {
        apm.state = 'not-running';
        const hp = splitHostPort(m[1]!);
        apm.unreachable = hp ? {host: hp.host, port: hp.port} : {host: null, port: null};
      } else if (/^Not running/.test(s)) {
        apm.state = 'not-running';
        const p = /port (\d+)/.exec(s);
        apm.unreachable = {host: null, port: p ? Number(p[1]) : null};
      }
      continue;
    }
    // `trace-agent info` when not running: "Not running (port 8126)" / "Not running or unreachable on 127.0.0.1:5012"
    if ((m = /^Not running(?: or unreachable on (\S+?)\.?| \(port (\d+)\))$/.exec(t))) {
      apm.state = 'not-running';
      const hp = m[1] ? splitHostPort(m[1]) : null;
      apm.unreachable = hp ? {host: hp.host, port: hp.port} : {host: null, port: m[2] ? Number(m[2]) : null};
      continue;
    }
    if ((m = /^Trace Agent \(v ?([^)]+)\)$/.exec(t))) {
      apm.version = m[1]!.trim();
      if (apm.state === 'absent') apm.state = 'running';
      continue;
    }
    if ((m = /^Error: (.*)$/.exec(t))) {
      apm.error = m[1]!;
      continue;
    }
    if ((m = /^Pid: (\d+)$/.exec(t))) {
      apm.pid = Number(m[1]);
      continue;
    }
    if ((m = /^Uptime: (\d+) seconds$/.exec(t))) {
      apm.uptimeSeconds = Number(m[1]);
      continue;
    }
    if ((m = /^Mem alloc: ([\d,]+) bytes$/.exec(t))) {
      apm.memAllocBytes = humanNum(m[1]);
      continue;
    }
    if ((m = /^Hostname: (.*)$/.exec(t))) {
      apm.hostname = m[1]!.trim() || null;
      continue;
    }
    if ((m = /^Receiver: (\S+)$/.exec(t))) {
      apm.receiver = splitHostPort(m[1]!);
      continue;
    }
    if ((m = /^UDS receiver: (\S+)$/.exec(t))) {
      apm.udsReceiver = m[1]!;
      continue;
    }
    if (t === 'Endpoints:') {
      inEndpoints = true;
      continue;
    }
    if (inEndpoints && /^\S+$/.test(t) && !t.startsWith('=')) {
      apm.endpoints.push(t);
      continue;
    }
    inEndpoints = false;
    if (t === 'No traces received in the previous minute.') {
      apm.noTracesLastMinute = true;
      continue;
    }
    if ((m = /^From (.+)$/.exec(t))) {
      client = newClient(m[1]!);
      apm.clients.push(client);
      continue;
    }
    if ((m = /^Traces received: ([\d,]+) \(([\d,]+) bytes\)$/.exec(t))) {
      if (client) {
        client.tracesReceived = humanNum(m[1]);
        client.tracesBytes = humanNum(m[2]);
      }
      continue;
    }
    if ((m = /^Spans received: ([\d,]+)$/.exec(t))) {
      if (client) client.spansReceived = humanNum(m[1]);
      continue;
    }
    if ((m = /^Default priority sampling rate: ([\d.]+) ?%$/.exec(t))) {
      apm.defaultSamplingRatePercent = Number(m[1]);
      client = null;
      continue;
    }
    if ((m = /^Priority sampling rate for '(.*)': ([\d.]+) ?%$/.exec(t))) {
      apm.samplingRates.push({key: m[1]!, percent: Number(m[2])});
      client = null;
      continue;
    }
    // Writer lines; the classic template glues a WARNING onto the end of the Traces line.
    if ((m = /^Traces: ([\d,]+) payloads, ([\d,]+) traces, ([\d,]+) events, ([\d,]+) bytes/.exec(t))) {
      apm.writer.traces = {payloads: humanNum(m[1]), items: humanNum(m[2]), events: humanNum(m[3]), bytes: humanNum(m[4]), errors: 0};
      client = null;
    } else if ((m = /^Stats: ([\d,]+) payloads, ([\d,]+) stats buckets, ([\d,]+) bytes/.exec(t))) {
      apm.writer.stats = {payloads: humanNum(m[1]), items: humanNum(m[2]), events: null, bytes: humanNum(m[3]), errors: 0};
      client = null;
    }
    const w = /WARNING: (.*)$/.exec(t);
    if (w) {
      const text = w[1]!.trim();
      apm.warnings.push(text);
      let e: RegExpExecArray | null;
      if ((e = /^Traces API errors \(1 min\): ([\d,]+)/.exec(text)) && apm.writer.traces) apm.writer.traces.errors = humanNum(e[1]);
      else if ((e = /^Stats API errors \(1 min\): ([\d,]+)/.exec(text)) && apm.writer.stats) apm.writer.stats.errors = humanNum(e[1]);
      else if ((e = /^Rate-limiter keep percentage: ([\d.]+) ?%/.exec(text))) apm.rateLimiterKeepPercent = Number(e[1]);
      else if (client) client.warnings.push(text);
    }
  }
  if (apm.state === 'absent' && (apm.pid !== null || apm.receiver !== null)) apm.state = 'running';
  finishUnreachable(apm);
  finishTotals(apm);
  return apm;
}

function finishTotals(apm: ApmStatus): void {
  if (apm.state !== 'running') return;
  const known = apm.clients.filter((c) => c.tracesReceived !== null);
  apm.tracesReceivedLastMinute = apm.noTracesLastMinute ? 0 : known.length ? known.reduce((s, c) => s + (c.tracesReceived ?? 0), 0) : null;
  if (apm.tracesReceivedLastMinute === 0) apm.noTracesLastMinute = true;
}

export interface TextStatus {
  agentVersion: string | null;
  apm: ApmStatus;
  /** The section's lines as printed, for the bundle. */
  rawSection: string | null;
  /** `Could not reach agent: …` — the core agent's IPC didn't answer. */
  coreUnreachable: string | null;
}

/** Parses a full `agent status` text (or just its APM section). Never throws. */
export function parseStatusText(text: string): TextStatus {
  const coreUnreachable = /Could not reach agent: (.*)/.exec(text)?.[1]?.trim() ?? null;
  const section = findSection(text, 'APM Agent');
  if (section) {
    return {agentVersion: agentVersionFromText(text), apm: parseApmSectionLines(section), rawSection: section.join('\n').trim(), coreUnreachable};
  }
  // `trace-agent info` prints its own banner instead of "APM Agent".
  if (/^\s*Trace Agent \(v/m.test(text)) {
    return {agentVersion: null, apm: parseApmSectionLines(text.split(/\r?\n/)), rawSection: text.trim(), coreUnreachable};
  }
  return {agentVersion: agentVersionFromText(text), apm: emptyApmStatus('absent'), rawSection: null, coreUnreachable};
}

// ---------------------------------------------------------------------------------------------
// JSON

function writer(v: unknown, itemsKey: string, withEvents: boolean): WriterStats | null {
  if (!isObj(v)) return null;
  return {payloads: num(v['Payloads']), items: num(v[itemsKey]), events: withEvents ? num(v['Events']) : null, bytes: num(v['Bytes']), errors: num(v['Errors'])};
}

/** Reads `apmStats` (the trace-agent's /debug/vars, or `{port, error}`). */
export function parseApmStats(stats: unknown): ApmStatus {
  if (!isObj(stats)) return emptyApmStatus('absent');
  if (typeof stats['error'] === 'string') {
    const apm = emptyApmStatus('not-running');
    apm.error = stats['error'];
    const port = num(stats['port']);
    apm.unreachable = addressFromError(apm.error) ?? {host: 'localhost', port};
    if (apm.unreachable.port === null) apm.unreachable.port = port;
    finishUnreachable(apm);
    return apm;
  }
  const apm = emptyApmStatus('running');
  const config = isObj(stats['config']) ? stats['config'] : {};
  apm.pid = num(stats['pid']);
  apm.uptimeSeconds = num(stats['uptime']);
  apm.memAllocBytes = isObj(stats['memstats']) ? num(stats['memstats']['Alloc']) : null;
  apm.version = isObj(stats['version']) ? str(stats['version']['Version']) : null;
  apm.hostname = str(config['Hostname']);
  const rh = str(config['ReceiverHost']);
  const rp = num(config['ReceiverPort']);
  apm.receiver = rh !== null && rp !== null ? {host: rh, port: rp} : null;
  apm.udsReceiver = str(config['ReceiverSocket']);
  apm.endpoints = Array.isArray(config['Endpoints'])
    ? config['Endpoints'].flatMap((e) => (isObj(e) && typeof e['Host'] === 'string' ? [e['Host']] : []))
    : [];
  const receiver = Array.isArray(stats['receiver']) ? stats['receiver'].filter(isObj) : [];
  apm.clients = receiver.map((r) => ({
    lang: str(r['Lang']),
    langVersion: str(r['LangVersion']),
    interpreter: str(r['Interpreter']),
    tracerVersion: str(r['TracerVersion']),
    connectionType: str(r['ConnectionType']),
    tracesReceived: num(r['TracesReceived']),
    tracesBytes: num(r['TracesBytes']),
    spansReceived: num(r['SpansReceived']),
    payloadRefused: num(r['PayloadRefused']),
    warnings: typeof r['WarnString'] === 'string' && r['WarnString'] !== '' ? [r['WarnString']] : [],
  }));
  apm.noTracesLastMinute = apm.clients.length === 0;
  // The text template prints `ratebyservice_filtered`; older agents only have `ratebyservice`.
  const rates = isObj(stats['ratebyservice_filtered']) ? stats['ratebyservice_filtered'] : isObj(stats['ratebyservice']) ? stats['ratebyservice'] : {};
  for (const [key, value] of Object.entries(rates)) {
    const v = num(value);
    if (v === null) continue;
    const percent = Math.round(v * 1000) / 10;
    if (key === 'service:,env:') apm.defaultSamplingRatePercent = percent;
    else apm.samplingRates.push({key, percent});
  }
  const rl = isObj(stats['ratelimiter']) ? num(stats['ratelimiter']['TargetRate']) : null;
  if (rl !== null && rl < 1) apm.rateLimiterKeepPercent = Math.round(rl * 1000) / 10;
  apm.writer = {traces: writer(stats['trace_writer'], 'Traces', true), stats: writer(stats['stats_writer'], 'StatsBuckets', false)};
  // Same WARNING lines the text template would print, so both paths read alike.
  if (apm.rateLimiterKeepPercent !== null) apm.warnings.push(`Rate-limiter keep percentage: ${apm.rateLimiterKeepPercent}%`);
  for (const c of apm.clients) apm.warnings.push(...c.warnings);
  if ((apm.writer.traces?.errors ?? 0) > 0) apm.warnings.push(`Traces API errors (1 min): ${apm.writer.traces?.errors}`);
  if ((apm.writer.stats?.errors ?? 0) > 0) apm.warnings.push(`Stats API errors (1 min): ${apm.writer.stats?.errors}`);
  finishTotals(apm);
  return apm;
}

export interface JsonStatus {
  agentVersion: string | null;
  apm: ApmStatus;
}

/**
 * Parses `agent status --json` output. Leading text before the JSON object is skipped (some
 * wrappers print a banner). Returns null when there is no JSON object at all.
 */
export function parseStatusJson(text: string): JsonStatus | null {
  const start = text.indexOf('{');
  if (start < 0) return null;
  let json: unknown;
  try {
    json = JSON.parse(text.slice(start));
  } catch {
    return null;
  }
  if (!isObj(json)) return null;
  // A bare /debug/vars object (trace-agent expvar) is accepted too.
  const stats = 'apmStats' in json ? json['apmStats'] : 'receiver' in json || 'memstats' in json ? json : undefined;
  const header = str(json['version']) ?? (isObj(json['agent_metadata']) ? str(json['agent_metadata']['agent_version']) : null);
  return {agentVersion: stats === json ? null : header, apm: parseApmStats(stats)};
}
