// The popup and options pages of the built extension (dist/chrome-test) in real headless
// Chromium, with the REAL bridge: `apm-doctor bridge --port 0` from dist/cli in a child process,
// its stdout read for the port and the one-time code, as a user would. Behind it:
//   - a stand-in trace-agent answering `/info` with the recorded 7.57.2 payload
//     (test/fixtures/agent/fake-agent.mjs → shared/fixtures/agent/info-7.57.2.json);
//   - `agent status`: no Datadog Agent runs here, so a stand-in `datadog-agent` first in the
//     bridge's PATH replays the recorded `status --json` (shared/fixtures/agent/status.json);
//   - secrets planted in the bridge's environment (DD_API_KEY, a proxy password) that the
//     support bundle must not carry.
// The page is real tracer output (dd-trace-js 6.21 refused-connection debug log, ddtrace-py 0.51
// startup diagnostics) with the agent port changed to a port where nothing listens, so every
// probe of a finding's target has a definite verdict.
import {spawn, spawnSync, type ChildProcessWithoutNullStreams} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import {createServer as createHttpServer, type Server} from 'node:http';
import {createServer as createNetServer, type AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {BrowserContext, Page, Worker} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {scanText} from '../../shared/engine/api';
import {renderMsg, t} from '../../shared/i18n/index';
import {startFakeAgent, sharedFixtures, type FakeAgent} from '../fixtures/agent/fake-agent.mjs';
import {ROOT} from './helpers/build';
import {launchWithExtension, waitForState} from './helpers/extension';

const CLI = join(ROOT, 'dist/cli/apm-doctor.cjs');
const OUTPUT = join(ROOT, 'test/output');
const PLANTED = {apiKey: 'f00dfeedcafebabe0123456789a1b2c3', proxyPassword: 'Pr0xyPassw0rdPlanted'};
const POPUP_SIZE = {width: 380, height: 560};

// ---- the real bridge ---------------------------------------------------------------------------

function newestTs(dir: string): number {
  let latest = 0;
  for (const e of readdirSync(dir, {withFileTypes: true, recursive: true})) {
    if (e.isFile() && e.name.endsWith('.ts')) latest = Math.max(latest, statSync(join(e.parentPath, e.name)).mtimeMs);
  }
  return latest;
}

/** dist/cli is what users run; rebuild it when bridge/ or shared/ is newer (as test/bridge/server-cli does). */
function ensureCli(): void {
  let built = 0;
  try {
    built = statSync(CLI).mtimeMs;
  } catch {
    /* not built */
  }
  if (built >= Math.max(newestTs(join(ROOT, 'bridge')), newestTs(join(ROOT, 'shared')))) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], {cwd: ROOT, encoding: 'utf8'});
  if (r.status !== 0) throw new Error(`build-cli failed:\n${r.stderr}`);
}

interface Bridge {
  child: ChildProcessWithoutNullStreams;
  port: number;
  code: string;
  log: () => string;
}

function startBridgeCli(env: Record<string, string>): Promise<Bridge> {
  const child = spawn(process.execPath, [CLI, 'bridge', '--port', '0'], {cwd: ROOT, env: {...process.env, ...env}});
  let out = '';
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`the bridge exited (${code}) before printing its address:\n${out}\n${err}`)));
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const port = /ws:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1];
      const code = /\b([A-HJKMNP-TV-Z2-9]{4}-[A-HJKMNP-TV-Z2-9]{4})\b/.exec(out)?.[1];
      if (port && code) resolve({child, port: Number(port), code, log: () => `${out}\n${err}`});
    });
  });
}

/** A stand-in `datadog-agent` first in PATH that replays a recorded `status --json`. */
function fakeAgentCli(dir: string): Record<string, string> {
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  symlinkSync(join(ROOT, 'test/fixtures/agent/runners/fake-cli.mjs'), join(bin, 'datadog-agent'));
  const script = join(dir, 'script.json');
  writeFileSync(script, JSON.stringify([{name: 'datadog-agent', match: ['status', '--json'], stdoutFile: join(sharedFixtures, 'status.json'), code: 0}]));
  return {PATH: `${bin}:${process.env.PATH ?? ''}`, FAKE_CLI_SCRIPT: script, FAKE_CLI_LOG: join(dir, 'calls.jsonl')};
}

async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const {port} = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

// ---- the page with the log ---------------------------------------------------------------------

const RECORDED = [
  readFileSync(join(ROOT, 'test/fixtures/logs/nodejs/dd-trace-js-6.21/refused-default.debug.log'), 'utf8')
    .split('\n')
    .filter((l) => !l.startsWith('Request to the agent'))
    .join('\n'),
  readFileSync(join(ROOT, 'test/fixtures/logs/python/ddtrace-run-0.51.log'), 'utf8'),
].join('\n');

async function servePage(text: string): Promise<{server: Server; url: string}> {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shop-api.log</title></head><body><pre id="log"></pre>
<script>document.getElementById('log').textContent = ${JSON.stringify(text).replace(/</g, '\\u003c')};</script></body></html>`;
  const server = createHttpServer((_req, res) => res.writeHead(200, {'content-type': 'text/html; charset=utf-8'}).end(html));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/shop-api.log`};
}

// ---- the browser -------------------------------------------------------------------------------

interface Browser {
  context: BrowserContext;
  sw: Worker;
  id: string;
  close: () => Promise<void>;
}

async function launch(lang: 'en' | 'ko'): Promise<Browser> {
  const {extensionId, ...rest} = await launchWithExtension({lang});
  return {...rest, id: extensionId};
}

async function openPage(b: Browser, url: string): Promise<{page: Page; tabId: number}> {
  const page = await b.context.newPage();
  await page.goto(url);
  const state = await waitForState(page, 's.idle && s.findings > 0 && s.tabId !== null');
  return {page, tabId: state.tabId ?? -1};
}

async function openPopup(b: Browser, tabId: number): Promise<Page> {
  const popup = await b.context.newPage();
  await popup.setViewportSize(POPUP_SIZE);
  await popup.goto(`chrome-extension://${b.id}/popup/index.html?tabId=${tabId}`);
  return popup;
}

const en = (key: string, subs?: Record<string, string>) => t('en', key, subs);

/** The service worker's chrome.* as seen through sw.evaluate (only what these tests call). */
interface SwChrome {
  storage: Record<'local' | 'session', {get: (k: string) => Promise<Record<string, unknown>>; remove: (k: string) => Promise<void>}>;
  i18n: {getUILanguage: () => string};
}

function storageGet(sw: Worker, area: 'local' | 'session', key: string): Promise<Record<string, unknown>> {
  return sw.evaluate(([a, k]) => (globalThis as unknown as {chrome: SwChrome}).chrome.storage[a].get(k), [area, key] as const);
}

// ---- the run -----------------------------------------------------------------------------------

let work: string;
let agent: FakeAgent;
let bridge: Bridge;
let deadPort: number;
let pageText: string;
let site: {server: Server; url: string};

beforeAll(async () => {
  ensureCli();
  work = mkdtempSync(join(tmpdir(), 'apm-doctor-popup-run-'));
  agent = await startFakeAgent();
  deadPort = await closedPort();
  pageText = RECORDED.replace(/8126/g, String(deadPort));
  site = await servePage(pageText);
  bridge = await startBridgeCli({
    APM_DOCTOR_CONFIG_DIR: join(work, 'config'),
    LANG: 'C',
    LC_ALL: '',
    ...fakeAgentCli(work),
    DD_API_KEY: PLANTED.apiKey,
    HTTPS_PROXY: `http://proxyuser:${PLANTED.proxyPassword}@proxy.invalid:3128`,
  });
  mkdirSync(OUTPUT, {recursive: true});
}, 120_000);

afterAll(async () => {
  bridge?.child.kill('SIGTERM');
  await agent?.close();
  await new Promise((r) => site?.server.close(r));
  if (work) rmSync(work, {recursive: true, force: true});
});

describe('the popup in English, with a real bridge', () => {
  let b: Browser;
  let page: Page;
  let tabId: number;
  let popup: Page;

  beforeAll(async () => {
    b = await launch('en');
    ({page, tabId} = await openPage(b, site.url));
  }, 60_000);

  afterAll(async () => {
    await b?.close();
  });

  it('saves the bridge port in the options page', async () => {
    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.id}/options/index.html`);
    await expect.poll(() => options.locator('#port').inputValue()).toBe('17626');
    await options.locator('#port').fill('99999');
    expect(await options.locator('button[type=submit]').first().isDisabled()).toBe(true);
    await options.locator('#port').fill(String(bridge.port));
    await options.locator('button[type=submit]').first().click();
    await expect.poll(() => options.getByRole('status').first().textContent()).toBe(en('options_saved'));
    expect(await storageGet(b.sw, 'local', 'bridgePort')).toEqual({bridgePort: bridge.port});
    await options.close();
  });

  it('adds a site in the options page (its host permission granted) and removes it', async () => {
    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.id}/options/index.html`);
    await expect.poll(() => options.locator('#sites-h').textContent()).toBe(en('options_sites_heading'));
    await options.locator('#site').fill('not a site');
    await options.getByRole('button', {name: en('options_site_add')}).click();
    await expect.poll(() => options.locator('section:has(#sites-h) .note').textContent()).toBe(en('options_site_err_bad'));
    // The test build holds http://127.0.0.2/* (scripts/build-extension.mjs TEST_GRANTED_HOST).
    await options.locator('#site').fill('http://127.0.0.2:8080/some/path');
    await options.getByRole('button', {name: en('options_site_add')}).click();
    await expect.poll(() => options.locator('.sites code').allTextContents()).toEqual(['http://127.0.0.2:8080']);
    await options.getByRole('button', {name: en('options_site_remove_label', {origin: 'http://127.0.0.2:8080'})}).click();
    await expect.poll(() => options.locator('.sites code').count()).toBe(0);
    await options.close();
  });

  it('lists the tab findings grouped by diagnosis, in the engine words, with their lines', async () => {
    popup = await openPopup(b, tabId);
    const expected = scanText(pageText).findings;
    // One card per distinct diagnosis (title, explanation and advice as rendered).
    const diagnoses = new Set(expected.map((f) => JSON.stringify([renderMsg('en', f.diagnosis.title), renderMsg('en', f.diagnosis.explanation), f.diagnosis.advice.map((a) => renderMsg('en', a))])));
    expect(diagnoses.size).toBeGreaterThan(1);
    await expect.poll(() => popup.locator('.card').count()).toBe(diagnoses.size);
    const titles = [...new Set(expected.map((f) => renderMsg('en', f.diagnosis.title)))];
    expect([...new Set(await popup.locator('.card h3').allTextContents())].sort()).toEqual(titles.sort());
    // Most frequent first: the first card counts the most lines.
    const counts = (await popup.locator('.card .count').allTextContents()).map(Number);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    expect(counts.reduce((x, y) => x + y, 0)).toBe(expected.length);
    expect(await popup.getByRole('tab', {name: en('popup_tab_findings', {count: String(expected.length)})}).getAttribute('aria-selected')).toBe('true');
    const lines = await popup.locator('.card .line').allTextContents();
    expect(lines.some((l) => l.includes(`ECONNREFUSED 127.0.0.1:${deadPort}`))).toBe(true);
    // Advice is rendered text for each group.
    expect(await popup.locator('.card .advice li').count()).toBeGreaterThan(0);
  });

  it('"Show" scrolls the page to the line and opens its popover', async () => {
    const popover = page.locator('apm-doctor-overlay .popover');
    expect(await popover.isVisible()).toBe(false);
    await popup.locator('.card button[data-action=jump]').first().click();
    await expect.poll(() => popover.isVisible()).toBe(true);
    const first = (await popup.locator('.card h3').first().textContent()) ?? '';
    expect(await popover.locator('h2').textContent()).toBe(first);
    await expect.poll(() => popup.locator('.jump-note').textContent()).toBe(en('popup_jumped'));
  });

  it('moves between tabs with the arrow keys', async () => {
    await popup.getByRole('tab', {selected: true}).focus();
    await popup.keyboard.press('ArrowRight');
    expect(await popup.getByRole('tab', {selected: true}).textContent()).toBe(en('popup_tab_probe'));
    await popup.keyboard.press('End');
    expect(await popup.getByRole('tab', {selected: true}).textContent()).toBe(en('popup_tab_paste'));
    await popup.keyboard.press('Home');
    expect(await popup.getByRole('tab', {selected: true}).textContent()).toBe(en('popup_tab_findings', {count: String(scanText(pageText).findings.length)}));
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab');
  });

  it('pairs with the code the bridge printed', async () => {
    await popup.getByRole('tab', {name: en('popup_tab_probe')}).click();
    await expect.poll(() => popup.locator('.pill').getAttribute('data-state')).toBe('unpaired');
    await popup.locator('#pair-code').fill('ZZZZ-ZZZZ');
    await popup.getByRole('button', {name: en('popup_pair_button')}).click();
    await expect.poll(() => popup.locator('#pair-error').textContent()).toContain(t('en', 'bridge_err_bad_pairing_code', {attemptsLeft: '4'}).slice(0, 20));
    await popup.locator('#pair-code').fill(bridge.code);
    await popup.getByRole('button', {name: en('popup_pair_button')}).click();
    await expect.poll(() => popup.locator('.pill').getAttribute('data-state')).toBe('ready');
    expect(await popup.locator('[data-testid=bridge-ready]').textContent()).toContain(String(bridge.port));
    const stored = await storageGet(b.sw, 'local', 'bridgeToken');
    expect(String(stored.bridgeToken)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('probes the recorded agent with live steps and shows the verdict', async () => {
    // The target field starts with the address the findings name most often.
    const urls = scanText(pageText).findings.map((f) => f.target.url ?? '');
    const mostNamed = [...new Set(urls)].sort((x, y) => urls.filter((u) => u === y).length - urls.filter((u) => u === x).length)[0];
    expect(await popup.locator('#target').inputValue()).toBe(mostNamed);
    expect(mostNamed).toContain(String(deadPort));
    await popup.locator('#target').fill(`http://127.0.0.1:${agent.port ?? 0}`);
    await popup.locator('button[data-action=probe]').click();
    const verdict = popup.locator('[data-testid=verdict]');
    await expect.poll(() => verdict.getAttribute('data-ok'), {timeout: 20_000}).toBe('true');
    expect(await verdict.locator('.verdict-head strong').textContent()).toBe(en('probe_verdict_ok_short'));
    expect(await verdict.textContent()).toContain('7.57.2');
    const steps = await popup.locator('.steps li').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-step')}:${e.getAttribute('data-status')}`));
    expect(steps).toEqual(expect.arrayContaining(['tcp:ok', 'http-info:ok']));
    expect(agent.requests.some((r) => r.url === '/info')).toBe(true);
  });

  it('a refused target gets the engine rule title as its verdict', async () => {
    await popup.locator('#target').fill(`http://127.0.0.1:${deadPort}`);
    await popup.locator('button[data-action=probe]').click();
    const verdict = popup.locator('[data-testid=verdict]');
    await expect.poll(() => verdict.getAttribute('data-ok'), {timeout: 20_000}).toBe('false');
    const rule = (await verdict.getAttribute('data-rule')) ?? '';
    expect(rule).not.toBe('');
    expect(await verdict.locator('.verdict-head strong').textContent()).toBe(en(`rule_${rule.replace(/-/g, '_')}_title`));
  });

  it('validates the container name before anything is sent', async () => {
    await popup.locator('#pv-kind').selectOption('docker');
    await popup.locator('#pv-container').fill('-it --privileged');
    expect(await popup.locator('#pv-container').getAttribute('aria-invalid')).toBe('true');
    expect(await popup.locator('#pv-container-err').textContent()).toBe(en('popup_vantage_err_container'));
    expect(await popup.locator('button[data-action=probe]').isDisabled()).toBe(true);
    await popup.locator('#pv-kind').selectOption('local');
    expect(await popup.locator('button[data-action=probe]').isDisabled()).toBe(false);
  });

  it('shows the parsed APM section of `agent status`', async () => {
    await popup.locator('button[data-action=status]').click();
    const status = popup.locator('[data-testid=apm-status]');
    await expect.poll(() => status.getAttribute('data-state'), {timeout: 20_000}).toBe('running');
    const text = (await status.textContent()) ?? '';
    expect(text).toContain(en('status_state_running'));
    expect(text).toContain(en('status_label_receiver'));
  });

  it('copies a support bundle with the probe and the agent status, and without the planted secrets', async () => {
    await popup.locator('button[data-action=copy-bundle]').click();
    await expect.poll(() => popup.locator('[data-testid=bundle-note]').textContent()).toContain(en('popup_bundle_copied'));
    // CDP can't grant clipboard-read to an extension origin ("opaque"); the clipboard is the
    // browser's, so read it back from the log page's origin instead.
    await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: new URL(site.url).origin});
    await page.bringToFront();
    const md = await page.evaluate(() => navigator.clipboard.readText());
    await popup.bringToFront();
    expect(md).toContain(`ECONNREFUSED 127.0.0.1:${deadPort}`);
    expect(md).toContain(`127.0.0.1:${deadPort}`);
    expect(md).toMatch(/refused|ECONNREFUSED/);
    expect(md).toContain(en('bundle_sec_probe').slice(0, 10));
    expect(md).toContain(en('bundle_sec_status').slice(0, 10));
    // The env snapshot (DD_* variables) came from the bridge's `env`, with the key masked.
    expect(md).toContain('DD_API_KEY');
    expect(md).not.toContain(PLANTED.apiKey);
    expect(md).not.toContain(PLANTED.proxyPassword);
    expect(await popup.locator('[data-testid=bundle-note]').textContent()).toContain(en('popup_bundle_contents', {findings: String(scanText(pageText).findings.length), probe: 'yes', status: 'yes', env: 'yes'}));
  });

  it('saves the bundle as JSON', async () => {
    const download = popup.waitForEvent('download');
    await popup.locator('button[data-action=download-bundle]').click();
    const file = await (await download).path();
    const json = JSON.parse(readFileSync(file, 'utf8')) as {v: number; findings: unknown[]; probe: {verdict: {ok: boolean}} | null};
    expect(json.v).toBe(1);
    expect(json.findings.length).toBeGreaterThan(0);
    expect(json.probe?.verdict.ok).toBe(false);
    expect(readFileSync(file, 'utf8')).not.toContain(PLANTED.apiKey);
  });

  it('diagnoses pasted dd-trace output and pasted `agent status`, without the bridge', async () => {
    await popup.getByRole('tab', {name: en('popup_tab_paste')}).click();
    const dns = readFileSync(join(ROOT, 'test/fixtures/logs/nodejs/dd-trace-js-6.21/dns-unresolvable-host.debug.log'), 'utf8');
    await popup.locator('#paste-text').fill(dns);
    await popup.locator('button[data-action=diagnose]').click();
    const results = popup.locator('[data-testid=paste-results]');
    const expected = [...new Set(scanText(dns).findings.map((f) => renderMsg('en', f.diagnosis.title)))];
    expect(expected.length).toBeGreaterThan(0);
    await expect.poll(() => results.locator('.card h3').allTextContents()).toEqual(expect.arrayContaining(expected));
    expect(await results.textContent()).toContain('datadog-agent.invalid');

    await popup.locator('#paste-text').fill(readFileSync(join(sharedFixtures, 'status-apm-not-running.txt'), 'utf8'));
    await popup.locator('#paste-text').press('Control+Enter');
    await expect.poll(() => results.locator('[data-testid=apm-status]').getAttribute('data-state')).toBe('not-running');
  });

  it('looks right at the popup size (screenshot)', async () => {
    await popup.getByRole('tab', {name: /Findings/}).click();
    await popup.screenshot({path: join(OUTPUT, 'popup-en.png')});
    await popup.getByRole('tab', {name: en('popup_tab_probe')}).click();
    await popup.screenshot({path: join(OUTPUT, 'popup-en-probe.png')});
    // Nothing is wider than the popup: no horizontal scrolling at 380 px.
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(POPUP_SIZE.width);
    await popup.emulateMedia({colorScheme: 'dark'});
    const bg = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(23, 23, 28)');
    await popup.screenshot({path: join(OUTPUT, 'popup-en-dark.png')});
    await popup.emulateMedia({colorScheme: 'light'});
  });

  it('"Probe now" in the page popover reaches the bridge through the background and shows the verdict', async () => {
    await page.bringToFront();
    const popover = page.locator('apm-doctor-overlay .popover');
    if (!(await popover.isVisible())) await page.locator('apm-doctor-overlay .marker:not([hidden])').first().click();
    await expect.poll(() => popover.isVisible()).toBe(true);
    await b.sw.evaluate(() => (globalThis as unknown as {chrome: SwChrome}).chrome.storage.session.remove('lastProbe'));
    await popover.locator('button[data-action=probe]').click();
    const status = popover.locator('.status');
    await expect.poll(() => status.textContent(), {timeout: 20_000}).toMatch(/^Probe: /);
    const last = (await storageGet(b.sw, 'session', 'lastProbe')) as {lastProbe?: {target: {port: number}; verdict: {rule: string}}};
    expect(last.lastProbe?.target.port).toBe(deadPort);
    const rule = last.lastProbe?.verdict.rule ?? '';
    expect(await status.textContent()).toContain(en(`rule_${rule.replace(/-/g, '_')}_title`));
  });
  it('the environment select re-diagnoses the page for this site, and "Auto-detect" undoes it', async () => {
    await popup.bringToFront();
    await popup.getByRole('tab', {name: /Findings/}).click();
    await popup.locator('#env').selectOption('kubernetes');
    // The content script re-scans in animation frames, which run only in a visible tab (the popup overlays a visible one).
    await page.bringToFront();
    await waitForState(page, 's.env === "kubernetes"');
    await popup.bringToFront();
    const k8s = scanText(pageText, {env: 'kubernetes'}).findings;
    const titles = [...new Set(k8s.map((f) => renderMsg('en', f.diagnosis.title)))].sort();
    await expect.poll(async () => [...new Set(await popup.locator('.card h3').allTextContents())].sort()).toEqual(titles);
    const overrides = (await storageGet(b.sw, 'local', 'envOverrides')).envOverrides as Record<string, string>;
    expect(overrides).toEqual({[new URL(site.url).origin]: 'kubernetes'});
    await popup.locator('#env').selectOption('');
    await page.bringToFront();
    await waitForState(page, 's.env !== "kubernetes"');
    expect((await storageGet(b.sw, 'local', 'envOverrides')).envOverrides).toEqual({});
  });
});

describe('the popup in Korean (browser language ko)', () => {
  let b: Browser;

  beforeAll(async () => {
    b = await launch('ko');
  }, 60_000);

  afterAll(async () => {
    await b?.close();
  });

  it('follows the browser language and shows Korean text', async () => {
    expect(await b.sw.evaluate(() => (globalThis as unknown as {chrome: SwChrome}).chrome.i18n.getUILanguage())).toMatch(/^ko/);
    const {tabId} = await openPage(b, site.url);
    const popup = await openPopup(b, tabId);
    const count = String(scanText(pageText).findings.length);
    await expect.poll(() => popup.getByRole('tab', {selected: true}).textContent()).toBe(t('ko', 'popup_tab_findings', {count}));
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('ko');
    const title = renderMsg('ko', scanText(pageText).findings[0]!.diagnosis.title);
    await expect.poll(() => popup.locator('.card h3').allTextContents()).toContain(title);
    expect(await popup.locator('footer button[data-action=copy-bundle]').textContent()).toBe(t('ko', 'popup_bundle_copy'));
    await popup.screenshot({path: join(OUTPUT, 'popup-ko.png')});
    await popup.getByRole('tab', {name: t('ko', 'popup_tab_probe')}).click();
    await expect.poll(() => popup.locator('.pill').getAttribute('data-state')).toBe('unreachable');
    expect(await popup.locator('[data-testid=bridge-unreachable]').textContent()).toBe(t('ko', 'popup_bridge_unreachable', {port: '17626'}));
    await popup.screenshot({path: join(OUTPUT, 'popup-ko-probe.png')});
  });

  it('the options page switches the language back to English', async () => {
    const options = await b.context.newPage();
    await options.goto(`chrome-extension://${b.id}/options/index.html`);
    await expect.poll(() => options.locator('h1').textContent()).toBe(t('ko', 'options_title'));
    await options.locator('#lang').selectOption('en');
    await expect.poll(() => options.locator('h1').textContent()).toBe(en('options_title'));
    const popup = await b.context.newPage();
    await popup.goto(`chrome-extension://${b.id}/popup/index.html`);
    await expect.poll(() => popup.locator('footer button[data-action=copy-bundle]').textContent()).toBe(en('popup_bundle_copy'));
  });
});

