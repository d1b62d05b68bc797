// `apm-doctor diagnose` as a user runs it: the built CLI in a child process (SPEC §4 contract).
import {spawn, spawnSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {cliPath, ensureCliBuilt, parseNdjson, runCli} from '../helpers/cli';

const REFUSED = [
  'GET /health 200 1ms',
  'Error sending payload to the agent (status code: undefined)',
  'Error: connect ECONNREFUSED 127.0.0.1:8126',
  '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16) {',
  '  errno: -111,',
  "  code: 'ECONNREFUSED',",
  '}',
  'Error: connect ECONNREFUSED 10.0.4.12:5432',
].join('\n');

let dir = '';
beforeAll(async () => {
  await ensureCliBuilt();
  dir = mkdtempSync(join(tmpdir(), 'apm-doctor-cli-'));
});

describe('apm-doctor diagnose', () => {
  it('prints one NDJSON object per finding with the SPEC §4 fields, from stdin', async () => {
    const r = await runCli(['diagnose', '--format', 'json'], {input: REFUSED});
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const [f, ...rest] = parseNdjson(r.stdout);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({line: 2, endLine: 7, lang: 'nodejs', cause: 'refused', target: {url: 'http://127.0.0.1:8126', host: '127.0.0.1', port: 8126, socket: null}});
    expect(typeof f?.['rule']).toBe('string');
    expect(typeof f?.['title']).toBe('string');
    expect(Array.isArray(f?.['advice'])).toBe(true);
    expect((f?.['advice'] as string[]).length).toBeGreaterThan(0);
  });

  it('reads a FILE and gives the same result as stdin', async () => {
    const file = join(dir, 'app.log');
    writeFileSync(file, REFUSED);
    const a = await runCli(['diagnose', '--format', 'json', file]);
    const b = await runCli(['diagnose', '--format', 'json'], {input: REFUSED});
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it('prints nothing on stdout and exits 0 when there is no finding', async () => {
    const r = await runCli(['diagnose', '--format', 'json'], {input: 'Error: connect ECONNREFUSED 10.0.4.12:5432\nall good\n'});
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('renders a readable text report without colour when stdout is not a terminal', async () => {
    const r = await runCli(['diagnose', '--env', 'kubernetes'], {input: REFUSED});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('line 2-7');
    expect(r.stdout).toContain('Node.js');
    expect(r.stdout).toContain('http://127.0.0.1:8126');
    expect(r.stdout).not.toContain('\x1b[');
  });

  it('explains a repeated diagnosis once in text output and points back to it after', async () => {
    const r = await runCli(['diagnose'], {input: `${REFUSED}\n${REFUSED}\n`});
    expect(r.code).toBe(0);
    expect(r.stdout.match(/line \d+(-\d+)? {2}Node\.js/g)).toHaveLength(2);
    expect(r.stdout.match(/→/g)?.length).toBeGreaterThan(0);
    // The advice arrows appear under the first finding only.
    const second = r.stdout.slice(r.stdout.indexOf('line 10-15'));
    expect(second).toMatch(/^line 10-15 .*\n {2}Same diagnosis as line 2 above \[[a-z-]+\]\./);
    expect(second).not.toContain('→');
  });

  it('speaks Korean with --lang ko or a Korean LANG', async () => {
    const a = await runCli(['diagnose', '--lang', 'ko', '--format', 'json'], {input: REFUSED});
    const {LC_ALL: _a, LC_MESSAGES: _m, ...env} = process.env;
    const b = await runCli(['diagnose', '--format', 'json'], {input: REFUSED, env: {...env, LANG: 'ko_KR.UTF-8'}});
    for (const r of [a, b]) expect(String(parseNdjson(r.stdout)[0]?.['title'])).toMatch(/[\uac00-\ud7a3]/);
  });

  it.each([
    [['diagnose', '--format', 'xml'], /--format must be text or json/],
    [['diagnose', '--env', 'mars'], /--env must be one of/],
    [['diagnose', '--bogus'], /unknown option --bogus/],
    [['diagnose', '--format'], /--format needs a value/],
    [['diagnose', 'a.log', 'b.log'], /at most one FILE/],
    [['diagnose', '/nonexistent/app.log'], /cannot read \/nonexistent\/app.log: no such file/],
    [['diagnose', '/tmp'], /cannot read \/tmp: is a directory/],
    [['nosuchcommand'], /usage: apm-doctor/],
  ])('exits 2 with a clear message for %j', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('ends quietly (exit 0, nothing on stderr) when the reader of its NDJSON leaves early, like `| head -1`', async () => {
    const file = join(dir, 'many.log');
    writeFileSync(file, `${Array.from({length: 20_000}, () => REFUSED).join('\n')}\n`);
    const r = await new Promise<{code: number | null; stderr: string; lines: number}>((resolve, reject) => {
      const child = spawn(process.execPath, [cliPath, 'diagnose', '--format', 'json', file], {env: {...process.env, LANG: 'en_US.UTF-8'}});
      let stderr = '';
      let got = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout.once('data', (d: Buffer) => {
        got = d.toString();
        child.stdout.destroy();
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({code, stderr, lines: got.split('\n').length}));
    });
    expect(r.lines).toBeGreaterThan(1);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('survives binary junk and a 2 MB line on stdin', async () => {
    const junk = Buffer.concat([Buffer.from([0, 255, 254, 10, 13, 0x1b]), Buffer.alloc(2 * 1024 * 1024, 0x41), Buffer.from('\nDATADOG TRACER DIAGNOSTIC - Agent Error: connect ECONNREFUSED 127.0.0.1:8126\n')]);
    const r = await runCli(['diagnose', '--format', 'json'], {input: junk});
    expect(r.code).toBe(0);
    expect(parseNdjson(r.stdout).map((f) => f['cause'])).toEqual(['refused']);
  });

  it('gives the same findings on a large file as on stdin from a pipe (read in blocks vs as it comes)', {timeout: 60_000}, async () => {
    // 16 MB: records of an app log with tracer errors spread through it, over many read blocks.
    const lines: string[] = [];
    let expected = 0;
    for (let i = 0; i < 240_000; i++) {
      if (i === 10) lines.push('DATADOG TRACER CONFIGURATION - {"version":"4.55.0","lang":"nodejs","agent_url":"http://10.9.9.9:9126"}');
      if (i % 5000 === 4999) {
        lines.push(REFUSED);
        expected++;
      } else if (i % 7000 === 6999) {
        // A bare error to the custom agent address the config line named: a finding in either half.
        lines.push('Error: connect ECONNREFUSED 10.9.9.9:9126');
        expected++;
      }
      else lines.push(`2026-11-25T10:00:00.000Z INFO  [http] GET /api/orders/${i} 200 12ms user=alice ip=10.1.2.3 path=/v1/cart`);
    }
    const text = `${lines.join('\n')}\n`;
    expect(text.length).toBeGreaterThan(16 * 1024 * 1024);
    const file = join(dir, 'big.log');
    writeFileSync(file, text);
    const a = await runCli(['diagnose', '--format', 'json', file]);
    const b = await runCli(['diagnose', '--format', 'json'], {input: text});
    expect(a.code).toBe(0);
    const findings = parseNdjson(a.stdout);
    expect(findings.length).toBe(expected);
    expect(a.stdout).toBe(b.stdout);
  });

  it('reads stdin from a writer that pauses, a chunk ending inside a UTF-8 character and inside an event', async () => {
    const text = `로그 시작 ✓\n${REFUSED}\n에이전트 ${REFUSED}\n`;
    const bytes = Buffer.from(text);
    // Cut inside the first Korean character and inside the Node error object.
    const cuts = [1, bytes.indexOf(Buffer.from('errno')) + 2, bytes.length];
    const slow = await new Promise<{code: number | null; stdout: string}>((resolve, reject) => {
      const child = spawn(process.execPath, [cliPath, 'diagnose', '--format', 'json'], {env: {...process.env, LANG: 'en_US.UTF-8'}});
      const out: Buffer[] = [];
      child.stdout.on('data', (d: Buffer) => out.push(d));
      child.on('error', reject);
      child.on('close', (code) => resolve({code, stdout: Buffer.concat(out).toString('utf8')}));
      let at = 0;
      const next = (i: number) => {
        const end = cuts[i];
        if (end === undefined) {
          child.stdin.end();
          return;
        }
        child.stdin.write(bytes.subarray(at, end));
        at = end;
        setTimeout(() => next(i + 1), 150);
      };
      next(0);
    });
    const whole = await runCli(['diagnose', '--format', 'json'], {input: text});
    expect(slow.code).toBe(0);
    expect(parseNdjson(slow.stdout).length).toBe(2);
    expect(slow.stdout).toBe(whole.stdout);
  });

  it('shows a finding read from a pipe that stays open (kubectl logs -f), not only at its end', async () => {
    const child = spawn(process.execPath, [cliPath, 'diagnose', '--format', 'json'], {env: {...process.env, LANG: 'en_US.UTF-8'}});
    try {
      let out = '';
      const first = new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString('utf8');
          if (out.includes('\n')) resolve(out);
        });
        child.on('error', reject);
        child.on('close', () => reject(new Error(`exited before any output: ${out}`)));
      });
      // One event, its line after it, and the pipe left open.
      child.stdin.write(`${REFUSED}\nGET /health 200 1ms\n`);
      const line = await Promise.race([first, new Promise<string>((_, reject) => setTimeout(() => reject(new Error('no finding while the pipe is open')), 10_000))]);
      expect(parseNdjson(line)[0]?.['cause']).toBe('refused');
    } finally {
      child.stdin.end();
      child.kill();
    }
  });

  // Node can't hand a child a non-blocking stdin; Python can (os.set_blocking). Whatever starts
  // us may do that, and a blocking read then fails with EAGAIN whenever the writer is behind.
  const python = spawnSync('python3', ['--version']).status === 0;
  it.skipIf(!python)('reads a non-blocking stdin (EAGAIN while the writer is behind) to its end', () => {
    const script = [
      'import os, subprocess, sys, time',
      'r, w = os.pipe()',
      'os.set_blocking(r, False)',
      'p = subprocess.Popen([sys.argv[1], sys.argv[2], "diagnose", "--format", "json"], stdin=r, stdout=subprocess.PIPE)',
      'os.close(r)',
      'data = sys.stdin.buffer.read()',
      // Started, the CLI finds the pipe empty first (Node takes ~0.1 s to start), then often.
      'time.sleep(0.4)',
      'for i in range(0, len(data), 97):',
      '    os.write(w, data[i:i + 97]); time.sleep(0.02)',
      'os.close(w)',
      'sys.stdout.buffer.write(p.stdout.read())',
      'sys.exit(p.wait())',
    ].join('\n');
    const text = `${REFUSED}\n${REFUSED}\n${REFUSED}\n`;
    const r = spawnSync('python3', ['-c', script, process.execPath, cliPath], {input: text, encoding: 'utf8', env: {...process.env, LANG: 'en_US.UTF-8'}});
    expect(r.status).toBe(0);
    expect(parseNdjson(r.stdout).length).toBe(3);
  });
});
