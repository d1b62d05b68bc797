// What one probe run saw, before it becomes a ProbeResult. Both the in-process probe and the
// in-target tools (their output parsed) produce this one shape.
import type {ProbeError, ProbeTool, TcpAttempt, UnixSocketReport} from '../../shared/probe/types';

export interface HttpObservation {
  address: string | null;
  status: number | null;
  connectMs: number | null;
  firstByteMs: number | null;
  totalMs: number | null;
  bytes: number;
  truncated: boolean;
  contentType: string | null;
  agentVersion: string | null;
  /** Body text (bounded by the read cap). */
  body: string;
  error: ProbeError | null;
}

export interface WriteObservation {
  status: number | null;
  agentVersion: string | null;
  ms: number | null;
  body: string;
  /** What was sent: msgpack 0x90 (tracers' check) or JSON `[]` (PHP's check; wget). */
  payload: 'msgpack' | 'json';
  error: ProbeError | null;
}

export interface ToolObservation {
  tool: ProbeTool;
  dns: {addresses: {address: string; family: 4 | 6}[]; ms: number | null; error: ProbeError | null; partial: boolean} | null;
  tcp: TcpAttempt[];
  unix: UnixSocketReport | null;
  http: HttpObservation | null;
  write: WriteObservation | null;
}

// --- reading the JSON the node/python3 scripts print -------------------------------------------

type Obj = Readonly<Record<string, unknown>>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const s = (v: unknown, max = 1 << 20): string | null => (typeof v === 'string' ? v.slice(0, max) : null);
const n = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const b = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);
const fam = (v: unknown): 4 | 6 | null => (v === 4 || v === 6 ? v : null);

export function readError(v: unknown): ProbeError | null {
  if (!isObj(v)) return null;
  return {code: s(v['code'], 40) ?? 'ERROR', message: s(v['message'], 300) ?? ''};
}

/** Validates the JSON an in-target script printed. Garbled output → null, never a throw. */
export function readToolJson(json: unknown, tool: ProbeTool): ToolObservation | null {
  if (!isObj(json)) return null;
  const d = json['dns'];
  const u = json['unix'];
  const h = json['http'];
  const w = json['write'];
  const conn = isObj(u) && isObj(u['connect']) ? u['connect'] : null;
  return {
    tool,
    dns: isObj(d)
      ? {
          addresses: (Array.isArray(d['addresses']) ? d['addresses'] : []).flatMap((a) => {
            const address = isObj(a) ? s(a['address'], 64) : null;
            const family = isObj(a) ? fam(a['family']) : null;
            return address && family ? [{address, family}] : [];
          }),
          ms: n(d['ms']),
          error: readError(d['error']),
          partial: false,
        }
      : null,
    tcp: (Array.isArray(json['tcp']) ? json['tcp'] : []).filter(isObj).map((t) => ({
      address: s(t['address'], 64) ?? '?',
      family: fam(t['family']),
      port: n(t['port']) ?? 0,
      ok: b(t['ok']) ?? false,
      ms: n(t['ms']),
      error: readError(t['error']),
    })),
    unix: isObj(u)
      ? {
          path: s(u['path'], 200) ?? '',
          exists: b(u['exists']),
          isSocket: b(u['isSocket']),
          mode: s(u['mode'], 8),
          uid: n(u['uid']),
          gid: n(u['gid']),
          connect: {ok: (conn && b(conn['ok'])) ?? false, ms: conn ? n(conn['ms']) : null, error: conn ? readError(conn['error']) : null},
        }
      : null,
    http: isObj(h)
      ? {
          address: s(h['address'], 64),
          status: n(h['status']),
          connectMs: n(h['connectMs']),
          firstByteMs: n(h['firstByteMs']),
          totalMs: n(h['totalMs']),
          bytes: n(h['bytes']) ?? 0,
          truncated: b(h['truncated']) ?? false,
          contentType: s(h['contentType'], 200),
          agentVersion: s(h['agentVersion'], 64),
          body: s(h['body']) ?? '',
          error: readError(h['error']),
        }
      : null,
    write: isObj(w)
      ? {
          status: n(w['status']),
          agentVersion: s(w['agentVersion'], 64),
          ms: n(w['ms']),
          body: s(w['body'], 200) ?? '',
          payload: w['payload'] === 'json' ? 'json' : 'msgpack',
          error: readError(w['error']),
        }
      : null,
  };
}
