// The list sieve (extension/content/list-sieve.ts) reads a long list of rows in groups and hands
// on only the rows around the engine's anchors. On lists built from every recorded log in
// test/fixtures (multi-line Java/.NET/Python/Node events, config lines before and after bare
// errors, hostile lines) between runs of the app's own lines, the pipeline with the sieve must
// place exactly the findings it places reading every row — in the generic markup and in an
// adapter's (Kubernetes Dashboard), stopped and resumed at every clock check, and after rows
// were removed above the sieve's cursor between two slices — while handing on only a fraction
// of the rows. The loaded extension (sieve on) must highlight the same.
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {ROOT} from './helpers/build';
import type {Launched} from './helpers/extension';
import {launchWithExtension, waitForState} from './helpers/extension';
import {bundleEntry, call} from './helpers/row-reading';
import type {FixtureServer} from './helpers/server';
import {startServer} from './helpers/server';

let server: FixtureServer;
let ext: Launched;
let bundle: string;

/** One engine batch for the whole page (see PipelineOptions.batchChars). */
const ONE_BATCH = 1e9;

function logFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true})
    .flatMap((d) => (d.isDirectory() ? logFiles(join(dir, d.name)) : d.name.endsWith('.log') ? [join(dir, d.name)] : []))
    .sort();
}

/**
 * Every recorded log, each file's lines kept together, between runs of the app's own lines (of
 * lengths that put events at every offset of the sieve's groups), a few blank rows, and each
 * file once more as a single row of many lines. After each file, two events built for the
 * sieve: one whose hint is on an indented line below a first line without any (a test-only
 * recogniser, see row-reading-entry.ts: only a walk back hands that first line on), and a
 * Node error whose first line would be glued to the stack trace of an error a few rows above,
 * were the rows between not there (only the gap line keeps them apart). And a hint below a row
 * of two lines without an anchor, a stack frame and a bare `JobTimeout:` (glued to the frame),
 * whose first line glues to the row above it and whose last line would not: a walk back goes on
 * by a row's first line.
 */
function listLines(): string[] {
  const files = [...logFiles(`${ROOT}/test/fixtures/logs`), ...logFiles(`${ROOT}/test/fixtures/pages/_logs`)];
  const lines: string[] = [];
  let app = 0;
  const filler = (n: number) => {
    for (let k = 0; k < n; k++, app++) lines.push(app % 37 === 5 ? '' : `GET /api/orders/${app} 200 ${app % 40}ms user=${(app * 7919) % 1000}`);
  };
  files.forEach((file, i) => {
    const text = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    filler((i * 7) % 23 + 1);
    lines.push(...text.split(/\r?\n/));
    filler((i * 13) % 41 + 20);
    lines.push(`job ${i} stopped:`, `    step 3: SIEVE-PROBE-8126 (${i})`);
    filler((i * 3) % 13 + 1);
    lines.push('Error: DogStatsDClient: HTTP error from agent: connect ECONNREFUSED 127.0.0.1:8126', '    at /srv/app/node_modules/dd-trace/packages/dd-trace/src/dogstatsd.js:350:13');
    filler((i * 5) % 17 + 1);
    lines.push('Error: connect ECONNREFUSED 127.0.0.1:8126', '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16)');
    filler((i * 11) % 19 + 1);
    lines.push('    at job.run (job.js:3)\nJobTimeout: slot', `    retry ${i}: SIEVE-PROBE-8126`);
    filler((i * 2) % 7 + 1);
    if (text.length < 32_000) lines.push(text);
  });
  filler(40);
  return lines;
}

beforeAll(async () => {
  [server, ext, bundle] = await Promise.all([startServer(), launchWithExtension(), bundleEntry()]);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

async function open(lines: readonly string[]): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(server.url('/generic/row-shapes.html'));
  await page.waitForFunction(() => document.documentElement.dataset.fixtureReady === '1');
  await page.addScriptTag({content: bundle});
  await call(page, 'buildLists', lines);
  return page;
}

// Each test reads two lists of ~10,000 rows several ways (one of them a slice every few groups).
describe('the list sieve', {timeout: 120_000}, () => {
  const lines = listLines();

  it('places what reading every row places, handing on a fraction of the rows (generic markup)', async () => {
    const page = await open(lines);
    const full = await call(page, 'scanPage', {sieveLists: false, probe: true, batchChars: ONE_BATCH});
    const sieved = await call(page, 'scanPage', {sieveLists: true, probe: true, batchChars: ONE_BATCH});
    // What the comparison is meant to catch: many findings, events over several rows, findings on later lines of a row.
    expect(full.placed.length).toBeGreaterThan(100);
    expect(full.placed.some((p) => p.lineIndex > 0)).toBe(true);
    // The events built for the sieve (in both lists): found on their first line, and kept apart.
    const built = 2 * lines.filter((l) => /^job \d+ stopped:$/.test(l)).length;
    expect(full.placed.filter((p) => /job \d+ stopped:$/.test(p.lineText)).length).toBe(built);
    expect(full.placed.filter((p) => p.lineText.endsWith('Error: connect ECONNREFUSED 127.0.0.1:8126')).length).toBeGreaterThanOrEqual(built);
    expect(sieved.placed).toEqual(full.placed);
    expect(sieved.sievesAbandoned).toBe(0);
    expect(sieved.rowsSieved).toBeGreaterThan(lines.length);
    expect(sieved.rowsScanned).toBeLessThan(full.rowsScanned / 2);
    await page.close();
  });

  it('places the same through an adapter, and walks a list whose rows are not the adapter\'s', async () => {
    const page = await open(lines);
    const full = await call(page, 'scanPage', {sieveLists: false, probe: true, batchChars: ONE_BATCH, adapter: 'k8s-dashboard'});
    const sieved = await call(page, 'scanPage', {sieveLists: true, probe: true, batchChars: ONE_BATCH, adapter: 'k8s-dashboard'});
    expect(full.placed.length).toBeGreaterThan(100);
    expect(sieved.placed).toEqual(full.placed);
    // The generic list holds no Kubernetes rows: its sieve gives up at its first anchor and the walk reads it.
    expect(sieved.sievesAbandoned).toBe(1);
    expect(sieved.rowsSieved).toBeGreaterThan(lines.length / 2);
    await page.close();
  });

  it('places the same when it stops and resumes at every clock check, and after rows above its cursor were removed', async () => {
    const page = await open(lines);
    const once = await call(page, 'scanPage', {sieveLists: true, probe: true, batchChars: ONE_BATCH});
    const sliced = await call(page, 'scanPage', {sieveLists: true, probe: true, batchChars: ONE_BATCH}, true);
    expect(sliced.slices).toBeGreaterThan(once.slices + 100);
    expect(sliced.placed).toEqual(once.placed);
    // Between two slices, 300 of the app's rows (each between two more) go from the top of both
    // lists: the rows below move up past the sieve's cursor.
    const moved = await call(page, 'scanPage', {sieveLists: true, probe: true, batchChars: ONE_BATCH}, true, 40);
    const after = await call(page, 'scanPage', {sieveLists: false, probe: true, batchChars: ONE_BATCH});
    expect(moved.restarts).toBeGreaterThan(0);
    expect(moved.placed).toEqual(after.placed);
    await page.close();
  });

  it('is not used on a list with text of its own; finds shadow roots on empty rows', async () => {
    const page = await open(lines);
    await page.evaluate(() => {
      const list = document.getElementById('generic-list');
      const host = document.createElement('div');
      host.id = 'host-row';
      host.attachShadow({mode: 'open'}).textContent = 'DATADOG TRACER DIAGNOSTIC - Agent Error: connect ECONNREFUSED 127.0.0.1:8126';
      list?.children[500]?.after(host);
    });
    const full = await call(page, 'scanPage', {sieveLists: false, probe: true, batchChars: ONE_BATCH});
    const sieved = await call(page, 'scanPage', {sieveLists: true, probe: true, batchChars: ONE_BATCH});
    expect(full.shadowRoots).toContain('host-row');
    expect(sieved.shadowRoots).toEqual(full.shadowRoots);
    expect(sieved.placed).toEqual(full.placed);
    await page.evaluate(() => document.getElementById('generic-list')?.children[700]?.after('DATADOG TRACER DIAGNOSTIC - Agent Error: getaddrinfo ENOTFOUND own-text'));
    const withText = await call(page, 'scanPage', {sieveLists: true, probe: true, batchChars: ONE_BATCH});
    expect(withText.placed.some((p) => p.lineText.includes('own-text'))).toBe(true);
    expect(withText.placed).toEqual((await call(page, 'scanPage', {sieveLists: false, probe: true, batchChars: ONE_BATCH})).placed);
    await page.close();
  });

  it('ends the engine\'s batches only where no event runs on', async () => {
    const page = await open(lines);
    // Findings of the test-only recogniser depend on no context, only on where their events
    // start: a batch ending between an event's two lines would find it on its second.
    const whole = await call(page, 'scanPage', {sieveLists: false, probe: 'only', batchChars: ONE_BATCH});
    const small = await call(page, 'scanPage', {sieveLists: false, probe: 'only', batchChars: 300});
    expect(small.batches).toBeGreaterThan(1000);
    // One event per probe line, in each of the two lists.
    expect(whole.placed.length).toBe(2 * lines.filter((l) => l.includes('SIEVE-PROBE-8126')).length);
    expect(small.placed).toEqual(whole.placed);
    await page.close();
  });

  it('the loaded extension highlights what the pipeline places', async () => {
    const page = await open(lines);
    // The Kubernetes list's signature makes the extension start over with that adapter, on the
    // whole page: the same reading as this one (its batches end where these do).
    const sieved = await call(page, 'scanPage', {adapter: 'k8s-dashboard'});
    expect(sieved.rowsSieved).toBeGreaterThan(lines.length / 2);
    const state = await waitForState(page, `s.idle && s.adapter === 'k8s-dashboard' && s.findings === ${sieved.placed.length}`, 30_000);
    expect([...state.highlighted].sort()).toEqual(sieved.placed.map((p) => p.highlighted).sort());
    await page.close();
  });
});
