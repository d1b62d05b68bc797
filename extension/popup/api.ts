// The popup's and options page's calls to the background (UiRequest → UiResponse, messages.ts)
// and to the browser. Every reply is checked for its `type` before use.
import browser from 'webextension-polyfill';
import type {Env} from '../../shared/engine/types';
import type {SiteEntry, UiRequest, UiResponse} from '../messages';
import {MESSAGE_VERSION} from '../messages';
import type {FrameFindings} from './model';

type Reply<T extends UiResponse['type']> = Extract<UiResponse, {type: T}>;

export type UiResult<T extends UiResponse['type']> = {ok: true; reply: Reply<T>} | {ok: false; code: string};

async function ask<T extends UiResponse['type']>(req: UiRequest, expect: T): Promise<UiResult<T>> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage(req);
  } catch {
    return {ok: false, code: 'no-background'};
  }
  if (typeof raw !== 'object' || raw === null) return {ok: false, code: 'no-answer'};
  const r = raw as {v?: unknown; type?: unknown; code?: unknown};
  if (r.v !== MESSAGE_VERSION) return {ok: false, code: 'no-answer'};
  if (r.type === expect) return {ok: true, reply: raw as Reply<T>};
  return {ok: false, code: typeof r.code === 'string' ? r.code : 'no-answer'};
}

/** The tab the popup is about: `?tabId=N` (the popup opened as a page, tests), else the active tab. */
export async function currentTab(): Promise<{tabId: number | null; url: string | null}> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param !== null && /^\d{1,10}$/.test(param)) {
    const tabId = Number(param);
    const tab = await browser.tabs.get(tabId).catch(() => null);
    return {tabId, url: tab?.url ?? null};
  }
  const [tab] = await browser.tabs.query({active: true, currentWindow: true}).catch(() => []);
  return {tabId: tab?.id ?? null, url: tab?.url ?? null};
}

export async function tabFindings(tabId: number): Promise<FrameFindings[] | null> {
  const r = await ask({v: MESSAGE_VERSION, type: 'ui-tab-findings', tabId}, 'tab-findings');
  return r.ok ? r.reply.frames : null;
}

export async function setEnvOverride(scope: string, env: Env | null): Promise<boolean> {
  return (await ask({v: MESSAGE_VERSION, type: 'ui-env-override', scope, env}, 'ok')).ok;
}

export async function listSites(): Promise<SiteEntry[] | null> {
  const r = await ask({v: MESSAGE_VERSION, type: 'ui-sites-list'}, 'sites');
  return r.ok ? r.reply.sites : null;
}

export async function enableSite(origin: string): Promise<UiResult<'ok'>> {
  return ask({v: MESSAGE_VERSION, type: 'ui-site-enable', origin}, 'ok');
}

export async function disableSite(origin: string): Promise<UiResult<'ok'>> {
  return ask({v: MESSAGE_VERSION, type: 'ui-site-disable', origin}, 'ok');
}

export async function focusFinding(tabId: number, frameId: number, index: number, lineText: string): Promise<boolean> {
  return (await ask({v: MESSAGE_VERSION, type: 'ui-focus-finding', tabId, frameId, index, lineText}, 'ok')).ok;
}

/** Asks for an optional host permission; must run inside a click handler (a user gesture). */
export async function requestOrigin(pattern: string): Promise<boolean> {
  try {
    return await browser.permissions.request({origins: [pattern]});
  } catch {
    return false;
  }
}
