// Requests from our own pages (popup, options). One handler per request type: the Record type
// makes the compiler reject a missing one.
import browser from 'webextension-polyfill';
import type {Runtime} from 'webextension-polyfill';
import type {UiRequest, UiResponse} from '../messages';
import {MESSAGE_VERSION, parseUiRequest} from '../messages';
import {ENV_OVERRIDES_KEY, normalizeOrigin, readEnvOverrides} from '../lib/settings';
import {disableSite, enableSite, listSites} from './sites';
import type {TabFindings} from './tab-findings';

export interface UiContext {
  tabs: TabFindings;
  /** Ends the content scripts of an origin the user just disabled. */
  teardownOrigin: (origin: string) => void;
  /** Asks a frame's content script to show one of its findings; false when that frame has no port. */
  focusFinding: (tabId: number, frameId: number, index: number, lineText: string) => boolean;
}

type Handlers = {[K in UiRequest['type']]: (req: Extract<UiRequest, {type: K}>, ctx: UiContext) => Promise<UiResponse>};

const ok: UiResponse = {v: MESSAGE_VERSION, type: 'ok'};
const err = (code: Extract<UiResponse, {type: 'error'}>['code']): UiResponse => ({v: MESSAGE_VERSION, type: 'error', code});

const handlers: Handlers = {
  'ui-tab-findings': async (req, ctx) => ({
    v: MESSAGE_VERSION,
    type: 'tab-findings',
    frames: (await ctx.tabs.frames(req.tabId)).map((f) => ({frameId: f.frameId, origin: f.origin ?? null, env: f.env, envSource: f.envSource, adapter: f.adapter, findings: f.findings})),
  }),
  'ui-sites-list': async () => ({v: MESSAGE_VERSION, type: 'sites', sites: await listSites()}),
  'ui-site-enable': async (req) => {
    const r = await enableSite(req.origin);
    return r.ok ? ok : err(r.code);
  },
  'ui-site-disable': async (req, ctx) => {
    const r = await disableSite(req.origin);
    if (!r.ok) return err(r.code);
    const origin = normalizeOrigin(req.origin);
    if (origin) ctx.teardownOrigin(origin);
    return ok;
  },
  'ui-env-override': async (req) => {
    const scope = req.scope === '*' ? '*' : normalizeOrigin(req.scope);
    if (!scope) return err('bad-origin');
    const overrides = readEnvOverrides(await browser.storage.local.get(ENV_OVERRIDES_KEY));
    if (req.env) overrides[scope] = req.env;
    else delete overrides[scope];
    await browser.storage.local.set({[ENV_OVERRIDES_KEY]: overrides});
    return ok;
  },
  'ui-focus-finding': async (req, ctx) => (ctx.focusFinding(req.tabId, req.frameId, req.index, req.lineText) ? ok : err('not-found')),
};

/**
 * Only our own pages may change settings: the sender must be this extension (sender.id) AND
 * an extension page, not a content script (content scripts run inside pages we don't trust
 * and share the extension id; their sender.url is the page's).
 */
export function isExtensionPage(sender: Pick<Runtime.MessageSender, 'id' | 'url'>): boolean {
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL(''));
}

export async function handleUiRequest(raw: unknown, sender: Pick<Runtime.MessageSender, 'id' | 'url'>, ctx: UiContext): Promise<UiResponse> {
  if (!isExtensionPage(sender)) return err('not-extension-page');
  const req = parseUiRequest(raw);
  if (!req) return err('malformed');
  const handler = handlers[req.type] as (r: UiRequest, c: UiContext) => Promise<UiResponse>;
  return handler(req, ctx);
}
