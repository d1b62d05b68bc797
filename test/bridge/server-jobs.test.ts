// Jobs over a real socket with the real probe: progress then result, cancel, deadlines and the
// concurrency limits. The hanging target is a local TCP server that accepts and never answers,
// so a probe stays in flight until something stops it — and we can see that it did (the
// server's socket closes).
import {createServer, type Server, type Socket} from 'node:net';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {startFakeAgent, type FakeAgent} from '../fixtures/agent/fake-agent.mjs';
import {nextEvent, pairClient, startTestBridge, TestClient, type TestBridge} from './harness';

/** Accepts TCP, reads, never writes. `sockets` lets a test watch the probe's connection close. */
interface HangServer {
  port: number;
  sockets: Set<Socket>;
  nextConnection(): Promise<Socket>;
  close(): Promise<void>;
}

async function startHangServer(): Promise<HangServer> {
  const sockets = new Set<Socket>();
  let waiting: ((s: Socket) => void)[] = [];
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.resume();
    const w = waiting;
    waiting = [];
    for (const resolve of w) resolve(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    sockets,
    nextConnection: () => new Promise((resolve) => waiting.push(resolve)),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Waits for the probe to reach the hanging server; fails at once with the job's reply if the job ends first. */
function inFlight<T>(c: TestClient, ids: string[], reached: Promise<T>): Promise<T> {
  const endedEarly = Promise.race(ids.map((id) => c.reply(id))).then((r) => {
    throw new Error(`the job ended before reaching the target: ${JSON.stringify(r)}`);
  });
  return Promise.race([reached, endedEarly]);
}

/** Sends a job that the limits must refuse; fails at once if the bridge starts it instead. */
async function expectBusy(c: TestClient, server: TestBridge['server'], body: ReturnType<typeof hangingProbe>): Promise<void> {
  const id = c.nextId();
  const started = nextEvent(server, 'job-start', (e) => e.id === id).then((e) => {
    throw new Error(`the bridge started job ${e.id} instead of refusing it`);
  });
  c.send(body, id);
  expect(await Promise.race([c.reply(id), started])).toMatchObject({type: 'error', code: 'busy'});
}

function closedSocket(s: Socket): Promise<void> {
  return new Promise((resolve) => (s.destroyed ? resolve() : s.once('close', () => resolve())));
}

let hang: HangServer;
let agent: FakeAgent;
beforeAll(async () => {
  hang = await startHangServer();
  agent = await startFakeAgent({mode: 'ok'});
});
afterAll(async () => {
  await hang.close();
  await agent.close();
});

const open: TestBridge[] = [];
async function bridgeWith(options: Parameters<typeof startTestBridge>[0] = {}): Promise<TestBridge> {
  const b = await startTestBridge(options);
  open.push(b);
  return b;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((b) => b.close()));
});

const hangingProbe = (port: number) => ({type: 'probe', target: `http://127.0.0.1:${port}`, vantage: {kind: 'local'}, options: {timeoutMs: 30_000}}) as const;

describe('a probe job', () => {
  it('streams probe-step events, then a probe-result, all with the request id', async () => {
    const {server} = await bridgeWith();
    const c = await TestClient.open(server.port);
    await pairClient(c, server);
    const id = c.send({type: 'probe', target: agent.url, vantage: {kind: 'local'}, options: {timeoutMs: 5000}});
    const result = await c.reply(id);
    expect(result.type).toBe('probe-result');
    expect(result.type === 'probe-result' && result.result.verdict.ok).toBe(true);
    const steps = c.received.filter((m) => m.type === 'probe-step');
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.every((m) => m.id === id)).toBe(true);
    // Progress comes before the result, never after.
    expect(c.received.indexOf(result)).toBe(c.received.length - 1);
    expect(agent.requests.some((r) => r.url === '/info')).toBe(true);
    c.close();
  });

  it('builds a scrubbed support bundle from the page findings and adds the machine snapshot', async () => {
    const {server} = await bridgeWith();
    const c = await TestClient.open(server.port);
    await pairClient(c, server);
    const {scanText, toFindingJson} = await import('../../shared/engine/api');
    // A secret inside the event itself (an error object's property), so it is in the finding's excerpt.
    const log = "Error sending payload to the agent (status code: undefined)\nError: connect ECONNREFUSED 127.0.0.1:8126 {\n  api_key: '0123456789abcdef0123456789abcdef',\n  code: 'ECONNREFUSED'\n}";
    const findings = scanText(log).findings.map((f) => ({...toFindingJson(f, 'en'), diagnosis: f.diagnosis}));
    expect(findings.length).toBe(1);
    expect(findings[0]?.excerpt).toContain('0123456789abcdef0123456789abcdef');
    const id = c.send({type: 'bundle', findings: JSON.parse(JSON.stringify(findings)) as never, env: 'kubernetes', probe: null, status: null, snapshot: null});
    const r = await c.reply(id);
    expect(r.type).toBe('bundle-result');
    const md = r.type === 'bundle-result' ? r.markdown : '';
    expect(md).toContain('127.0.0.1:8126');
    expect(md).toContain('kubectl');
    expect(JSON.stringify(r)).not.toContain('0123456789abcdef0123456789abcdef');
    c.close();
  });

  it('stops when cancelled: the job answers cancelled, the cancel answers cancelled, the probe lets go of its socket', async () => {
    const {server} = await bridgeWith();
    const c = await TestClient.open(server.port);
    await pairClient(c, server);
    const connected = hang.nextConnection();
    const ended = nextEvent(server, 'job-end');
    const jobId = c.send(hangingProbe(hang.port));
    const socket = await inFlight(c, [jobId], connected);
    expect(server.stats.jobsRunning).toBe(1);

    const cancelId = c.send({type: 'cancel', jobId});
    expect(await c.reply(jobId)).toMatchObject({type: 'error', code: 'cancelled'});
    expect(await c.reply(cancelId)).toMatchObject({type: 'cancelled', jobId});
    await closedSocket(socket);
    expect(await ended).toMatchObject({id: jobId, type: 'probe', outcome: 'cancelled'});
    expect(server.stats.jobsRunning).toBe(0);
    // A second cancel finds nothing.
    expect(await c.call({type: 'cancel', jobId})).toMatchObject({code: 'unknown-job'});
    c.close();
  });

  it('answers timeout when a job outlives its deadline', async () => {
    // The bridge's deadline (timeout + grace) made shorter than the probe's own timeout.
    const {server} = await bridgeWith({limits: {probeTimeoutMs: {default: 5000, min: 5000, max: 5000}, probeGraceMs: -4800}});
    const c = await TestClient.open(server.port);
    await pairClient(c, server);
    const connected = hang.nextConnection();
    const id = c.send(hangingProbe(hang.port));
    const socket = await inFlight(c, [id], connected);
    expect(await c.reply(id)).toMatchObject({type: 'error', code: 'timeout'});
    await closedSocket(socket);
    c.close();
  });

  it('clamps a client timeout of an hour to probeTimeoutMs.max', async () => {
    const {server} = await bridgeWith({limits: {probeTimeoutMs: {default: 2000, min: 100, max: 300}}});
    const c = await TestClient.open(server.port);
    await pairClient(c, server);
    const reply = await c.call({type: 'probe', target: `http://127.0.0.1:${hang.port}`, vantage: {kind: 'local'}, options: {timeoutMs: 3_600_000}});
    expect(reply.type).toBe('probe-result');
    if (reply.type !== 'probe-result') return;
    expect(reply.result.verdict.ok).toBe(false);
    expect(reply.result.totalMs).toBeGreaterThanOrEqual(250);
    expect(reply.result.totalMs).toBeLessThan(2000);
    c.close();
  });

  it('refuses a second job with the id of a running one (duplicate-id)', async () => {
    const {server} = await bridgeWith();
    const c = await TestClient.open(server.port);
    await pairClient(c, server);
    const connected = hang.nextConnection();
    c.send(hangingProbe(hang.port), 'same');
    await inFlight(c, ['same'], connected);
    c.send(hangingProbe(hang.port), 'same');
    expect(await c.waitFor((m) => m.type === 'error' && m.id === 'same')).toMatchObject({code: 'duplicate-id'});
    c.close();
  });
});

describe('the job limits', () => {
  it('refuses busy past maxJobsPerConnection and maxJobsTotal, and frees the slots when a connection closes', async () => {
    const {server} = await bridgeWith({limits: {maxJobsPerConnection: 2, maxJobsTotal: 3}});
    const [a, b] = await Promise.all([TestClient.open(server.port), TestClient.open(server.port)]);
    await pairClient(a, server);
    await pairClient(b, server);

    const started = (n: number): Promise<unknown> => Promise.all(Array.from({length: n}, () => hang.nextConnection()));
    let up = started(2);
    await inFlight(a, [a.send(hangingProbe(hang.port)), a.send(hangingProbe(hang.port))], up);
    await expectBusy(a, server, hangingProbe(hang.port));

    up = started(1);
    await inFlight(b, [b.send(hangingProbe(hang.port))], up);
    expect(server.stats.jobsRunning).toBe(3);
    await expectBusy(b, server, hangingProbe(hang.port));

    // A disconnect aborts that connection's jobs.
    const aEnded = Promise.all([nextEvent(server, 'job-end'), nextEvent(server, 'job-end')]);
    a.close();
    await aEnded;
    expect(server.stats.jobsRunning).toBe(1);
    up = started(1);
    await inFlight(b, [b.send(hangingProbe(hang.port))], up);
    expect(server.stats.jobsRunning).toBe(2);
    b.close();
  });

  it('cancels running jobs and closes connections with 1001 when the bridge stops', async () => {
    const b = await startTestBridge();
    const c = await TestClient.open(b.server.port);
    await pairClient(c, b.server);
    const connected = hang.nextConnection();
    const id = c.send(hangingProbe(hang.port));
    const socket = await inFlight(c, [id], connected);
    await b.close();
    expect(await c.reply(id)).toMatchObject({type: 'error', code: 'cancelled'});
    expect((await c.waitClosed()).code).toBe(1001);
    await closedSocket(socket);
  });
});
