// `agent status` parsers on ALL recorded outputs in shared/fixtures/agent plus ours.
import {readdirSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {findSection, isDebugPort, parseApmSectionLines, parseApmStats, parseStatusJson, parseStatusText} from '../../../shared/agent/status-parse';
import {ourFixture, sharedAgentFixtures, sharedFixture} from '../../bridge/probe-helpers';

describe('agent status text parser', () => {
  it('covers every recorded status text fixture', () => {
    const files = readdirSync(sharedAgentFixtures).filter((f) => /^status.*\.txt$|^trace-agent-info.*\.txt$/.test(f));
    expect(files.sort()).toEqual(['status-apm-error.txt', 'status-apm-not-running.txt', 'status-apm-running.txt', 'trace-agent-info-okay-testdata.txt']);
  });

  it('reads the verbatim running section (Heroku, Ruby client)', () => {
    const {apm} = parseStatusText(sharedFixture('status-apm-running.txt'));
    expect(apm).toMatchObject({
      state: 'running',
      pid: 54,
      uptimeSeconds: 85,
      memAllocBytes: 13971888,
      hostname: 'ruby-heroku-datadog.web.1',
      receiver: {host: 'localhost', port: 8126},
      endpoints: ['https://trace.agent.datadoghq.com'],
      noTracesLastMinute: false,
      tracesReceivedLastMinute: 43,
      defaultSamplingRatePercent: 100,
      warnings: [],
    });
    expect(apm.clients).toEqual([
      {lang: 'ruby', langVersion: '2.6.6', interpreter: 'ruby-x86_64-linux', tracerVersion: '0.48.0', connectionType: null, tracesReceived: 43, tracesBytes: 55431, spansReceived: 129, payloadRefused: null, warnings: []},
    ]);
    expect(apm.samplingRates).toEqual([
      {key: 'service:ruby-heroku-datadog,env:', percent: 100},
      {key: 'service:ruby-heroku-datadog,env:production', percent: 100},
    ]);
    expect(apm.writer.traces).toEqual({payloads: 0, items: 0, events: 0, bytes: 0, errors: 0});
  });

  it('reads the 7.81.3 not-running capture and says 5012 is the debug port, not the receiver', () => {
    const {apm} = parseStatusText(sharedFixture('status-apm-not-running.txt'));
    expect(apm.state).toBe('not-running');
    expect(apm.unreachable).toEqual({host: 'localhost', port: 5012});
    expect(apm.unreachableIsDebugPort).toBe(true);
    expect(apm.error).toBe('Get "https://localhost:5012/debug/vars": dial tcp 127.0.0.1:5012: connect: connection refused');
    expect(apm.receiver).toBeNull();
  });

  it('reads the old 7.36.1 form, where the unreachable port IS the receiver (8126)', () => {
    const {apm} = parseStatusText(ourFixture('status/status-apm-not-running-7.36.1-port8126.txt'));
    expect(apm.state).toBe('not-running');
    expect(apm.unreachable).toEqual({host: 'localhost', port: 8126});
    expect(apm.unreachableIsDebugPort).toBe(false);
  });

  it('tolerates the newest "Status: Unavailable" wording and takes the port from the error', () => {
    const {apm} = parseStatusText(ourFixture('status/status-apm-unavailable-main-2026.txt'));
    expect(apm.state).toBe('unavailable');
    expect(apm.unreachable).toEqual({host: 'localhost', port: 5012});
    expect(apm.unreachableIsDebugPort).toBe(true);
  });

  it('reads writer errors and several clients (composed from the component template)', () => {
    const {apm} = parseStatusText(sharedFixture('status-apm-error.txt'));
    expect(apm.receiver).toEqual({host: '0.0.0.0', port: 8126});
    expect(apm.clients.map((c) => [c.lang, c.tracerVersion, c.tracesReceived])).toEqual([
      ['java', '1.31.0~1c8f0b1e24', 1204],
      ['python', '2.8.5', 311],
    ]);
    expect(apm.clients[0]?.interpreter).toBe('OpenJDK 64-Bit Server VM');
    expect(apm.tracesReceivedLastMinute).toBe(1515);
    expect(apm.writer.traces?.errors).toBe(4);
    expect(apm.writer.stats?.errors).toBe(2);
    expect(apm.warnings).toEqual(['Traces API errors (1 min): 4', 'Stats API errors (1 min): 2']);
    expect(apm.samplingRates).toEqual([{key: 'service:checkout,env:prod', percent: 21.4}]);
  });

  it('reads the `UDS receiver` and `via uds` lines of the newest template', () => {
    const {apm} = parseStatusText(ourFixture('status/status-apm-running-uds-main-2026.txt'));
    expect(apm.udsReceiver).toBe('/var/run/datadog/apm.socket');
    expect(apm.clients[0]?.connectionType).toBe('uds');
    expect(apm.clients[0]?.tracerVersion).toBe('2.8.5');
  });

  it('reads `trace-agent info` output (its own banner, "%" with a space)', () => {
    const {apm} = parseStatusText(sharedFixture('trace-agent-info-okay-testdata.txt'));
    expect(apm).toMatchObject({state: 'running', version: '0.99.0', pid: 38149, uptimeSeconds: 15, memAllocBytes: 773552, receiver: {host: 'localhost', port: 8126}});
    expect(apm.endpoints).toEqual(['https://trace1.agent.datadoghq.com', 'https://trace2.agent.datadoghq.com']);
    expect(apm.samplingRates).toEqual([{key: 'service:myapp,env:dev', percent: 12.3}]);
    expect(apm.clients[0]?.lang).toBeNull();
  });

  it('finds the APM section inside a whole `agent status` and stops at the next section', () => {
    const text = ourFixture('status/full-status-text-composed.txt');
    const r = parseStatusText(text);
    expect(r.agentVersion).toBe('7.30.1');
    expect(r.apm.pid).toBe(54);
    expect(r.rawSection).not.toMatch(/Aggregator|Checks Metric/);
    expect(findSection(text, 'Aggregator')?.join('\n')).toMatch(/Checks Metric Sample: 432/);
  });

  it('says when the core agent did not answer', () => {
    const r = parseStatusText('Getting the status from the agent.\n\nCould not reach agent: Get "https://localhost:5001/agent/status": dial tcp [::1]:5001: connect: connection refused \nMake sure the agent is running before requesting the status and contact support if you continue having issues. \n');
    expect(r.coreUnreachable).toMatch(/^Get "https:\/\/localhost:5001/);
    expect(r.apm.state).toBe('absent');
  });

  it('never throws on garbage and finds nothing in it', () => {
    for (const junk of ['', '=====\n', 'APM Agent', '\u0000\u0001', '='.repeat(100000), 'Status: Running'.repeat(1000)]) {
      expect(() => parseStatusText(junk)).not.toThrow();
    }
    expect(parseApmSectionLines(['Receiver: nonsense', 'Traces received: x']).receiver).toBeNull();
  });

  it('isDebugPort: 5012 yes, 8126 no, a custom debug port named in the error yes', () => {
    expect(isDebugPort(5012, null)).toBe(true);
    expect(isDebugPort(8126, 'Get "http://localhost:8126/debug/vars"')).toBe(false);
    expect(isDebugPort(5999, 'Get "https://localhost:5999/debug/vars": …')).toBe(true);
    expect(isDebugPort(null, null)).toBe(false);
  });
});

describe('agent status --json parser', () => {
  it('covers every recorded JSON fixture', () => {
    const files = readdirSync(sharedAgentFixtures).filter((f) => /^(status|trace-agent).*\.json$/.test(f));
    expect(files.sort()).toEqual(['status-apmStats-not-running.json', 'status.json', 'trace-agent-debug-vars-uds-testdata.json']);
  });

  it('reads status.json (apmStats running, pid as a string)', () => {
    const r = parseStatusJson(sharedFixture('status.json'));
    expect(r?.agentVersion).toBe('7.81.3');
    expect(r?.apm).toMatchObject({
      state: 'running',
      pid: 3502,
      uptimeSeconds: 1795,
      version: '7.81.3',
      receiver: {host: 'localhost', port: 8126},
      udsReceiver: '/var/run/datadog/apm.socket',
      endpoints: ['https://trace.agent.datadoghq.com'],
      tracesReceivedLastMinute: 311,
      defaultSamplingRatePercent: 100,
      samplingRates: [{key: 'service:checkout,env:prod', percent: 21.4}],
    });
    expect(r?.apm.clients[0]).toMatchObject({lang: 'python', connectionType: 'uds', tracesReceived: 311, payloadRefused: 0});
    expect(r?.apm.writer.stats).toEqual({payloads: 6, items: 11, events: null, bytes: 9876, errors: 0});
  });

  it('reads the {port, error} apmStats as not running on the debug port', () => {
    const r = parseStatusJson(sharedFixture('status-apmStats-not-running.json'));
    expect(r?.apm).toMatchObject({state: 'not-running', unreachable: {host: 'localhost', port: 5012}, unreachableIsDebugPort: true});
  });

  it('reads a bare trace-agent /debug/vars (uds testdata: two clients over tcp and uds, rate limiter at 100%)', () => {
    const r = parseStatusJson(sharedFixture('trace-agent-debug-vars-uds-testdata.json'));
    expect(r?.apm.pid).toBe(38149);
    expect(r?.apm.clients.map((c) => c.connectionType)).toEqual(['tcp', 'uds']);
    expect(r?.apm.tracesReceivedLastMinute).toBe(54);
    expect(r?.apm.rateLimiterKeepPercent).toBeNull();
    expect(r?.apm.endpoints).toHaveLength(2);
  });

  it('text and JSON of the same agent read alike', () => {
    const fromJson = parseStatusJson(sharedFixture('status.json'))?.apm;
    const fromText = parseStatusText(ourFixture('status/status-apm-running-uds-main-2026.txt')).apm;
    for (const k of ['pid', 'uptimeSeconds', 'memAllocBytes', 'udsReceiver', 'endpoints', 'tracesReceivedLastMinute', 'defaultSamplingRatePercent', 'samplingRates'] as const) {
      expect({[k]: fromText[k]}).toEqual({[k]: fromJson?.[k]});
    }
  });

  it('reports a rate limiter below 100% and client warnings like the template', () => {
    const apm = parseApmStats({pid: 1, ratelimiter: {TargetRate: 0.5}, receiver: [{Lang: 'go', TracesReceived: 3, WarnString: 'traces dropped'}], trace_writer: {Errors: 2}});
    expect(apm.rateLimiterKeepPercent).toBe(50);
    expect(apm.warnings).toEqual(['Rate-limiter keep percentage: 50%', 'traces dropped', 'Traces API errors (1 min): 2']);
  });

  it('skips a banner before the JSON, and says null for no JSON at all', () => {
    expect(parseStatusJson(`Getting the status from the agent.\n\n${sharedFixture('status.json')}`)?.agentVersion).toBe('7.81.3');
    expect(parseStatusJson('Error: unknown flag: --json')).toBeNull();
    expect(parseStatusJson('{not json')).toBeNull();
  });

  it('an apmStats-less status says "absent"', () => {
    expect(parseStatusJson('{"version":"6.19.0"}')?.apm.state).toBe('absent');
  });
});
