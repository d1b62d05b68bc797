// `npm run new-rule <id>` (STYLE §15) on a copy of the tree: it creates the rule file, lists it
// before the catch-all, adds the id and the en/ko stubs, and the result still type-checks.
import {execFileSync, spawnSync} from 'node:child_process';
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const script = join(repo, 'scripts/new-rule.mjs');
let root = '';

function run(...args: string[]) {
  return spawnSync(process.execPath, [script, ...args, '--root', root], {encoding: 'utf8'});
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'new-rule-'));
  cpSync(join(repo, 'shared'), join(root, 'shared'), {recursive: true});
  cpSync(join(repo, 'tsconfig.json'), join(root, 'tsconfig.json'));
});

afterAll(() => {
  if (root) rmSync(root, {recursive: true, force: true});
});

describe('npm run new-rule', () => {
  it('scaffolds a rule file, its list entry before check-agent, its id and its en/ko stubs', () => {
    const r = run('agent-port-changed');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const rule = readFileSync(join(root, 'shared/rules/agent-port-changed.ts'), 'utf8');
    expect(rule).toContain("id: 'agent-port-changed'");
    expect(rule).toContain('examples: {');
    const index = readFileSync(join(root, 'shared/rules/index.ts'), 'utf8');
    expect(index).toContain("import {rule as agentPortChanged} from './agent-port-changed';");
    expect(index).toMatch(/ {2}agentPortChanged,\n {2}checkAgent,\n\] as const;/);
    const ids = readFileSync(join(root, 'shared/rules/ids.ts'), 'utf8');
    expect(ids).toMatch(/ {2}'agent-port-changed',\n {2}'check-agent',/);
    const texts = readFileSync(join(root, 'shared/i18n/rules.ts'), 'utf8');
    expect(texts).toContain('rule_agent_port_changed_title:');
    expect(texts).toContain('rule_agent_port_changed_explanation:');
  });

  it('leaves a tree that type-checks', () => {
    const tsc = join(repo, 'node_modules/typescript/bin/tsc');
    expect(() => execFileSync(process.execPath, [tsc, '-p', join(root, 'shared')], {encoding: 'utf8'})).not.toThrow();
  });

  it('refuses an id that exists, and a malformed one, changing nothing', () => {
    const before = readFileSync(join(root, 'shared/rules/ids.ts'), 'utf8');
    const again = run('agent-port-changed');
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
    const taken = run('check-agent');
    expect(taken.status).toBe(2);
    const bad = run('Agent_Port');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/not a rule id/);
    expect(existsSync(join(root, 'shared/rules/Agent_Port.ts'))).toBe(false);
    expect(readFileSync(join(root, 'shared/rules/ids.ts'), 'utf8')).toBe(before);
  });
});
