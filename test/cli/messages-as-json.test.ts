// The CLI bundle's message tables, spelt as JSON.parse (scripts/messages-as-json.mjs): the same
// values as the TypeScript tables, every one of them.
import {readdirSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {messages} from '../../shared/i18n/index';
import {messagesAsJson} from '../../scripts/messages-as-json.mjs';

const dir = fileURLToPath(new URL('../../shared/i18n/', import.meta.url));

/** Runs the plugin's module text and gives what it exports. */
function exportsOf(code: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  new Function('out', code.replace(/^export const (\w+) =/gm, 'out.$1 ='))(out);
  return out;
}

describe('messagesAsJson (CLI build)', () => {
  it('spells every message table of shared/i18n as JSON.parse of the same value, and leaves index and table alone', async () => {
    const plugin = messagesAsJson();
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    const plain = ['index.ts', 'table.ts'];
    for (const f of plain) expect(await plugin.load(`${dir}${f}`), f).toBeNull();
    const merged: Record<string, unknown> = {};
    for (const f of files.filter((name) => !plain.includes(name))) {
      const code = await plugin.load(`${dir}${f}`);
      expect(code, f).toMatch(/^export const \w+Messages = \/\* @__PURE__ \*\/ JSON\.parse\("/);
      const tables = exportsOf(code as string);
      const source = (await import(`${dir}${f}`)) as Record<string, unknown>;
      expect(tables, f).toEqual({...source});
      for (const t of Object.values(tables)) Object.assign(merged, t);
    }
    // Together they are the whole table, Korean included.
    expect(merged).toEqual(messages);
  });
});
