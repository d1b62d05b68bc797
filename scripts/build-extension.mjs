// Builds the extension from the one top-level manifest.json:
//   dist/chrome   MV3, background as an ES-module service worker
//   dist/firefox  the same files; manifest with `background.scripts` and a gecko id
//   dist/chrome-test __TEST__ builds: a completion signal for tests,
//                 open shadow roots, and one extra granted host (see testManifest()).
// The content script is ONE classic script (IIFE): content scripts cannot be ES modules.
// The background bundle has no imports left, so it also runs as Firefox's classic script.
// Pages (popup, options, …) are every extension/<name>/index.html that exists; manifest keys
// that name a page which is not in the tree are dropped, so the manifest can list them first.
import {existsSync, readdirSync} from 'node:fs';
import {cp, mkdir, readFile, rm, writeFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {build} from 'vite';
import {writeLocales} from './build-locales.mjs';
import {stripExamples} from './strip-examples.mjs';
import {ICON_SIZES, iconPng} from './extension-icons.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

export const GECKO_ID = 'apm-connection-doctor@apm-doctor';
/** The stand-in for a site the user enabled from the popup (granted only in test builds). */
export const TEST_GRANTED_HOST = 'http://127.0.0.2/*';

/** @param {{test?: boolean, outDir: string}} o */
async function buildScripts({test, outDir}) {
  const common = {
    root,
    configFile: false,
    logLevel: 'warn',
    define: {__TEST__: JSON.stringify(Boolean(test))},
    plugins: [stripExamples()],
  };
  // Content script: one IIFE, no runtime imports.
  await build({
    ...common,
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: !test,
      sourcemap: false,
      copyPublicDir: false,
      lib: {entry: 'extension/content/index.ts', formats: ['iife'], name: 'apmDoctorContent', fileName: () => 'content.js'},
    },
  });
  // Background: one self-contained ES file (no import/export statements remain).
  await build({
    ...common,
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: !test,
      sourcemap: false,
      copyPublicDir: false,
      lib: {entry: 'extension/background/index.ts', formats: ['es'], fileName: () => 'background.js'},
    },
  });
}

/** extension/<name>/index.html → "<name>/index.html" */
export function findPages() {
  return readdirSync(`${root}/extension`, {withFileTypes: true})
    .filter((d) => d.isDirectory() && existsSync(`${root}/extension/${d.name}/index.html`))
    .map((d) => `${d.name}/index.html`);
}

/**
 * Preact's only HTML sink is `dom.innerHTML = props.dangerouslySetInnerHTML.__html`. Our code never
 * passes that prop (lint bans it), so the sink becomes a throw: no page, log or agent text can ever
 * be parsed as HTML by the popup/options, and `web-ext lint` has no UNSAFE_VAR_ASSIGNMENT to report.
 */
function preactWithoutHtmlSink() {
  return {
    name: 'preact-without-html-sink',
    transform(code, id) {
      if (!/node_modules[\\/]preact[\\/]dist[\\/]preact\.m?js$/.test(id)) return null;
      const sink = /\b[\w$]+\.innerHTML=[\w$]+\.__html\b/g;
      const found = code.match(sink)?.length ?? 0;
      if (found !== 1) throw new Error(`preact-without-html-sink: expected 1 innerHTML sink in ${id}, found ${found} (Preact changed: review it)`);
      return {code: code.replace(sink, '(()=>{throw new TypeError("dangerouslySetInnerHTML is disabled")})()'), map: null};
    },
  };
}

async function buildPages({test, outDir, pages}) {
  if (!pages.length) return;
  await build({
    root: `${root}/extension`,
    configFile: false,
    logLevel: 'warn',
    base: '/',
    plugins: [preactWithoutHtmlSink(), stripExamples()],
    define: {__TEST__: JSON.stringify(Boolean(test))},
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: !test,
      copyPublicDir: false,
      modulePreload: false,
      rollupOptions: {input: Object.fromEntries(pages.map((p) => [p.split('/')[0], `${root}/extension/${p}`]))},
    },
  });
}

/** Drops manifest references to pages that were not built. */
function pruneMissingPages(manifest, pages) {
  const m = structuredClone(manifest);
  if (m.action?.default_popup && !pages.includes(m.action.default_popup)) delete m.action.default_popup;
  if (m.options_ui?.page && !pages.includes(m.options_ui.page)) delete m.options_ui;
  return m;
}

export function chromeManifest(base, {version, pages}) {
  return {...pruneMissingPages(base, pages), version};
}

/** Firefox MV3's default extension-page policy minus `upgrade-insecure-requests`. */
export const FIREFOX_EXTENSION_PAGES_CSP = "script-src 'self'";

export function firefoxManifest(chrome) {
  const m = structuredClone(chrome);
  delete m.minimum_chrome_version;
  m.background = {scripts: [chrome.background.service_worker]};
  // Firefox's default MV3 policy for extension pages adds `upgrade-insecure-requests`, which
  // turns ws://127.0.0.1 into wss:// (a TLS hello the bridge can't answer: seen with Firefox ESR
  // 153, test/browser/firefox-websocket.test.ts). The same policy without the upgrade.
  m.content_security_policy = {extension_pages: FIREFOX_EXTENSION_PAGES_CSP};
  m.browser_specific_settings = {
    gecko: {
      id: GECKO_ID,
      // 140 (ESR): the CSS Custom Highlight API and data_collection_permissions both arrived in 140,
      // after MV3 optional_host_permissions, scripting.registerContentScripts and storage.session.
      strict_min_version: '140.0',
      // Firefox asks every new add-on to declare what it collects: nothing leaves the browser
      // except to the user's own local bridge.
      data_collection_permissions: {required: ['none']},
    },
    // Firefox for Android understands data_collection_permissions from 142.
    gecko_android: {strict_min_version: '142.0'},
  };
  return m;
}

export function testManifest(chrome) {
  const m = structuredClone(chrome);
  // permissions.request() needs a user gesture on browser UI that headless tests cannot give,
  // so test builds hold one granted host standing in for "a site the user enabled".
  m.host_permissions = [TEST_GRANTED_HOST];
  return m;
}

async function writeCommonFiles(outDir, tables) {
  await mkdir(`${outDir}/icons`, {recursive: true});
  for (const size of ICON_SIZES) await writeFile(`${outDir}/icons/${size}.png`, iconPng(size));
  await cp(`${root}/extension/content/content.css`, `${outDir}/content.css`);
  await writeLocales(outDir, tables);
}

async function readJson(path) {
  return JSON.parse(await readFile(path, 'utf8'));
}

/**
 * @param {{only?: 'test', outRoot?: string}} [opts] `only: 'test'` builds just dist/chrome-test
 *   (what the browser tests load); by default dist/chrome, dist/firefox and dist/chrome-test.
 */
export async function buildExtension(opts = {}) {
  const outRoot = opts.outRoot ?? `${root}/dist`;
  const base = await readJson(`${root}/manifest.json`);
  const {version} = await readJson(`${root}/package.json`);
  const pages = findPages();
  const {loadTables} = await import('./build-locales.mjs');
  const tables = await loadTables();
  await writeLocales(`${root}/extension`, tables);

  const variants = opts.only === 'test' ? ['test'] : ['release', 'test'];
  for (const variant of variants) {
    const test = variant === 'test';
    const outDir = test ? `${outRoot}/chrome-test` : `${outRoot}/chrome`;
    await rm(outDir, {recursive: true, force: true});
    await mkdir(outDir, {recursive: true});
    await buildScripts({test, outDir});
    await buildPages({test, outDir, pages});
    await writeCommonFiles(outDir, tables);
    const chrome = chromeManifest(base, {version, pages});
    await writeFile(`${outDir}/manifest.json`, `${JSON.stringify(test ? testManifest(chrome) : chrome, null, 2)}\n`);
    if (!test) {
      const ff = `${outRoot}/firefox`;
      await rm(ff, {recursive: true, force: true});
      await cp(outDir, ff, {recursive: true});
      await writeFile(`${ff}/manifest.json`, `${JSON.stringify(firefoxManifest(chrome), null, 2)}\n`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildExtension({only: process.argv.includes('--only-test') ? 'test' : undefined});
}
