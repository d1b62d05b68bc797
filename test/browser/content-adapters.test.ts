// Each console adapter on its fixture page (test/fixtures/pages/<adapter>/, modelled on the
// console's real markup) in real Chromium with the built extension: the adapter is picked, the
// highlighted lines are exactly what the engine finds in the rows' messages, virtualised rows
// that are recycled or replaced are rescanned, live tail is never dropped, and the environment
// is read from the page.
import type {Frame, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {adapters} from '../../extension/adapters/index';
import {expectedHighlights, sorted} from './helpers/expect-engine';
import type {Launched} from './helpers/extension';
import {launchWithExtension, waitForBadge, waitForState} from './helpers/extension';
import type {FixtureServer} from './helpers/server';
import {startServer} from './helpers/server';

let server: FixtureServer;
let ext: Launched;

beforeAll(async () => {
  server = await startServer();
  ext = await launchWithExtension();
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

function adapter(id: string) {
  const a = adapters.find((x) => x.id === id);
  if (!a) throw new Error(`no adapter ${id}`);
  return a;
}

async function open(path: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(server.url(path));
  await page.waitForFunction(() => document.documentElement.dataset.fixtureReady === '1');
  return page;
}

/** The messages the adapter's rows show right now, in document order, as the engine will read them. */
async function shownMessages(target: Page | Frame, id: string): Promise<string> {
  const a = adapter(id);
  return target.evaluate(
    ({rows, message}) =>
      [...document.querySelectorAll(rows)]
        .map((row) => {
          const parts = message ? [...row.querySelectorAll(message)] : [row];
          return (parts.length ? parts : [row]).map((p) => p.textContent ?? '').join('\n');
        })
        .join('\n'),
    {rows: a.rows, message: a.message ?? null},
  );
}

async function expectAnnotated(target: Page | Frame, id: string) {
  const expected = expectedHighlights(await shownMessages(target, id));
  expect(expected.length).toBeGreaterThan(0);
  const state = await waitForState(target, `s.idle && s.adapter === ${JSON.stringify(id)} && s.findings === ${expected.length}`);
  expect(sorted(state.highlighted)).toEqual(sorted(expected));
  return state;
}

describe('console adapters', () => {
  it('Datadog Logs: annotates events in the virtualised list, follows recycled rows, keeps the row click', async () => {
    const page = await open('/datadog-logs/explorer.html');
    // The tag chips say Kubernetes (read once they render; the scan restarts with that env).
    expect((await waitForState(page, `s.idle && s.env === "kubernetes"`)).env).toBe('kubernetes');
    const first = await expectAnnotated(page, 'datadog-logs');
    // Scroll: the same 25 <tbody> elements now show other events.
    await page.locator('#viewport').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await page.waitForFunction(() => (window as unknown as {firstVisible: number}).firstVisible > 50);
    await waitForState(page, `s.idle && s.rowsScanned > ${first.rowsScanned}`);
    const after = await expectAnnotated(page, 'datadog-logs');
    expect(after.highlighted).not.toEqual(first.highlighted);
    // The page's own click on a row still opens its side panel. Click a row that is on screen:
    // scrolling an off-screen <tbody> into view makes the list re-render and move it, so a click
    // can press on one row and release on another (the click then goes to neither).
    const onScreen = await page.evaluate(() => {
      const box = document.getElementById('viewport')!.getBoundingClientRect();
      return [...document.querySelectorAll('tbody.log-dt-event')].findIndex((b) => {
        const r = b.getBoundingClientRect();
        return r.top >= box.top && r.bottom <= box.bottom;
      });
    });
    expect(onScreen).toBeGreaterThanOrEqual(0);
    // What the pointer hit, for the failure message.
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as {seen: string[]}).seen = []);
      for (const type of ['mousedown', 'mouseup', 'click', 'scroll']) {
        window.addEventListener(type, (e) => seen.push(`${type}:${(e.target as Element).tagName ?? '#document'}.${(e.target as Element).className ?? ''}`), true);
      }
    });
    await page.locator('tbody.log-dt-event td.dt-event_date').nth(onScreen).click();
    const {opens, seen} = await page.evaluate(() => ({
      opens: (window as unknown as {panelOpens: number}).panelOpens,
      seen: (window as unknown as {seen: string[]}).seen,
    }));
    expect(opens, seen.join(' ')).toBe(1);
    await page.close();
  });

  it('CloudWatch: annotates the events iframe, the badge counts that frame, live tail of 3,000 events loses none', {timeout: 60_000}, async () => {
    const page = await open('/cloudwatch/log-events.html');
    const frame = page.frame({url: /log-events-frame\.html/});
    if (!frame) throw new Error('no CloudWatch iframe');
    await frame.waitForFunction(() => document.documentElement.dataset.fixtureReady === '1');
    const state = await expectAnnotated(frame, 'cloudwatch');
    expect((await waitForState(frame, `s.idle && s.env === "ecs-ec2"`)).env).toBe('ecs-ec2');
    const top = await waitForState(page, 's.idle && s.tabId !== null');
    expect(top.findings).toBe(0);
    const tabId = top.tabId ?? -1;
    await waitForBadge(ext.sw, tabId, String(state.findings));
    // Live tail: 3,000 events in one burst (above the rescan threshold), 30 of them tracer errors.
    await frame.evaluate(() => {
      const lines: string[] = [];
      for (let i = 0; i < 3000; i++) lines.push(i % 100 === 7 ? `DATADOG TRACER DIAGNOSTIC - Agent Error: connect ECONNREFUSED 10.1.0.${i % 250}:8126` : `GET /api/items/${i} 200 3ms`);
      (window as unknown as {liveTail: (l: string[]) => void}).liveTail(lines);
    });
    const tailed = await waitForState(frame, `s.idle && s.findings === ${state.findings + 30}`);
    expect(tailed.rescans).toBeGreaterThanOrEqual(1);
    await waitForBadge(ext.sw, tabId, String(state.findings + 30));
    await page.close();
  });

  it('GCP Logs Explorer: annotates entries in the CDK virtual scroll viewport and reads the k8s resource', async () => {
    const page = await open('/gcp-logging/logs-explorer.html');
    expect((await waitForState(page, `s.idle && s.env === "kubernetes"`)).env).toBe('kubernetes');
    await expectAnnotated(page, 'gcp-logging');
    await page.close();
  });

  it('Grafana Explore: annotates log lines and follows rows react-window mounts while scrolling', async () => {
    const page = await open('/grafana-explore/explore.html');
    expect((await waitForState(page, `s.idle && s.env === "kubernetes"`)).env).toBe('kubernetes');
    const first = await expectAnnotated(page, 'grafana-explore');
    await page.locator('#outer').evaluate((el) => {
      el.scrollTop = el.scrollHeight / 2;
    });
    await waitForState(page, `s.idle && s.rowsScanned > ${first.rowsScanned}`);
    const after = await expectAnnotated(page, 'grafana-explore');
    // react-window replaced the rows: the new ones were read (the log repeats, so the text may not change).
    expect(after.rowsScanned).toBeGreaterThan(first.rowsScanned);
    await page.close();
  });

  it('Kibana Discover: annotates the message column of the data grid, JSON lines included', async () => {
    const page = await open('/kibana-discover/discover.html');
    const state = await expectAnnotated(page, 'kibana-discover');
    expect((await waitForState(page, `s.idle && s.env === "kubernetes"`)).env).toBe('kubernetes');
    expect(state.highlighted.some((t) => t.startsWith('{"log":"DATADOG TRACER DIAGNOSTIC'))).toBe(true);
    await page.close();
  });

  it('Kubernetes Dashboard: annotates pod log lines and lines added by auto-refresh', async () => {
    const page = await open('/k8s-dashboard/logs.html');
    const state = await expectAnnotated(page, 'k8s-dashboard');
    expect((await waitForState(page, `s.idle && s.env === "kubernetes"`)).env).toBe('kubernetes');
    await page.evaluate(() => (window as unknown as {autoRefresh: (l: string[]) => void}).autoRefresh(['GET /health 200', 'DATADOG TRACER DIAGNOSTIC - Agent Error: connect ECONNREFUSED 127.0.0.1:8126']));
    await waitForState(page, `s.idle && s.findings === ${state.findings + 1}`);
    await page.close();
  });

  it('GitHub Actions: reads lines split across ANSI spans, without line numbers or timestamps, and streamed lines', async () => {
    const page = await open('/github-actions/job.html');
    const state = await expectAnnotated(page, 'github-actions');
    expect(state.highlighted.every((t) => !/^\d/.test(t) && !t.includes('2026-11-24T16:45:15.0020000Z'))).toBe(true);
    await page.evaluate(() => (window as unknown as {stream: (l: string[]) => void}).stream(['Error: connect ECONNREFUSED 127.0.0.1:8126', '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16)']));
    const after = await waitForState(page, `s.idle && s.findings === ${state.findings + 1}`);
    expect(after.highlighted).toContain('Error: connect ECONNREFUSED 127.0.0.1:8126');
    await page.close();
  });
});
