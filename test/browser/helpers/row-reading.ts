// The content script's row reading run in a fixture page's own world (row-reading-entry.ts,
// bundled as the content script is built), for tests that compare its paths on one DOM.
import type {Page} from 'playwright-core';
import {build} from 'vite';
import {ROOT} from './build';
import type {RowReading} from './row-reading-entry';

/** The entry as one classic script, as the content script is built. */
export async function bundleEntry(): Promise<string> {
  const out = await build({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    define: {__TEST__: 'true'},
    build: {write: false, minify: false, target: 'es2022', lib: {entry: `${ROOT}/test/browser/helpers/row-reading-entry.ts`, formats: ['iife'], name: 'rowReadingTest'}},
  });
  const first = Array.isArray(out) ? out[0] : out;
  const chunk = first && 'output' in first ? first.output[0] : undefined;
  if (!chunk || chunk.type !== 'chunk') throw new Error('no bundle');
  return chunk.code;
}

/** Calls the bundle's `name` in the page. */
export async function call<K extends keyof RowReading>(page: Page, name: K, ...args: Parameters<RowReading[K]>): Promise<ReturnType<RowReading[K]>> {
  const result = await page.evaluate(
    ({name, args}) => {
      const api = (globalThis as unknown as {rowReading: Record<string, (...a: unknown[]) => unknown>}).rowReading;
      const fn = api[name];
      if (!fn) throw new Error(`no ${name}`);
      return fn(...args);
    },
    {name, args: args as unknown[]},
  );
  return result as ReturnType<RowReading[K]>;
}

