// The scrubber: the rule list of ./replacers applied the way the agent's Scrubber applies it
// (DataDog/datadog-agent pkg/util/scrubber/scrubber.go): every line rule whose hints occur, in
// order, on each line; then the text rules on the whole text.
//
//   scrubText   logs, Markdown, anything we show: every line is kept as written (comments too)
//   scrubConfig a config file, as the flare scrubs datadog.yaml (`ScrubBytes`): `#` comment lines
//               dropped, blank lines emptied, CRs removed — what the agent's own tests assert
//   scrubData   structured data (JSON): key rules first (the agent's ScrubDataObj), then every
//               key and string through scrubText
import {REDACTED} from './mask';
import {replacers as defaultReplacers} from './replacers/index';
import type {Replacer} from './types';

function hinted(r: Replacer, text: string): boolean {
  return r.hints.length === 0 || r.hints.some((h) => text.includes(h));
}

export function scrubLine(line: string, list: readonly Replacer[] = defaultReplacers): string {
  let out = line;
  for (const r of list) {
    if (r.kind === 'line' && r.replace && hinted(r, out)) out = r.replace(out);
  }
  return out;
}

/** The text rules (the agent's MultiLine replacers) on an already line-scrubbed text. */
export function scrubMultiline(text: string, list: readonly Replacer[] = defaultReplacers): string {
  let out = text;
  for (const r of list) {
    if (r.kind === 'text' && r.replace && hinted(r, out)) out = r.replace(out);
  }
  return out;
}

/** Scrubs every line (CRLF kept), then the multi-line rules. Nothing is dropped. */
export function scrubText(text: string, list: readonly Replacer[] = defaultReplacers): string {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? '';
    lines[i] = l.endsWith('\r') ? scrubLine(l.slice(0, -1), list) + '\r' : scrubLine(l, list);
  }
  return scrubMultiline(lines.join('\n'), list);
}

const COMMENT = /^[\t\n\f\r ]*#/;
const BLANK = /^[\t\n\f\r ]*$/;

/** The agent's `ScrubBytes`, line handling included (bufio.ScanLines + scrubReader). */
export function scrubConfig(text: string, list: readonly Replacer[] = defaultReplacers): string {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let out = '';
  let first = true;
  for (const raw of lines) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (BLANK.test(line)) {
      out += '\n';
    } else if (!COMMENT.test(line)) {
      if (!first) out += '\n';
      out += scrubLine(line, list);
      first = false;
    }
  }
  return scrubMultiline(out, list);
}

/** Deeper than this, a value is replaced rather than walked (hostile JSON can nest arbitrarily). */
const MAX_DEPTH = 64;

/** A scrubbed deep copy of JSON-like data. */
export function scrubData(value: unknown, list: readonly Replacer[] = defaultReplacers): unknown {
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return scrubText(v, list);
    if (v === null || typeof v !== 'object') return v;
    if (depth > MAX_DEPTH) return REDACTED;
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    // fromEntries defines own properties, so a hostile "__proto__" key stays a plain key.
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => {
        const rule = list.find((r) => r.key?.(k));
        const value = rule ? (rule.value ? rule.value(x, (sub) => walk(sub, depth + 1)) : REDACTED) : walk(x, depth + 1);
        return [scrubLine(k, list), value];
      }),
    );
  };
  return walk(value, 0);
}
