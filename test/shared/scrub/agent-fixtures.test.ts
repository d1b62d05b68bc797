// The agent's own scrubber tests (test/fixtures/agent/scrubber-cases.jsonl: 34 verbatim rows of
// DataDog/datadog-agent pkg/util/scrubber/default_test.go @ c8a04fce, 7 derived), compared the
// way the agent's assertClean compares: ScrubBytes semantics, surrounding whitespace trimmed.
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {KEPT_SUFFIX, scrubConfig, scrubText} from '../../../shared/scrub/index';
import {repoRoot} from '../../helpers/cli';

interface Case {
  id: string;
  input: string;
  expected: string;
  replacer: string;
  kind: string;
  compare: string;
}

const local = path.resolve(repoRoot, 'test/fixtures/agent/scrubber-cases.jsonl');
const upstream = path.resolve(repoRoot, '../shared/fixtures/agent/scrubber-cases.jsonl');
const read = (file: string): Case[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Case);
const cases = read(local);

describe('agent scrubber fixtures', () => {
  // CI lays /work/shared beside the clone as ../shared; the committed copy keeps the test
  // independent of that, and this keeps the two from drifting apart.
  it.skipIf(!existsSync(upstream))('the committed copy equals ../shared/fixtures', () => {
    expect(readFileSync(local, 'utf8')).toBe(readFileSync(upstream, 'utf8'));
  });

  it('every row asks for the trimmed comparison we implement', () => {
    expect(cases.length).toBeGreaterThanOrEqual(41);
    expect(cases.filter((c) => c.compare !== 'trim-surrounding-whitespace').map((c) => c.id)).toEqual([]);
  });

  // Config mode IS the agent's ScrubBytes: every row must pass, none is excused.
  it.each(cases.map((c) => [c.id, c] as const))('%s passes in config mode (agent ScrubBytes)', (_id, c) => {
    expect(scrubConfig(c.input).trim()).toBe(c.expected.trim());
  });

  // Log mode keeps every line (a log or the bundle must not lose lines); rows whose agent
  // result depends on dropping `#` comment lines differ by design, and say so here.
  const logModeDiffers: Record<string, {expected: (c: Case) => string; why: string}> = {
    'TestConfig-1': {
      expected: (c) => c.expected.replace('kubelet_auth_token_path: /foo/bar/kube_token\n', 'kubelet_auth_token_path: /foo/bar/kube_token\n# comment to strip\n'),
      why: 'the agent drops `# comment to strip` from config files; log mode keeps every line (comments are scrubbed like any line)',
    },
  };
  it.each(cases.map((c) => [c.id, c] as const))('%s in log mode (scrubText)', (id, c) => {
    const differs = logModeDiffers[id];
    expect(scrubText(c.input).trim()).toBe((differs ? differs.expected(c) : c.expected).trim());
  });

  it('the log-mode exceptions name real rows and carry a reason', () => {
    const ids = new Set(cases.map((c) => c.id));
    expect(Object.keys(logModeDiffers).filter((id) => !ids.has(id))).toEqual([]);
    expect(Object.values(logModeDiffers).every((d) => d.why.length > 20)).toBe(true);
  });
});

// The 5-vs-4 choice, made visible: these rows are where the newest agent main (2026, 28/36
// stars + 4) would differ from the released agents (27/35 + 5) that the fixtures encode.
describe('kept suffix: 5 characters like agent releases 7.33–7.78, not 4 like 2026 main', () => {
  const rows = [
    {id: 'TestConfigStripApiKey-1', newest: 'api_key: "****************************bbbb"', why: '32-hex YAML API key'},
    {id: 'TestTextStripApiKey-1', newest: 'Error status code 500 : http://dog.tld/api?key=****************************d88c', why: '32-hex key in a URL'},
    {id: 'TestConfigAppKey-2', newest: 'app_key: "************************************BBBB"', why: '40-hex application key'},
    {id: 'DerivedAPM-1', newest: 'DD_API_KEY=****************************cdef', why: 'DD_API_KEY env line'},
  ];
  it.each(rows)('$id ($why) keeps 5, not the newest main’s 4', ({id, newest}) => {
    const c = cases.find((x) => x.id === id);
    expect(c).toBeDefined();
    const out = scrubConfig(c?.input ?? '').trim();
    expect(out).toBe(c?.expected.trim());
    expect(out).not.toBe(newest);
    expect(KEPT_SUFFIX).toBe(5);
  });
});
