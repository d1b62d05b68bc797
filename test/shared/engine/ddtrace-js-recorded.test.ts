// Recorded real output of dd-trace 2.46 / 3.58 / 4.55 / 5.132 / 6.21 (test/fixtures/logs/nodejs,
// copied from shared/fixtures; see their READMEs) through the engine: every finding of a file
// has the cause and target that file's agent setup produced.
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {scanText} from '../../../shared/engine/scan';
import type {Cause} from '../../../shared/engine/types';

const dir = fileURLToPath(new URL('../../fixtures/logs/nodejs/', import.meta.url));

interface Row {
  file: string;
  cause: Cause | null;
  at?: string;
  status?: number;
  why: string;
}

// What each setup produces (ports are the ones the recording used).
const setups: Record<string, Omit<Row, 'file'>> = {
  'dns.log': {cause: 'dns', at: 'datadog-agent.invalid:8126', why: 'DD_AGENT_HOST does not resolve; port comes from the config line'},
  'ipv6.log': {cause: 'refused', at: '::1:8126', why: '::1 as agent host, nothing listening'},
  'ipv6_long.log': {cause: 'refused', at: '::1:8126', why: '::1 as agent host, nothing listening'},
  'refused.log': {cause: 'refused', why: 'nothing on the configured port'},
  'refused_long.log': {cause: 'refused', why: 'nothing on the configured port'},
  'refused_default.log': {cause: 'refused', at: '127.0.0.1:8126', why: 'nothing on 127.0.0.1:8126'},
  'refused_default_long.log': {cause: 'refused', at: '127.0.0.1:8126', why: 'nothing on 127.0.0.1:8126'},
  'reset.log': {cause: 'reset', why: 'a server that resets the connection'},
  'reset_long.log': {cause: 'reset', why: 'a server that resets the connection'},
  's404.log': {cause: 'http_status', status: 404, why: 'a server answering 404'},
  's413.log': {cause: 'payload_too_large', status: 413, why: 'a server answering 413'},
  's429.log': {cause: 'http_status', status: 429, why: 'a server answering 429'},
  's500.log': {cause: 'http_status', status: 500, why: 'a server answering 500'},
  'uds_missing.log': {cause: 'uds_missing', at: '/var/run/datadog/apm.socket', why: 'unix:// to a missing socket'},
  'uds_missing_long.log': {cause: 'uds_missing', at: '/var/run/datadog/apm.socket', why: 'unix:// to a missing socket'},
  'uds_perm.log': {cause: 'uds_permission', at: '/var/run/datadog/apm.socket', why: 'socket without permission'},
  'hang.log': {cause: null, why: 'the short run ends before dd-trace gives up on a silent agent'},
  // dd-trace destroys the request on its timeout, which Node reports as `socket hang up` (ECONNRESET).
  'hang_long.log': {cause: 'reset', why: 'silent agent: dd-trace times out and Node says socket hang up'},
};

// dd-trace 5.x/6.x retry refused/reset/ENOENT with backoff, so the short runs end before the first error is logged.
const silentShortRuns = new Set(['v5/ipv6.log', 'v5/refused.log', 'v5/refused_default.log', 'v5/reset.log', 'v5/uds_missing.log', 'v6/ipv6.log', 'v6/refused.log', 'v6/refused_default.log', 'v6/reset.log', 'v6/uds_missing.log']);

const rows: Row[] = [];
for (const v of ['v2', 'v3', 'v4', 'v5', 'v6']) {
  for (const [name, setup] of Object.entries(setups)) {
    const file = `dd-trace-js/${v}/${name}`;
    let exists = true;
    try {
      readFileSync(`${dir}${file}`);
    } catch {
      exists = false;
    }
    if (!exists) continue;
    rows.push(silentShortRuns.has(`${v}/${name}`) ? {file, cause: null, why: 'retried with backoff: nothing logged yet'} : {file, ...setup});
  }
}
rows.push(
  {file: 'dd-trace-js-6.21/dns-unresolvable-host.log', cause: 'dns', at: 'datadog-agent.invalid:8126', why: 'ENOTFOUND is not retried, so it shows even without debug'},
  {file: 'dd-trace-js-6.21/dns-unresolvable-host.debug.log', cause: 'dns', at: 'datadog-agent.invalid:8126', why: 'debug run'},
  {file: 'dd-trace-js-6.21/http-413.log', cause: 'payload_too_large', status: 413, why: 'diagnostic line without debug'},
  {file: 'dd-trace-js-6.21/http-413.debug.log', cause: 'payload_too_large', status: 413, why: 'debug run'},
  {file: 'dd-trace-js-6.21/http-404.debug.log', cause: 'http_status', status: 404, why: 'debug run'},
  {file: 'dd-trace-js-6.21/http-404.log', cause: null, why: 'without debug 6.x prints only its configuration'},
  {file: 'dd-trace-js-6.21/refused-default.log', cause: null, why: 'without debug 6.x prints only its configuration (README)'},
  {file: 'dd-trace-js-6.21/refused-default.debug.log', cause: 'refused', at: '127.0.0.1:8126', why: 'debug run'},
  {file: 'dd-trace-js-6.21/hanging-agent.log', cause: null, why: 'a silent agent prints nothing within the run'},
  {file: 'dd-trace-js-6.21/hanging-agent.debug.log', cause: null, why: 'a silent agent prints nothing within the run'},
);

describe('recorded dd-trace-js output', () => {
  it('covers every recorded file of all five majors', () => {
    expect(rows.filter((r) => r.file.startsWith('dd-trace-js/')).length).toBe(5 * 12 + 2 * 6);
  });

  it.each(rows)('$file: $why', ({file, cause, at, status}) => {
    const text = readFileSync(`${dir}${file}`, 'utf8');
    const {findings, configs} = scanText(text);
    const configLines = text.split('\n').filter((l) => l.startsWith('DATADOG TRACER CONFIGURATION')).length;
    expect(configs.length, 'every configuration line is parsed as context').toBe(configLines);
    // Every finding of a file has the same cause, status and address: compare them as one set.
    const seen = new Set(findings.map((f) => JSON.stringify({lang: f.lang, cause: f.cause, status: f.httpStatus ?? undefined, at: f.target.socket ?? `${f.target.host}:${f.target.port}`, versioned: /^\d+\.\d+\.\d+/.test(f.tracerVersion ?? '')})));
    const want = cause === null ? [] : [JSON.stringify({lang: 'nodejs', cause, status, at: at ?? [...seen].map((s) => (JSON.parse(s) as {at: string}).at)[0], versioned: true})];
    expect([...seen]).toEqual(want);
    // Without a fixed address the recording used a random high port.
    expect(findings.every((f) => at !== undefined || (f.target.port ?? 0) > 1024)).toBe(true);
  });
});
