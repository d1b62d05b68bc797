// `apm-doctor bundle` as users run it: the built CLI in a child process, with secrets planted in
// its environment, in the agent's config file and in the logs.
import {createServer} from 'node:net';
import {mkdtempSync, mkdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {ensureCliBuilt, runCli} from '../helpers/cli';

const S = {
  ddApiKey: 'f00dfeedcafebabe0123456789a1b2c3',
  ddAppKey: 'abcdef0123456789abcdef0123456789abc9e8f7',
  proxyPassword: 'Pr0xyPassw0rd',
  yamlApiKey: '99999999999999999999999999954321',
  yamlProxyPassword: 'YamlProxyPass',
  bearer: 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.SigNaTuRe',
  urlApiKey: '0123456789abcdef0123456789abcdef',
  probeProxyPassword: 'ProbeProxyPass',
};

const LOG = [
  'INFO checkout listening on :3000',
  `GET https://intake.example/api/v1/validate?api_key=${S.urlApiKey} 403`,
  `outgoing headers: Authorization: Bearer ${S.bearer}`,
  'Error: connect ECONNREFUSED 127.0.0.1:8126',
  '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)',
  'INFO retrying',
  '',
].join('\n');

const YAML = [
  '## the template comments are dropped',
  `api_key: ${S.yamlApiKey}`,
  'site: datadoghq.com',
  'proxy:',
  `  https: http://user:${S.yamlProxyPassword}@proxy.corp:3128`,
  'apm_config:',
  '  enabled: true',
  '  receiver_port: 8127',
  '',
].join('\n');

const ENV = {
  PATH: process.env['PATH'] ?? '/usr/bin:/bin',
  LANG: 'en_US.UTF-8',
  DD_API_KEY: S.ddApiKey,
  DD_APP_KEY: S.ddAppKey,
  DD_SERVICE: 'checkout',
  HTTPS_PROXY: `http://squid-user:${S.proxyPassword}@proxy.corp:3128`,
};

let dir = '';
const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  await ensureCliBuilt();
  dir = mkdtempSync(path.join(tmpdir(), 'apm-doctor-bundle-'));
  writeFileSync(file('app.log'), LOG);
  writeFileSync(file('datadog.yaml'), YAML);
  mkdirSync(file('a-directory'));
});

const bundle = (args: string[], input = LOG, env: NodeJS.ProcessEnv = ENV) => runCli(['bundle', '--agent-config', file('datadog.yaml'), ...args], {input, env});

describe('apm-doctor bundle: no planted secret comes out', () => {
  const formats = [
    {why: 'Markdown from stdin', args: []},
    {why: 'Markdown in Korean', args: ['--lang', 'ko']},
    {why: 'JSON from stdin', args: ['--format', 'json']},
    {why: 'JSON from FILE', args: ['--format', 'json', 'FILE:app.log']},
  ];
  it.each(formats)('$why', async ({args}) => {
    const r = await bundle(args.map((a) => (a.startsWith('FILE:') ? file(a.slice(5)) : a)), args.some((a) => a.startsWith('FILE:')) ? '' : LOG);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const secret of Object.values(S)) expect(r.stdout).not.toContain(secret);
    // Where the agent keeps a key's tail, it's there: 5 characters, as released agents' flares
    // show them, in the scrubbed logs and in the environment snapshot alike.
    expect(r.stdout).toContain(`${'*'.repeat(27)}54321`);
    expect(r.stdout).toContain(`${'*'.repeat(27)}bcdef`);
    expect(r.stdout).toMatch(/\*{8,}1b2c3/);
    expect(r.stdout).toMatch(/\*{8,}9e8f7/);
    // …and what support needs is still readable.
    expect(r.stdout).toContain('squid-user:********@proxy.corp:3128');
    expect(r.stdout).toContain('receiver_port: 8127');
    expect(r.stdout).toContain('ECONNREFUSED 127.0.0.1:8126');
  });

  it('a probe’s output is scrubbed too (proxy credentials the probe reports)', async () => {
    const port = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const a = srv.address();
        srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
      });
    });
    const env = {...ENV, DD_AGENT_HOST: '127.0.0.1', DD_TRACE_AGENT_PORT: String(port), HTTP_PROXY: `http://u:${S.probeProxyPassword}@proxy.corp:3128`};
    const r = await bundle(['--probe', '--format', 'json'], LOG, env);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {probe: {target: {port: number}; verdict: {ok: boolean}} | null};
    expect(json.probe?.target.port).toBe(port);
    expect(json.probe?.verdict.ok).toBe(false);
    for (const secret of Object.values(S)) expect(r.stdout).not.toContain(secret);
  });
});

describe('apm-doctor bundle: content', () => {
  it('JSON: findings with context, the chosen environment, the port and the flare commands', async () => {
    const r = await bundle(['--format', 'json', '--env', 'kubernetes', '--case-id', '4242']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as {
      environment: {chosen: string; effective: string};
      findings: {line: number; cause: string; context: {n: number; text: string; hit: boolean}[]}[];
      agentPort: {nonDefault: number[]};
      flare: {steps: {commands: string[]}[]};
    };
    expect(j.environment).toMatchObject({chosen: 'kubernetes', effective: 'kubernetes'});
    expect(j.findings.length).toBeGreaterThan(0);
    expect(j.findings[0]?.cause).toBe('refused');
    expect(j.findings[0]?.context.filter((c) => c.hit).map((c) => c.n)).toEqual([4, 5]);
    expect(j.agentPort.nonDefault).toEqual([8127]);
    expect(j.flare.steps.flatMap((s) => s.commands)).toContain('kubectl exec -it <AGENT_POD> -c trace-agent -- agent flare 4242 --local');
  });

  it('Markdown headings follow --lang', async () => {
    const en = await bundle([]);
    const ko = await bundle(['--lang', 'ko']);
    expect(en.stdout).toMatch(/^# APM Connection Doctor — support bundle$/m);
    expect(en.stdout).toMatch(/^## \d+\. Send an agent flare$/m);
    expect(ko.stdout).toMatch(/^# APM Connection Doctor — 지원 번들$/m);
    expect(ko.stdout).toMatch(/^## \d+\. Agent 플레어 보내기$/m);
  });

  it('--no-snapshot leaves the environment out and says so', async () => {
    const r = await bundle(['--no-snapshot']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Not collected (no environment snapshot)');
    expect(r.stdout).not.toContain('DD_API_KEY');
  });

  it('an empty log still gives a bundle (environment, config, flare)', async () => {
    const r = await bundle(['--format', 'json'], '');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as {findings: unknown[]}).findings).toEqual([]);
  });
});

describe('apm-doctor bundle: exit 2', () => {
  const bad = [
    {why: 'a missing FILE', args: ['FILE:nope.log'], err: /cannot read .*nope\.log: no such file/},
    {why: 'a directory as FILE', args: ['FILE:a-directory'], err: /cannot read .*a-directory: is a directory/},
    {why: 'an unknown flag', args: ['--frobnicate'], err: /unknown option --frobnicate[\s\S]*usage: apm-doctor bundle/},
    {why: 'a bad --format', args: ['--format', 'html'], err: /--format must be md or json/},
    {why: 'a bad --env', args: ['--env', 'mars'], err: /--env must be one of host, docker/},
    {why: 'a bad --lang', args: ['--lang', 'fr'], err: /--lang must be en or ko/},
    {why: 'a case id that is not a number (it goes into shell commands)', args: ['--case-id', '1;rm -rf /'], err: /--case-id must be the number/},
    {why: 'an unreadable --agent-config the user named', args: ['--agent-config', 'FILE:missing.yaml'], err: /cannot read --agent-config .*missing\.yaml: no such file/},
    {why: 'two files', args: ['a.log', 'b.log'], err: /at most one FILE/},
  ];
  it.each(bad)('$why', async ({args, err}) => {
    const r = await bundle(args.map((a) => (a.startsWith('FILE:') ? file(a.slice(5)) : a)));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(err);
    expect(r.stdout).toBe('');
  });
});
