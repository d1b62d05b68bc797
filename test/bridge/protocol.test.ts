// After the upgrade: size → JSON → version → schema → rate → paired? → handler, each refusal
// an error reply on a connection that lives on. Real bridge, real ws client.
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {PROTOCOL_VERSION, type RequestBody} from '../../shared/protocol';
import {pairClient, startTestBridge, TestClient, type TestBridge} from './harness';

const MAX = 4096;
let bridge: TestBridge;
let client: TestClient;

beforeAll(async () => {
  bridge = await startTestBridge({limits: {maxMessageBytes: MAX, maxFrameBytes: 4 * MAX}});
});
afterAll(() => bridge.close());
beforeEach(async () => {
  client = await TestClient.open(bridge.server.port);
});
afterEach(() => client.close());

/** The connection still answers: an unpaired cancel gets `not-paired`. */
async function expectAlive(c: TestClient): Promise<void> {
  const reply = await c.call({type: 'cancel', jobId: 'nothing'});
  expect(reply).toMatchObject({type: 'error', code: 'not-paired'});
}

describe('a message on an open connection', () => {
  it.each<[string, string, string, string | null]>([
    ['it is not JSON', '{"v":1,"id":', 'malformed', null],
    ['it is a JSON array', '[1,2,3]', 'malformed', null],
    ['it is a JSON string', '"probe"', 'malformed', null],
    ['its version is 2', JSON.stringify({v: 2, id: 'a1', type: 'hello', token: 'x'}), 'unsupported-version', 'a1'],
    ['it has no version', JSON.stringify({id: 'a2', type: 'hello'}), 'unsupported-version', 'a2'],
    ['its type is unknown', JSON.stringify({v: PROTOCOL_VERSION, id: 'a3', type: 'shell', cmd: 'id'}), 'unknown-type', 'a3'],
    ['a field is invalid', JSON.stringify({v: PROTOCOL_VERSION, id: 'a4', type: 'status', vantage: {kind: 'docker', container: '$(id)'}}), 'invalid-field', 'a4'],
    ['it has an unknown field', JSON.stringify({v: PROTOCOL_VERSION, id: 'a5', type: 'pair', code: 'ABCD', sudo: true}), 'invalid-field', 'a5'],
  ])('refuses it when %s, and the connection lives on', async (_why, text, code, id) => {
    client.sendRaw(text);
    const reply = await client.waitFor((m) => m.type === 'error');
    expect(reply).toMatchObject({type: 'error', code, id});
    await expectAlive(client);
  });

  it('refuses a binary frame with malformed', async () => {
    client.sendRaw(Buffer.from('{"v":1,"id":"b","type":"pair","code":"X"}'), true);
    expect(await client.waitFor((m) => m.type === 'error')).toMatchObject({code: 'malformed', id: null});
    await expectAlive(client);
  });

  it('names the invalid field so the extension can say which', async () => {
    const reply = await client.call({type: 'probe', target: null, vantage: {kind: 'k8s', pod: 'UPPER'}, options: {}});
    expect(reply).toMatchObject({type: 'error', code: 'invalid-field', field: 'vantage'});
  });

  it('refuses a message over maxMessageBytes with too-large, and the connection lives on', async () => {
    client.sendRaw(JSON.stringify({v: 1, id: 'big', type: 'pair', code: 'x'.repeat(MAX)}));
    expect(await client.waitFor((m) => m.type === 'error')).toMatchObject({code: 'too-large', id: null});
    await expectAlive(client);
  });

  it('accepts a message of exactly maxMessageBytes', async () => {
    const base = JSON.stringify({v: 1, id: 'edge', type: 'pair', code: ''});
    // A code that is too long for the schema, but the message itself is exactly at the limit.
    client.sendRaw(JSON.stringify({v: 1, id: 'edge', type: 'pair', code: 'A'.repeat(MAX - base.length)}));
    expect(await client.reply('edge')).toMatchObject({code: 'invalid-field', field: 'code'});
  });

  it('closes the socket with 1009 when a frame exceeds maxFrameBytes (ws stops reading)', async () => {
    client.sendRaw('x'.repeat(4 * MAX + 1));
    expect((await client.waitClosed()).code).toBe(1009);
  });

  it('survives a run of garbage and still pairs afterwards', async () => {
    for (const junk of ['', ' ', 'null', '{}', '{"v":1}', '{"v":1,"id":"g","type":7}', '\u0000\u0001', '{"v":1,"id":"g","type":"pair","code":null}']) {
      client.sendRaw(junk);
    }
    await expectAlive(client);
    expect(client.received.filter((m) => m.type === 'error').length).toBeGreaterThanOrEqual(9);
    await pairClient(client, bridge.server);
  });

  it.each<[string, RequestBody]>([
    ['probe', {type: 'probe', target: 'http://127.0.0.1:8126', vantage: {kind: 'local'}, options: {}}],
    ['status', {type: 'status', vantage: {kind: 'local'}}],
    ['env', {type: 'env', vantage: {kind: 'local'}}],
    ['bundle', {type: 'bundle', findings: [], env: null, probe: null, status: null, snapshot: null}],
    ['cancel', {type: 'cancel', jobId: 'x'}],
  ])('refuses %s with not-paired before pairing, and runs no job', async (_type, body) => {
    const started = bridge.server.stats.jobsStarted;
    expect(await client.call(body)).toMatchObject({type: 'error', code: 'not-paired'});
    expect(bridge.server.stats.jobsStarted).toBe(started);
  });

  it('answers bundle with a bundle-result once paired, leaving out a malformed finding', async () => {
    await pairClient(client, bridge.server);
    const r = await client.call({type: 'bundle', findings: [{line: 3}], env: 'docker', probe: null, status: null, snapshot: {}});
    expect(r.type).toBe('bundle-result');
    expect(r.type === 'bundle-result' && r.markdown).toMatch(/1 malformed finding/);
  });

  it('answers a cancel of an unknown job with unknown-job', async () => {
    await pairClient(client, bridge.server);
    expect(await client.call({type: 'cancel', jobId: 'never-started'})).toMatchObject({type: 'error', code: 'unknown-job'});
  });
});

describe('the rate limit', () => {
  it('answers rate-limited past the burst, then closes a client that keeps ignoring it (1008)', async () => {
    // A frozen clock: the bucket never refills, so the count is exact.
    const frozen = await startTestBridge({now: () => 1_000_000, limits: {rateBurst: 5, ratePerSecond: 1, maxThrottledInARow: 3}});
    try {
      const c = await TestClient.open(frozen.server.port);
      const ids = Array.from({length: 8}, () => c.send({type: 'cancel', jobId: 'x'}));
      const replies = await Promise.all(ids.map((id) => c.reply(id)));
      expect(replies.map((r) => (r.type === 'error' ? r.code : r.type))).toEqual([
        ...Array<string>(5).fill('not-paired'),
        ...Array<string>(3).fill('rate-limited'),
      ]);
      c.send({type: 'cancel', jobId: 'x'});
      expect((await c.waitClosed()).code).toBe(1008);
    } finally {
      await frozen.close();
    }
  });

  it('refills with time', async () => {
    let now = 0;
    const timed = await startTestBridge({now: () => now, limits: {rateBurst: 1, ratePerSecond: 2}});
    try {
      const c = await TestClient.open(timed.server.port);
      expect(await c.call({type: 'cancel', jobId: 'x'})).toMatchObject({code: 'not-paired'});
      expect(await c.call({type: 'cancel', jobId: 'x'})).toMatchObject({code: 'rate-limited'});
      now += 500;
      expect(await c.call({type: 'cancel', jobId: 'x'})).toMatchObject({code: 'not-paired'});
      c.close();
    } finally {
      await timed.close();
    }
  });
});
