#!/usr/bin/env node
// `npm run new-rule <id>` (STYLE §15): scaffolds a diagnosis rule — the rule file with example
// stubs, its place in shared/rules/index.ts (just before the catch-all), its id in RULE_IDS, and
// stub en/ko texts in shared/i18n/rules.ts. The tests then say what is left to fill in.
//   node scripts/new-rule.mjs <id> [--root <dir>]   (--root: a copy of the tree, for tests)
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

function fail(message) {
  process.stderr.write(`new-rule: ${message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let root = fileURLToPath(new URL('..', import.meta.url));
const rootAt = args.indexOf('--root');
if (rootAt !== -1) {
  if (!args[rootAt + 1]) fail('--root needs a directory');
  root = resolve(args[rootAt + 1]);
  args.splice(rootAt, 2);
}
const id = args[0];
if (!id || args.length !== 1) fail('usage: npm run new-rule <id>   (e.g. npm run new-rule agent-port-changed)');
if (!ID.test(id)) fail(`"${id}" is not a rule id: lower-case words joined by "-" (it becomes the file name)`);

const paths = {
  rule: join(root, 'shared/rules', `${id}.ts`),
  index: join(root, 'shared/rules/index.ts'),
  ids: join(root, 'shared/rules/ids.ts'),
  texts: join(root, 'shared/i18n/rules.ts'),
};
for (const p of [paths.index, paths.ids, paths.texts]) if (!existsSync(p)) fail(`${p} not found`);
if (existsSync(paths.rule)) fail(`${paths.rule} already exists`);

const camel = id.replace(/-([a-z0-9])/g, (_m, c) => c.toUpperCase());
const key = id.replace(/-/g, '_');

const ids = readFileSync(paths.ids, 'utf8');
if (ids.includes(`'${id}'`)) fail(`"${id}" is already in RULE_IDS`);
const index = readFileSync(paths.index, 'utf8');
const texts = readFileSync(paths.texts, 'utf8');
if (texts.includes(`rule_${key}_title`)) fail(`rule_${key}_title already exists in shared/i18n/rules.ts`);

/** Inserts `text` before the first match of `anchor`, or fails naming what it looked for. */
function before(source, anchor, text, what) {
  const at = source.search(anchor);
  if (at === -1) fail(`can't find ${what}`);
  return source.slice(0, at) + text + source.slice(at);
}

// RULE_IDS: before the catch-all.
const newIds = before(ids, /^ {2}'check-agent',$/m, `  '${id}',\n`, "'check-agent' in RULE_IDS");

// index.ts: the import in alphabetical order among the rule imports, the entry before the catch-all.
const importLine = `import {rule as ${camel}} from './${id}';\n`;
const imports = [...index.matchAll(/^import \{rule as \w+\} from '\.\/([\w-]+)';$/gm)];
if (imports.length === 0) fail("can't find the rule imports in shared/rules/index.ts");
const next = imports.find((m) => m[1] > id);
let newIndex = next ? index.slice(0, next.index) + importLine + index.slice(next.index) : (() => {
  const last = imports[imports.length - 1];
  const end = last.index + last[0].length + 1;
  return index.slice(0, end) + importLine + index.slice(end);
})();
newIndex = before(newIndex, /^ {2}checkAgent,$/m, `  ${camel},\n`, 'checkAgent in the rules array');

// Stub texts, before the table's closing line.
const stubs = `
  // ── ${id} (scaffolded: write the real text) ──
  rule_${key}_title: {en: 'TODO: ${id} title', ko: 'TODO: ${id} 제목'},
  rule_${key}_explanation: {
    en: 'TODO: what went wrong at {target}, and the evidence that shows it.',
    ko: 'TODO: {target}에서 무엇이 잘못되었는지와 그 근거.',
  },
`;
const newTexts = before(texts, /^\} as const satisfies Table;$/m, stubs, 'the end of ruleMessages');

const rule = `import {addrOf, diagnosis, envSteps} from './_advice';
import type {DiagnosisRule} from '../engine/types';

/**
 * TODO: the cause this rule names and the evidence that tells it apart from its look-alikes
 * (shared/facts/root-causes.md §…). Rules are tried in the order of shared/rules/index.ts.
 */
export const rule: DiagnosisRule = {
  id: '${id}',
  causes: ['other'],
  envs: [],
  applies: (f, ctx) => {
    // TODO: test the evidence (cause, target, excerpt, ctx.findings, ctx.facts, ctx.env).
    if (f.cause !== 'other' || !f.excerpt.includes('TODO-evidence')) return null;
    const a = addrOf(f);
    return diagnosis('${id}', {subs: {target: a.shown}, advice: [...envSteps(ctx.env, a)]});
  },
  examples: {
    matches: [{text: 'TODO: a real log line this rule diagnoses', why: 'TODO: why'}],
    ignores: [{text: 'TODO: a look-alike line that another rule diagnoses', why: 'TODO: why not this rule'}],
  },
  sources: ['TODO: shared/facts/… section, issue, or tracer source path'],
};
`;

writeFileSync(paths.rule, rule);
writeFileSync(paths.ids, newIds);
writeFileSync(paths.index, newIndex);
writeFileSync(paths.texts, newTexts);
process.stdout.write(
  [
    `created shared/rules/${id}.ts; added it to shared/rules/index.ts (before check-agent) and RULE_IDS;`,
    `added rule_${key}_title / rule_${key}_explanation stubs to shared/i18n/rules.ts.`,
    'Next: write applies() and real examples, move the entry in index.ts to where it belongs, write the en/ko',
    'text (and any advice_… keys), then: npx vitest run test/shared/rules',
    '',
  ].join('\n'),
);
