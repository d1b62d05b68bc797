// The Firefox build (dist/firefox) in real Firefox ESR, headless, through web-ext run: the
// add-on installs with its gecko id and the content script highlights the tracer lines of a
// page. Playwright can't drive stock Firefox, so the page itself reports what it sees
// (CSS.highlights size) to the fixture server. Runs where /usr/bin/firefox-esr is installed
// (Debian's firefox-esr package); elsewhere it is skipped.
import type {ChildProcess} from 'node:child_process';
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {afterAll, describe, expect, it} from 'vitest';
import {ensureReleaseBuild, ROOT} from './helpers/build';
import {expectedHighlights, logLines} from './helpers/expect-engine';
import type {FixtureServer} from './helpers/server';
import {startServer} from './helpers/server';

const FIREFOX = '/usr/bin/firefox-esr';

let server: FixtureServer | undefined;
let runner: ChildProcess | undefined;
let profile: string | undefined;

afterAll(async () => {
  // web-ext runs in its own process group (detached) so Firefox, its child, ends with it.
  if (runner?.pid !== undefined && runner.exitCode === null) {
    const exited = new Promise((resolve) => runner?.once('exit', resolve));
    process.kill(-runner.pid, 'SIGTERM');
    await exited;
  }
  await server?.close();
  if (profile) rmSync(profile, {recursive: true, force: true});
});

describe.skipIf(!existsSync(FIREFOX))('Firefox (web-ext run, headless)', () => {
  it('installs the Firefox build and highlights the tracer lines of a page', {timeout: 120_000}, async () => {
    const {firefox} = ensureReleaseBuild();
    const expected = expectedHighlights(logLines('multi-lang.log', 'node-6.21-dns-unresolvable-host.log').join('\n')).length;
    const reports: {size: number; pwned: number}[] = [];
    let onReport: () => void = () => undefined;
    server = await startServer('127.0.0.1', {
      '/report': (url) => {
        reports.push({size: Number(url.searchParams.get('size')), pwned: Number(url.searchParams.get('pwned'))});
        onReport();
      },
    });
    profile = mkdtempSync(`${tmpdir()}/apm-doctor-ff-`);
    let log = '';
    runner = spawn(
      process.execPath,
      [`${ROOT}/node_modules/web-ext/bin/web-ext.js`, 'run', '--source-dir', firefox, `--firefox=${FIREFOX}`, '--arg=-headless', '--no-input', '--no-reload', `--firefox-profile=${profile}`, '--start-url', server.url('/generic/reporting.html')],
      {cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true},
    );
    // Wait for the page to report every expected highlight and for web-ext to say it installed
    // the add-on (or the run to end): the content script may report before web-ext's line is read.
    await new Promise<void>((resolve, reject) => {
      onReport = () => {
        if (reports.some((r) => r.size === expected) && log.includes('Installed')) resolve();
      };
      const onOutput = (d: Buffer) => {
        log += d.toString();
        onReport();
      };
      runner?.stdout?.on('data', onOutput);
      runner?.stderr?.on('data', onOutput);
      runner?.on('exit', (code) => reject(new Error(`web-ext run exited (${code}):\n${log.slice(-2000)}`)));
      onReport();
    });
    expect(log).toContain('Installed');
    expect(reports.at(-1)?.size).toBe(expected);
    expect(reports.every((r) => r.pwned === 0)).toBe(true);
  });
});
