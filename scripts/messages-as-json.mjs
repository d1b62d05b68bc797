// A Vite plugin for the CLI bundle: each message table of shared/i18n (`export const xMessages =
// {…}`) ships as `JSON.parse('…')` of the same value. V8 parses a JSON string several times faster
// than the object literal it stands for, and every `apm-doctor diagnose` loads the tables (~160 KB,
// English and Korean): as literals they were about a tenth of what the CLI ran before it read a byte
// of its input (instructions counted under valgrind). The sources stay TypeScript; this only
// changes how the built file spells them.
import {runnerImport} from 'vite';

const TABLE = /[\\/]shared[\\/]i18n[\\/](?!index\.ts$|table\.ts$)[\w-]+\.ts$/;

export function messagesAsJson() {
  return {
    name: 'messages-as-json',
    enforce: 'pre',
    async load(id) {
      if (!TABLE.test(id)) return null;
      const {module} = await runnerImport(id);
      const exports = Object.entries(module);
      if (exports.length === 0 || !exports.every(([, v]) => v !== null && typeof v === 'object')) {
        throw new Error(`messages-as-json: ${id} must export only message tables`);
      }
      return exports.map(([name, value]) => `export const ${name} = /* @__PURE__ */ JSON.parse(${JSON.stringify(JSON.stringify(value))});\n`).join('');
    },
  };
}
