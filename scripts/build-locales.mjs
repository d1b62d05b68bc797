// Writes Chrome/Firefox `_locales/{en,ko}/messages.json` from the i18n tables in shared/i18n/
// (one source of truth; the tables are TypeScript, loaded through vite's module runner).
// `npm run i18n` refreshes extension/_locales; the extension build writes its own copy too.
import {mkdir, writeFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {runnerImport} from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

/** @returns {Promise<{messages: Record<string, {en: string, ko: string, description?: string}>, LOCALES: readonly string[]}>} */
export async function loadTables() {
  const {module} = await runnerImport(`${root}/shared/i18n/index.ts`, {root, configFile: false, logLevel: 'warn'});
  return module;
}

/**
 * `{name}` → `$name$` with a `placeholders` entry pointing at the positional substitution
 * (`$1`…, in order of first use in the English text, so both locales share the numbering).
 * A literal `$` is written `$$` (chrome.i18n's escape).
 */
export function toChromeMessage(text, order, description) {
  const message = text.replace(/\$/g, '$$$$').replace(/\{(\w+)\}/g, (_whole, name) => `$${name}$`);
  /** @type {{message: string, description?: string, placeholders?: Record<string, {content: string}>}} */
  const out = {message};
  if (description) out.description = description;
  if (order.length) out.placeholders = Object.fromEntries(order.map((name, i) => [name, {content: `$${i + 1}`}]));
  return out;
}

export function placeholderOrder(text) {
  const seen = [];
  for (const m of text.matchAll(/\{(\w+)\}/g)) if (!seen.includes(m[1])) seen.push(m[1]);
  return seen;
}

/** @param {string} dir a folder that will hold `_locales/` */
export async function writeLocales(dir, tables) {
  const {messages, LOCALES} = tables ?? (await loadTables());
  for (const locale of LOCALES) {
    const out = {};
    for (const [key, entry] of Object.entries(messages)) {
      out[key] = toChromeMessage(entry[locale], placeholderOrder(entry.en), entry.description);
    }
    await mkdir(`${dir}/_locales/${locale}`, {recursive: true});
    await writeFile(`${dir}/_locales/${locale}/messages.json`, `${JSON.stringify(out, null, 2)}\n`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await writeLocales(`${root}/extension`);
