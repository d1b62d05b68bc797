// Keeps the adapter catalogue honest (STYLE §2): every file in extension/adapters/ is one
// adapter, registered in the exported list, named after its file, with provenance and a fixture
// page modelled on the console (the page names its adapter; content-adapters.test.ts checks in
// Chromium that the content script picks that adapter there).
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {adapters} from '../../extension/adapters/index';

const ROOT = new URL('../..', import.meta.url).pathname;
const files = readdirSync(`${ROOT}/extension/adapters`).filter((f) => f.endsWith('.ts') && !['index.ts', 'types.ts'].includes(f));

describe('console adapters', () => {
  it('the list holds exactly the adapter files, without duplicates', () => {
    expect(adapters.map((a) => `${a.id}.ts`).sort()).toEqual([...files].sort());
    expect(new Set(adapters.map((a) => a.id)).size).toBe(adapters.length);
  });

  it.each(files)('%s exports an adapter whose id is its file name, with selectors, provenance and a fixture page', async (file) => {
    const id = file.replace(/\.ts$/, '');
    const mod = (await import(`../../extension/adapters/${id}.ts`)) as {adapter: (typeof adapters)[number]};
    expect(mod.adapter.id).toBe(id);
    expect(adapters).toContain(mod.adapter);
    expect(mod.adapter.rows.trim()).not.toBe('');
    expect(mod.adapter.signature.trim()).not.toBe('');
    // Signatures are tried on every added element: simple selectors only (see ConsoleAdapter.signature).
    for (const part of mod.adapter.signature.split(',')) expect(part.trim().replace(/\[[^\]]*\]/g, '')).not.toMatch(/[\s>~+]/);
    expect(mod.adapter.modelledOn.length).toBeGreaterThan(20);
    const dir = `${ROOT}/test/fixtures/pages/${id}`;
    expect(existsSync(dir)).toBe(true);
    const pages = readdirSync(dir).filter((f) => f.endsWith('.html'));
    const claiming = pages.filter((p) => readFileSync(`${dir}/${p}`, 'utf8').includes(`<meta name="apm-doctor-adapter" content="${id}">`));
    expect(claiming.length).toBeGreaterThan(0);
    // Each fixture page says what it is modelled on.
    for (const p of claiming) expect(readFileSync(`${dir}/${p}`, 'utf8')).toMatch(/<!-- Modelled on /);
  });

  it('hosts of SaaS consoles are covered by the manifest content script matches', () => {
    const manifest = JSON.parse(readFileSync(`${ROOT}/manifest.json`, 'utf8')) as {content_scripts: {matches: string[]}[]};
    const matches = manifest.content_scripts.flatMap((c) => c.matches);
    const hosts = ['app.datadoghq.com', 'us3.datadoghq.com', 'us5.datadoghq.com', 'app.datadoghq.eu', 'ap1.datadoghq.com', 'ap2.datadoghq.com', 'app.ddog-gov.com', 'console.cloud.google.com', 'github.com'];
    for (const host of hosts) {
      expect(adapters.some((a) => a.hosts.some((h) => h.test(host)))).toBe(true);
      expect(matches.some((m) => m.startsWith(`https://${host}/`))).toBe(true);
    }
    expect(adapters.find((a) => a.id === 'cloudwatch')?.hosts.some((h) => h.test('us-east-1.console.aws.amazon.com'))).toBe(true);
    expect(matches).toContain('https://*.console.aws.amazon.com/*');
  });
});
