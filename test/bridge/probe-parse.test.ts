// Parsing what the in-target tools print: recorded real outputs (runners/inner, recorded here)
// and message forms from tools not installed here (busybox wget: networking/wget.c wording).
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parseTarget, type ParsedTarget} from '../../shared/probe/target';
import {parseBash, parseCurlInfo, parseCurlWrite, parseDetect, parseEnvList, parseScriptOutput, parseWgetInfo} from '../../bridge/probe/in-target-parse';
import {runnerFile} from './probe-helpers';

const rec = (name: string) => ({
  stdout: readFileSync(runnerFile(`inner/${name}.stdout`), 'utf8'),
  stderr: readFileSync(runnerFile(`inner/${name}.stderr`), 'utf8'),
  code: Number(readFileSync(runnerFile(`inner/${name}.code`), 'utf8')),
});
const tgt = (s: string): ParsedTarget => {
  const t = parseTarget(s);
  if ('error' in t) throw new Error(s);
  return t;
};

describe('curl (recorded curl 7.88.1 -v output)', () => {
  it('ok: status, timings from -w, body before the marker, the connected address', () => {
    const o = parseCurlInfo(rec('curl-info-ok'), tgt('127.0.0.1:18126'), 50);
    expect(o.http).toMatchObject({status: 200, address: '127.0.0.1', bytes: 1152, contentType: 'application/json', error: null});
    expect(JSON.parse(o.http?.body ?? '')).toMatchObject({version: '7.57.2'});
    expect(o.http?.firstByteMs).toBeGreaterThan(0);
    expect(o.tcp).toEqual([expect.objectContaining({address: '127.0.0.1', ok: true})]);
  });

  it('refused: the errno from the -v trace, not curl\'s vaguer "Couldn\'t connect"', () => {
    const o = parseCurlInfo(rec('curl-info-refused'), tgt('127.0.0.1:18127'), 5);
    expect(o.tcp).toEqual([expect.objectContaining({address: '127.0.0.1', ok: false, error: {code: 'ECONNREFUSED', message: 'Connection refused'}})]);
    expect(o.http).toBeNull();
  });

  it('write: status and Datadog-Agent-Version from the dumped headers', () => {
    expect(parseCurlWrite(rec('curl-write-ok'), tgt('127.0.0.1:18126'), 5)).toMatchObject({status: 200, agentVersion: '7.57.2', error: null});
  });

  it.each([
    ['timeout while connecting', '*   Trying 10.0.0.9:8126...\n* Connection timed out after 2001 milliseconds\ncurl: (28) Connection timed out after 2001 milliseconds\n', 28, 'tcp', 'TIMEOUT'],
    ['empty reply', '*   Trying 127.0.0.1:8126...\n* Connected to 127.0.0.1 (127.0.0.1) port 8126 (#0)\n* Empty reply from server\ncurl: (52) Empty reply from server\n', 52, 'http', 'EOF'],
    ['reset', '*   Trying 127.0.0.1:8126...\n* Connected to 127.0.0.1 (127.0.0.1) port 8126 (#0)\n* Recv failure: Connection reset by peer\ncurl: (56) Recv failure: Connection reset by peer\n', 56, 'http', 'ECONNRESET'],
    ['IPv6 refused (curl 8 brackets)', '*   Trying [::1]:8126...\n* connect to ::1 port 8126 failed: Connection refused\ncurl: (7) Failed to connect to ::1 port 8126 after 0 ms: Couldn\'t connect to server\n', 7, 'tcp', 'ECONNREFUSED'],
  ])('%s', (_why, stderr, code, where, expected) => {
    const o = parseCurlInfo({stdout: '\n@@apmdoctor-curl 000  0.001 0 0 2.001 0 \n', stderr, code}, tgt('127.0.0.1:8126'), 5);
    const got = where === 'tcp' ? o.tcp.find((a) => a.error)?.error?.code : o.http?.error?.code;
    expect(got).toBe(expected);
  });

  it('Unix socket missing', () => {
    const o = parseCurlInfo({stdout: '\n@@apmdoctor-curl 000  0 0 0 0 0 \n', stderr: '*   Trying /x.sock:0...\n* Immediate connect fail for /x.sock: No such file or directory\n', code: 7}, tgt('unix:///x.sock'), 1);
    expect(o.unix).toMatchObject({exists: false, connect: {ok: false, error: {code: 'ENOENT'}}});
  });
});

describe('wget', () => {
  it('GNU Wget 1.21 recorded: ok and refused', () => {
    expect(parseWgetInfo(rec('wget-info-ok'), tgt('127.0.0.1:18126'), 9).http).toMatchObject({status: 200, contentType: 'application/json', error: null});
    expect(parseWgetInfo(rec('wget-info-refused'), tgt('127.0.0.1:18127'), 9).tcp[0]?.error?.code).toBe('ECONNREFUSED');
  });

  it('GNU: the resolver line gives every address; DNS failure', () => {
    const o = parseWgetInfo({stdout: '', stderr: 'Resolving localhost (localhost)... ::1, 127.0.0.1\nConnecting to localhost (localhost)|::1|:8126... failed: Connection refused.\nConnecting to localhost (localhost)|127.0.0.1|:8126... failed: Connection refused.\n', code: 4}, tgt('localhost:8126'), 3);
    expect(o.dns?.addresses).toEqual([{address: '::1', family: 6}, {address: '127.0.0.1', family: 4}]);
    expect(o.tcp.map((t) => [t.address, t.error?.code])).toEqual([['::1', 'ECONNREFUSED'], ['127.0.0.1', 'ECONNREFUSED']]);
    const d = parseWgetInfo({stdout: '', stderr: 'Resolving nope.invalid (nope.invalid)... failed: Name or service not known.\nwget: unable to resolve host address ‘nope.invalid’\n', code: 4}, tgt('nope.invalid:1'), 3);
    expect(d.dns?.error?.code).toBe('ENOTFOUND');
  });

  it.each([
    ['refused', "Connecting to 10.0.0.5:8126 (10.0.0.5:8126)\nwget: can't connect to remote host (10.0.0.5): Connection refused\n", 'tcp', 'ECONNREFUSED'],
    ['bad address', "wget: bad address 'datadog-agent:8126'\n", 'dns', 'ENOTFOUND'],
    ['timeout after connect', 'Connecting to 10.0.0.5:8126 (10.0.0.5:8126)\nwget: download timed out\n', 'http', 'TIMEOUT'],
    ['404', 'Connecting to 10.0.0.5:8126 (10.0.0.5:8126)\nwget: server returned error: HTTP/1.1 404 Not Found\n', 'status', 404],
  ] as const)('busybox wording: %s', (_why, stderr, where, expected) => {
    const o = parseWgetInfo({stdout: '', stderr, code: 1}, tgt('10.0.0.5:8126'), 3);
    const got = where === 'tcp' ? o.tcp[0]?.error?.code : where === 'dns' ? o.dns?.error?.code : where === 'http' ? o.http?.error?.code : o.http?.status;
    expect(got).toBe(expected);
  });
});

describe('bash /dev/tcp, node/python3 JSON, detection, env', () => {
  it('bash: DNS failure from its own message', () => {
    const o = parseBash({stdout: '@@apmdoctor-bash begin info 1.0\n@@apmdoctor-bash connect-failed info 1.1\n', stderr: 'environment: no.such.invalid: Name or service not known\nenvironment: line 4: /dev/tcp/no.such.invalid/1: Invalid argument\n', code: 0}, tgt('no.such.invalid:1'), 2);
    expect(o.dns?.error?.code).toBe('ENOTFOUND');
  });

  it('node/python3: garbled or missing JSON → null, never a throw', () => {
    expect(parseScriptOutput('', 'node')).toBeNull();
    expect(parseScriptOutput('@@apmdoctor-json {not json', 'node')).toBeNull();
    expect(parseScriptOutput('@@apmdoctor-json 42', 'python3')).toBeNull();
    expect(parseScriptOutput('@@apmdoctor-json {"tcp":[{"address":5}],"dns":{"addresses":[{"address":"1.2.3.4","family":9}]}}', 'node')).toMatchObject({tcp: [{address: '?', ok: false}], dns: {addresses: []}});
  });

  it('detection: tools in the agreed order, socket flag, env with multi-line values', () => {
    const d = parseDetect(readFileSync(runnerFile('inner/detect-sh.stdout'), 'utf8'));
    expect(d.tools).toEqual(['curl', 'wget', 'node', 'python3', 'bash']);
    expect(d.socketExists).toBe(false);
    expect(d.env).toMatchObject({DD_AGENT_HOST: '127.0.0.1', DD_TRACE_AGENT_PORT: '18126', HOSTNAME: 'web-7d9f'});
    expect(parseDetect('@@apmdoctor tool bash\n@@apmdoctor tool curl\n@@apmdoctor socket /var/run/datadog/apm.socket\n@@apmdoctor env\n').tools).toEqual(['curl', 'bash']);
    expect(parseEnvList('A=1\nCERT=-----BEGIN\nline2\nB=2\n')).toEqual({A: '1', CERT: '-----BEGIN\nline2', B: '2'});
  });
});
