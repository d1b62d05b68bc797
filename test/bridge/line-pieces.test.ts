// The CLI's file reader without the sieve: pieces join back to the file's text exactly (multi-byte
// characters, no final newline) but for a line longer than a read, of which only the head goes on;
// and a piece ends at a newline unless a line is longer than a whole read block.
import {closeSync, mkdtempSync, openSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {readLinePieces} from '../../bridge/line-pieces';

const dir = mkdtempSync(join(tmpdir(), 'apm-pieces-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

function pieces(text: string, live = false): {pieces: string[]; expected: string} {
  const file = join(dir, 'log');
  const bytes = Buffer.from(text);
  writeFileSync(file, bytes);
  const fd = openSync(file, 'r');
  const out: string[] = [];
  try {
    readLinePieces(fd, (p) => out.push(p), live);
    return {pieces: out, expected: text};
  } finally {
    closeSync(fd);
  }
}

describe('readLinePieces', () => {
  it('splits a large log at newlines and joins back to it exactly', () => {
    const text = Array.from({length: 60_000}, (_, i) => `2026-11-25 INFO 안녕 ${i} é😀 ${'x'.repeat(i % 90)}`).join('\n');
    const r = pieces(text);
    expect(r.pieces.join('')).toBe(r.expected);
    expect(r.pieces.length).toBeGreaterThan(20);
    expect(r.pieces.slice(0, -1).every((p) => p.endsWith('\n'))).toBe(true);
    expect(r.pieces.at(-1)?.endsWith('\n')).toBe(false);
  });

  it('keeps multi-byte characters whole when a line is longer than a read block, and hands on only its head', () => {
    const text = `start\n${'한'.repeat(900_000)}\nend 😀\n`;
    const joined = pieces(text).pieces.join('');
    expect(joined).not.toContain('\uFFFD');
    expect(joined.startsWith('start\n')).toBe(true);
    expect(joined.endsWith('\nend 😀\n')).toBe(true);
    const kept = joined.slice('start\n'.length, -'\nend 😀\n'.length);
    // At least what the scanner reads of a line (64K characters); the 2.7 MB line is not copied whole.
    expect(kept).toBe('한'.repeat(kept.length));
    expect(kept.length).toBeGreaterThanOrEqual(64 * 1024);
    expect(Buffer.byteLength(kept)).toBeLessThan(1.5 * 1024 * 1024);
  });

  it('live (a pipe): still joins back exactly, every piece but the last ending at a newline', () => {
    const text = Array.from({length: 60_000}, (_, i) => `2026-11-25 INFO 안녕 ${i} é😀 ${'x'.repeat(i % 90)}`).join('\n');
    const r = pieces(text, true);
    expect(r.pieces.join('')).toBe(r.expected);
    expect(r.pieces.slice(0, -1).every((p) => p.endsWith('\n'))).toBe(true);
  });

  it('reads an empty file as nothing', () => {
    expect(pieces('').pieces).toEqual([]);
  });
});
