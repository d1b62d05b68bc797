// Keeps shared/tracers/ and its list in step (STYLE §2): every file is registered, its id is its name.
import {readdirSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {recognizers} from '../../../shared/tracers/index';

const dir = fileURLToPath(new URL('../../../shared/tracers/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
// Helper modules that aren't recognisers say so by name.
const modules = files.filter((f) => !f.startsWith('_'));

describe('tracer recogniser registry', () => {
  it.each(modules)('%s is registered under its file name', async (file) => {
    const mod = (await import(`../../../shared/tracers/${file.replace(/\.ts$/, '')}`)) as {recognizer?: {id: string}};
    expect(mod.recognizer?.id).toBe(file.replace(/\.ts$/, ''));
    expect(recognizers).toContain(mod.recognizer);
  });

  it('has no duplicate ids', () => {
    const ids = recognizers.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
