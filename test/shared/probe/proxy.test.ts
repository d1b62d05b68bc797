import {describe, expect, it} from 'vitest';
import {maskUrlCredentials, noProxyMatch, proxyReport} from '../../../shared/probe/proxy';

describe('NO_PROXY matching (curl / Go httpproxy rules)', () => {
  it.each([
    ['*', 'agent', 8126, '*', 'star exempts all'],
    ['localhost,127.0.0.1', '127.0.0.1', 8126, '127.0.0.1', 'exact IP'],
    ['.svc.cluster.local', 'datadog.default.svc.cluster.local', 8126, '.svc.cluster.local', 'leading dot: subdomains'],
    ['.example.com', 'example.com', 8126, '.example.com', 'leading dot also matches the domain (curl)'],
    ['*.example.com', 'a.example.com', 8126, '*.example.com', '*. prefix'],
    ['example.com', 'agent.example.com', 8126, 'example.com', 'bare domain matches subdomains'],
    ['EXAMPLE.COM', 'agent.example.com', 8126, 'EXAMPLE.COM', 'case-insensitive'],
    ['agent:8126', 'agent', 8126, 'agent:8126', 'entry with the same port'],
    ['10.0.0.0/8', '10.1.2.3', 8126, '10.0.0.0/8', 'CIDR'],
    ['[::1]', '::1', 8126, '[::1]', 'bracketed IPv6'],
    [' a , b ,agent ', 'agent', 8126, 'agent', 'spaces around entries'],
  ])('%j exempts %s:%i (%s)', (np, host, port, entry) => {
    expect(noProxyMatch(np, host, port)).toBe(entry);
  });

  it.each([
    ['agent:8127', 'agent', 8126, 'other port'],
    ['example.com', 'badexample.com', 8126, 'suffix without a dot boundary'],
    ['10.0.0.0/8', '11.0.0.1', 8126, 'outside the CIDR'],
    ['10.0.0.0/99', '10.0.0.1', 8126, 'bad CIDR'],
    ['', 'agent', 8126, 'empty'],
    [',,,', 'agent', 8126, 'only commas'],
  ])('%j does not exempt %s:%i (%s)', (np, host, port) => {
    expect(noProxyMatch(np, host, port)).toBeNull();
  });
});

describe('proxyReport', () => {
  const tcp = (host: string, port = 8126) => ({kind: 'tcp' as const, host, port});

  it('a proxy without NO_PROXY captures the agent address', () => {
    const r = proxyReport(tcp('datadog-agent'), {HTTP_PROXY: 'http://proxy:3128'});
    expect(r).toMatchObject({applies: 'HTTP_PROXY', exemptedBy: null, capturesAgent: true, loopbackTarget: false});
  });

  it('lower-case wins (curl ignores HTTP_PROXY), and no_proxy exempts', () => {
    const r = proxyReport(tcp('datadog-agent'), {http_proxy: 'http://a:1', HTTP_PROXY: 'http://b:2', no_proxy: 'datadog-agent'});
    expect(r).toMatchObject({applies: 'http_proxy', exemptedBy: 'datadog-agent', capturesAgent: false});
  });

  it('HTTPS_PROXY alone does not apply to the plain-HTTP receiver', () => {
    expect(proxyReport(tcp('agent'), {HTTPS_PROXY: 'http://p:1'}).capturesAgent).toBe(false);
  });

  it('flags loopback targets (Go never proxies them) and never proxies a Unix socket', () => {
    expect(proxyReport(tcp('localhost'), {http_proxy: 'http://p:1'})).toMatchObject({capturesAgent: true, loopbackTarget: true});
    expect(proxyReport({kind: 'unix', host: null, port: null}, {http_proxy: 'http://p:1'})).toMatchObject({capturesAgent: false, applies: null});
  });

  it('lists every proxy variable with credentials masked', () => {
    const r = proxyReport(tcp('a'), {HTTPS_PROXY: 'http://user:s3cret@proxy:3128', NO_PROXY: 'a', PATH: '/bin', all_proxy: 'socks5://tok@p:1'});
    expect(r.vars).toEqual([
      {name: 'HTTPS_PROXY', value: 'http://user:********@proxy:3128'},
      {name: 'NO_PROXY', value: 'a'},
      {name: 'all_proxy', value: 'socks5://********@p:1'},
    ]);
  });

  it.each([
    ['http://proxy:3128', 'http://proxy:3128'],
    ['http://u:p@proxy:3128', 'http://u:********@proxy:3128'],
    ['u:p@proxy:3128', 'u:********@proxy:3128'],
    ['http://token@proxy', 'http://********@proxy'],
  ])('maskUrlCredentials(%j) = %j', (input, out) => {
    expect(maskUrlCredentials(input)).toBe(out);
  });
});
