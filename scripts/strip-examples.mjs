// A Vite plugin for the shipped bundles (extension and CLI): empties the `examples` of every
// recogniser, rule and scrub replacer. Examples are test data (each module's own test runs them
// from the TypeScript source); shipped, they were ~120 KB of the content script's ~390 KB, parsed
// in every page it runs in. The object keeps its keys (`matches: []`, …), so its shape is the same.
import ts from 'typescript';

const DIRS = /[\\/]shared[\\/](tracers|rules|scrub[\\/]replacers)[\\/][^\\/]+\.ts$/;

/** `code` with each `examples: {…}` object literal's values replaced by empty arrays. */
export function stripExamplesFrom(code, fileName = 'x.ts') {
  if (!code.includes('examples')) return code;
  const file = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const cuts = [];
  const visit = (node) => {
    if (ts.isPropertyAssignment(node) && node.name.getText(file) === 'examples' && ts.isObjectLiteralExpression(node.initializer)) {
      const keys = node.initializer.properties.map((p) => p.name?.getText(file)).filter(Boolean);
      cuts.push({start: node.initializer.getStart(file), end: node.initializer.getEnd(), text: `{${keys.map((k) => `${k}: []`).join(', ')}}`});
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = code;
  for (const c of cuts.sort((a, b) => b.start - a.start)) out = out.slice(0, c.start) + c.text + out.slice(c.end);
  return out;
}

export function stripExamples() {
  return {
    name: 'strip-examples',
    enforce: 'pre',
    transform(code, id) {
      if (!DIRS.test(id)) return null;
      const out = stripExamplesFrom(code, id);
      return out === code ? null : {code: out, map: null};
    },
  };
}
