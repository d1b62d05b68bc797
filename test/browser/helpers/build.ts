// Makes sure dist/chrome-test (the __TEST__ build the browser tests load) is at least as new as
// its sources, building it when it is not, so a browser test file can run alone. `npm test`
// builds first, so there this only checks mtimes. Two test files starting together take turns
// through a lock file.
import {spawnSync} from 'node:child_process';
import {closeSync, existsSync, openSync, readdirSync, rmSync, statSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const TEST_BUILD = `${ROOT}/dist/chrome-test`;
const LOCK = `${ROOT}/dist/.chrome-test.lock`;
const SOURCES = ['extension', 'shared', 'manifest.json', 'scripts/build-extension.mjs', 'scripts/build-locales.mjs', 'package.json'];

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(path, {withFileTypes: true})) {
    if (entry.name === '_locales' || entry.name === 'node_modules') continue;
    max = Math.max(max, newestMtime(`${path}/${entry.name}`));
  }
  return max;
}

function isFresh(dir = TEST_BUILD): boolean {
  const manifest = `${dir}/manifest.json`;
  if (!existsSync(manifest)) return false;
  const built = statSync(manifest).mtimeMs;
  return SOURCES.every((s) => !existsSync(`${ROOT}/${s}`) || newestMtime(`${ROOT}/${s}`) <= built);
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Builds with `args` until `dir` is fresh; one builder at a time across test workers. */
function ensureBuilt(dir: string, args: string[]): string {
  for (let waited = 0; !isFresh(dir); waited += 200) {
    let fd: number;
    try {
      fd = openSync(LOCK, 'wx');
    } catch {
      // Another worker is building: wait for its lock to go (a crashed builder's lock is stale after 2 min).
      if (waited > 120_000) rmSync(LOCK, {force: true});
      Atomics.wait(sleeper, 0, 0, 200);
      continue;
    }
    try {
      const r = spawnSync(process.execPath, ['scripts/build-extension.mjs', ...args], {cwd: ROOT, encoding: 'utf8'});
      if (r.status !== 0) throw new Error(`extension build failed:\n${r.stderr}${r.stdout}`);
    } finally {
      closeSync(fd);
      rmSync(LOCK, {force: true});
    }
  }
  return dir;
}

/** dist/chrome-test, what the browser tests load. */
export function ensureTestBuild(): string {
  return ensureBuilt(TEST_BUILD, ['--only-test']);
}

/** dist/chrome and dist/firefox, the release builds (also refreshes dist/chrome-test). */
export function ensureReleaseBuild(): {chrome: string; firefox: string} {
  ensureBuilt(`${ROOT}/dist/firefox`, []);
  return {chrome: `${ROOT}/dist/chrome`, firefox: `${ROOT}/dist/firefox`};
}
