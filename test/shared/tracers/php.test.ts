// PHP recogniser on whole log files, the context the web-server rule needs, and pathological input.
import {describe, expect, it} from 'vitest';
import {scanText} from '../../../shared/engine/scan';
import {recognizer} from '../../../shared/tracers/php';
import {expectFindings, expectLinear, expectLinearRecognize, manyLines, oneLine, scanFixture, seen, type Seen} from './agent-test-helpers';

const table: ReadonlyArray<[file: string, why: string, rows: Partial<Seen>[]]> = [
  [
    'logs/php/fpm-docker.log',
    'PHP-FPM relays the diagnostics and the configuration; both name localhost:8126 (libcurl 8 wording)',
    [
      {line: 3, cause: 'refused', lang: 'php', host: 'localhost', port: 8126},
      {line: 4, cause: 'refused', lang: 'php', host: 'localhost', port: 8126, tracerVersion: '1.5.0'},
    ],
  ],
  [
    'logs/php/error-log-uds.log',
    "over UDS curl says localhost:80; the socket comes from the configuration line, even the one printed after it",
    [
      {line: 1, cause: 'refused', lang: 'php', host: null, port: null, socket: '/var/run/datadog/apm.socket'},
      {line: 2, cause: 'refused', lang: 'php', socket: '/var/run/datadog/apm.socket', tracerVersion: '1.5.0'},
      {line: 3, cause: 'refused', lang: 'php', socket: '/var/run/datadog/apm.socket', tracerVersion: '1.5.0'},
    ],
  ],
  [
    'logs/php/nginx-fastcgi-0.x.log',
    '0.x userland transport through nginx: curl errno kept, SELinux denial on TCP keeps the IP',
    [{line: 3, cause: 'uds_permission', lang: 'php', host: '127.0.0.1', port: null, errorCode: 'CURLE 7'}],
  ],
];

describe('php recogniser on log files', () => {
  it.each(table)('%s: %s', (file, _why, rows) => {
    expectFindings(scanFixture(file), rows);
  });

  it('gives the webserver-env rule what it compares: lang php and the address the tracer used', () => {
    // The seed's web-server note: agent_url still localhost although DD_AGENT_HOST was passed.
    const [f] = scanText('[25-Nov-2026 10:00:03 UTC] [ddtrace] [startup] DATADOG TRACER DIAGNOSTICS - agent_error: Failed to connect to localhost port 8126: Connection refused').findings;
    expect(f && seen(f)).toMatchObject({lang: 'php', source: 'tracer', host: 'localhost', port: 8126, url: 'http://localhost:8126'});
  });

  it('takes the timestamp from the error_log prefix that normalisation leaves', () => {
    const [f] = scanText("[25-Nov-2026 10:00:02 UTC] [bgs] curl_easy_perform() failed: Couldn't connect to server").findings;
    expect(f?.timestamp).toBe('25-Nov-2026 10:00:02 UTC');
  });

  it('keeps a bare libcurl line only when it names the agent', () => {
    expect(scanText('Failed to connect to datadog-agent port 8126: Connection refused').findings).toHaveLength(1);
    expect(scanText('Failed to connect to payments port 8080: Connection refused').findings).toEqual([]);
  });
});

describe('php recogniser on pathological input', () => {
  it('recognize() alone on an uncut 1 MB line of its hints finishes in linear time', () => {
    expectLinearRecognize(recognizer, (n) => oneLine(`${recognizer.hints.join(' ')} `, n));
  });

  it('a 1 MB line of its hints repeated finishes in linear time', () => {
    expect(expectLinear(recognizer, (n) => oneLine(`${recognizer.hints.join(' ')} `, n)).length).toBeLessThanOrEqual(4);
  });

  it('a 1 MB line of "Reporting of spans failed: " without its ", error code" finishes in linear time', () => {
    expectLinear(recognizer, (n) => oneLine('Reporting of spans failed: x ', n));
  });

  it('1 MB of curl lines naming other services (weak hints, no findings) finishes in linear time', () => {
    const findings = expectLinear(recognizer, (n) => manyLines('Failed to connect to payments.internal port 8080 after 0 ms: Couldn\'t connect to server', n));
    expect(findings).toEqual([]);
  });
});
