// The /info parser on every recorded /info answer (shared/fixtures/agent, see its README).
import {readdirSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {looksLikeAgentInfo, parseInfoResponse, readInfo, type AgentInfo} from '../../../shared/agent/info';
import {recordedHttp} from '../../fixtures/agent/fake-agent.mjs';
import {sharedAgentFixtures, sharedFixture} from '../../bridge/probe-helpers';

describe('/info parser on the recorded payloads', () => {
  const infoFiles = readdirSync(sharedAgentFixtures).filter((f) => /^info-.*\.json$/.test(f));

  it('finds the recorded /info bodies to test', () => {
    expect(infoFiles.length).toBeGreaterThanOrEqual(3);
  });

  it.each(infoFiles)('%s parses into an agent /info with its version and trace endpoints', (file) => {
    const body = sharedFixture(file);
    const raw = JSON.parse(body) as {version: string; endpoints: string[]};
    const r = parseInfoResponse(200, body);
    expect(r.kind).toBe('info');
    if (r.kind !== 'info') return;
    expect(r.info.version).toBe(raw.version);
    expect(r.info.endpoints).toEqual(raw.endpoints);
    expect(looksLikeAgentInfo(r.info)).toBe(true);
  });

  const fieldCases: [string, keyof AgentInfo, unknown, string][] = [
    // [file, field, expected, why]
    ['info-0.99.0-original-2021-agent-test.json', 'buildDate', '2020-12-04 15:57:06.74187 +0200 EET m=+0.029001792', 'only the 2021 original has build_date'],
    ['info-0.99.0-original-2021-agent-test.json', 'clientDropP0s', null, 'no client_drop_p0s before ~7.3x'],
    ['info-0.99.0-original-2021-agent-test.json', 'featureFlags', ['feature_flag'], 'feature_flags present'],
    ['info-7.57.2.json', 'peerTags', null, 'peer_tags: null on 7.57.2'],
    ['info-7.57.2.json', 'clientDropP0s', true, 'client_drop_p0s true'],
    ['info-7.57.2.json', 'spanEvents', null, 'span_events absent on 7.57.2'],
    ['info-7.57.2.json', 'featureFlags', [], 'no DD_APM_FEATURES → absent → []'],
    ['info-7.67.0-uds-port8127.json', 'obfuscationVersion', 1, 'obfuscation_version'],
    ['info-7.67.0-uds-port8127.json', 'spanKindsStatsComputed', ['server', 'consumer', 'client', 'producer'], 'span kinds'],
  ];
  it.each(fieldCases)('%s: %s = %j (%s)', (file, field, expected) => {
    const info = readInfo(JSON.parse(sharedFixture(file)));
    expect(info?.[field]).toEqual(expected);
  });

  it.each([
    ['info-0.99.0-original-2021-agent-test.json', 8111, '/sock/path', 123],
    ['info-7.57.2.json', 8126, '/var/run/datadog/apm.socket', 26214400],
    ['info-7.67.0-uds-port8127.json', 8127, '/var/run/datadog/apm.socket', 26214400],
  ] as const)('%s: receiver port %i, socket %s, max request bytes %i', (file, port, socket, maxBytes) => {
    const info = readInfo(JSON.parse(sharedFixture(file)));
    expect(info?.config.receiverPort).toBe(port);
    expect(info?.config.receiverSocket).toBe(socket);
    expect(info?.config.maxRequestBytes).toBe(maxBytes);
  });

  it('tolerates a 7.4x payload without receiver_port, unknown new keys and wrong types', () => {
    const info = readInfo({version: '7.45.0-rc.4', endpoints: ['/v0.4/traces'], config: {receiver_socket: ''}, peer_tags: 'oops', brand_new_key: {x: 1}, client_drop_p0s: 'yes'});
    expect(info?.config.receiverPort).toBeNull();
    expect(info?.config.receiverSocket).toBe('');
    expect(info?.peerTags).toBeNull();
    expect(info?.clientDropP0s).toBeNull();
    expect(info?.unknownKeys).toEqual(['brand_new_key']);
  });

  it('reads the recorded pre-7.27 404 as "agent older than /info or another service"', () => {
    const r = recordedHttp('info-pre-7.27-404.http');
    expect(parseInfoResponse(r.status, r.body)).toEqual({kind: 'not-found', bodyIsGoMux: true});
    expect(parseInfoResponse(404, '<html>nginx</html>')).toEqual({kind: 'not-found', bodyIsGoMux: false});
  });

  it.each([
    ['<html><body>It works!</body></html>', 'html'],
    ['', 'empty'],
    ['hello', 'text'],
    ['[1,2]', 'not-an-object'],
    ['{"version": 1', 'text'],
  ])('a 200 with %j is not the agent (%s)', (body, reason) => {
    expect(parseInfoResponse(200, body)).toEqual({kind: 'not-json', reason});
  });

  it('another service answering JSON is not mistaken for the agent', () => {
    const r = parseInfoResponse(200, '{"agents":[],"models":["x"]}');
    expect(r.kind === 'info' && looksLikeAgentInfo(r.info)).toBe(false);
  });

  it('any other status is an http error', () => {
    expect(parseInfoResponse(503, 'upstream connect error')).toEqual({kind: 'http-error', status: 503});
  });
});
