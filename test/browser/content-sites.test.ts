// Sites beyond the manifest's consoles (a company's Grafana/Kibana), driven through the same
// typed request the popup will send (ui-site-enable/disable), against real Chromium APIs:
// optional host permission → storage.local → scripting.registerContentScripts → the content
// script runs there; disabling restores open pages and unregisters. The test build grants
// http://127.0.0.2/* up front because permissions.request() needs a user gesture on browser UI.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Launched} from './helpers/extension';
import {launchWithExtension, waitForState} from './helpers/extension';
import type {FixtureServer} from './helpers/server';
import {startServer} from './helpers/server';

let server: FixtureServer;
let ext: Launched;

beforeAll(async () => {
  server = await startServer('127.0.0.2');
  ext = await launchWithExtension();
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

type Sender = {id: string; url: string} | 'extension-page' | 'content-script';

async function ui(request: unknown, sender: Sender = 'extension-page'): Promise<unknown> {
  return ext.sw.evaluate(
    async ({request, sender, pageUrl}) => {
      const api = (globalThis as unknown as {apmDoctorTest: {handleUiRequest: (r: unknown, s: unknown) => Promise<unknown>}}).apmDoctorTest;
      const who =
        sender === 'extension-page'
          ? {id: chrome.runtime.id, url: chrome.runtime.getURL('popup/index.html')}
          : sender === 'content-script'
            ? {id: chrome.runtime.id, url: pageUrl}
            : sender;
      return api.handleUiRequest(request, who);
    },
    {request, sender, pageUrl: server.url('/generic/plain-pre.html')},
  );
}

async function registeredMatches(): Promise<string[]> {
  return ext.sw.evaluate(async () => {
    const scripting = (globalThis as unknown as {chrome: {scripting: {getRegisteredContentScripts: () => Promise<{id: string; matches?: string[]}[]>}}}).chrome.scripting;
    return (await scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []);
  });
}

describe('sites enabled from the popup', () => {
  it('refuses requests that do not come from an extension page, and malformed ones', async () => {
    expect(await ui({v: 1, type: 'ui-site-enable', origin: server.origin}, 'content-script')).toEqual({v: 1, type: 'error', code: 'not-extension-page'});
    expect(await ui({v: 1, type: 'ui-site-enable', origin: server.origin}, {id: 'another-extension-id', url: 'chrome-extension://another-extension-id/popup.html'})).toEqual({v: 1, type: 'error', code: 'not-extension-page'});
    expect(await ui({v: 1, type: 'ui-site-enable'})).toEqual({v: 1, type: 'error', code: 'malformed'});
    expect(await ui({v: 2, type: 'ui-sites-list'})).toEqual({v: 1, type: 'error', code: 'malformed'});
    expect(await ui({v: 1, type: 'ui-site-enable', origin: 'javascript:alert(1)'})).toEqual({v: 1, type: 'error', code: 'bad-origin'});
    expect(await ui({v: 1, type: 'ui-site-enable', origin: 'http://127.0.0.3:8080'})).toEqual({v: 1, type: 'error', code: 'permission-missing'});
    expect(await registeredMatches()).toEqual([]);
  });

  it('runs the content script on an enabled site: open tabs at once, new pages by registration; disabling restores them', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('/generic/plain-pre.html'));
    await page.waitForFunction(() => document.documentElement.dataset.fixtureReady === '1');
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-apm-doctor-test'))).toBe(false);

    expect(await ui({v: 1, type: 'ui-site-enable', origin: `${server.origin}/some/page?x=1`})).toEqual({v: 1, type: 'ok'});
    expect(await registeredMatches()).toEqual(['http://127.0.0.2/*']);
    expect(await ui({v: 1, type: 'ui-sites-list'})).toEqual({v: 1, type: 'sites', sites: [{origin: server.origin, granted: true}]});
    // The tab that was already open gets the script injected.
    const injected = await waitForState(page, 's.idle && s.findings > 0');
    expect(injected.adapter).toBe('generic');
    // A page loaded afterwards gets it from the registration.
    const second = await ext.context.newPage();
    await second.goto(server.url('/generic/plain-pre.html'));
    const registered = await waitForState(second, `s.idle && s.findings === ${injected.findings}`);
    expect(registered.highlighted).toEqual(injected.highlighted);

    expect(await ui({v: 1, type: 'ui-site-disable', origin: server.origin})).toEqual({v: 1, type: 'ok'});
    await waitForState(page, 's.dead === true');
    await waitForState(second, 's.dead === true');
    expect(await registeredMatches()).toEqual([]);
    const third = await ext.context.newPage();
    await third.goto(server.url('/generic/plain-pre.html'));
    await third.waitForFunction(() => document.documentElement.dataset.fixtureReady === '1');
    expect(await third.evaluate(() => document.documentElement.hasAttribute('data-apm-doctor-test'))).toBe(false);
    await Promise.all([page.close(), second.close(), third.close()]);
  });

  it('stores an environment override that open pages apply to their advice', async () => {
    expect(await ui({v: 1, type: 'ui-env-override', scope: '*', env: 'ecs-fargate'})).toEqual({v: 1, type: 'ok'});
    expect(await ui({v: 1, type: 'ui-site-enable', origin: server.origin})).toEqual({v: 1, type: 'ok'});
    const page = await ext.context.newPage();
    await page.goto(server.url('/generic/plain-pre.html'));
    await waitForState(page, 's.idle && s.findings > 0 && s.env === "ecs-fargate"');
    expect(await ui({v: 1, type: 'ui-env-override', scope: server.origin, env: 'eks'})).toEqual({v: 1, type: 'ok'});
    await waitForState(page, 's.idle && s.findings > 0 && s.env === "eks"');
    expect(await ui({v: 1, type: 'ui-env-override', scope: 'not a url', env: 'eks'})).toEqual({v: 1, type: 'error', code: 'bad-origin'});
    await page.close();
  });
});
