// Pasted `agent status` output: every recorded APM section (copies in test/fixtures/agent/, and
// the originals in ../shared when CI lays it beside the clone), and pathological input.
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {scanText} from '../../../shared/engine/scan';
import {recognizer} from '../../../shared/tracers/agent-status';
import {expectFindings, expectLinear, expectLinearRecognize, fixturesDir, manyLines, oneLine, readFixture, seen, type Seen} from './agent-test-helpers';

const repoRoot = path.resolve(fixturesDir, '../..');
const sharedAgentFixtures = path.resolve(repoRoot, '../shared/fixtures/agent');

const table: ReadonlyArray<[file: string, why: string, rows: Partial<Seen>[]]> = [
  ['status-apm-running.txt', 'APM running (Heroku docs capture)', []],
  ['status-apm-error.txt', 'running with writer errors: the agent fails to reach Datadog (root-causes G1), tracers reach the agent', []],
  [
    'status-apm-not-running.txt',
    'Agent 7.81.3: not running or unreachable on the DEBUG port 5012 (https), named as printed',
    [{cause: 'apm_not_running', source: 'status', lang: 'unknown', host: 'localhost', port: 5012, url: 'https://localhost:5012'}],
  ],
  ['status-apmStats-not-running.json', '`agent status --json` failure object', [{cause: 'apm_not_running', source: 'status', host: 'localhost', port: 5012}]],
];

describe('agent-status recogniser on recorded agent status outputs', () => {
  it.each(table)('%s: %s', (file, _why, rows) => {
    expectFindings(scanText(readFixture(`agent/${file}`)).findings.map(seen), rows);
  });

  it.skipIf(!existsSync(sharedAgentFixtures))('the copies in test/fixtures/agent match ../shared/fixtures/agent', () => {
    const files = table.map(([file]) => file);
    expect(files.map((f) => [f, readFixture(`agent/${f}`)])).toEqual(files.map((f) => [f, readFileSync(path.join(sharedAgentFixtures, f), 'utf8')]));
  });

  it.skipIf(!existsSync(sharedAgentFixtures))('covers every status-apm-*.txt in ../shared/fixtures/agent', () => {
    const recorded = readdirSync(sharedAgentFixtures).filter((f) => /^status-apm.*\.(txt|json)$/.test(f));
    expect(recorded.sort()).toEqual(table.map(([f]) => f).sort());
  });

  it('finds the APM section inside a whole pasted status, once', () => {
    const whole = `Getting the status from the agent.\n\n===============\nAgent (v7.81.3)\n===============\n\n  Status date: 2026-07-01 10:00:00.000 UTC (1782900000000)\n\n${readFixture('agent/status-apm-not-running.txt')}\n==========\nAggregator\n==========\n  Checks Metric Sample: 1,234\n`;
    expect(scanText(whole).findings.map((f) => [f.cause, f.target.port])).toEqual([['apm_not_running', 5012]]);
  });
});

describe('agent-status recogniser on pathological input', () => {
  it('recognize() alone on an uncut 1 MB line of its hints finishes in linear time', () => {
    expectLinearRecognize(recognizer, (n) => oneLine(`${recognizer.hints.join(' ')} `, n));
  });

  it('a 1 MB line of its hints repeated finishes in linear time', () => {
    expect(expectLinear(recognizer, (n) => oneLine(`${recognizer.hints.join(' ')} `, n)).length).toBeLessThanOrEqual(4);
  });

  it('an apmStats object with a 1 MB unterminated error string finishes in linear time', () => {
    expectLinear(recognizer, (n) => `{"apmStats": {"port": 5012, "error": "${oneLine('\\"', n)}`);
  });

  it('1 MB of "Status: Unavailable" from other sections (no findings) finishes in linear time', () => {
    const findings = expectLinear(recognizer, (n) => manyLines('  Status: Unavailable', n));
    expect(findings).toEqual([]);
  });
});
