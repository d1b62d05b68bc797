import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {DEFAULT_SOCKET, parseTarget, resolveTarget} from '../../../shared/probe/target';
import {validateVantage} from '../../../shared/probe/types';

describe('parseTarget', () => {
  it.each([
    ['http://localhost:8126', 'tcp', 'http://localhost:8126', 'localhost', 8126, null],
    ['http://127.0.0.1:8126/', 'tcp', 'http://127.0.0.1:8126', '127.0.0.1', 8126, null],
    ['http://10.0.0.5:8126/info', 'tcp', 'http://10.0.0.5:8126', '10.0.0.5', 8126, null],
    ['HTTP://Agent.Example:8127', 'tcp', 'http://Agent.Example:8127', 'Agent.Example', 8127, null],
    ['datadog-agent:8126', 'tcp', 'http://datadog-agent:8126', 'datadog-agent', 8126, null],
    ['dd_agent', 'tcp', 'http://dd_agent:8126', 'dd_agent', 8126, null],
    ['http://agent', 'tcp', 'http://agent:80', 'agent', 80, null],
    ['[::1]:8126', 'tcp', 'http://[::1]:8126', '::1', 8126, null],
    ['http://[2600:1f10::deed]:8126', 'tcp', 'http://[2600:1f10::deed]:8126', '2600:1f10::deed', 8126, null],
    ['unix:///var/run/datadog/apm.socket', 'unix', 'unix:///var/run/datadog/apm.socket', null, null, '/var/run/datadog/apm.socket'],
    ['/var/run/datadog/apm.socket', 'unix', 'unix:///var/run/datadog/apm.socket', null, null, '/var/run/datadog/apm.socket'],
    ['  localhost:8126  ', 'tcp', 'http://localhost:8126', 'localhost', 8126, null],
  ] as const)('%j → %s %s', (input, kind, url, host, port, socket) => {
    expect(parseTarget(input)).toEqual({kind, url, host, port, socket});
  });

  it.each([
    ['', 'probe_target_err_empty', 'nothing given'],
    ['http://localhost:0', 'probe_target_err_port', 'port 0'],
    ['localhost:99999', 'probe_target_err_port', 'port over 65535'],
    ['localhost:-1', 'probe_target_err_port', 'negative port'],
    ['localhost:80a', 'probe_target_err_port', 'port with letters'],
    ['https://localhost:8126', 'probe_target_err_https', 'the receiver is plain HTTP'],
    ['ftp://localhost:21', 'probe_target_err_scheme', 'wrong scheme'],
    ['tcp://localhost:8126', 'probe_target_err_scheme', 'not a URL scheme we speak'],
    ['http://user:pw@localhost:8126', 'probe_target_err_userinfo', 'credentials in the URL'],
    ['http://localhost:8126/v0.4/traces', 'probe_target_err_path', 'an endpoint path, not the base'],
    ['2600:1f10::deed:8126', 'probe_target_err_ipv6_brackets', 'IPv6 without brackets (root-causes A7)'],
    ['http://-bad-:8126', 'probe_target_err_host', 'host starting with "-"'],
    ['local host:8126', 'probe_target_err_invalid', 'whitespace inside'],
    ['localhost:8126\nX: y', 'probe_target_err_invalid', 'header injection attempt'],
    ['unix://relative/apm.socket', 'probe_target_err_socket_relative', 'relative socket path'],
    [`unix:///${'a'.repeat(200)}`, 'probe_target_err_socket_long', 'longer than sun_path'],
    ['x'.repeat(5000), 'probe_target_err_long', 'huge string'],
    ['$(rm -rf /)', 'probe_target_err_invalid', 'shell text'],
    ['http://[::1', 'probe_target_err_invalid', 'unclosed bracket'],
    ['a..b:8126', 'probe_target_err_host', 'empty label'],
  ])('%j is rejected with %s (%s)', (input, key) => {
    const r = parseTarget(input);
    expect('error' in r && r.error.key).toBe(key);
  });

  it('never throws, whatever the input (property)', () => {
    fc.assert(
      fc.property(fc.string({maxLength: 300}), (s) => {
        const r = parseTarget(s);
        const sane = 'error' in r || (r.kind === 'unix' ? r.socket?.startsWith('/') === true : r.port !== null && r.port >= 1 && r.port <= 65535);
        expect(sane).toBe(true);
      }),
      {numRuns: 2000},
    );
  });
});

describe('resolveTarget (the order tracers use)', () => {
  const noSocket = () => false;
  const envCases: [Record<string, string>, string, string, string][] = [
    [{DD_TRACE_AGENT_URL: 'http://agent:9999', DD_AGENT_HOST: 'other'}, 'DD_TRACE_AGENT_URL', 'http://agent:9999', 'URL wins over host'],
    [{DD_TRACE_AGENT_URL: 'unix:///tmp/apm.sock'}, 'DD_TRACE_AGENT_URL', 'unix:///tmp/apm.sock', 'unix URL'],
    [{DD_AGENT_HOST: '10.1.2.3'}, 'DD_AGENT_HOST', 'http://10.1.2.3:8126', 'host + default port'],
    [{DD_AGENT_HOST: '10.1.2.3', DD_TRACE_AGENT_PORT: '8127'}, 'DD_AGENT_HOST', 'http://10.1.2.3:8127', 'host + port'],
    [{DD_TRACE_AGENT_PORT: '8127'}, 'DD_TRACE_AGENT_PORT', 'http://localhost:8127', 'port alone → localhost'],
    [{DD_AGENT_HOST: 'fd00::5'}, 'DD_AGENT_HOST', 'http://[fd00::5]:8126', 'IPv6 status.hostIP is bracketed'],
    [{DD_TRACE_AGENT_URL: '  '}, 'default', 'http://localhost:8126', 'blank values do not count'],
    [{}, 'default', 'http://localhost:8126', 'nothing set'],
  ];
  it.each(envCases)('%j → %s %s (%s)', (env, rule, url) => {
    const r = resolveTarget(null, env, noSocket);
    expect('error' in r ? r : {rule: r.rule, url: r.url}).toEqual({rule, url});
  });

  it('uses the default socket only when it exists and no variable decides', () => {
    const asked: string[] = [];
    const r = resolveTarget(null, {}, (p) => (asked.push(p), true));
    expect(asked).toEqual([DEFAULT_SOCKET]);
    expect(!('error' in r) && [r.rule, r.url]).toEqual(['default-socket', `unix://${DEFAULT_SOCKET}`]);
    expect(!('error' in resolveTarget(null, {DD_AGENT_HOST: 'a'}, () => true)) && asked.length).toBe(1);
  });

  it('an argument beats every variable; a bad variable names itself', () => {
    const r = resolveTarget('127.0.0.1:1', {DD_TRACE_AGENT_URL: 'http://x:1'}, noSocket);
    expect(!('error' in r) && [r.rule, r.url]).toEqual(['argument', 'http://127.0.0.1:1']);
    const bad = resolveTarget(null, {DD_TRACE_AGENT_URL: 'https://agent:8126'}, noSocket);
    expect(bad).toEqual({error: {key: 'probe_target_err_https', subs: {input: 'https://agent:8126'}}, variable: 'DD_TRACE_AGENT_URL'});
    const badPort = resolveTarget(null, {DD_AGENT_HOST: 'a', DD_TRACE_AGENT_PORT: '99999'}, noSocket);
    expect('error' in badPort && badPort.variable).toBe('DD_AGENT_HOST');
  });
});

describe('validateVantage', () => {
  it.each([
    [{kind: 'local'}, {kind: 'local'}],
    [{kind: 'docker', container: 'my_app.1-web'}, {kind: 'docker', container: 'my_app.1-web'}],
    [{kind: 'k8s', pod: 'datadog-agent-x7k2p', namespace: 'datadog', container: 'trace-agent', context: 'arn:aws:eks:us-east-1:123:cluster/prod'}, {kind: 'k8s', pod: 'datadog-agent-x7k2p', namespace: 'datadog', container: 'trace-agent', context: 'arn:aws:eks:us-east-1:123:cluster/prod'}],
    [{kind: 'k8s', pod: 'web-0', namespace: null}, {kind: 'k8s', pod: 'web-0'}],
  ])('accepts %j', (raw, expected) => {
    expect(validateVantage(raw)).toEqual(expected);
  });

  const rejects: [unknown, string][] = [
    [null, 'not an object'],
    ['local', 'a string'],
    [{kind: 'ssh'}, 'unknown kind'],
    [{kind: 'local', extra: 1}, 'unknown field'],
    [{kind: 'docker', container: '-it'}, 'leading dash would be a docker flag'],
    [{kind: 'docker', container: 'a b'}, 'space'],
    [{kind: 'docker', container: 'a;rm -rf /'}, 'shell text'],
    [{kind: 'docker', container: 'x'.repeat(200)}, 'too long'],
    [{kind: 'docker', container: 7}, 'not a string'],
    [{kind: 'k8s', pod: 'Web'}, 'upper case'],
    [{kind: 'k8s', pod: '-web'}, 'leading dash'],
    [{kind: 'k8s', pod: 'web', namespace: 'a.b'}, 'namespace is a label, no dots'],
    [{kind: 'k8s', pod: 'web', namespace: 'n'.repeat(64)}, 'namespace over 63'],
    [{kind: 'k8s', pod: 'web', container: '--privileged'}, 'flag as container'],
    [{kind: 'k8s', pod: 'web', context: '--kubeconfig=/etc/x'}, 'flag as context'],
    [{kind: 'k8s', pod: 'web', context: 'a b'}, 'space in context'],
    [{kind: 'k8s', pod: 'p'.repeat(254)}, 'pod over 253'],
  ];
  it.each(rejects)('rejects %j (%s)', (raw) => {
    expect(validateVantage(raw)).toHaveProperty('error');
  });
});
