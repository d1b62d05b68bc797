// Shared by the probe/status/env tests: a PATH with recording stand-ins for docker/kubectl/agent
// (argv + replay only, see test/fixtures/agent/runners/fake-cli.mjs), and fixture paths.
import {chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** CI lays /work/shared beside the clone as ../shared. */
export const sharedAgentFixtures = resolve(repoRoot, '../shared/fixtures/agent');
export const ourFixtures = resolve(repoRoot, 'test/fixtures/agent');
export const runnersDir = join(ourFixtures, 'runners');

export interface ReplayRule {
  name?: string;
  match?: string[];
  stdout?: string;
  stdoutFile?: string;
  stderr?: string;
  stderrFile?: string;
  code?: number;
}

export interface FakeClis {
  dir: string;
  /** Sets the replay script for the next calls. */
  script(rules: ReplayRule[]): void;
  /** Every call so far: {name, argv}. */
  calls(): {name: string; argv: string[]}[];
  restore(): void;
}

/**
 * Puts recording stand-ins named `names` first in PATH for this test process (vitest runs each
 * file in its own process, so PATH/env changes stay in the file).
 */
export function installFakeClis(names: readonly string[]): FakeClis {
  const dir = mkdtempSync(join(tmpdir(), 'apmdoc-fakecli-'));
  const target = join(runnersDir, 'fake-cli.mjs');
  chmodSync(target, 0o755);
  for (const n of names) symlinkSync(target, join(dir, n));
  const log = join(dir, 'calls.jsonl');
  const scriptFile = join(dir, 'script.json');
  writeFileSync(log, '');
  writeFileSync(scriptFile, '[]');
  const saved = {PATH: process.env['PATH'], FAKE_CLI_LOG: process.env['FAKE_CLI_LOG'], FAKE_CLI_SCRIPT: process.env['FAKE_CLI_SCRIPT']};
  process.env['PATH'] = `${dir}:${saved.PATH ?? ''}`;
  process.env['FAKE_CLI_LOG'] = log;
  process.env['FAKE_CLI_SCRIPT'] = scriptFile;
  return {
    dir,
    script: (rules) => writeFileSync(scriptFile, JSON.stringify(rules)),
    calls: () =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as {name: string; argv: string[]}),
    restore: () => {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      if (existsSync(dir)) rmSync(dir, {recursive: true, force: true});
    },
  };
}

export const runnerFile = (name: string): string => join(runnersDir, name);
export const sharedFixture = (name: string): string => readFileSync(join(sharedAgentFixtures, name), 'utf8');
export const ourFixture = (name: string): string => readFileSync(join(ourFixtures, name), 'utf8');

/** Waits for a condition instead of sleeping (STYLE §12). */
export async function waitFor<T>(check: () => T | null | undefined | false, what: string, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
