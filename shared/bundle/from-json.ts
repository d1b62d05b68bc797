// A bundle request from the extension (shared/protocol.ts `bundle`: findings, env, probe,
// status, snapshot as plain JSON) → BundleInput. Findings come from a content script inside a
// page we don't trust, so each is checked field by field and bounded; a malformed one is
// dropped and counted. Probe, status and snapshot come from this bridge's own earlier answers
// and are taken as they are: the renderers tolerate odd shapes and everything is scrubbed.
import type {StatusResult} from '../agent/status-types';
import {CAUSES, ENVS, LANGS, type Cause, type DiagnosedFinding, type Env, type Lang, type Msg, type Target} from '../engine/types';
import type {EnvSnapshot} from '../env/types';
import type {ProbeResult} from '../probe/types';
import type {BundleInput} from './types';

const MAX_TEXT = 4000;
const MAX_ADVICE = 20;
const MAX_SUBS = 20;
const KEY = /^[A-Za-z0-9_@]{1,128}$/;
const RULE = /^[a-z0-9-]{1,64}$/;

type Obj = Readonly<Record<string, unknown>>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max = MAX_TEXT): string | null => (typeof v === 'string' ? v.slice(0, max) : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1e9 ? v : null);

function msg(v: unknown): Msg | null {
  if (!isObj(v) || typeof v['key'] !== 'string' || !KEY.test(v['key'])) return null;
  if (v['subs'] === undefined) return {key: v['key']};
  if (!isObj(v['subs'])) return null;
  const subs = Object.entries(v['subs'])
    .slice(0, MAX_SUBS)
    .flatMap(([k, x]) => (KEY.test(k) && typeof x === 'string' ? [[k, x.slice(0, MAX_TEXT)] as const] : []));
  return {key: v['key'], subs: Object.fromEntries(subs)};
}

function target(v: unknown): Target {
  const o = isObj(v) ? v : {};
  const port = int(o['port']);
  return {url: str(o['url'], 2048), host: str(o['host'], 255), port: port !== null && port <= 65535 ? port : null, socket: str(o['socket'], 1024)};
}

export function findingFromJson(v: unknown): DiagnosedFinding | null {
  if (!isObj(v) || !isObj(v['diagnosis'])) return null;
  const line = int(v['line']);
  const d = v['diagnosis'];
  const title = msg(d['title']);
  const explanation = msg(d['explanation']);
  const rule = str(d['rule'], 64);
  if (line === null || line < 1 || !title || !explanation || rule === null || !RULE.test(rule) || !Array.isArray(d['advice'])) return null;
  const endLine = Math.max(line, int(v['endLine']) ?? line);
  const lang = (LANGS as readonly string[]).includes(String(v['lang'])) ? (v['lang'] as Lang) : 'unknown';
  const cause = (CAUSES as readonly string[]).includes(String(v['cause'])) ? (v['cause'] as Cause) : 'other';
  const source = v['source'] === 'agent' || v['source'] === 'status' ? v['source'] : 'tracer';
  return {
    line,
    endLine,
    lang,
    source,
    recognizer: str(v['recognizer'], 64) ?? 'unknown',
    cause,
    target: target(v['target']),
    tracerVersion: str(v['tracerVersion'], 64),
    httpStatus: int(v['httpStatus']),
    errorCode: str(v['errorCode'], 64),
    timestamp: str(v['timestamp'], 64),
    excerpt: str(v['excerpt']) ?? '',
    diagnosis: {rule, title, explanation, advice: d['advice'].slice(0, MAX_ADVICE).flatMap((a) => msg(a) ?? [])},
  };
}

export interface BundleRequestParts {
  findings: readonly unknown[];
  env: Env | null;
  probe: unknown;
  status: unknown;
  snapshot: unknown;
}

export function bundleInputFromRequest(req: BundleRequestParts, generatedAt: string): BundleInput {
  const findings = req.findings.flatMap((f) => findingFromJson(f) ?? []);
  const dropped = req.findings.length - findings.length;
  return {
    findings,
    configs: [],
    env: {detected: null, chosen: req.env !== null && ENVS.includes(req.env) ? req.env : null},
    ...(isObj(req.snapshot) ? {envSnapshot: req.snapshot as unknown as EnvSnapshot} : {}),
    ...(isObj(req.probe) ? {probe: req.probe as unknown as ProbeResult} : {}),
    ...(isObj(req.status) ? {status: req.status as unknown as StatusResult} : {}),
    origin: 'browser extension',
    problems: dropped > 0 ? [`${dropped} malformed finding(s) left out`] : [],
    generatedAt,
  };
}
