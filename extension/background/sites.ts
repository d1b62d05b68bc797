// Sites the user turned on beyond the manifest's consoles (a company's Grafana or Kibana).
// The popup/options page asks for the optional host permission in its click handler (only a
// user gesture can), then tells us; we remember the origin in storage.local and register the
// content script for every remembered origin whose permission is still granted.
import browser from 'webextension-polyfill';
import type {Scripting} from 'webextension-polyfill';
import type {SiteEntry} from '../messages';
import {ENABLED_ORIGINS_KEY, normalizeOrigin, originPattern, readEnabledOrigins} from '../lib/settings';

export const SITES_SCRIPT_ID = 'apm-doctor-sites';

async function enabledOrigins(): Promise<string[]> {
  return readEnabledOrigins(await browser.storage.local.get(ENABLED_ORIGINS_KEY));
}

async function granted(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({origins: [originPattern(origin)]});
  } catch {
    return false;
  }
}

export async function listSites(): Promise<SiteEntry[]> {
  const origins = await enabledOrigins();
  return Promise.all(origins.map(async (origin) => ({origin, granted: await granted(origin)})));
}

export type SiteResult = {ok: true} | {ok: false; code: 'bad-origin' | 'permission-missing'};

export async function enableSite(input: string): Promise<SiteResult> {
  const origin = normalizeOrigin(input);
  if (!origin) return {ok: false, code: 'bad-origin'};
  if (!(await granted(origin))) return {ok: false, code: 'permission-missing'};
  const origins = await enabledOrigins();
  if (!origins.includes(origin)) await browser.storage.local.set({[ENABLED_ORIGINS_KEY]: [...origins, origin]});
  await syncRegisteredScripts();
  await injectIntoOpenTabs(origin);
  return {ok: true};
}

export async function disableSite(input: string): Promise<SiteResult> {
  const origin = normalizeOrigin(input);
  if (!origin) return {ok: false, code: 'bad-origin'};
  const origins = await enabledOrigins();
  await browser.storage.local.set({[ENABLED_ORIGINS_KEY]: origins.filter((o) => o !== origin)});
  await syncRegisteredScripts();
  return {ok: true};
}

/** Makes the registered content script match exactly the enabled, still-granted origins. */
export async function syncRegisteredScripts(): Promise<string[]> {
  const sites = await listSites();
  const matches = [...new Set(sites.filter((s) => s.granted).map((s) => originPattern(s.origin)))];
  const existing = await browser.scripting.getRegisteredContentScripts({ids: [SITES_SCRIPT_ID]}).catch(() => []);
  if (existing.length) await browser.scripting.unregisterContentScripts({ids: [SITES_SCRIPT_ID]});
  if (matches.length) {
    const script: Scripting.RegisteredContentScript = {
      id: SITES_SCRIPT_ID,
      matches,
      js: ['content.js'],
      css: ['content.css'],
      allFrames: true,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    };
    await browser.scripting.registerContentScripts([script]);
  }
  return matches;
}

/** Tabs already open on a newly enabled site get the content script without a reload. */
async function injectIntoOpenTabs(origin: string): Promise<void> {
  const tabs = await browser.tabs.query({url: originPattern(origin)}).catch(() => []);
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    await browser.scripting.insertCSS({target: {tabId: tab.id, allFrames: true}, files: ['content.css']}).catch(() => undefined);
    await browser.scripting.executeScript({target: {tabId: tab.id, allFrames: true}, files: ['content.js']}).catch(() => undefined);
  }
}
