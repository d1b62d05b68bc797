// The static regex-shape check used by the java/python/ruby/go recogniser tests: it must flag
// the backtracking shapes and extract literals the way TypeScript writes them.
import {describe, expect, it} from 'vitest';
import {nestedIn, regexLiterals} from './regex-shape';

describe('the regex-shape check itself', () => {
  it.each([
    ['(?:a+)+', true],
    ['((?:[A-Z]\\w{0,60}::){1,6})', true],
    ['(a|b)*', false],
    ['(\\w{1,9})?', false],
    ['^[\\w.]{0,300}(?:Error|Exception)', false],
    ['(?:, \\d{1,10} x| \\[\\d{1,10} y\\])\\s*$', false],
    ['(?:[^)]{1,4}){2}', true],
  ])('%s nested: %s', (body, nested) => {
    expect(nestedIn(body).length > 0).toBe(nested);
  });

  it('finds the literals of a source file', () => {
    expect(regexLiterals("const A = /a\\/b[/]c/;\nconst B = x / 2;\nif (/(x)+/.test(s)) f(/y/g);")).toEqual(['a\\/b[/]c', '(x)+', 'y']);
  });
});
