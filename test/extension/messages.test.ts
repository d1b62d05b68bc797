import {describe, expect, it} from 'vitest';
import {MAX_FINDINGS_PER_FRAME, parseBackgroundMessage, parseContentMessage, parseUiRequest} from '../../extension/messages';
import {normalizeOrigin, originPattern, readEnabledOrigins, readEnvOverrides} from '../../extension/lib/settings';

const finding = {
  rule: 'check-agent',
  cause: 'refused',
  lang: 'nodejs',
  source: 'tracer',
  target: {url: 'http://127.0.0.1:8126', host: '127.0.0.1', port: 8126, socket: null},
  tracerVersion: null,
  lineText: 'Error: connect ECONNREFUSED 127.0.0.1:8126',
  excerpt: 'Error: connect ECONNREFUSED 127.0.0.1:8126',
  title: {key: 'rule_check_agent_title'},
  explanation: {key: 'rule_check_agent_explanation', subs: {url: 'http://127.0.0.1:8126'}},
  advice: [],
};
const report = {v: 1, type: 'content-findings', findings: [finding], env: 'docker', envSource: 'detected', adapter: 'generic'};

describe('content → background messages are validated where they arrive', () => {
  it('accepts a well-formed findings report and probe request', () => {
    expect(parseContentMessage(report)).toEqual(report);
    expect(parseContentMessage({v: 1, type: 'content-probe', id: 'p1', target: finding.target})).not.toBeNull();
  });

  // Each row: a message a hostile page (or a stale content script) could send, and why it is refused.
  it.each<[unknown, string]>([
    [{...report, v: 2}, 'another protocol version'],
    [{...report, type: 'content-bridge'}, 'an unknown type'],
    [{...report, env: 'mars'}, 'an env that does not exist'],
    [{...report, findings: [{...finding, cause: 'bogus'}]}, 'a cause that does not exist'],
    [{...report, findings: [{...finding, advice: [{key: 1}]}]}, 'advice that is not a message'],
    [{...report, findings: Array.from({length: MAX_FINDINGS_PER_FRAME + 1}, () => finding)}, 'more findings than one frame may report'],
    [{v: 1, type: 'content-probe', id: 'x'.repeat(65), target: finding.target}, 'an oversized id'],
    [{v: 1, type: 'content-probe', id: 'p1', target: {url: 1}}, 'a malformed target'],
    ['content-findings', 'not an object'],
  ])('refuses %j (%s)', (raw) => {
    expect(parseContentMessage(raw)).toBeNull();
  });

  it('parses background replies and UI requests strictly', () => {
    expect(parseBackgroundMessage({v: 1, type: 'bg-probe-result', id: 'p1', outcome: {ok: false, code: 'bridge-not-connected'}})).not.toBeNull();
    expect(parseBackgroundMessage({v: 1, type: 'bg-probe-result', id: 'p1', outcome: {ok: 'false', code: 'bridge-not-connected'}})).toBeNull();
    expect(parseUiRequest({v: 1, type: 'ui-env-override', scope: '*', env: null})).not.toBeNull();
    expect(parseUiRequest({v: 1, type: 'ui-env-override', scope: '*', env: 'moon'})).toBeNull();
    expect(parseUiRequest({v: 1, type: 'ui-tab-findings', tabId: '3'})).toBeNull();
  });
});

describe('settings', () => {
  it('normalises origins and builds port-less match patterns', () => {
    expect(normalizeOrigin('https://Grafana.Example.com:3000/explore?x=1')).toBe('https://grafana.example.com:3000');
    expect(normalizeOrigin('ftp://example.com')).toBeNull();
    expect(normalizeOrigin('https://user:pw@example.com')).toBeNull();
    expect(normalizeOrigin('not a url')).toBeNull();
    expect(originPattern('https://grafana.example.com:3000')).toBe('https://grafana.example.com/*');
  });

  it('ignores corrupt stored values', () => {
    expect(readEnabledOrigins({enabledOrigins: ['https://a.example', 'https://b.example/path', 7]})).toEqual(['https://a.example']);
    expect(readEnvOverrides({envOverrides: {'*': 'eks', 'https://a.example': 'nowhere'}})).toEqual({'*': 'eks'});
    expect(readEnvOverrides({envOverrides: 'eks'})).toEqual({});
  });
});
