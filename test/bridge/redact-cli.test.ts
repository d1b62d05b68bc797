// `apm-doctor redact` as users run it: the built CLI in a child process.
import {spawn} from 'node:child_process';
import {mkdtempSync, mkdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {cliPath, ensureCliBuilt, runCli} from '../helpers/cli';

const API_KEY = 'f00dfeedcafebabe0123456789a1b2c3';
const LOG = [
  'INFO app started',
  `DD_API_KEY=${API_KEY}`,
  'HTTPS_PROXY=http://squid:Pr0xyPassw0rd@proxy.corp:3128',
  'request: Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.SigNaTuRe',
  'Error: connect ECONNREFUSED 127.0.0.1:8126',
  '# a comment line with password=CommentSecret',
  '',
].join('\n');
const SCRUBBED = [
  'INFO app started',
  `DD_API_KEY=${'*'.repeat(27)}1b2c3`,
  'HTTPS_PROXY=http:********@proxy.corp:3128',
  'request: Authorization: "********"',
  'Error: connect ECONNREFUSED 127.0.0.1:8126',
  '# a comment line with password=********',
  '',
].join('\n');

let dir = '';
beforeAll(async () => {
  await ensureCliBuilt();
  dir = mkdtempSync(path.join(tmpdir(), 'apm-doctor-redact-'));
  writeFileSync(path.join(dir, 'app.log'), LOG);
  writeFileSync(path.join(dir, 'crlf.log'), 'a\r\npassword: hunter2\r\n');
  writeFileSync(path.join(dir, 'datadog.yaml'), `# api_key: commented-out-key\napi_key: ${API_KEY}\n\napm_config:\n  enabled: true\n`);
  mkdirSync(path.join(dir, 'a-directory'));
});

describe('apm-doctor redact', () => {
  const ok = [
    {why: 'stdin → stdout, every line kept, secrets masked like the flare (5 characters of an API key kept)', args: [], input: LOG, out: SCRUBBED},
    {why: 'FILE instead of stdin', args: ['FILE:app.log'], input: '', out: SCRUBBED},
    {why: '"-" is stdin', args: ['-'], input: LOG, out: SCRUBBED},
    {why: 'CRLF line ends survive', args: ['FILE:crlf.log'], input: '', out: 'a\r\npassword: "********"\r\n'},
    {why: 'no final newline stays without one', args: [], input: 'token=abc', out: 'token=********'},
    {why: '--config drops # comments like the flare does for datadog.yaml', args: ['--config', 'FILE:datadog.yaml'], input: '', out: `api_key: "${'*'.repeat(27)}1b2c3"\n\napm_config:\n  enabled: true\n`},
    {why: 'empty input, empty output', args: [], input: '', out: ''},
  ];
  it.each(ok)('$why', async ({args, input, out}) => {
    const r = await runCli(['redact', ...args.map((a) => (a.startsWith('FILE:') ? path.join(dir, a.slice(5)) : a))], {input});
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(out);
  });

  const bad = [
    {why: 'a missing FILE is unreadable input', args: ['FILE:nope.log'], err: /cannot read .*nope\.log: no such file/},
    {why: 'a directory is unreadable input', args: ['FILE:a-directory'], err: /cannot read .*a-directory: is a directory/},
    {why: 'an unknown flag is bad usage', args: ['--frobnicate'], err: /unknown option --frobnicate[\s\S]*usage: apm-doctor redact/},
    {why: 'two files are bad usage', args: ['a', 'b'], err: /at most one FILE/},
  ];
  it.each(bad)('exit 2: $why', async ({args, err}) => {
    const r = await runCli(['redact', ...args.map((a) => (a.startsWith('FILE:') ? path.join(dir, a.slice(5)) : a))], {input: LOG});
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(err);
    expect(r.stdout).toBe('');
  });

  it('filters 40 MB in one pass, secrets and all', async () => {
    const block = `${'x'.repeat(90)} ok\nGET /v1/input?api_key=${API_KEY}\n`;
    const input = Buffer.from(block.repeat(Math.ceil((40 << 20) / block.length)));
    const r = await runCli(['redact'], {input});
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(API_KEY);
    expect(r.stdout.length).toBeGreaterThan(input.length - 10 * (input.length / block.length));
    expect(r.stdout.endsWith(`?api_key=${'*'.repeat(27)}1b2c3\n`)).toBe(true);
  }, 120_000);

  it('finishes on binary input (random bytes, NULs, no newlines)', async () => {
    let seed = 7;
    const input = Buffer.alloc(4 << 20);
    for (let i = 0; i < input.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      input[i] = seed >>> 24;
    }
    const r = await runCli(['redact'], {input});
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(0);
  }, 60_000);

  it('stops quietly when its reader goes away (… | apm-doctor redact | head -1)', async () => {
    const child = spawn(process.execPath, [cliPath, 'redact']);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.stdin.on('error', () => {});
    child.stdout.once('data', () => child.stdout.destroy());
    const code = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdin.end(`${'password=x\n'.repeat(1 << 20)}`);
    expect(await code).toBe(0);
    expect(stderr).toBe('');
  });

  it('streams: a line comes out while stdin is still open (kubectl logs -f | apm-doctor redact)', async () => {
    const child = spawn(process.execPath, [cliPath, 'redact']);
    const first = new Promise<string>((resolve) => {
      let got = '';
      child.stdout.on('data', (d: Buffer) => {
        got += d.toString('utf8');
        if (got.includes('\n')) resolve(got);
      });
    });
    child.stdin.write(`DD_API_KEY=${API_KEY}\n`);
    expect(await first).toBe(`DD_API_KEY=${'*'.repeat(27)}1b2c3\n`);
    const code = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdin.end();
    expect(await code).toBe(0);
  });
});
