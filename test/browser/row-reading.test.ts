// The content script reads an inline-only row whole (one textContent call, extension/content/
// inline-text.ts) instead of node by node. On a page of row shapes (test/fixtures/pages/generic/
// row-shapes.html), the fast paths must read exactly what the node-by-node paths read: the same
// text for every element, the same engine input, the same findings on the same text offsets;
// and the extension must highlight what the node-by-node pipeline places.
import type {Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {BLOCK_TAGS, OWN_TAG, SKIP_TAGS} from '../../extension/content/dom';
import {INLINE} from '../../extension/content/inline-text';
import type {Launched} from './helpers/extension';
import {launchWithExtension, waitForState} from './helpers/extension';
import {bundleEntry, call} from './helpers/row-reading';
import type {FixtureServer} from './helpers/server';
import {startServer} from './helpers/server';

let server: FixtureServer;
let ext: Launched;
let bundle: string;

beforeAll(async () => {
  [server, ext, bundle] = await Promise.all([startServer(), launchWithExtension(), bundleEntry()]);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

async function open(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(server.url('/generic/row-shapes.html'));
  await page.waitForFunction(() => document.documentElement.dataset.fixtureReady === '1');
  await page.addScriptTag({content: bundle});
  return page;
}

describe('reading inline-only rows whole', () => {
  it('lists as inline only elements that the node-by-node paths read as plain text', () => {
    const special = INLINE.filter((tag) => {
      const upper = tag.toUpperCase();
      return BLOCK_TAGS.has(upper) || SKIP_TAGS.has(upper) || SKIP_TAGS.has(tag) || upper === 'BR' || upper === OWN_TAG || tag.includes('-');
    });
    expect(special).toEqual([]);
  });

  it('rowText reads every element of the page as readRowText does, node by node', async () => {
    const page = await open();
    const rows = await call(page, 'readEveryElement', 'body');
    // Both paths are exercised: many elements are inline-only, many are not.
    expect(rows.filter((r) => r.inlineOnly).length).toBeGreaterThan(20);
    expect(rows.filter((r) => !r.inlineOnly).length).toBeGreaterThan(20);
    for (const r of rows) {
      expect(r.fast, `${r.element} (${r.mode})`).toBe(r.slow);
      expect(r.withNodes, `${r.element} (${r.mode}, with nodes)`).toBe(r.slow);
    }
    const parts = await Promise.all(['#log .row > span', '#log td', '#log .row'].map((s) => call(page, 'readParts', s)));
    for (const p of parts) {
      expect(p.parts).toBeGreaterThan(1);
      expect(p.fast).toBe(p.slow);
    }
    await page.close();
  });

  it('the walk gives the engine the same text and places the same findings on the same offsets', async () => {
    const page = await open();
    const slow = await call(page, 'scanPage', {readWholeBlocks: false, sieveLists: false});
    const fast = await call(page, 'scanPage', {readWholeBlocks: true, sieveLists: false});
    // The page has what the comparison is meant to catch: findings on later lines of a row, and
    // findings whose range spans several text nodes; the fast run read whole rows.
    expect(slow.placed.some((p) => p.lineIndex > 0)).toBe(true);
    expect(slow.placed.some((p) => p.start.split(':')[0] !== p.end.split(':')[0])).toBe(true);
    expect(slow.shadowRoots).toContain('host');
    expect(fast.wholeReads).toBeGreaterThan(10);
    expect(fast.engineInput).toEqual(slow.engineInput);
    expect(fast.placed).toEqual(slow.placed);
    expect(fast.shadowRoots).toEqual(slow.shadowRoots);
    await page.close();
  });

  it('the walk reads the same when it stops and resumes at its clock checks', async () => {
    const page = await open();
    // Ten copies of the rows, so that the walk, which checks the clock every 256 nodes, stops dozens
    // of times; and a block whose own lines sit between rows and skipped elements, so that some
    // stops fall right after a subtree the walk skipped, with a line of text next.
    await page.evaluate(() => {
      const log = document.getElementById('log');
      for (let i = 0; i < 9; i++) if (log) document.body.append(log.cloneNode(true));
      const mixed = document.createElement('div');
      for (let i = 0; i < 300; i++) {
        const row = document.createElement('div');
        row.textContent = `GET /api/items/${i} 200`;
        const script = document.createElement('script');
        script.type = 'text/plain';
        script.textContent = 'DATADOG TRACER DIAGNOSTIC - Agent Error: connect ECONNREFUSED 127.0.0.1:8126';
        mixed.append(row, `DATADOG TRACER DIAGNOSTIC - Agent Error: getaddrinfo ENOTFOUND agent-${i}`, script);
      }
      document.body.append(mixed);
    });
    for (const whole of [false, true]) {
      const once = await call(page, 'scanPage', {readWholeBlocks: whole, sieveLists: false}, false);
      const sliced = await call(page, 'scanPage', {readWholeBlocks: whole, sieveLists: false}, true);
      expect(sliced.slices).toBeGreaterThan(once.slices + 10);
      expect(sliced.engineInput.join('\n')).toBe(once.engineInput.join('\n'));
      expect(sliced.placed).toEqual(once.placed);
    }
    await page.close();
  });

  it('the extension highlights exactly what the node-by-node pipeline places', async () => {
    const page = await open();
    const slow = await call(page, 'scanPage', {readWholeBlocks: false, sieveLists: false});
    expect(slow.placed.length).toBeGreaterThan(10);
    const state = await waitForState(page, `s.idle && s.findings === ${slow.placed.length}`);
    expect([...state.highlighted].sort()).toEqual(slow.placed.map((p) => p.highlighted).sort());
    await page.close();
  });
});
