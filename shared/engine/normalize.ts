// Removes what consoles add around a log message so recognisers see what the tracer printed:
// ANSI colours, Kubernetes CRI / kubectl --prefix / docker compose / GitHub Actions prefixes,
// leading timestamps and level words, and JSON envelopes from structured logging (whose
// message may carry escaped newlines, so one physical line can yield several LogLines).
import type {LogLine} from './types';

// eslint-disable-next-line no-control-regex -- ESC is exactly what an ANSI colour code starts with.
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;

// Kubernetes CRI log files: `2026-11-25T10:00:00.123456789Z stdout F message`.
const CRI = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)) (?:stdout|stderr) [FP] /;
// `kubectl logs --prefix`: `[pod/web-7d9f/app] message`.
const KUBECTL_PREFIX = /^\[pod\/[^\]\s]{1,253}\] /;
// docker compose: `web-1  | message`.
const COMPOSE_PREFIX = /^[\w.-]{1,64} {1,8}\| /;
// ISO-ish or syslog-ish timestamps at the start of a line (GitHub Actions, CloudWatch exports, most loggers).
const LEADING_TS =
  /^\[?(\d{4}[-/]\d\d[-/]\d\d[T ]\d\d:\d\d:\d\d(?:[.,:]\d+)?(?: ?(?:Z|[+-]\d\d:?\d\d|UTC))?)\]?[ \t]/;
const LEVEL = /^\[?(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|CRITICAL|CRIT)\]?(?::[ \t]|[ \t]+(?:-[ \t]+)?)/;

/** Envelope fields that carry the message, in the order structured loggers use them. */
const MESSAGE_FIELDS = ['message', 'msg', 'log', 'textPayload', 'MESSAGE', '@message', 'body', 'event'] as const;
/** Fields that carry a stack or error text beside the message (logstash, pino, bunyan, zap, serilog, python-json-logger). */
const DETAIL_FIELDS = ['stack_trace', 'stack', 'exception', 'Exception', 'exc_info', 'error', 'err', 'stacktrace', 'error.stack'] as const;
const TIME_FIELDS = ['time', 'timestamp', '@timestamp', 'ts', 'Timestamp', 't'] as const;

/** Lines longer than this are not parsed as JSON (they are still scanned as text). */
const MAX_JSON_LINE = 1 << 20;

function isDigit(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function maybeCompose(s: string): boolean {
  const bar = s.indexOf(' | ');
  return bar > 0 && bar < 73;
}

export function stripDecorations(raw: string): {text: string; timestamp: string | null} {
  let text = raw;
  if (text.endsWith('\r')) text = text.slice(0, -1);
  if (text.includes('\x1b')) text = text.replace(ANSI, '');
  let timestamp: string | null = null;
  // Each prefix regex runs only when the first character allows it: this runs on every
  // line near a hit, and most lines have none of these prefixes.
  let m = isDigit(text, 0) ? CRI.exec(text) : null;
  if (m) {
    timestamp = m[1] ?? null;
    text = text.slice(m[0].length);
  }
  m = text.startsWith('[pod/') ? KUBECTL_PREFIX.exec(text) : maybeCompose(text) ? COMPOSE_PREFIX.exec(text) : null;
  if (m) text = text.slice(m[0].length);
  m = isDigit(text, 0) || (text[0] === '[' && isDigit(text, 1)) ? LEADING_TS.exec(text) : null;
  if (m) {
    timestamp = m[1] ?? timestamp;
    text = text.slice(m[0].length);
    // Spring Boot pads the level: `2021-08-24 18:38:01.990  INFO 1 --- …`. Spaces go only when a
    // level word follows them; otherwise they may be a stack frame's indentation.
    const trimmed = text.replace(/^[ \t]+/, '');
    const lv = LEVEL.exec(trimmed);
    if (lv) text = trimmed.slice(lv[0].length);
  }
  return {text, timestamp};
}

function stringField(obj: Record<string, unknown>, names: readonly string[]): string | null {
  for (const name of names) {
    const v = obj[name];
    if (typeof v === 'string' && v !== '') return v;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      // {"error": {"message": "...", "stack": "..."}} (pino/bunyan `err` objects)
      const inner = v as Record<string, unknown>;
      const s = inner['stack'] ?? inner['message'];
      if (typeof s === 'string' && s !== '') return s;
    }
  }
  return null;
}

/** Unwraps `{"message": "...", ...}`; returns null when the line isn't such an envelope. */
export function unwrapJson(text: string): {message: string; timestamp: string | null} | null {
  const t = text.trim();
  if (t.length < 2 || t.length > MAX_JSON_LINE || t[0] !== '{' || t[t.length - 1] !== '}' || !t.includes('":')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(t);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const obj = parsed as Record<string, unknown>;
  const message = stringField(obj, MESSAGE_FIELDS);
  if (message === null) return null;
  const detail = stringField(obj, DETAIL_FIELDS);
  const ts = stringField(obj, TIME_FIELDS);
  return {message: detail && !message.includes(detail) ? `${message}\n${detail}` : message, timestamp: ts};
}

/**
 * Normalises one physical line. Envelopes are unwrapped twice at most (a Docker json-file
 * record around an application's own JSON log line).
 */
export function normalizeLine(raw: string, line: number): LogLine[] {
  let {text, timestamp} = stripDecorations(raw);
  for (let depth = 0; depth < 2; depth++) {
    const env = unwrapJson(text);
    if (!env) break;
    timestamp = env.timestamp ?? timestamp;
    // Docker's json-file driver keeps the line's own newline at the end of `log`.
    const message = env.message.replace(/\r?\n$/, '');
    const parts = message.split('\n');
    if (parts.length > 1 || depth === 1) {
      return parts.filter((p, i) => p !== '' || i < parts.length - 1).map((p) => ({line, text: stripDecorations(p).text, timestamp}));
    }
    ({text} = stripDecorations(message));
  }
  return [{line, text, timestamp}];
}
