// A static check for STYLE habit 4 ("regexes stay linear, no nested quantifiers"): finds the
// regex literals of a source file and reports each quantified group that contains a
// quantifier — `(?:a+)+`, `(\w{1,9}::){1,6}` — the shape that can backtrack exponentially.
// Timing tests catch slowness on the inputs we thought of; this catches the shape on all inputs.

/** Regex literals in TypeScript source: a `/` where an expression starts, up to its closing `/`. */
export function regexLiterals(source: string): string[] {
  const out: string[] = [];
  const start = /(?:^|[=(,:[!&|?{};]|\breturn|\btest)\s*\/(?![/*])/gm;
  let m: RegExpExecArray | null;
  while ((m = start.exec(source))) {
    let i = m.index + m[0].length;
    let inClass = false;
    let body = '';
    for (; i < source.length; i++) {
      const c = source[i]!;
      if (c === '\n') break;
      if (c === '\\') {
        body += c + (source[i + 1] ?? '');
        i++;
        continue;
      }
      if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      else if (c === '/' && !inClass) break;
      body += c;
    }
    if (source[i] === '/' && body.length > 0) out.push(body);
    start.lastIndex = i + 1;
  }
  return out;
}

const QUANTIFIER = /^(?:[*+?]|\{\d+(?:,\d*)?\})/;

function repeats(q: string): boolean {
  if (q === '?') return false;
  const braces = /^\{(\d+)(?:,(\d*))?\}$/.exec(q);
  if (!braces) return true;
  if (braces[2] === undefined) return Number(braces[1]) > 1;
  return braces[2] === '' || Number(braces[2]) > 1;
}

/** The groups of one regex body that repeat while containing a repeat. */
export function nestedIn(body: string): string[] {
  const found: string[] = [];
  const stack: {start: number; inner: boolean}[] = [];
  let inClass = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\') {
      i++;
      const q = QUANTIFIER.exec(body.slice(i + 1))?.[0];
      if (q && repeats(q) && stack.length) stack[stack.length - 1]!.inner = true;
      continue;
    }
    if (inClass) {
      if (c === ']') {
        inClass = false;
        const q = QUANTIFIER.exec(body.slice(i + 1))?.[0];
        if (q && repeats(q) && stack.length) stack[stack.length - 1]!.inner = true;
      }
      continue;
    }
    if (c === '[') {
      inClass = true;
      continue;
    }
    if (c === '(') {
      stack.push({start: i, inner: false});
      continue;
    }
    const q = QUANTIFIER.exec(body.slice(i + 1))?.[0];
    if (c === ')') {
      const g = stack.pop();
      if (!g) continue;
      if (q && repeats(q) && g.inner) found.push(body.slice(g.start, i + 1) + q);
      if (g.inner || (q && repeats(q))) if (stack.length) stack[stack.length - 1]!.inner = true;
      continue;
    }
    if (q && repeats(q) && stack.length) stack[stack.length - 1]!.inner = true;
  }
  return found;
}

export function nestedQuantifiers(source: string): string[] {
  return regexLiterals(source).flatMap(nestedIn);
}
