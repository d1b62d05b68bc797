// docker/kubectl argument vectors and error handling. No Docker engine or Kubernetes cluster
// runs here: these tests use a fake `docker`/`kubectl` first in PATH that RECORDS ITS ARGV AND
// REPLAYS RECORDED OUTPUTS (test/fixtures/agent/runners/, each with its source). The programs
// that would run inside the container are tested for real in probe-templates.test.ts.
import {spawnSync} from 'node:child_process';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {DETECT_SH} from '../../bridge/exec/scripts';
import {runProbe, ProbeFailure} from '../../bridge/probe/index';
import {installFakeClis, runnerFile, type FakeClis} from './probe-helpers';

const hooks = () => ({signal: new AbortController().signal});
const inner = (name: string) => runnerFile(`inner/${name}`);
const code = (name: string) => Number(spawnSync('cat', [inner(`${name}.code`)], {encoding: 'utf8'}).stdout);
let fake: FakeClis;
beforeAll(() => {
  fake = installFakeClis(['docker', 'kubectl']);
});
afterAll(() => fake.restore());

describe('probe via docker exec (fake docker replaying recorded outputs)', () => {
  it('detects tools, reads the container\'s own DD_* variables, then runs curl there with an argv, never shell text', async () => {
    fake.script([
      {name: 'docker', match: ['sh\u0000-c'], stdoutFile: inner('detect-sh.stdout'), code: 0},
      {name: 'docker', match: ['curl', '/info'], stdoutFile: inner('curl-info-ok.stdout'), stderrFile: inner('curl-info-ok.stderr'), code: code('curl-info-ok')},
    ]);
    const before = fake.calls().length;
    const r = await runProbe(null, {kind: 'docker', container: 'shop-api-1'}, {}, hooks());
    const calls = fake.calls().slice(before);
    expect(calls.map((c) => c.name)).toEqual(['docker', 'docker']);
    expect(calls[0]?.argv).toEqual(['exec', 'shop-api-1', 'sh', '-c', DETECT_SH, 'sh', '/var/run/datadog/apm.socket']);
    const curl = calls[1]?.argv ?? [];
    expect(curl.slice(0, 3)).toEqual(['exec', 'shop-api-1', 'curl']);
    expect(curl.at(-1)).toBe('http://127.0.0.1:18126/info');
    expect(curl).toContain('--noproxy');
    // The target read from the container's env, with the rule that picked it:
    expect(r.target).toMatchObject({rule: 'DD_AGENT_HOST', url: 'http://127.0.0.1:18126', from: {DD_AGENT_HOST: '127.0.0.1', DD_TRACE_AGENT_PORT: '18126'}});
    expect(r.tool).toBe('curl');
    expect(r.vantage).toEqual({kind: 'docker', container: 'shop-api-1'});
    expect(r.info?.version).toBe('7.57.2');
    expect(r.verdict.ok).toBe(true);
  });

  it('write check: curl gets the 0x90 byte through a constant sh script with positional args', async () => {
    fake.script([
      {name: 'docker', match: ['sh\u0000-c\u0000for t in'], stdoutFile: inner('detect-sh.stdout')},
      {name: 'docker', match: ['curl', '/info'], stdoutFile: inner('curl-info-ok.stdout'), stderrFile: inner('curl-info-ok.stderr')},
      {name: 'docker', match: ['/v0.4/traces'], stdoutFile: inner('curl-write-ok.stdout'), stderrFile: inner('curl-write-ok.stderr')},
    ]);
    const before = fake.calls().length;
    const r = await runProbe(null, {kind: 'docker', container: 'web'}, {writeCheck: true}, hooks());
    const write = fake.calls().slice(before)[2]?.argv ?? [];
    expect(write.slice(0, 6)).toEqual(['exec', 'web', 'sh', '-c', `printf '\\220' | exec curl "$@"`, 'sh']);
    expect(write).toEqual(expect.arrayContaining(['Content-Type: application/msgpack', 'X-Datadog-Trace-Count: 0', '@-']));
    expect(r.writeCheck).toMatchObject({status: 200, agentVersionHeader: '7.57.2'});
  });

  it('refused inside the container (recorded curl output) → refused, from inside a container', async () => {
    fake.script([
      {name: 'docker', match: ['sh\u0000-c'], stdout: '@@apmdoctor tool curl\n@@apmdoctor env\nDD_AGENT_HOST=127.0.0.1\nDD_TRACE_AGENT_PORT=18127\n'},
      {name: 'docker', match: ['curl'], stdoutFile: inner('curl-info-refused.stdout'), stderrFile: inner('curl-info-refused.stderr'), code: code('curl-info-refused')},
    ]);
    const r = await runProbe(null, {kind: 'docker', container: 'web'}, {}, hooks());
    expect(r.tcp).toEqual([expect.objectContaining({address: '127.0.0.1', ok: false, error: expect.objectContaining({code: 'ECONNREFUSED'})})]);
    expect(r.verdict).toMatchObject({ok: false, cause: 'refused', rule: 'localhost-in-container'});
  });

  it('an explicit target is validated before anything runs, and passed as one argv element', async () => {
    fake.script([
      {name: 'docker', match: ['for t in curl'], stdout: '@@apmdoctor tool wget\n@@apmdoctor env\n'},
      {name: 'docker', match: ['wget'], stdoutFile: inner('wget-info-refused.stdout'), stderrFile: inner('wget-info-refused.stderr'), code: code('wget-info-refused')},
    ]);
    const before = fake.calls().length;
    await expect(runProbe('http://x:1;reboot', {kind: 'docker', container: 'web'}, {}, hooks())).rejects.toMatchObject({code: 'bad-target'});
    const r = await runProbe('datadog-agent:8126', {kind: 'docker', container: 'web'}, {}, hooks());
    const wget = fake.calls().slice(before).find((c) => c.argv.includes('-S'))?.argv ?? [];
    expect(wget.at(-1)).toBe('http://datadog-agent:8126/info');
    expect(r.tool).toBe('wget');
    expect(r.verdict.cause).toBe('refused');
  });

  it.each([
    ['docker-no-such-container.stderr', 1, 'target-not-found'],
    ['docker-daemon-down.stderr', 1, 'runner-unreachable'],
  ])('docker printing %s → ProbeFailure %s', async (file, exit, failure) => {
    fake.script([{name: 'docker', stderrFile: runnerFile(file), code: exit}]);
    const err = await runProbe(null, {kind: 'docker', container: 'gone'}, {}, hooks()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProbeFailure);
    expect((err as ProbeFailure).code).toBe(failure);
  });

  it('no shell and no tool in the image (recorded OCI "executable file not found") → no-tool, after trying node and python3', async () => {
    fake.script([{name: 'docker', stderrFile: runnerFile('docker-exec-not-found.stderr'), code: 126}]);
    const before = fake.calls().length;
    await expect(runProbe(null, {kind: 'docker', container: 'distroless'}, {}, hooks())).rejects.toMatchObject({code: 'no-tool'});
    expect(fake.calls().slice(before).map((c) => c.argv[2])).toEqual(['sh', 'node', 'python3']);
  });
});

describe('probe via kubectl exec (fake kubectl replaying recorded outputs)', () => {
  it('builds `kubectl --context C exec -n NS POD -c CONTAINER -- …`', async () => {
    fake.script([
      {name: 'kubectl', match: ['sh\u0000-c'], stdout: '@@apmdoctor tool node\n@@apmdoctor env\nDD_AGENT_HOST=10.0.3.7\n'},
      {name: 'kubectl', match: ['node'], stdout: '@@apmdoctor-json {"tool":"node","dns":{"addresses":[{"address":"10.0.3.7","family":4}],"ms":0,"error":null},"tcp":[{"address":"10.0.3.7","family":4,"port":8126,"ok":false,"ms":2000,"error":{"code":"TIMEOUT","message":"connect timed out after 2000 ms"}}],"unix":null,"http":null,"write":null}\n'},
    ]);
    const before = fake.calls().length;
    const r = await runProbe(null, {kind: 'k8s', pod: 'web-7d9f', namespace: 'shop', container: 'app', context: 'prod-eks'}, {}, hooks());
    const calls = fake.calls().slice(before);
    expect(calls[0]?.argv.slice(0, 10)).toEqual(['--context', 'prod-eks', 'exec', '-n', 'shop', 'web-7d9f', '-c', 'app', '--', 'sh']);
    expect(calls[1]?.argv.slice(8, 12)).toEqual(['--', 'node', '-e', expect.stringContaining("require('net')")]);
    expect(calls[1]?.argv.slice(-8)).toEqual(['tcp', '10.0.3.7', '8126', '', '2000', '2000', '0', String(1 << 20)]);
    expect(r.target.rule).toBe('DD_AGENT_HOST');
    expect(r.verdict).toMatchObject({ok: false, cause: 'timeout', rule: 'network-timeout'});
  });

  it.each([
    ['kubectl-pod-not-found.stderr', 1, 'target-not-found'],
    ['kubectl-no-server.stderr', 1, 'runner-unreachable'],
    ['kubectl-context-missing.stderr', 1, 'runner-unreachable'],
  ])('kubectl printing %s → ProbeFailure %s', async (file, exit, failure) => {
    fake.script([{name: 'kubectl', stderrFile: runnerFile(file), code: exit}]);
    await expect(runProbe(null, {kind: 'k8s', pod: 'web'}, {}, hooks())).rejects.toMatchObject({code: failure});
  });

  it.each(['kubectl-exec-not-found.stderr', 'kubectl-containerd-exec-not-found.stderr'])('%s (no tool in the pod, runc and containerd wording) → no-tool', async (file) => {
    fake.script([{name: 'kubectl', stderrFile: runnerFile(file), code: 126}]);
    await expect(runProbe(null, {kind: 'k8s', pod: 'web'}, {}, hooks())).rejects.toMatchObject({code: 'no-tool'});
  });
});

describe('the real docker and kubectl CLIs, where installed (no engine/cluster here)', () => {
  const has = (bin: string) => spawnSync('sh', ['-c', 'command -v "$1"', 'sh', bin]).status === 0;
  it('a missing runner is runner-missing', async () => {
    const saved = process.env['PATH'];
    process.env['PATH'] = '/nonexistent';
    try {
      await expect(runProbe(null, {kind: 'docker', container: 'web'}, {}, hooks())).rejects.toMatchObject({code: 'runner-missing'});
      await expect(runProbe(null, {kind: 'k8s', pod: 'web'}, {}, hooks())).rejects.toMatchObject({code: 'runner-missing'});
    } finally {
      process.env['PATH'] = saved;
    }
  });

  for (const bin of ['docker', 'kubectl'] as const) {
    it.runIf(has(bin))(`real ${bin} without an engine/cluster → runner-unreachable (runs only where ${bin} is installed)`, async () => {
      const saved = process.env['PATH'];
      process.env['PATH'] = (saved ?? '').split(':').filter((d) => d !== fake.dir).join(':');
      try {
        const v = bin === 'docker' ? ({kind: 'docker', container: 'apmdoc-no-such-container'} as const) : ({kind: 'k8s', pod: 'apmdoc-no-such-pod', context: 'apmdoc-no-such-context'} as const);
        const err = (await runProbe(null, v, {}, hooks()).catch((e: unknown) => e)) as ProbeFailure;
        expect(err).toBeInstanceOf(ProbeFailure);
        // No engine/cluster here; where one exists, the made-up name is simply not found.
        expect(['runner-unreachable', 'target-not-found']).toContain(err.code);
      } finally {
        process.env['PATH'] = saved;
      }
    });
  }
});
