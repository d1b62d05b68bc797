// The protocol's parsers on their own: table-driven, a reason per row. Over-the-socket behaviour
// is in test/bridge/protocol.test.ts.
import {describe, expect, it} from 'vitest';
import {messages} from '../../shared/i18n/index';
import {
  BRIDGE_ERROR_CODES,
  bridgeError,
  bridgeErrorKey,
  bridgeErrorMsg,
  bridgeRequest,
  bridgeResponse,
  decodeBridgeRequest,
  decodeBridgeResponse,
  parseBridgeRequest,
  parseBridgeResponse,
  ProtocolError,
  REQUEST_TYPES,
  type BridgeRequest,
} from '../../shared/protocol';

const TOKEN = 'A'.repeat(43);
const ok = {v: 1, id: 'r1'};

describe('parseBridgeRequest accepts', () => {
  it.each<[string, Record<string, unknown>, Partial<BridgeRequest>]>([
    ['a pair with the code as printed', {type: 'pair', code: 'ABCD-EFGH'}, {type: 'pair', code: 'ABCD-EFGH'}],
    ['a hello with a token', {type: 'hello', token: TOKEN}, {type: 'hello', token: TOKEN}],
    ['a probe with defaults filled', {type: 'probe', vantage: {kind: 'local'}}, {type: 'probe', target: null, options: {}}],
    [
      'a probe with target and options',
      {type: 'probe', target: 'http://127.0.0.1:8126', vantage: {kind: 'docker', container: 'web-1'}, options: {timeoutMs: 1500, writeCheck: true}},
      {target: 'http://127.0.0.1:8126', vantage: {kind: 'docker', container: 'web-1'}, options: {timeoutMs: 1500, writeCheck: true}},
    ],
    ['a status in a pod', {type: 'status', vantage: {kind: 'k8s', pod: 'datadog-abc12', namespace: 'datadog'}}, {type: 'status'}],
    ['an env', {type: 'env', vantage: {kind: 'local'}}, {type: 'env'}],
    ['a bundle', {type: 'bundle', findings: [{line: 1}], env: 'kubernetes'}, {type: 'bundle', env: 'kubernetes', probe: null}],
    ['a cancel', {type: 'cancel', jobId: 'job-7'}, {type: 'cancel', jobId: 'job-7'}],
  ])('%s', (_why, body, expected) => {
    const parsed = parseBridgeRequest({...ok, ...body});
    expect(parsed).not.toBeInstanceOf(ProtocolError);
    expect(parsed).toMatchObject({v: 1, id: 'r1', ...expected});
  });

  it('every request type has a row above', () => {
    expect(REQUEST_TYPES).toEqual(['pair', 'hello', 'probe', 'status', 'env', 'bundle', 'cancel']);
  });
});

describe('parseBridgeRequest refuses', () => {
  it.each<[string, unknown, string, string | undefined, string | null]>([
    ['an array', [], 'malformed', undefined, null],
    ['a string', 'hello', 'malformed', undefined, null],
    ['null', null, 'malformed', undefined, null],
    ['no version', {id: 'r1', type: 'hello', token: TOKEN}, 'unsupported-version', 'v', 'r1'],
    ['version 2', {v: 2, id: 'r1', type: 'hello', token: TOKEN}, 'unsupported-version', 'v', 'r1'],
    ['version "1" as a string', {v: '1', id: 'r1', type: 'hello', token: TOKEN}, 'unsupported-version', 'v', 'r1'],
    ['no id', {v: 1, type: 'hello', token: TOKEN}, 'malformed', 'id', null],
    ['an id with spaces', {v: 1, id: 'a b', type: 'hello', token: TOKEN}, 'malformed', 'id', null],
    ['an id of 65 characters', {v: 1, id: 'x'.repeat(65), type: 'hello', token: TOKEN}, 'malformed', 'id', null],
    ['no type', {...ok}, 'malformed', 'type', 'r1'],
    ['an unknown type', {...ok, type: 'exec'}, 'unknown-type', 'type', 'r1'],
    ['a response type sent as a request', {...ok, type: 'paired', token: TOKEN}, 'unknown-type', 'type', 'r1'],
    ['__proto__ as a type', {...ok, type: '__proto__'}, 'unknown-type', 'type', 'r1'],
    ['a pair without a code', {...ok, type: 'pair'}, 'invalid-field', 'code', 'r1'],
    ['a pair code with punctuation', {...ok, type: 'pair', code: 'ABCD;rm'}, 'invalid-field', 'code', 'r1'],
    ['a pair code as a number', {...ok, type: 'pair', code: 12345678}, 'invalid-field', 'code', 'r1'],
    ['a short token', {...ok, type: 'hello', token: 'abc'}, 'invalid-field', 'token', 'r1'],
    ['an unknown field', {...ok, type: 'hello', token: TOKEN, admin: true}, 'invalid-field', 'admin', 'r1'],
    ['a probe without vantage', {...ok, type: 'probe'}, 'invalid-field', 'vantage', 'r1'],
    ['a docker name with a shell', {...ok, type: 'status', vantage: {kind: 'docker', container: 'x; rm -rf /'}}, 'invalid-field', 'vantage', 'r1'],
    ['a docker name that is a flag', {...ok, type: 'status', vantage: {kind: 'docker', container: '--privileged'}}, 'invalid-field', 'vantage', 'r1'],
    ['a pod name in capitals', {...ok, type: 'env', vantage: {kind: 'k8s', pod: 'Web'}}, 'invalid-field', 'vantage', 'r1'],
    ['an unknown vantage kind', {...ok, type: 'env', vantage: {kind: 'ssh', host: 'x'}}, 'invalid-field', 'vantage', 'r1'],
    ['a target with a newline', {...ok, type: 'probe', vantage: {kind: 'local'}, target: 'http://a\n'}, 'invalid-field', 'target', 'r1'],
    ['an empty target', {...ok, type: 'probe', vantage: {kind: 'local'}, target: ''}, 'invalid-field', 'target', 'r1'],
    ['a target of 2049 characters', {...ok, type: 'probe', vantage: {kind: 'local'}, target: 'h'.repeat(2049)}, 'invalid-field', 'target', 'r1'],
    ['a fractional timeout', {...ok, type: 'probe', vantage: {kind: 'local'}, options: {timeoutMs: 1.5}}, 'invalid-field', 'options.timeoutMs', 'r1'],
    ['a negative timeout', {...ok, type: 'probe', vantage: {kind: 'local'}, options: {connectTimeoutMs: -1}}, 'invalid-field', 'options.connectTimeoutMs', 'r1'],
    ['a stringly boolean', {...ok, type: 'probe', vantage: {kind: 'local'}, options: {writeCheck: 'true'}}, 'invalid-field', 'options.writeCheck', 'r1'],
    ['a misspelt option', {...ok, type: 'probe', vantage: {kind: 'local'}, options: {timeoutMS: 10}}, 'invalid-field', 'options.timeoutMS', 'r1'],
    ['bundle findings that are not objects', {...ok, type: 'bundle', findings: [1]}, 'invalid-field', 'findings[0]', 'r1'],
    ['a bundle env that is not an Env', {...ok, type: 'bundle', findings: [], env: 'mars'}, 'invalid-field', 'env', 'r1'],
    ['a cancel without jobId', {...ok, type: 'cancel'}, 'invalid-field', 'jobId', 'r1'],
  ])('%s', (_why, raw, code, field, id) => {
    const parsed = parseBridgeRequest(raw);
    expect(parsed).toBeInstanceOf(ProtocolError);
    expect(parsed).toMatchObject({code, id, ...(field === undefined ? {} : {field})});
  });

  it('refuses text that is not JSON', () => {
    expect(decodeBridgeRequest('{"v":1,')).toMatchObject({code: 'malformed', id: null});
  });
});

describe('parsed requests', () => {
  it('are fresh objects holding only known fields', () => {
    const raw = JSON.parse('{"v":1,"id":"r1","type":"cancel","jobId":"j","__proto__":{"polluted":true}}') as unknown;
    const parsed = parseBridgeRequest(raw);
    expect(parsed).toBeInstanceOf(ProtocolError);
    const clean = parseBridgeRequest({v: 1, id: 'r1', type: 'cancel', jobId: 'j'});
    expect(Object.keys(clean)).toEqual(['v', 'id', 'type', 'jobId']);
  });

  it('round-trip through the builder and JSON', () => {
    const req = bridgeRequest('r9', {type: 'probe', target: 'unix:///var/run/datadog/apm.socket', vantage: {kind: 'local'}, options: {timeoutMs: 900}});
    expect(decodeBridgeRequest(JSON.stringify(req))).toEqual(req);
  });
});

describe('parseBridgeResponse', () => {
  it.each([
    ['paired', bridgeResponse('r1', {type: 'paired', token: TOKEN})],
    ['ready', bridgeResponse('r1', {type: 'ready', bridgeVersion: '0.1.0', protocolVersion: 1, capabilities: ['probe', 'status']})],
    ['cancelled', bridgeResponse('r1', {type: 'cancelled', jobId: 'j1'})],
    ['an error with an id', bridgeError('r1', 'bad-pairing-code', 'wrong', {attemptsLeft: 2})],
    ['an error without an id', bridgeError(null, 'malformed', 'not JSON')],
    ['an invalid-field error', bridgeError('r1', 'invalid-field', 'x', {field: 'vantage.pod'})],
  ])('round-trips %s', (_why, msg) => {
    expect(decodeBridgeResponse(JSON.stringify(msg))).toEqual(msg);
  });

  it.each<[string, unknown, string]>([
    ['an unknown error code', {v: 1, id: 'r1', type: 'error', code: 'oops', message: ''}, 'invalid-field'],
    ['a paired reply without id', {v: 1, id: null, type: 'paired', token: TOKEN}, 'malformed'],
    ['a stringly protocolVersion', {v: 1, id: 'r1', type: 'ready', bridgeVersion: '1', protocolVersion: '1', capabilities: []}, 'invalid-field'],
    ['a result that is not an object', {v: 1, id: 'r1', type: 'probe-result', result: 'ok'}, 'invalid-field'],
    ['a request type', {v: 1, id: 'r1', type: 'probe', vantage: {kind: 'local'}}, 'unknown-type'],
  ])('refuses %s', (_why, raw, code) => {
    expect(parseBridgeResponse(raw)).toMatchObject({code});
  });

  it('drops capabilities it does not know (a newer bridge)', () => {
    const parsed = parseBridgeResponse({v: 1, id: 'r1', type: 'ready', bridgeVersion: '9.0.0', protocolVersion: 1, capabilities: ['probe', 'teleport']});
    expect(parsed).toMatchObject({capabilities: ['probe']});
  });
});

describe('error codes', () => {
  it.each(BRIDGE_ERROR_CODES.map((c) => [c]))('%s has an i18n entry in English and Korean', (code) => {
    const key = bridgeErrorKey(code);
    expect(key).toMatch(/^bridge_err_[a-z_]+$/);
    const entry = (messages as Record<string, {en: string; ko: string} | undefined>)[key];
    expect(entry?.en).toBeTruthy();
    expect(entry?.ko).toMatch(/[가-힣]/);
  });

  it('render through bridgeErrorMsg with their substitutions', () => {
    expect(bridgeErrorMsg({code: 'bad-pairing-code', attemptsLeft: 3})).toEqual({key: 'bridge_err_bad_pairing_code', subs: {field: '?', attemptsLeft: '3'}});
  });
});
