// Bundles bridge/cli.ts (and everything it imports from shared/) into CommonJS for Node: the
// entry dist/cli/apm-doctor.cjs and one chunk per subcommand (loaded only when it runs, by
// `require`). No TypeScript at runtime.
//
// CommonJS, not ESM: Node starts an ES module entry through its ESM loader, ~10 ms more than a
// CommonJS one, and the same diagnose ran 9–13 ms slower as ES modules on the bench log (wall
// time, medians of alternated runs; fewer page faults and less CPU time as CommonJS too). `ws`,
// a dependency of the package, stays a `require('ws')`: bundled, its CommonJS wrapper put the
// bundler's runtime in the bridge chunk, which every other chunk then loaded.
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
          entryFileNames: '[name].cjs',
          chunkFileNames: 'chunks/[name]-[hash].cjs',
          format: 'cjs',
          banner: (chunk) => (chunk.name === 'apm-doctor' ? '#!/usr/bin/env node' : ''),
        },
      },
    },
    ssr: {noExternal: true, external: ['ws'], target: 'node'},
  });
  await chmod(`${root}/dist/cli/apm-doctor.cjs`, 0o755);
}

if (import.meta.url === `file://${process.argv[1]}`) await buildCli();
