// Bundles bridge/cli.ts (and everything it imports from shared/) into ESM for Node: the entry
// dist/cli/apm-doctor.mjs and one chunk per subcommand (loaded only when it runs); and
// dist/cli/scan-worker.cjs, the worker thread of `diagnose` on large files, as one CommonJS file:
// a worker whose entry is CommonJS starts without Node's ES module loader, ~8 ms sooner here
// (the worker's start is on the critical path of a two-thread scan). No TypeScript at runtime.
import {chmod} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {build} from 'vite';
import {stripExamples} from './strip-examples.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** One Node bundle into dist/cli: `input` and `output` are what differ between the two. */
function nodeBundle(input, output, emptyOutDir) {
  return build({
    root,
    configFile: false,
    logLevel: 'warn',
    plugins: [stripExamples()],
    build: {ssr: true, outDir: 'dist/cli', emptyOutDir, target: 'node20', minify: false, sourcemap: false, rollupOptions: {input, output}},
    ssr: {noExternal: true, target: 'node'},
  });
}

export async function buildCli() {
  await nodeBundle(
    {'apm-doctor': 'bridge/cli.ts'},
    {
      entryFileNames: '[name].mjs',
      chunkFileNames: 'chunks/[name]-[hash].mjs',
      format: 'es',
      banner: (chunk) => (chunk.name === 'apm-doctor' ? '#!/usr/bin/env node' : ''),
    },
    true,
  );
  await nodeBundle({'scan-worker': 'bridge/scan-worker.ts'}, {entryFileNames: '[name].cjs', format: 'cjs', codeSplitting: false}, false);
  await chmod(`${root}/dist/cli/apm-doctor.mjs`, 0o755);
}

if (import.meta.url === `file://${process.argv[1]}`) await buildCli();
