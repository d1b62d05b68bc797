// What the content script should annotate, according to the engine itself: the trimmed first
// line of every finding the shared engine reports for the same text. Browser tests compare the
// page's highlights with this, so they check the content side (reading rows, splitting lines,
// mapping findings back to text) without restating the engine's rules.
import {readFileSync} from 'node:fs';
import {scanText} from '../../../shared/engine/api';
import {PAGES} from './server';

export function logLines(...names: string[]): string[] {
  return names
    .map((n) => readFileSync(`${PAGES}/_logs/${n}`, 'utf8'))
    .join('\n')
    .split('\n')
    .filter((l) => l.trim().length > 0);
}

/** The same grouping as the fixture pages' groupEvents (test/fixtures/pages/_shared/fixture.js). */
export function groupEvents(lines: readonly string[]): string[] {
  const events: string[][] = [];
  for (const line of lines) {
    const last = events[events.length - 1];
    if (last && /^(\s|\}|[a-z]+: .*,$)/.test(line)) last.push(line);
    else events.push([line]);
  }
  return events.map((e) => e.join('\n'));
}

/** The first line (trimmed) of each finding in `text`, in order. */
export function expectedHighlights(text: string): string[] {
  const lines = text.split('\n');
  return scanText(text).findings.map((f) => (lines[f.line - 1] ?? '').trim());
}

export function sorted(list: readonly string[]): string[] {
  return [...list].sort();
}
