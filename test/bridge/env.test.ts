// Environment snapshot: /proc/net parsing on the real /proc (a listener this test opens), the
// inode → process mapping, redaction, container markers, and the in-container path (the real
// SNAPSHOT_SH run here, replayed through a fake `docker` that records argv — no engine here).
import {execFile} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {createServer, type Server} from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {redactValue, redactVars} from '../../shared/env/redact';
import {detectContainer} from '../../bridge/env/container';
import {listenersOn} from '../../bridge/env/listeners';
import {decodeAddress, parseProcNetTcp} from '../../bridge/env/proc-net';
import {portConflict, snapshotEnv, snapshotSections, SOCKET_DIR} from '../../bridge/env/snapshot';
import {snapshotSh} from '../../bridge/exec/templates';
import {installFakeClis, type FakeClis} from './probe-helpers';

const signal = () => new AbortController().signal;
const comm = readFileSync('/proc/self/comm', 'utf8').trim();
const servers: Server[] = [];
async function listen(host: string): Promise<number> {
  const s = createServer();
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, host, r));
  return (s.address() as {port: number}).port;
}
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

describe('/proc/net/tcp{,6} on this machine', () => {
  it('finds the IPv4 listener this test opened, with our pid and process name', async () => {
    const port = await listen('127.0.0.1');
    const {listeners} = await listenersOn([port]);
    expect(listeners).toEqual([{proto: 'tcp', address: '127.0.0.1', port, inode: expect.any(Number), uid: process.getuid?.() ?? 0, pid: process.pid, comm}]);
  });

  it('finds an IPv6 listener on ::1 in /proc/net/tcp6', async () => {
    let port: number;
    try {
      port = await listen('::1');
    } catch {
      return; // no IPv6 loopback in this sandbox: nothing to find
    }
    const {listeners} = await listenersOn([port]);
    expect(listeners.find((l) => l.proto === 'tcp6')).toMatchObject({address: '::1', port, pid: process.pid});
  });

  it('a port nobody listens on has no entry; a non-agent holder of a receiver port is a port conflict', async () => {
    const port = await listen('127.0.0.1');
    const {listeners} = await listenersOn([port, 1]);
    expect(listeners.map((l) => l.port)).toEqual([port]);
    expect(portConflict(listeners, [port])).toEqual({port, holder: comm, pid: process.pid});
    expect(portConflict([{...listeners[0]!, comm: 'trace-agent'}], [port])).toBeNull();
    expect(portConflict(listeners, [8126])).toBeNull();
  });
});

describe('/proc/net parser on recorded samples', () => {
  // Lines in the kernel's format (Documentation/networking/proc_net_tcp.rst): a trace-agent on
  // 0.0.0.0:8126 (0x1FBE), a debug server on 127.0.0.1:5012 (0x1394), an established client.
  const tcp = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000:1FBE 00000000:0000 0A 00000000:00000000 00:00000000 00000000   999        0 41234 1 0000000000000000 100 0 0 10 0
   1: 0100007F:1394 00000000:0000 0A 00000000:00000000 00:00000000 00000000   999        0 41240 1 0000000000000000 100 0 0 10 0
   2: 0100007F:1FBE 0100007F:D2F0 01 00000000:00000000 00:00000000 00000000     0        0 55555 1 0000000000000000 20 4 30 10 -1
garbage line`;
  const tcp6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000001000000:1FBE 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 777 1 0000000000000000 100 0 0 10 0
   1: 0000000000000000FFFF00000100007F:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 778 1 0000000000000000 100 0 0 10 0`;

  it('keeps LISTEN (0A) lines only and decodes hex ports and little-endian addresses', () => {
    expect(parseProcNetTcp(tcp, 'tcp')).toEqual([
      {proto: 'tcp', address: '0.0.0.0', port: 8126, uid: 999, inode: 41234},
      {proto: 'tcp', address: '127.0.0.1', port: 5012, uid: 999, inode: 41240},
    ]);
    expect(parseProcNetTcp(tcp6, 'tcp6')).toEqual([
      {proto: 'tcp6', address: '::1', port: 8126, uid: 1000, inode: 777},
      {proto: 'tcp6', address: '::ffff:127.0.0.1', port: 8080, uid: 1000, inode: 778},
    ]);
  });

  it.each([
    ['0100007F', '127.0.0.1'],
    ['00000000', '0.0.0.0'],
    ['0500000A', '10.0.0.5'],
    ['00000000000000000000000000000000', '::'],
    ['B80D0120000000000000000001000000', '2001:db8::1'],
    ['XYZ', null],
  ])('decodeAddress(%s) = %s', (hex, address) => {
    expect(decodeAddress(hex)).toBe(address);
  });
});

describe('redaction', () => {
  it.each([
    ['DD_API_KEY', 'abcdef0123456789abcdef0123456789', '***************************56789', 'API key keeps its last 5, as a flare shows it'],
    ['DD_APP_KEY', 'abcdef0123456789abcdef0123456789abcdef01', '***********************************def01', 'APP key keeps its last 5, as a flare shows it'],
    ['DD_API_KEY', 'abc', '********', 'too short to keep anything'],
    ['DD_SECRET_BACKEND_TOKEN', 'x', '********', '*TOKEN*'],
    ['DD_PROXY_PASSWORD', 'hunter2', '********', '*PASSWORD*'],
    ['DD_CLIENT_SECRET', 'zz', '********', '*SECRET*'],
    ['DD_SOME_KEY', 'zz', '********', '*KEY*'],
    ['DD_PROXY_HTTPS', 'http://user:pw@proxy:3128', 'http://user:********@proxy:3128', 'URL credentials'],
    ['DD_AGENT_HOST', '10.0.0.5', '10.0.0.5', 'not a secret'],
    ['DD_API_KEY_FILE', '/run/secrets/dd', '/run/secrets/dd', 'a path to a secret is not one'],
  ])('%s=%s → %s (%s)', (name, value, out) => {
    expect(redactValue(name, value).value).toBe(out);
  });

  it('lists DD_* sorted and marks what was redacted', () => {
    expect(redactVars({DD_SERVICE: 'web', DD_API_KEY: 'abcdef0123456789abcdef0123456789', PATH: '/bin'}, (n) => n.startsWith('DD_'))).toEqual([
      {name: 'DD_API_KEY', value: '***************************56789', redacted: true},
      {name: 'DD_SERVICE', value: 'web', redacted: false},
    ]);
  });
});

describe('container / pod markers', () => {
  const files = (exists: string[], read: Record<string, string> = {}) => ({exists: (p: string) => exists.includes(p), read: (p: string) => read[p] ?? null});
  it.each([
    ['nothing', files([]), {}, false, null],
    ['/.dockerenv', files(['/.dockerenv']), {}, true, 'docker'],
    ['podman', files(['/run/.containerenv']), {}, true, 'podman'],
    ['cgroup v1 docker', files([], {'/proc/1/cgroup': '12:pids:/docker/3f2a…\n'}), {}, true, 'docker'],
    ['cgroup kubepods', files([], {'/proc/1/cgroup': '11:memory:/kubepods/burstable/pod1234/abcd\n'}), {}, true, 'kubernetes'],
    ['KUBERNETES_SERVICE_HOST', files([]), {KUBERNETES_SERVICE_HOST: '10.96.0.1'}, true, 'kubernetes'],
  ])('%s', (_why, f, env, inContainer, runtime) => {
    const d = detectContainer(env, f);
    expect([d.container.inContainer, d.container.runtime]).toEqual([inContainer, runtime]);
    expect(d.kubernetes.inPod).toBe('KUBERNETES_SERVICE_HOST' in env);
  });
});

describe('snapshotEnv', () => {
  it('locally: DD_* redacted, proxies masked, OS, markers, and who listens on the ports asked', async () => {
    const port = await listen('127.0.0.1');
    const s = await snapshotEnv({kind: 'local'}, {signal: signal(), env: {DD_API_KEY: 'abcdef0123456789abcdef0123456789', DD_ENV: 'prod', HTTPS_PROXY: 'http://u:p@proxy:3128', HOME: '/root'}, ports: [port]});
    expect(s.dd).toEqual([
      {name: 'DD_API_KEY', value: '***************************56789', redacted: true},
      {name: 'DD_ENV', value: 'prod', redacted: false},
    ]);
    expect(s.proxy).toEqual([{name: 'HTTPS_PROXY', value: 'http://u:********@proxy:3128', redacted: true}]);
    expect(s.os.platform).toBe(process.platform);
    expect(s.container).toEqual(detectContainer({}).container);
    expect(s.listeners.find((l) => l.port === port)).toMatchObject({pid: process.pid, comm});
    expect(s.portConflict).toEqual({port, holder: comm, pid: process.pid});
    expect(JSON.stringify(s)).not.toContain('abcdef0123456789abcdef01234');
  });

  describe('in a container (the real SNAPSHOT_SH output, replayed by a fake docker that records argv)', () => {
    let fake: FakeClis;
    let recorded: string;
    beforeAll(async () => {
      const argv = snapshotSh(SOCKET_DIR);
      recorded = await new Promise<string>((resolve) =>
        execFile(argv[0]!, argv.slice(1), {env: {PATH: process.env['PATH'], DD_AGENT_HOST: 'datadog', DD_API_KEY: 'abcdef0123456789abcdef0123456789', KUBERNETES_SERVICE_HOST: '10.96.0.1'}}, (_e, out) => resolve(out)),
      );
      fake = installFakeClis(['docker', 'kubectl']);
    });
    afterAll(() => fake.restore());

    it('runs one constant sh script with the socket dir as $1, and reads every section', async () => {
      fake.script([{name: 'docker', stdout: recorded}]);
      const s = await snapshotEnv({kind: 'docker', container: 'web'}, {signal: signal()});
      expect(fake.calls().at(-1)?.argv).toEqual(['exec', 'web', 'sh', '-c', expect.stringContaining('@@apmdoctor section env'), 'sh', SOCKET_DIR]);
      expect(snapshotSections(recorded).has('tcp')).toBe(true);
      expect(s.dd).toEqual([
        {name: 'DD_AGENT_HOST', value: 'datadog', redacted: false},
        {name: 'DD_API_KEY', value: '***************************56789', redacted: true},
      ]);
      expect(s.container.inContainer).toBe(true);
      expect(s.kubernetes).toEqual({inPod: true, serviceHost: '10.96.0.1'});
      expect(s.os.platform).toBe('linux');
    });

    it('an image without a shell still gives its environment', async () => {
      fake.script([
        {name: 'docker', match: ['sh'], stderr: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in $PATH: unknown\n', code: 126},
        {name: 'docker', match: ['env'], stdout: 'DD_AGENT_HOST=datadog\nPATH=/usr/bin\n'},
      ]);
      const s = await snapshotEnv({kind: 'docker', container: 'distroless'}, {signal: signal()});
      expect(s.dd).toEqual([{name: 'DD_AGENT_HOST', value: 'datadog', redacted: false}]);
      expect(s.problems).toEqual(['no shell in the target: only the environment was read']);
    });
  });
});
