// The content script in real headless Chromium, with the built extension loaded (dist/chrome-test):
// generic pages (no console adapter), the popover, the badge, and what must never happen to a
// host page. Console-specific pages are in content-adapters.test.ts.
import type {Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {expectedHighlights, logLines, sorted} from './helpers/expect-engine';
import type {Launched} from './helpers/extension';
import {launchWithExtension, waitForBadge, waitForState} from './helpers/extension';
import type {FixtureServer} from './helpers/server';
import {startServer} from './helpers/server';

let server: FixtureServer;
let ext: Launched;

beforeAll(async () => {
  server = await startServer();
  ext = await launchWithExtension();
  await ext.context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: server.origin});
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(server.url(path));
  await page.waitForFunction(() => document.documentElement.dataset.fixtureReady === '1');
  return page;
}

/** Highlighted text as the page's own world sees it in CSS.highlights (one registry per document). */
async function pageHighlights(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const h = CSS.highlights.get('apm-doctor-finding');
    return h ? [...h].map((r) => (r as Range).toString()) : [];
  });
}

describe('generic pages', () => {
  it('highlights exactly the tracer error lines of a raw log in one <pre>', async () => {
    const page = await open('/generic/plain-pre.html');
    const expected = expectedHighlights(logLines('node-6.21-dns-unresolvable-host.debug.log', 'multi-lang.log').join('\n'));
    expect(expected.length).toBeGreaterThan(3);
    const state = await waitForState(page, `s.idle && s.findings === ${expected.length}`);
    expect(state.adapter).toBe('generic');
    expect(sorted(await pageHighlights(page))).toEqual(sorted(expected));
    // The app's own connection errors (Postgres 5432, Redis 6379) are not tracer errors.
    expect((await pageHighlights(page)).some((t) => /:5432|:6379/.test(t))).toBe(false);
    await page.close();
  });

  it('finds an error that a live tail appends to the <pre>', async () => {
    const page = await open('/generic/plain-pre.html');
    const before = await waitForState(page, 's.idle && s.findings > 0');
    await page.evaluate(() => (window as unknown as {tail: (t: string) => void}).tail('DATADOG TRACER DIAGNOSTIC - Agent Error: getaddrinfo ENOTFOUND late-agent.invalid'));
    const after = await waitForState(page, `s.idle && s.findings === ${before.findings + 1}`);
    expect(after.highlighted).toContain('DATADOG TRACER DIAGNOSTIC - Agent Error: getaddrinfo ENOTFOUND late-agent.invalid');
    await page.close();
  });

  it('reads lines split across spans in table rows, and the page keeps its row clicks and its scroll', async () => {
    const page = await open('/generic/spans-table.html');
    // The page shows a line-number cell before each line: the engine sees the same text.
    const shown = logLines('multi-lang.log', 'hostile.log', 'node-6.21-http-413.debug.log').map((l, i) => `${i + 1}\n${l}`);
    const expected = expectedHighlights(shown.join('\n'));
    const state = await waitForState(page, `s.idle && s.findings === ${expected.length}`);
    expect(sorted(state.highlighted)).toEqual(sorted(expected));
    // The page's own handlers and scrolling still work with our overlay on top.
    await page.locator('#rows tr').nth(1).click();
    expect(await page.evaluate(() => (window as unknown as {rowClicks: number}).rowClicks)).toBe(1);
    await page.locator('#scroller').evaluate((el) => {
      el.scrollTop = 400;
    });
    expect(await page.locator('#scroller').evaluate((el) => el.scrollTop)).toBe(400);
    // No node was added to the page's rows: zebra striping (:nth-child) still sees only its <tr>s.
    expect(await page.evaluate(() => [...document.querySelectorAll('#rows *')].every((el) => ['TR', 'TD', 'SPAN'].includes(el.tagName)))).toBe(true);
    await page.close();
  });

  it('never runs HTML from log text: hostile lines are highlighted and shown as text', async () => {
    const page = await open('/generic/spans-table.html');
    await waitForState(page, 's.idle && s.findings > 0');
    const highlighted = await pageHighlights(page);
    expect(highlighted.some((t) => t.includes('<img src=x onerror="window.__pwned=1">'))).toBe(true);
    // Open the popover of the hostile finding: its text shows the markup literally.
    const marker = page.locator('apm-doctor-overlay .marker[aria-label*="APM Connection Doctor"]');
    await expect.poll(() => marker.count()).toBeGreaterThan(0);
    const index = await page.evaluate(() => {
      const raw = document.documentElement.getAttribute('data-apm-doctor-test') ?? '{}';
      return (JSON.parse(raw) as {highlighted: string[]}).highlighted.findIndex((t) => t.includes('<img'));
    });
    expect(index).toBeGreaterThanOrEqual(0);
    const hostileRow = page.locator('#rows tr', {hasText: '<img src=x onerror'});
    await hostileRow.scrollIntoViewIfNeeded();
    const pre = page.locator('apm-doctor-overlay .popover pre');
    for (let i = 0; i < (await marker.count()); i++) {
      const m = marker.nth(i);
      if (!(await m.isVisible())) continue;
      await m.click();
      if ((await pre.textContent())?.includes('<img')) break;
      await page.keyboard.press('Escape');
    }
    expect(await pre.textContent()).toContain('<img src=x onerror="window.__pwned=1">');
    expect(await page.locator('apm-doctor-overlay img, apm-doctor-overlay script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as {__pwned?: number}).__pwned)).toBeUndefined();
    await page.close();
  });

  it('finds lines in open shadow roots and in a same-origin iframe, and the badge sums both frames', async () => {
    const page = await open('/generic/shadow-iframe.html');
    const frame = page.frame({url: /frame-pane\.html/});
    expect(frame).not.toBeNull();
    if (!frame) return;
    await frame.waitForFunction(() => document.documentElement.dataset.fixtureReady === '1');
    const top = await waitForState(page, `s.idle && s.findings === ${expectedHighlights(logLines('json-wrapped.log').join('\n')).length} && s.tabId !== null`);
    const inner = await waitForState(frame, `s.idle && s.findings === ${expectedHighlights(logLines('node-6.21-dns-unresolvable-host.log').join('\n')).length}`);
    expect(top.highlighted.every((t) => t.startsWith('{'))).toBe(true);
    expect(inner.highlighted).toEqual(['DATADOG TRACER DIAGNOSTIC - Agent Error: getaddrinfo ENOTFOUND datadog-agent.invalid']);
    const tabId = top.tabId ?? -1;
    await waitForBadge(ext.sw, tabId, String(top.findings + inner.findings));
    // A row added later inside the shadow root is picked up by that root's observer.
    await page.evaluate(() => (window as unknown as {addToPane: (l: string) => void}).addToPane('DATADOG TRACER DIAGNOSTIC - Agent Error: connect ECONNREFUSED 10.0.0.9:8126'));
    await waitForState(page, `s.idle && s.findings === ${top.findings + 1}`);
    await waitForBadge(ext.sw, tabId, String(top.findings + 1 + inner.findings));
    // Navigating away clears the tab's count.
    await page.goto(server.url('/_logs/README.md'));
    await waitForBadge(ext.sw, tabId, '');
    await page.close();
  });
});

describe('the marker and its popover', () => {
  it('opens with the keyboard, shows the diagnosis, closes on Escape and returns focus', async () => {
    const page = await open('/generic/plain-pre.html');
    await waitForState(page, 's.idle && s.findings > 0 && s.markers === s.findings');
    const marker = page.locator('apm-doctor-overlay .marker:not([hidden])').first();
    await expect.poll(() => marker.count()).toBe(1);
    // Tab from the page reaches our markers (they follow the page content in tab order).
    await page.locator('body').click({position: {x: 1, y: 1}});
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => {
        const host = document.querySelector('apm-doctor-overlay');
        return document.activeElement === host && host?.shadowRoot?.activeElement?.classList.contains('marker') === true;
      });
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    const popover = page.locator('apm-doctor-overlay .popover');
    await expect.poll(() => popover.isVisible()).toBe(true);
    const text = (await popover.textContent()) ?? '';
    expect(text).toContain('What to do');
    expect(text).toContain('Where the tracer sent');
    expect(text).toMatch(/Environment/);
    expect(await popover.locator('h2').textContent()).not.toBe('');
    expect(await popover.locator('li').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => popover.isVisible()).toBe(false);
    const focusedIsMarker = await page.evaluate(() => document.querySelector('apm-doctor-overlay')?.shadowRoot?.activeElement?.classList.contains('marker') === true);
    expect(focusedIsMarker).toBe(true);
    // Space opens it too.
    await page.keyboard.press(' ');
    await expect.poll(() => popover.isVisible()).toBe(true);
    await page.close();
  });

  it('answers "bridge not connected" to Probe now, and Copy puts the finding on the clipboard', async () => {
    const page = await open('/generic/plain-pre.html');
    await waitForState(page, 's.idle && s.findings > 0');
    await page.locator('apm-doctor-overlay .marker:not([hidden])').first().click();
    const popover = page.locator('apm-doctor-overlay .popover');
    await popover.locator('button[data-action="probe"]').click();
    await expect.poll(() => popover.locator('.status').textContent()).toContain('Bridge not connected');
    await popover.locator('button[data-action="copy"]').click();
    await expect.poll(() => popover.locator('.status').textContent()).toContain('Copied');
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    expect(clip).toContain('Datadog tracer → Agent connection error');
    expect(clip).toContain('What to do:');
    expect(clip).toContain(server.url('/generic/plain-pre.html'));
    await page.close();
  });

  it('keeps its own styles: page CSS does not reach the popover, and dark mode is respected', async () => {
    const dark = await ext.context.newPage();
    await dark.emulateMedia({colorScheme: 'dark'});
    await dark.goto(server.url('/generic/plain-pre.html'));
    await dark.addStyleTag({content: 'button, div, h2 { background: rgb(255, 0, 0) !important; color: rgb(0, 255, 0) !important; font-size: 40px !important; }'});
    await waitForState(dark, 's.idle && s.findings > 0');
    await dark.locator('apm-doctor-overlay .marker:not([hidden])').first().click();
    const popover = dark.locator('apm-doctor-overlay .popover');
    await expect.poll(() => popover.isVisible()).toBe(true);
    const bg = await popover.evaluate((el) => getComputedStyle(el).backgroundColor);
    const h2 = await popover.locator('h2').evaluate((el) => getComputedStyle(el).fontSize);
    expect(bg).toBe('rgb(31, 41, 55)');
    expect(h2).toBe('15px');
    await dark.close();
  });
});

describe('lifetime', () => {
  it('restores the page when its life ends (the user disables the site): no highlight, no overlay, badge cleared', async () => {
    const page = await open('/generic/plain-pre.html');
    const state = await waitForState(page, 's.idle && s.findings > 0 && s.tabId !== null');
    const tabId = state.tabId ?? -1;
    expect((await pageHighlights(page)).length).toBeGreaterThan(0);
    expect(await page.locator('apm-doctor-overlay').count()).toBe(1);
    await waitForBadge(ext.sw, tabId, String(state.findings));
    // The same teardown runs when the extension is disabled or updated (the port dies and
    // runtime.id goes away). chrome.runtime.reload() has no effect on a --load-extension
    // extension in headless Chromium 156 here, so the site-disable path drives it.
    const answer = await ext.sw.evaluate(
      async (origin) => {
        const api = (globalThis as unknown as {apmDoctorTest: {handleUiRequest: (r: unknown, s: unknown) => Promise<unknown>}}).apmDoctorTest;
        return api.handleUiRequest({v: 1, type: 'ui-site-disable', origin}, {id: chrome.runtime.id, url: chrome.runtime.getURL('popup/index.html')});
      },
      server.origin,
    );
    expect(answer).toEqual({v: 1, type: 'ok'});
    await waitForState(page, 's.dead === true');
    expect(await pageHighlights(page)).toEqual([]);
    expect(await page.locator('apm-doctor-overlay').count()).toBe(0);
    expect(await page.locator('#log').textContent()).toContain('DATADOG TRACER DIAGNOSTIC');
    await waitForBadge(ext.sw, tabId, '');
    await page.close();
  });
});
