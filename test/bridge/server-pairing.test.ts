// Pairing over a real socket: the one-time code, its expiry and lockout, the token file, resume
// with a token, and revocation.
import {readFile, stat} from 'node:fs/promises';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {configDir} from '../../bridge/tokens';
import {EXT_ORIGIN, FIREFOX_ORIGIN, nextEvent, pairClient, startTestBridge, TestClient, type TestBridge} from './harness';

const open: TestBridge[] = [];
async function bridgeWith(options: Parameters<typeof startTestBridge>[0] = {}): Promise<TestBridge> {
  const b = await startTestBridge(options);
  open.push(b);
  return b;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((b) => b.close()));
});

describe('pairing', () => {
  it('trades the printed code for a 32-byte token and unlocks the connection', async () => {
    const {server} = await bridgeWith();
    const c = await TestClient.open(server.port);
    const {code} = server.newPairingCode();
    expect(code).toMatch(/^[A-HJKMNP-TV-Z2-9]{4}-[A-HJKMNP-TV-Z2-9]{4}$/);
    const paired = nextEvent(server, 'paired');
    const reply = await c.call({type: 'pair', code: code.toLowerCase().replace('-', ' ')});
    expect(reply.type).toBe('paired');
    expect(reply.type === 'paired' && Buffer.from(reply.token, 'base64url').length).toBe(32);
    expect(await paired).toEqual({origin: EXT_ORIGIN, how: 'pair'});
    // Unlocked: a cancel is now understood (unknown-job), not refused (not-paired).
    expect(await c.call({type: 'cancel', jobId: 'x'})).toMatchObject({code: 'unknown-job'});
    c.close();
  });

  it('refuses a wrong code with bad-pairing-code and says how many tries are left', async () => {
    const {server} = await bridgeWith();
    const c = await TestClient.open(server.port);
    server.newPairingCode();
    expect(await c.call({type: 'pair', code: 'AAAA-AAAA'})).toMatchObject({code: 'bad-pairing-code', attemptsLeft: 4});
    expect(await c.call({type: 'cancel', jobId: 'x'})).toMatchObject({code: 'not-paired'});
    c.close();
  });

  it('refuses a code used once already, on any connection (pairing-closed)', async () => {
    const {server} = await bridgeWith();
    const [a, b] = await Promise.all([TestClient.open(server.port), TestClient.open(server.port)]);
    const {code} = server.newPairingCode();
    expect((await a.call({type: 'pair', code})).type).toBe('paired');
    expect(await b.call({type: 'pair', code})).toMatchObject({code: 'pairing-closed'});
    expect(await a.call({type: 'pair', code})).toMatchObject({code: 'pairing-closed'});
    a.close();
    b.close();
  });

  it('refuses an expired code (pairing-closed)', async () => {
    let now = 1_000_000;
    const {server} = await bridgeWith({now: () => now, limits: {pairingCodeTtlMs: 60_000}});
    const c = await TestClient.open(server.port);
    const {code} = server.newPairingCode();
    now += 60_000;
    expect(await c.call({type: 'pair', code})).toMatchObject({code: 'pairing-closed'});
    c.close();
  });

  it('accepts a code just before it expires', async () => {
    let now = 1_000_000;
    const {server} = await bridgeWith({now: () => now, limits: {pairingCodeTtlMs: 60_000}});
    const c = await TestClient.open(server.port);
    const {code} = server.newPairingCode();
    now += 59_999;
    expect((await c.call({type: 'pair', code})).type).toBe('paired');
    c.close();
  });

  it('locks the code after maxAttempts wrong tries, even for the right code afterwards (brute force)', async () => {
    const {server} = await bridgeWith({limits: {pairingMaxAttempts: 3}});
    const clients = await Promise.all([0, 1, 2].map(() => TestClient.open(server.port)));
    const {code} = server.newPairingCode();
    // Spread over connections: the count is per code, not per connection.
    expect(await clients[0]!.call({type: 'pair', code: 'AAAA-AAAA'})).toMatchObject({code: 'bad-pairing-code', attemptsLeft: 2});
    expect(await clients[1]!.call({type: 'pair', code: 'BBBB-BBBB'})).toMatchObject({code: 'bad-pairing-code', attemptsLeft: 1});
    expect(await clients[2]!.call({type: 'pair', code: 'CCCC-CCCC'})).toMatchObject({code: 'pairing-closed'});
    expect(await clients[0]!.call({type: 'pair', code})).toMatchObject({code: 'pairing-closed'});
    // Only the terminal opens a new one.
    const fresh = server.newPairingCode();
    expect((await clients[0]!.call({type: 'pair', code: fresh.code})).type).toBe('paired');
    for (const c of clients) c.close();
  });

  it('closes a connection that does not pair within unpairedTimeoutMs (1008), but not a paired one', async () => {
    const {server} = await bridgeWith({limits: {unpairedTimeoutMs: 200}});
    const [idle, paired] = await Promise.all([TestClient.open(server.port), TestClient.open(server.port)]);
    await pairClient(paired, server);
    expect(await idle.waitClosed()).toEqual({code: 1008, reason: 'not paired in time'});
    // Past the same deadline the paired connection still answers.
    expect(await paired.call({type: 'cancel', jobId: 'x'})).toMatchObject({code: 'unknown-job'});
    paired.close();
  });

  it('refuses every code before the terminal has opened one', async () => {
    const {server} = await bridgeWith();
    const c = await TestClient.open(server.port);
    expect(await c.call({type: 'pair', code: 'ABCD-EFGH'})).toMatchObject({code: 'pairing-closed'});
    c.close();
  });
});

describe('tokens', () => {
  it('resumes a new connection with hello and the stored token', async () => {
    const {server} = await bridgeWith();
    const first = await TestClient.open(server.port);
    const token = await pairClient(first, server);
    first.close();

    const second = await TestClient.open(server.port);
    expect(await second.call({type: 'cancel', jobId: 'x'})).toMatchObject({code: 'not-paired'});
    const resumed = nextEvent(server, 'paired');
    const ready = await second.call({type: 'hello', token});
    expect(ready).toMatchObject({type: 'ready', protocolVersion: 1, capabilities: ['probe', 'status', 'env', 'cancel']});
    expect(await resumed).toEqual({origin: EXT_ORIGIN, how: 'hello'});
    expect(await second.call({type: 'cancel', jobId: 'x'})).toMatchObject({code: 'unknown-job'});
    second.close();
  });

  it('refuses a made-up token with not-paired', async () => {
    const {server} = await bridgeWith();
    const c = await TestClient.open(server.port);
    expect(await c.call({type: 'hello', token: 'A'.repeat(43)})).toMatchObject({type: 'error', code: 'not-paired'});
    c.close();
  });

  it('refuses a token from an origin other than the one that paired', async () => {
    const {server} = await bridgeWith();
    const chrome = await TestClient.open(server.port);
    const token = await pairClient(chrome, server);
    const firefox = await TestClient.open(server.port, {origin: FIREFOX_ORIGIN});
    expect(await firefox.call({type: 'hello', token})).toMatchObject({code: 'not-paired'});
    chrome.close();
    firefox.close();
  });

  it('keeps only a hash of each token, in a file only the user can read (0600)', async () => {
    const {server, tokens} = await bridgeWith();
    const c = await TestClient.open(server.port);
    const token = await pairClient(c, server);
    const text = await readFile(tokens.path, 'utf8');
    expect(text).not.toContain(token);
    expect(text).toMatch(/"sha256": "[0-9a-f]{64}"/);
    expect((await stat(tokens.path)).mode & 0o777).toBe(0o600);
    c.close();
  });

  it('revokes every token on forget: the next hello is not-paired', async () => {
    const {server, tokens} = await bridgeWith();
    const c = await TestClient.open(server.port);
    const token = await pairClient(c, server);
    expect(await tokens.forget()).toBe(1);
    const again = await TestClient.open(server.port);
    expect(await again.call({type: 'hello', token})).toMatchObject({code: 'not-paired'});
    c.close();
    again.close();
  });

  it('lives in APM_DOCTOR_CONFIG_DIR, else $XDG_CONFIG_HOME/apm-doctor, else ~/.config/apm-doctor', () => {
    expect(configDir({APM_DOCTOR_CONFIG_DIR: '/tmp/x', XDG_CONFIG_HOME: '/xdg', HOME: '/home/u'})).toBe('/tmp/x');
    expect(configDir({XDG_CONFIG_HOME: '/xdg', HOME: '/home/u'})).toBe(join('/xdg', 'apm-doctor'));
    expect(configDir({XDG_CONFIG_HOME: 'relative', HOME: '/home/u'})).toBe(join('/home/u', '.config', 'apm-doctor'));
    expect(configDir({HOME: '/home/u'})).toBe(join('/home/u', '.config', 'apm-doctor'));
  });
});
