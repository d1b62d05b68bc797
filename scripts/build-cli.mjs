// Bundles bridge/cli.ts (and everything it imports from shared/) into one ESM file for
// Node, so `node dist/cli/apm-doctor.mjs` starts fast: one file, no TypeScript at runtime.
import {chmod} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {build} from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function buildCli() {
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: 'bridge/cli.ts',
      outDir: 'dist/cli',
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: false,
      rollupOptions: {
        output: {entryFileNames: 'apm-doctor.mjs', format: 'es', banner: '#!/usr/bin/env node'},
      },
    },
    ssr: {noExternal: true, target: 'node'},
  });
  await chmod(`${root}/dist/cli/apm-doctor.mjs`, 0o755);
}

if (import.meta.url === `file://${process.argv[1]}`) await buildCli();
