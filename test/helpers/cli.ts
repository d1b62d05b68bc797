// Runs the BUILT CLI (dist/cli/apm-doctor.cjs) as a real child process: what users run.
import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const cliPath = `${repoRoot}dist/cli/apm-doctor.cjs`;
/** ../shared beside the clone (CI lays it there too). */
export const sharedDir = fileURLToPath(new URL('../../../shared/', import.meta.url));

export async function ensureCliBuilt(): Promise<void> {
  if (existsSync(cliPath)) return;
  const {buildCli} = (await import(`${repoRoot}scripts/build-cli.mjs`)) as {buildCli: () => Promise<void>};
  await buildCli();
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], opts: {input?: string | Buffer; env?: NodeJS.ProcessEnv} = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {env: opts.env ?? {...process.env, LANG: 'en_US.UTF-8'}});
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => resolve({code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8')}));
    child.stdin.on('error', () => {});
    child.stdin.end(opts.input ?? '');
  });
}

export function parseNdjson(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
