// Launches Debian's Chromium headless with the built test extension loaded (facts/browser-side.md
// lists what was verified to work that way), and reads what the user would see.
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import type {BrowserContext, Frame, Page, Worker} from 'playwright-core';
import {chromium} from 'playwright-core';
import type {TestState} from '../../../extension/content/test-hooks';
import {ensureTestBuild} from './build';

export interface Launched {
  context: BrowserContext;
  sw: Worker;
  extensionId: string;
  close: () => Promise<void>;
}

/**
 * `lang`: Chromium on Linux takes its UI language (i18n.getUILanguage) from LANGUAGE/LANG, and
 * Debian ships the non-English UI packs apart (chromium-l10n): without them every profile is en-US.
 */
export async function launchWithExtension(opts: {dir?: string; colorScheme?: 'light' | 'dark'; lang?: 'en' | 'ko'} = {}): Promise<Launched> {
  const dir = opts.dir ?? ensureTestBuild();
  const lang = opts.lang;
  if (lang && lang !== 'en' && !existsSync(`/usr/lib/chromium/locales/${lang}.pak`)) {
    throw new Error(`Chromium has no ${lang} UI pack (/usr/lib/chromium/locales/${lang}.pak): apt-get install -y chromium-l10n`);
  }
  const profile = mkdtempSync(`${tmpdir()}/apm-doctor-profile-`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    colorScheme: opts.colorScheme ?? 'light',
    ...(lang ? {env: {...process.env, LANGUAGE: lang, LANG: lang === 'ko' ? 'ko_KR.UTF-8' : 'en_US.UTF-8', LC_ALL: ''}} : {}),
    args: [
      ...(lang ? [`--lang=${lang}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
    ],
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(sw.url()).host;
  return {
    context,
    sw,
    extensionId,
    close: async () => {
      await context.close();
      rmSync(profile, {recursive: true, force: true});
    },
  };
}

/** The content script's published state in test builds. */
export type {TestState};

/** Waits (by polling the page, no sleeps) until the content script's state satisfies `pred`. */
export async function waitForState(target: Page | Frame, pred: string, timeout = 20_000): Promise<TestState> {
  try {
    const handle = await target.waitForFunction(
      (p) => {
        const raw = document.documentElement.getAttribute('data-apm-doctor-test');
        if (!raw) return null;
        const s = JSON.parse(raw) as Record<string, unknown>;
        return new Function('s', `return (${p});`)(s) ? raw : null;
      },
      pred,
      {timeout, polling: 50},
    );
    return JSON.parse((await handle.jsonValue()) as string) as TestState;
  } catch (err) {
    const last = await target.evaluate(() => document.documentElement.getAttribute('data-apm-doctor-test')).catch(() => null);
    throw new Error(`content state never matched ${pred}; last state: ${last ?? 'none'}`, {cause: err});
  }
}

export async function badgeText(sw: Worker, tabId: number): Promise<string> {
  return sw.evaluate((id) => chrome.action.getBadgeText({tabId: id}), tabId);
}

/** Polls the badge until it shows `expected`. */
export async function waitForBadge(sw: Worker, tabId: number, expected: string, timeout = 15_000): Promise<string> {
  const end = Date.now() + timeout;
  let last = '';
  while (Date.now() < end) {
    last = await badgeText(sw, tabId);
    if (last === expected) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`badge stayed "${last}", expected "${expected}"`);
}

declare global {
  // The service worker's chrome.* as seen through sw.evaluate (only what tests call).
  const chrome: {
    action: {getBadgeText: (d: {tabId: number}) => Promise<string>};
    runtime: {id: string; getURL: (p: string) => string; reload: () => void};
  };
}
