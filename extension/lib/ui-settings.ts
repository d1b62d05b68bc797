// What the popup, the options page and the background's bridge side remember, one validating
// reader per key (a corrupt or older value falls back to the default, never breaks a page).
//   storage.local    uiLocale, probeVantage (and bridgeToken/bridgePort: lib/bridge-client.ts)
//   storage.session  lastProbe, lastStatus: the latest results, for the popup and the bundle
//                    (session storage is not exposed to content scripts).
import browser from 'webextension-polyfill';
import type {Locale} from '../../shared/i18n/index';
import {pickLocale} from '../../shared/i18n/index';
import type {ProbeResult, Vantage} from '../../shared/probe/types';
import {validateVantage} from '../../shared/probe/types';
import type {StatusResult} from '../../shared/agent/status-types';
import type {TokenKeeper} from './bridge-client';
import {BRIDGE_TOKEN_KEY, readBridgeToken} from './bridge-client';

/** 'auto' follows the browser's UI language (`i18n.getUILanguage()`). */
export const UI_LOCALE_KEY = 'uiLocale';
export const LOCALE_CHOICES = ['auto', 'en', 'ko'] as const;
export type LocaleChoice = (typeof LOCALE_CHOICES)[number];

export const PROBE_VANTAGE_KEY = 'probeVantage';
export const LAST_PROBE_KEY = 'lastProbe';
export const LAST_STATUS_KEY = 'lastStatus';

export function readLocaleChoice(stored: Record<string, unknown>): LocaleChoice {
  const v = stored[UI_LOCALE_KEY];
  return (LOCALE_CHOICES as readonly unknown[]).includes(v) ? (v as LocaleChoice) : 'auto';
}

export function resolveLocale(choice: LocaleChoice, uiLanguage: string): Locale {
  return choice === 'auto' ? pickLocale(uiLanguage) : choice;
}

/** The locale our pages and the background's probe replies use. */
export async function uiLocale(): Promise<Locale> {
  const stored = await browser.storage.local.get(UI_LOCALE_KEY).catch(() => ({}));
  return resolveLocale(readLocaleChoice(stored), browser.i18n.getUILanguage());
}

export function readVantage(stored: Record<string, unknown>): Vantage {
  const v = validateVantage(stored[PROBE_VANTAGE_KEY]);
  return 'error' in v ? {kind: 'local'} : v;
}

export async function storedVantage(): Promise<Vantage> {
  return readVantage(await browser.storage.local.get(PROBE_VANTAGE_KEY).catch(() => ({})));
}

function isObj(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Results we stored ourselves; the shape check only guards against older versions. */
export function readLastProbe(stored: Record<string, unknown>): ProbeResult | null {
  const v = stored[LAST_PROBE_KEY];
  return isObj(v) && v.v === 1 && isObj(v.verdict) && isObj(v.target) ? (v as unknown as ProbeResult) : null;
}

export function readLastStatus(stored: Record<string, unknown>): StatusResult | null {
  const v = stored[LAST_STATUS_KEY];
  return isObj(v) && v.v === 1 && 'apm' in v ? (v as unknown as StatusResult) : null;
}

/** The bridge token in storage.local (popup and background share it). */
export const storageTokens: TokenKeeper = {
  load: async () => readBridgeToken(await browser.storage.local.get(BRIDGE_TOKEN_KEY)),
  save: async (token) => {
    if (token) await browser.storage.local.set({[BRIDGE_TOKEN_KEY]: token});
    else await browser.storage.local.remove(BRIDGE_TOKEN_KEY);
  },
};
