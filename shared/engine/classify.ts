// Cross-runtime renderings of the same OS/HTTP failure → one Cause, and the address a
// message names → a Target. Source: shared/facts/tracer-messages.md §0 (the table of how
// Java, Python, Ruby, Go, Node, .NET and libcurl print refused/errno 99/timeout/DNS/
// socket/reset), §3.2 of root-causes.md (the target in the message).
// Every regex here is linear: alternations of literals and bounded classes, no nested quantifiers.
import type {Cause, Target} from './types';

export interface Classified {
  cause: Cause;
  errorCode: string | null;
  httpStatus: number | null;
}

interface CauseRule {
  cause: Cause;
  re: RegExp;
}

// Order matters: the most specific evidence first. A Python traceback mentions both the
// OS error and the retry wrapper; a socket error names the file before any refusal.
// Go's syscall errors are lower-case (`dial unix …: connect: no such file or directory`).
// .NET on Windows prints Winsock codes (10061 refused, 10060 timeout, 10054 reset); .NET's
// EAI_AGAIN is `Resource temporarily unavailable (host:port)` / `SocketException (00000001, 11)`.
const CAUSE_RULES: readonly CauseRule[] = [
  {cause: 'uds_permission', re: /\b(EACCES)\b|[Pp]ermission denied|\[Errno (13)\]|SocketException \((13)\)/},
  {cause: 'uds_missing', re: /\b(ENOENT)\b|[Nn]o such file or directory|\[Errno (2)\]|SocketException \((2)\)/},
  {cause: 'addr_not_available', re: /\b(EADDRNOTAVAIL)\b|[Cc]annot assign requested address|\[Errno (99)\]|SocketException \((99)\)/},
  {
    cause: 'dns',
    re: /\b(ENOTFOUND|EAI_AGAIN|EAI_NONAME)\b|Name or service not known|nodename nor servname|Temporary failure in name resolution|No address associated with hostname|: no such host|server misbehaving|(UnknownHostException)|Could not resolve host|Couldn't resolve host|(Socket::ResolutionError)|getaddrinfo: |\[Errno (-[235])\]|No such host is known|SocketException \((00000001, 11)\)|Resource temporarily unavailable \(/,
  },
  {
    cause: 'refused',
    re: /\b(ECONNREFUSED)\b|[Cc]onnection refused|actively refused|Couldn't connect to server|\[Errno (111)\]|SocketException \((111|10061)\)|(ConnectException)|(ConnectionRefusedError)|client error \(Connect\)/,
  },
  {
    cause: 'timeout',
    re: /\b(ETIMEDOUT|ESOCKETTIMEDOUT)\b|timed out|Timeout was reached|deadline exceeded|i\/o timeout|execution expired|(Net::OpenTimeout|Net::ReadTimeout)|(TaskCanceledException)|(SocketTimeoutException)|Client\.Timeout|(ReadTimeout|ConnectTimeout)\b|HttpClient\.Timeout|did not properly respond after a period of time|SocketException \((110|10060)\)/,
  },
  {
    cause: 'reset',
    re: /\b(ECONNRESET|EPIPE)\b|[Cc]onnection reset|socket hang up|[Bb]roken pipe|Empty reply from server|unexpected end of stream|Remote end closed connection|(EOFError)|end of file reached|: EOF\b|Failure when receiving data|Server returned nothing|forcibly closed by the remote host|\[Errno (104|32)\]|SocketException \((104|10054)\)/,
  },
];

// Status codes as the tracers print them: Java `Status: 413 Request Entity Too Large`,
// Node `Error from http://…/v0.4/traces: 413 Payload Too Large`, Python `HTTP error status 413`,
// .NET `status code 404`, Ruby `code:413`, Rust/libdatadog `Error code: 413`, Node `(status code: 404)`.
const HTTP_STATUS =
  /(?:[Ss]tatus(?: [Cc]ode)?:? |HTTP error status |code:|Error code: |traces: |\/traces: |\/info: |\/config: |non-success HTTP status |Unexpected response status |responded with |does not indicate success: )([1-5]\d\d)\b/;
// Go prints only http.StatusText when the body is empty: `lost 1 traces: Request Entity Too Large`.
const STATUS_TEXT: ReadonlyArray<[RegExp, number]> = [
  [/Request Entity Too Large|Payload Too Large|payload-too-large/, 413],
  [/Too Many Requests/, 429],
  [/Internal Server Error/, 500],
  [/Service Unavailable/, 503],
  [/Bad Gateway/, 502],
  [/\b404 [Nn]ot [Ff]ound|404 page not found/, 404],
];

function firstGroup(m: RegExpExecArray): string | null {
  for (let i = 1; i < m.length; i++) if (m[i] !== undefined) return m[i] ?? null;
  return null;
}

/** The HTTP status an event names, when it names one (and it is an error status). */
export function httpStatusOf(text: string): number | null {
  const m = HTTP_STATUS.exec(text);
  if (m?.[1]) {
    const n = Number(m[1]);
    if (n >= 400) return n;
  }
  for (const [re, code] of STATUS_TEXT) if (re.test(text)) return code;
  return null;
}

/**
 * Classifies the failure an event's text describes. Network causes win over an HTTP status
 * (a message that names both is a network error quoting an earlier response), except that
 * a plain status with no network evidence is `http_status` (413 → `payload_too_large`).
 * Returns null when the text names no cause at all.
 */
export function classifyCause(text: string): Classified | null {
  for (const rule of CAUSE_RULES) {
    const m = rule.re.exec(text);
    if (m) return {cause: rule.cause, errorCode: firstGroup(m), httpStatus: null};
  }
  const status = httpStatusOf(text);
  if (status !== null) return {cause: status === 413 ? 'payload_too_large' : 'http_status', errorCode: null, httpStatus: status};
  return null;
}

export const EMPTY_TARGET: Target = Object.freeze({url: null, host: null, port: null, socket: null});

const URL_RE = /\b(https?|unix|http\+unix):\/\/([^\s"'<>),;]{1,2048})/;
const SOCKET_PATH = /(?:dial unix |connect\(2\) for |connect E[A-Z]+ |to (?=\/)|socket(?:_path)?[=:] ?|No such file or directory[ :-]+(?:connect\(2\) for )?)(\/[\w./-]{1,255}\.sock(?:et)?)\b/;
const BARE_SOCKET = /(\/[\w./-]{1,255}\/(?:apm|trace|datadog[\w.-]*)\.sock(?:et)?)\b/;
// `connect ECONNREFUSED 127.0.0.1:8126`, `connect EADDRNOTAVAIL ::1:8126` (Node prints IPv6 unbracketed).
const NODE_ADDR = /\bconnect E[A-Z]+ ([0-9a-fA-F:.]{2,45}|[\w.-]{1,253}):(\d{1,5})\b/;
// `getaddrinfo ENOTFOUND datadog-agent`, Go `dial tcp: lookup datadog-agent on 10.96.0.10:53`,
// curl `Could not resolve host: datadog-agent`, Java `UnknownHostException: datadog-agent`
// (not curl_easy_strerror's `Couldn't resolve host name`, which names no host).
const DNS_HOST =
  /(?:getaddrinfo E[A-Z_]+ |lookup |[Cc]ould not resolve host: |Couldn't resolve host (?!name\b)'?|UnknownHostException: )([\w.-]{1,253})/;
// Java `Failed to connect to localhost/127.0.0.1:8126`, Go `dial tcp 127.0.0.1:8126`, Ruby
// `Failed to open TCP connection to 127.0.0.1:8126`, .NET `Connection refused (127.0.0.1:8126)`.
// OkHttp prints an IP-literal host with an empty name: `Failed to connect to /10.0.12.4:8126`.
const DIAL_ADDR =
  /(?:Failed to connect to |dial tcp |TCP connection to |refused \(|refused it\. \(|not known \(|unavailable \(|timed out \(|reset by peer \()([\w.-]{0,253}\/)?(\[[0-9a-fA-F:.]{2,45}\]|[\w.-]{1,253}):(\d{1,5})\b/;
// curl: `Failed to connect to localhost port 8126`; Ruby: `connect(2) for "127.0.0.1" port 8126`.
const PORT_WORD = /(?:Failed to connect to |connect\(2\) for "?)(\[?[\w.:-]{1,253}?\]?)"? port (\d{1,5})\b/;

function portOf(s: string | undefined): number | null {
  if (!s) return null;
  const n = Number(s);
  return Number.isInteger(n) && n > 0 && n < 65536 ? n : null;
}

function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** Parses an agent URL as tracers print it (`http://localhost:8126/`, `unix:///var/run/datadog/apm.socket`). */
export function targetFromUrl(raw: string): Target | null {
  const m = URL_RE.exec(raw);
  if (!m) return null;
  const scheme = m[1] ?? 'http';
  let rest = (m[2] ?? '').replace(/\\\//g, '/');
  if (scheme === 'unix' || scheme === 'http+unix') {
    const path = rest.split('?')[0] ?? '';
    return {url: `unix://${path}`, host: null, port: null, socket: path || null};
  }
  rest = rest.replace(/[.:]+$/, '');
  const hostPort = rest.split(/[/?#]/)[0] ?? '';
  // Go's synthetic UDS host: http://UDS__var_run_datadog_apm.socket/v0.4/traces.
  if (hostPort.startsWith('UDS_')) return {url: null, host: null, port: null, socket: null};
  let host = hostPort;
  let port: number | null = null;
  const v6 = /^\[([0-9a-fA-F:.]+)\](?::(\d+))?$/.exec(hostPort);
  if (v6) {
    host = v6[1] ?? '';
    port = portOf(v6[2]);
  } else {
    const colon = hostPort.lastIndexOf(':');
    // dd-trace-js 2.x–4.x prints IPv6 unbracketed: http://::1:8126.
    if (colon > 0 && /^\d+$/.test(hostPort.slice(colon + 1))) {
      host = hostPort.slice(0, colon);
      port = portOf(hostPort.slice(colon + 1));
    }
  }
  if (!host) return null;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {url: `${scheme}://${shownHost}${port !== null ? `:${port}` : ''}`, host, port, socket: null};
}

/**
 * The address an event names. The URL a tracer printed (what it was configured with) wins for
 * host/port, because advice is about configuration (`localhost` in a container); the dialed
 * address fills in what the URL lacks. A socket path anywhere makes it a UDS target.
 */
export function extractTarget(text: string): Target {
  const fromUrl = targetFromUrl(text);
  const target: Target = fromUrl ? {...fromUrl} : {...EMPTY_TARGET};
  const sock = SOCKET_PATH.exec(text) ?? BARE_SOCKET.exec(text);
  if (sock?.[1] && !sock[1].includes('dsd.sock')) {
    // .NET over UDS prints `http://localhost/v0.4/traces to /var/run/datadog/apm.socket`.
    return {url: `unix://${sock[1]}`, host: null, port: null, socket: sock[1]};
  }
  if (target.socket) return target;
  if (target.host === null || target.port === null) {
    let host: string | null = null;
    let port: number | null = null;
    let m = NODE_ADDR.exec(text);
    if (m) {
      host = m[1] ?? null;
      port = portOf(m[2]);
    } else if ((m = DIAL_ADDR.exec(text))) {
      host = m[1] && m[1] !== '/' ? m[1].slice(0, -1) : unbracket(m[2] ?? '');
      port = portOf(m[3]);
    } else if ((m = PORT_WORD.exec(text))) {
      host = unbracket(m[1] ?? '');
      port = portOf(m[2]);
    } else if ((m = DNS_HOST.exec(text))) {
      host = m[1]?.replace(/[.:]+$/, '') ?? null;
    }
    target.host ??= host || null;
    target.port ??= port;
    if (target.url === null && target.host) {
      const shownHost = target.host.includes(':') ? `[${target.host}]` : target.host;
      target.url = `http://${shownHost}${target.port !== null ? `:${target.port}` : ''}`;
    }
  }
  return target;
}

/** A recogniser's partial target as a whole one: a socket excludes host and port. */
export function completeTarget(t: Partial<Target> | undefined): Target {
  if (t?.socket) return {url: t.url ?? `unix://${t.socket}`, host: null, port: null, socket: t.socket};
  return {url: t?.url ?? null, host: t?.host ?? null, port: t?.port ?? null, socket: null};
}
