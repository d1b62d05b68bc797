// The built extension: one manifest, two browser variants, locales from the shared tables, and
// Mozilla's own linter (web-ext lint, the addons-linter AMO runs) clean on the Firefox build.
import {spawnSync} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import {beforeAll, describe, expect, it} from 'vitest';
import {messages} from '../../shared/i18n/index';
import {rules} from '../../shared/rules/index';
import {recognizers} from '../../shared/tracers/index';
import {stripExamplesFrom} from '../../scripts/strip-examples.mjs';
import {ensureReleaseBuild, ROOT} from '../browser/helpers/build';

interface Manifest {
  name: string;
  default_locale: string;
  background: {service_worker?: string; type?: string; scripts?: string[]};
  browser_specific_settings?: {gecko?: {id?: string}};
  content_scripts: {js: string[]; all_frames: boolean}[];
  permissions: string[];
  optional_host_permissions: string[];
  host_permissions?: string[];
}

let dirs: {chrome: string; firefox: string};
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown;

beforeAll(() => {
  dirs = ensureReleaseBuild();
}, 120_000);

describe('extension build', () => {
  it('writes a Chrome MV3 manifest with an ES-module service worker and the localized name', () => {
    const m = read(`${dirs.chrome}/manifest.json`) as Manifest;
    expect(m.background).toEqual({service_worker: 'background.js', type: 'module'});
    expect(m.name).toBe('__MSG_extName__');
    expect(m.default_locale).toBe('en');
    expect(m.browser_specific_settings).toBeUndefined();
    expect(m.host_permissions).toBeUndefined();
    expect(m.optional_host_permissions).toEqual(['<all_urls>']);
    expect(m.content_scripts[0]?.all_frames).toBe(true);
  });

  it('writes the Firefox variant from the same manifest: background.scripts and a gecko id', () => {
    const ff = read(`${dirs.firefox}/manifest.json`) as Manifest;
    const chrome = read(`${dirs.chrome}/manifest.json`) as Manifest;
    expect(ff.background).toEqual({scripts: ['background.js']});
    expect(ff.browser_specific_settings?.gecko?.id).toMatch(/^[\w.-]+@[\w.-]+$/);
    expect(ff.content_scripts).toEqual(chrome.content_scripts);
    expect(ff.permissions).toEqual(chrome.permissions);
  });

  it('bundles the content script as one classic script and the background with no module imports left', () => {
    const content = readFileSync(`${dirs.chrome}/content.js`, 'utf8');
    const background = readFileSync(`${dirs.chrome}/background.js`, 'utf8');
    for (const code of [content, background]) {
      expect(code).not.toMatch(/^\s*import[\s{*]/m);
      expect(code).not.toMatch(/^\s*export[\s{*]/m);
      expect(code).not.toMatch(/\bimport\(/);
    }
    // The release build carries no test hooks.
    expect(content).not.toContain('data-apm-doctor-test');
    expect(background).not.toContain('apmDoctorTest');
  });

  it('writes _locales/en and _locales/ko with every message, {name} placeholders as Chrome $name$', () => {
    for (const locale of ['en', 'ko'] as const) {
      const out = read(`${dirs.chrome}/_locales/${locale}/messages.json`) as Record<string, {message: string; placeholders?: Record<string, {content: string}>}>;
      expect(Object.keys(out).sort()).toEqual(Object.keys(messages).sort());
      for (const [key, entry] of Object.entries(messages)) {
        const names = [...entry.en.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
        const msg = out[key];
        expect(msg).toBeDefined();
        for (const name of names) expect(msg?.message).toContain(`$${name}$`);
        expect(Object.keys(msg?.placeholders ?? {}).sort()).toEqual([...new Set(names)].sort());
      }
    }
    const badge = (read(`${dirs.chrome}/_locales/ko/messages.json`) as Record<string, {message: string; placeholders?: unknown}>).ui_badge_title;
    expect(badge).toEqual({message: '이 페이지의 트레이서 연결 오류 $count$건', placeholders: {count: {content: '$1'}}});
  });

  // The one warning we can't fix: Preact's renderer (bundled into the popup/options pages)
  // assigns innerHTML in its dangerouslySetInnerHTML branch. Our own code never reaches it: the
  // lint config bans dangerouslySetInnerHTML and every HTML sink in our sources.
  const isPreactInnerHtml = (w: {code: string; file?: string; column?: number}) =>
    w.code === 'UNSAFE_VAR_ASSIGNMENT' && Boolean(w.file) && /e\.innerHTML\s*=\s*\w+\.__html/.test(readFileSync(`${dirs.firefox}/${w.file ?? ''}`, 'utf8').slice(Math.max(0, (w.column ?? 0) - 200), (w.column ?? 0) + 200));

  it('passes web-ext lint on the Firefox build: no errors, no warnings but Preact\'s innerHTML branch', () => {
    const r = spawnSync(process.execPath, [`${ROOT}/node_modules/web-ext/bin/web-ext.js`, 'lint', '--source-dir', dirs.firefox, '--output', 'json', '--no-input'], {encoding: 'utf8', timeout: 120_000});
    const report = JSON.parse(r.stdout) as {summary: {errors: number}; errors: {code: string}[]; warnings: {code: string; file?: string; column?: number}[]};
    expect(report.errors.map((e) => e.code)).toEqual([]);
    expect(report.warnings.filter((w) => !isPreactInnerHtml(w)).map((w) => `${w.code} ${w.file ?? ''}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  }, 120_000);

  it('ships no recogniser or rule examples (test data) in the content script or the CLI, and keeps the engine working without them', () => {
    const sourcesOf = (dir: string) => readdirSync(`${ROOT}/${dir}`).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(`${ROOT}/${dir}/${f}`, 'utf8'));
    const sources = [...sourcesOf('shared/tracers'), ...sourcesOf('shared/rules')];
    const codeOnly = sources.map((src) => stripExamplesFrom(src)).join('\n');
    const shipped = [`${dirs.chrome}/content.js`, ...readdirSync(`${ROOT}/dist/cli/chunks`).map((f) => `${ROOT}/dist/cli/chunks/${f}`)].map((f) => readFileSync(f, 'utf8'));
    const exampleTexts = [...recognizers.flatMap((r) => r.examples.matches.map((m) => m.text)), ...rules.flatMap((r) => r.examples.matches.map((m) => m.text))]
      // 30 characters from the end of each line, where no character needs escaping in a string
      // literal, and that the modules hold nowhere but in their examples.
      .map((t) => t.slice(-40, -10))
      .filter((t) => t.length === 30 && /^[\w .:/=()[\],-]+$/.test(t) && !codeOnly.includes(t));
    expect(exampleTexts.length).toBeGreaterThan(100);
    // The sources do hold them (in their examples): what the bundles are checked for is there to find.
    for (const t of exampleTexts) expect(sources.some((src) => src.includes(t)), t).toBe(true);
    for (const bundle of shipped) for (const t of exampleTexts) expect(bundle.includes(t), t).toBe(false);
  });
});

describe('stripExamplesFrom', () => {
  it('empties every examples object literal, keeping its keys, and nothing else', () => {
    const src = [
      'export const r: R = {',
      "  id: 'x', hints: ['examples: {'],",
      "  examples: {matches: [{text: 'a } b', cause: 'refused'}], ignores: [{text: `c ${'{'}`, why: 'd'}]},",
      "  sources: ['examples'],",
      '  nested: {examples: {matches: [1, 2]}},',
      '};',
    ].join('\n');
    expect(stripExamplesFrom(src)).toBe(
      ["export const r: R = {", "  id: 'x', hints: ['examples: {'],", '  examples: {matches: [], ignores: []},', "  sources: ['examples'],", '  nested: {examples: {matches: []}},', '};'].join('\n'),
    );
    expect(stripExamplesFrom('const a = 1;')).toBe('const a = 1;');
  });
});
