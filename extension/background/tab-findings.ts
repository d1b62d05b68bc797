// What each tab's frames reported, summed into the tab's badge. Kept in storage.session too:
// an MV3 service worker is stopped when idle and starts again with empty memory, while the
// frames (and their badge) live on.
import browser from 'webextension-polyfill';
import {t, pickLocale} from '../../shared/i18n/index';
import type {Env} from '../../shared/engine/types';
import type {EnvSource, FindingSummary} from '../messages';

export interface FrameReport {
  frameId: number;
  /** The frame's origin from the port's sender (not from the page); absent in reports stored by older versions. */
  origin?: string | null;
  env: Env;
  envSource: EnvSource;
  adapter: string;
  findings: FindingSummary[];
}

type TabState = Record<string, FrameReport>;

const key = (tabId: number) => `tab:${tabId}`;
const BADGE_COLOR = '#c2410c';

export class TabFindings {
  private readonly tabs = new Map<number, TabState>();
  private loaded: Promise<void> | null = null;

  private load(): Promise<void> {
    this.loaded ??= browser.storage.session
      .get(null)
      .then((all) => {
        for (const [k, v] of Object.entries(all)) {
          const m = /^tab:(\d+)$/.exec(k);
          if (m && typeof v === 'object' && v !== null && !this.tabs.has(Number(m[1]))) this.tabs.set(Number(m[1]), v as TabState);
        }
      })
      .catch(() => undefined);
    return this.loaded;
  }

  async setFrame(tabId: number, report: FrameReport): Promise<void> {
    await this.load();
    const state = {...this.tabs.get(tabId), [String(report.frameId)]: report};
    this.tabs.set(tabId, state);
    await this.persist(tabId);
  }

  async dropFrame(tabId: number, frameId: number): Promise<void> {
    await this.load();
    const state = this.tabs.get(tabId);
    if (!state || !(String(frameId) in state)) return;
    const next = {...state};
    delete next[String(frameId)];
    this.tabs.set(tabId, next);
    await this.persist(tabId);
  }

  async dropTab(tabId: number): Promise<void> {
    await this.load();
    this.tabs.delete(tabId);
    await browser.storage.session.remove(key(tabId)).catch(() => undefined);
  }

  async frames(tabId: number): Promise<FrameReport[]> {
    await this.load();
    return Object.values(this.tabs.get(tabId) ?? {});
  }

  async count(tabId: number): Promise<number> {
    return (await this.frames(tabId)).reduce((n, f) => n + f.findings.length, 0);
  }

  private async persist(tabId: number): Promise<void> {
    const state = this.tabs.get(tabId) ?? {};
    if (Object.keys(state).length) await browser.storage.session.set({[key(tabId)]: state}).catch(() => undefined);
    else await browser.storage.session.remove(key(tabId)).catch(() => undefined);
    await this.renderBadge(tabId);
  }

  private async renderBadge(tabId: number): Promise<void> {
    const n = await this.count(tabId);
    const locale = pickLocale(browser.i18n.getUILanguage());
    try {
      await browser.action.setBadgeBackgroundColor({tabId, color: BADGE_COLOR});
      await browser.action.setBadgeText({tabId, text: n ? (n > 999 ? '999+' : String(n)) : ''});
      await browser.action.setTitle({tabId, title: n ? t(locale, 'ui_badge_title', {count: String(n)}) : t(locale, 'ui_badge_title_none')});
    } catch {
      // The tab closed meanwhile.
    }
  }
}
