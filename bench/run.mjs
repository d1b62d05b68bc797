// npm run bench: runs every bench/*.bench.mjs in turn (each prints its own side-by-side ratios).
// Benchmarks measure against a peer in the same run (grep, curl) because machines here are shared
// and noisy: compare ratios and medians, not absolute times.
import {spawnSync} from 'node:child_process';
import {readdirSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv[2];
let failed = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.bench.mjs')).sort()) {
  if (only && !file.includes(only)) continue;
  console.log(`\n=== ${file}`);
  const r = spawnSync(process.execPath, [`${dir}/${file}`], {stdio: 'inherit'});
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
