// collectStatus. No Datadog Agent, Docker engine or cluster runs here: a fake `datadog-agent` /
// `agent` / `docker` / `kubectl` first in PATH RECORDS ITS ARGV AND REPLAYS RECORDED OUTPUTS
// (shared/fixtures/agent and test/fixtures/agent/{status,runners}, each with its source).
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {collectStatus} from '../../bridge/status/index';
import {renderStatusText} from '../../bridge/status/render';
import {installFakeClis, ourFixtures, runnerFile, sharedAgentFixtures, sharedFixture, type FakeClis} from './probe-helpers';

const hooks = () => ({signal: new AbortController().signal});
const shared = (f: string) => join(sharedAgentFixtures, f);
let fake: FakeClis;
let tmp: string;
let notRunningJson: string;
beforeAll(() => {
  fake = installFakeClis(['datadog-agent', 'agent', 'docker', 'kubectl']);
  tmp = mkdtempSync(join(tmpdir(), 'apmdoc-status-'));
  // A whole `status --json` whose trace-agent was unreachable: the recorded header + the recorded {port, error}.
  const whole = JSON.parse(sharedFixture('status.json')) as Record<string, unknown>;
  whole['apmStats'] = (JSON.parse(sharedFixture('status-apmStats-not-running.json')) as {apmStats: unknown}).apmStats;
  notRunningJson = join(tmp, 'status-not-running.json');
  writeFileSync(notRunningJson, JSON.stringify(whole));
});
afterAll(() => {
  fake.restore();
  rmSync(tmp, {recursive: true, force: true});
});
const lastCalls = (n: number) => fake.calls().slice(-n);

describe('agent status on this host (fake datadog-agent replaying recorded outputs)', () => {
  it('runs `datadog-agent status --json` and reads apmStats', async () => {
    fake.script([{name: 'datadog-agent', match: ['status', '--json'], stdoutFile: shared('status.json')}]);
    const r = await collectStatus({kind: 'local'}, hooks());
    expect(lastCalls(1)).toEqual([{name: 'datadog-agent', argv: ['status', '--json']}]);
    expect(r).toMatchObject({format: 'json', agentVersion: '7.81.3', error: null, command: ['datadog-agent', 'status', '--json']});
    expect(r.apm).toMatchObject({state: 'running', receiver: {host: 'localhost', port: 8126}, tracesReceivedLastMinute: 311});
  });

  it('APM not running: state, the debug port 5012, and the note not to point tracers at it', async () => {
    fake.script([{name: 'datadog-agent', match: ['--json'], stdoutFile: notRunningJson}]);
    const r = await collectStatus({kind: 'local'}, hooks());
    expect(r.apm).toMatchObject({state: 'not-running', unreachable: {port: 5012}, unreachableIsDebugPort: true});
    const text = renderStatusText(r, 'en', false);
    expect(text).toMatch(/Port 5012 is the trace-agent's debug port/);
    expect(renderStatusText(r, 'ko', false)).toMatch(/5012 포트는 `agent status`가 읽는 trace-agent 디버그 포트/);
  });

  it('falls back to the text form when --json is refused, and finds the APM section in the whole status', async () => {
    fake.script([
      {name: 'datadog-agent', match: ['--json'], stderr: 'Error: unknown flag: --json\n', code: 1},
      {name: 'datadog-agent', match: ['status'], stdoutFile: join(ourFixtures, 'status/full-status-text-composed.txt')},
    ]);
    const r = await collectStatus({kind: 'local'}, hooks());
    expect(lastCalls(2).map((c) => c.argv)).toEqual([['status', '--json'], ['status']]);
    expect(r).toMatchObject({format: 'text', agentVersion: '7.30.1', error: null});
    expect(r.apm).toMatchObject({state: 'running', pid: 54, receiver: {host: 'localhost', port: 8126}});
    expect(r.rawSection).toMatch(/^Status: Running/);
    expect(renderStatusText(r, 'en', false)).toMatch(/Receiver localhost:8126 accepts connections from this host only/);
  });

  it('tolerates the newest "Status: Unavailable" text', async () => {
    fake.script([
      {name: 'datadog-agent', match: ['--json'], stderr: 'Error: unknown flag: --json\n', code: 1},
      {name: 'datadog-agent', match: ['status'], stdoutFile: join(ourFixtures, 'status/status-apm-unavailable-main-2026.txt')},
    ]);
    const r = await collectStatus({kind: 'local'}, hooks());
    expect(r.apm).toMatchObject({state: 'unavailable', unreachableIsDebugPort: true});
  });

  it('permission denied on auth_token → permission-denied, and what to run instead', async () => {
    fake.script([{name: 'datadog-agent', stderr: 'Error: unable to read authentication token file: open /etc/datadog-agent/auth_token: permission denied\n', code: 1}]);
    const r = await collectStatus({kind: 'local'}, hooks());
    expect(r.error).toMatchObject({code: 'permission-denied', message: {key: 'status_err_permission_here'}, next: {key: 'status_next_permission'}});
    expect(renderStatusText(r, 'en', false)).toMatch(/sudo -u dd-agent datadog-agent status/);
  });

  it('the recorded "no auth_token" error and "Could not reach agent" → agent-unreachable', async () => {
    fake.script([{name: 'datadog-agent', stderrFile: runnerFile('agent-status-no-auth-token.stderr'), code: 1}]);
    expect((await collectStatus({kind: 'local'}, hooks())).error?.code).toBe('agent-unreachable');
    fake.script([
      {
        name: 'datadog-agent',
        stdout: 'Could not reach agent: Get "https://localhost:5001/agent/status": dial tcp 127.0.0.1:5001: connect: connection refused \nMake sure the agent is running before requesting the status and contact support if you continue having issues. \n',
        stderr: 'Error: Get "https://localhost:5001/agent/status": dial tcp 127.0.0.1:5001: connect: connection refused\n',
        code: 1,
      },
    ]);
    const r = await collectStatus({kind: 'local'}, hooks());
    expect(r.error).toMatchObject({code: 'agent-unreachable', next: {key: 'status_next_agent_unreachable'}});
  });

  it('no agent binary anywhere → binary-missing with the next thing to try', async () => {
    const saved = process.env['PATH'];
    process.env['PATH'] = tmp;
    try {
      const r = await collectStatus({kind: 'local'}, hooks());
      expect(r.error).toMatchObject({code: 'binary-missing', message: {key: 'status_err_binary_missing_here'}});
      expect(renderStatusText(r, 'en', false)).toMatch(/--docker AGENT_CONTAINER or --k8s AGENT_POD/);
    } finally {
      process.env['PATH'] = saved;
    }
  });
});

describe('agent status in a container / pod (fake docker/kubectl replaying recorded outputs)', () => {
  it('docker: `docker exec C agent status --json`', async () => {
    fake.script([{name: 'docker', match: ['agent', 'status', '--json'], stdoutFile: shared('status.json')}]);
    const r = await collectStatus({kind: 'docker', container: 'dd-agent'}, hooks());
    expect(lastCalls(1)).toEqual([{name: 'docker', argv: ['exec', 'dd-agent', 'agent', 'status', '--json']}]);
    expect(r).toMatchObject({container: 'dd-agent', format: 'json', apm: {state: 'running'}});
  });

  it('docker: no agent binary in that container (recorded OCI error) → binary-missing after trying each name', async () => {
    fake.script([{name: 'docker', stderrFile: runnerFile('docker-exec-not-found.stderr'), code: 126}]);
    const r = await collectStatus({kind: 'docker', container: 'shop-api'}, hooks());
    expect(r.error?.code).toBe('binary-missing');
    expect(lastCalls(3).map((c) => c.argv[2])).toEqual(['agent', 'datadog-agent', '/opt/datadog-agent/bin/agent/agent']);
  });

  it('k8s: picks the trace-agent container of the agent pod', async () => {
    fake.script([
      {name: 'kubectl', match: ['get', 'pod'], stdout: 'agent trace-agent process-agent'},
      {name: 'kubectl', match: ['exec'], stdoutFile: shared('status.json')},
    ]);
    const r = await collectStatus({kind: 'k8s', pod: 'datadog-agent-x7k2p', namespace: 'datadog', context: 'prod'}, hooks());
    expect(lastCalls(2).map((c) => c.argv)).toEqual([
      ['--context', 'prod', 'get', 'pod', '-n', 'datadog', 'datadog-agent-x7k2p', '-o', 'jsonpath={.spec.containers[*].name}'],
      ['--context', 'prod', 'exec', '-n', 'datadog', 'datadog-agent-x7k2p', '-c', 'trace-agent', '--', 'agent', 'status', '--json'],
    ]);
    expect(r).toMatchObject({container: 'trace-agent', apm: {state: 'running'}});
  });

  it('k8s: a pod with one `agent` container uses it; an explicit -c skips the lookup', async () => {
    fake.script([
      {name: 'kubectl', match: ['get', 'pod'], stdout: 'agent'},
      {name: 'kubectl', match: ['exec'], stdoutFile: shared('status.json')},
    ]);
    expect((await collectStatus({kind: 'k8s', pod: 'datadog-abc'}, hooks())).container).toBe('agent');
    const before = fake.calls().length;
    await collectStatus({kind: 'k8s', pod: 'datadog-abc', container: 'agent'}, hooks());
    expect(fake.calls().slice(before).map((c) => c.argv[0])).toEqual(['exec']);
  });

  it.each([
    ['kubectl-pod-not-found.stderr', 'target-not-found'],
    ['kubectl-no-server.stderr', 'runner-unreachable'],
  ])('k8s: kubectl printing %s → %s', async (file, code) => {
    fake.script([{name: 'kubectl', stderrFile: runnerFile(file), code: 1}]);
    expect((await collectStatus({kind: 'k8s', pod: 'datadog-abc'}, hooks())).error?.code).toBe(code);
  });

  it('bad vantage → thrown as bad input, nothing run', async () => {
    const before = fake.calls().length;
    await expect(collectStatus({kind: 'docker', container: '-v /:/host'}, hooks())).rejects.toMatchObject({code: 'bad-vantage'});
    expect(fake.calls().length).toBe(before);
  });
});
