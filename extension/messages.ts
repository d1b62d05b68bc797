// Messages between the parts of the extension (STYLE §5, §7). Three directions, three unions:
//   ContentMessage  content script → background, over a Port named CONTENT_PORT. The content
//                   script lives inside pages we don't trust, so this channel only carries
//                   findings/counts and probe *requests*; it never reaches the bridge itself.
//   BackgroundToContent  background → content script, on the same Port.
//   UiRequest       popup/options → background (runtime.sendMessage); answered with UiResponse.
// Every message is versioned and validated where it arrives (parse* return null on anything else).
import type {Cause, Env, Lang, Msg, Source, Target} from '../shared/engine/types';
import {CAUSES, ENVS, LANGS} from '../shared/engine/types';

export const MESSAGE_VERSION = 1;
export const CONTENT_PORT = 'apm-doctor-content';

/** A finding as the content script reports it: enough for the badge, the popup list and the bundle. */
export interface FindingSummary {
  rule: string;
  cause: Cause;
  lang: Lang;
  source: Source;
  target: Target;
  tracerVersion: string | null;
  /** The highlighted line as shown on the page. */
  lineText: string;
  excerpt: string;
  title: Msg;
  explanation: Msg;
  advice: readonly Msg[];
}

export type EnvSource = 'detected' | 'override';

export type ContentMessage =
  | {
      v: 1;
      type: 'content-findings';
      /** Every finding currently annotated in this frame (the badge sums frames per tab). */
      findings: FindingSummary[];
      env: Env;
      envSource: EnvSource;
      /** The console adapter in use, or 'generic'. */
      adapter: string;
    }
  | {v: 1; type: 'content-probe'; id: string; target: Target};

export type ProbeOutcome =
  | {ok: false; code: 'bridge-not-connected' | 'bridge-error' | 'bad-target'}
  | {ok: true; verdict: string; summary: string};

export type BackgroundToContent =
  | {v: 1; type: 'bg-hello'; tabId: number; frameId: number}
  | {v: 1; type: 'bg-probe-result'; id: string; outcome: ProbeOutcome}
  /** The user disabled the site (or the extension is going away): restore the page. */
  | {v: 1; type: 'bg-teardown'}
  /** The popup's "Show": scroll to finding `index` of this frame's last report (checked against `lineText`) and open its popover. */
  | {v: 1; type: 'bg-focus'; index: number; lineText: string};

export interface SiteEntry {
  /** `https://grafana.example.com` (no path; any port matches, as in match patterns). */
  origin: string;
  /** The host permission is (still) granted. */
  granted: boolean;
}

export type UiRequest =
  | {v: 1; type: 'ui-tab-findings'; tabId: number}
  | {v: 1; type: 'ui-sites-list'}
  /** Call after permissions.request({origins: [`${origin}/*`]}) succeeded in the popup/options click handler. */
  | {v: 1; type: 'ui-site-enable'; origin: string}
  | {v: 1; type: 'ui-site-disable'; origin: string}
  /** `scope` is an origin or '*' (every site); env null clears the override. */
  | {v: 1; type: 'ui-env-override'; scope: string; env: Env | null}
  /** Show a finding of the tab's frame on the page (its index in that frame's report). */
  | {v: 1; type: 'ui-focus-finding'; tabId: number; frameId: number; index: number; lineText: string};

export type UiErrorCode = 'not-extension-page' | 'malformed' | 'bad-origin' | 'permission-missing' | 'not-found';

export type UiResponse =
  /** `origin`: the frame's origin as the browser reported its sender (the popup's env override scope); null if unknown. */
  | {v: 1; type: 'tab-findings'; frames: {frameId: number; origin: string | null; env: Env; envSource: EnvSource; adapter: string; findings: FindingSummary[]}[]}
  | {v: 1; type: 'sites'; sites: SiteEntry[]}
  | {v: 1; type: 'ok'}
  | {v: 1; type: 'error'; code: UiErrorCode};

// ---- validation -------------------------------------------------------------------------

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStr = (x: unknown): x is string => typeof x === 'string';
const isStrOrNull = (x: unknown): x is string | null => x === null || typeof x === 'string';
const isNumOrNull = (x: unknown): x is number | null => x === null || (typeof x === 'number' && Number.isFinite(x));
const isIndex = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const oneOf = <T extends string>(list: readonly T[], x: unknown): x is T => typeof x === 'string' && (list as readonly string[]).includes(x);

export function isEnv(x: unknown): x is Env {
  return oneOf(ENVS, x);
}

function isTarget(x: unknown): x is Target {
  return isObj(x) && isStrOrNull(x.url) && isStrOrNull(x.host) && isNumOrNull(x.port) && isStrOrNull(x.socket);
}

function isMsg(x: unknown): x is Msg {
  if (!isObj(x) || !isStr(x.key)) return false;
  if (x.subs === undefined) return true;
  return isObj(x.subs) && Object.values(x.subs).every(isStr);
}

function isFindingSummary(x: unknown): x is FindingSummary {
  return (
    isObj(x) &&
    isStr(x.rule) &&
    oneOf(CAUSES, x.cause) &&
    oneOf(LANGS, x.lang) &&
    oneOf(['tracer', 'agent', 'status'] as const, x.source) &&
    isTarget(x.target) &&
    isStrOrNull(x.tracerVersion) &&
    isStr(x.lineText) &&
    isStr(x.excerpt) &&
    isMsg(x.title) &&
    isMsg(x.explanation) &&
    Array.isArray(x.advice) &&
    x.advice.every(isMsg)
  );
}

/** Bounds what one frame can make the background hold. */
export const MAX_FINDINGS_PER_FRAME = 500;

export function parseContentMessage(raw: unknown): ContentMessage | null {
  if (!isObj(raw) || raw.v !== MESSAGE_VERSION) return null;
  switch (raw.type) {
    case 'content-findings':
      if (!Array.isArray(raw.findings) || raw.findings.length > MAX_FINDINGS_PER_FRAME) return null;
      if (!raw.findings.every(isFindingSummary) || !isEnv(raw.env) || !oneOf(['detected', 'override'] as const, raw.envSource) || !isStr(raw.adapter)) return null;
      return {v: 1, type: 'content-findings', findings: raw.findings, env: raw.env, envSource: raw.envSource, adapter: raw.adapter};
    case 'content-probe':
      if (!isStr(raw.id) || raw.id.length > 64 || !isTarget(raw.target)) return null;
      return {v: 1, type: 'content-probe', id: raw.id, target: raw.target};
    default:
      return null;
  }
}

export function parseBackgroundMessage(raw: unknown): BackgroundToContent | null {
  if (!isObj(raw) || raw.v !== MESSAGE_VERSION) return null;
  switch (raw.type) {
    case 'bg-hello':
      return typeof raw.tabId === 'number' && typeof raw.frameId === 'number' ? {v: 1, type: 'bg-hello', tabId: raw.tabId, frameId: raw.frameId} : null;
    case 'bg-probe-result': {
      const o = raw.outcome;
      if (!isStr(raw.id) || !isObj(o)) return null;
      if (o.ok === false && oneOf(['bridge-not-connected', 'bridge-error', 'bad-target'] as const, o.code)) return {v: 1, type: 'bg-probe-result', id: raw.id, outcome: {ok: false, code: o.code}};
      if (o.ok === true && isStr(o.verdict) && isStr(o.summary)) return {v: 1, type: 'bg-probe-result', id: raw.id, outcome: {ok: true, verdict: o.verdict, summary: o.summary}};
      return null;
    }
    case 'bg-teardown':
      return {v: 1, type: 'bg-teardown'};
    case 'bg-focus':
      return isIndex(raw.index) && isStr(raw.lineText) ? {v: 1, type: 'bg-focus', index: raw.index, lineText: raw.lineText} : null;
    default:
      return null;
  }
}

export function parseUiRequest(raw: unknown): UiRequest | null {
  if (!isObj(raw) || raw.v !== MESSAGE_VERSION) return null;
  switch (raw.type) {
    case 'ui-tab-findings':
      return typeof raw.tabId === 'number' ? {v: 1, type: 'ui-tab-findings', tabId: raw.tabId} : null;
    case 'ui-sites-list':
      return {v: 1, type: 'ui-sites-list'};
    case 'ui-site-enable':
    case 'ui-site-disable':
      return isStr(raw.origin) ? {v: 1, type: raw.type, origin: raw.origin} : null;
    case 'ui-env-override':
      return isStr(raw.scope) && (raw.env === null || isEnv(raw.env)) ? {v: 1, type: 'ui-env-override', scope: raw.scope, env: raw.env} : null;
    case 'ui-focus-finding':
      return isIndex(raw.tabId) && isIndex(raw.frameId) && isIndex(raw.index) && isStr(raw.lineText)
        ? {v: 1, type: 'ui-focus-finding', tabId: raw.tabId, frameId: raw.frameId, index: raw.index, lineText: raw.lineText}
        : null;
    default:
      return null;
  }
}
