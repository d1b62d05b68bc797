// Bundles bridge/cli.ts (and everything it imports from shared/) into ESM for Node: the entry
// dist/cli/apm-doctor.mjs and one chunk per subcommand (loaded only when it runs). No TypeScript
// at runtime.
import {chmod} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {build} from 'vite';
import {messagesAsJson} from './messages-as-json.mjs';
import {stripExamples} from './strip-examples.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function buildCli() {
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    plugins: [stripExamples(), messagesAsJson()],
    build: {
      ssr: true,
      outDir: 'dist/cli',
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: false,
      rollupOptions: {
        input: {'apm-doctor': 'bridge/cli.ts'},
        output: {
          entryFileNames: '[name].mjs',
          chunkFileNames: 'chunks/[name]-[hash].mjs',
          format: 'es',
          banner: (chunk) => (chunk.name === 'apm-doctor' ? '#!/usr/bin/env node' : ''),
        },
      },
    },
    ssr: {noExternal: true, target: 'node'},
  });
  await chmod(`${root}/dist/cli/apm-doctor.mjs`, 0o755);
}

if (import.meta.url === `file://${process.argv[1]}`) await buildCli();
