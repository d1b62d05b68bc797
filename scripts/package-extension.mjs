// npm run package: builds, then zips dist/chrome and dist/firefox into store-ready archives
// (dist/apm-connection-doctor-<version>-{chrome,firefox}.zip) with web-ext's packager, so no zip
// tool is needed on the machine. dist/chrome-test (test hooks) is never packaged.
import {spawnSync} from 'node:child_process';
import {readFileSync, rmSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {buildExtension} from './build-extension.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const {version} = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));

await buildExtension();
for (const browser of ['chrome', 'firefox']) {
  const filename = `apm-connection-doctor-${version}-${browser}.zip`;
  rmSync(`${root}/dist/${filename}`, {force: true});
  const r = spawnSync(process.execPath, [`${root}/node_modules/web-ext/bin/web-ext.js`, 'build', '--source-dir', `dist/${browser}`, '--artifacts-dir', 'dist', '--filename', filename, '--overwrite-dest', '--no-input'], {cwd: root, encoding: 'utf8'});
  if (r.status !== 0) {
    process.stderr.write(r.stderr || r.stdout);
    process.exit(1);
  }
  console.log(`dist/${filename}`);
}
