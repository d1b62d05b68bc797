// Reads a row's text the way a reader sees its lines: text nodes in order, a line break at <br>
// and at block boundaries, nothing from <script>/<style>/our overlay. With `nodes`, it also
// records where each text node starts, so an offset in the text maps back to a DOM position
// (a Range for the highlight) without touching the page's nodes.
import {BLOCK_TAGS, OWN_TAG, SKIP_TAGS} from './dom';
import {hasOnlyInline} from './inline-text';

export interface RowText {
  text: string;
  /** Filled only when asked for: text nodes and the offset in `text` where each begins. */
  nodes: Text[];
  starts: number[];
}

export type ReadMode =
  /** An adapter's log entry: nested blocks are part of it (a stack trace in a <pre>). */
  | 'entry'
  /** A generic block: nested blocks are rows of their own, only a line break stands for them. */
  | 'own';

/** The row's text alone: read whole when every part is inline-only (inline-text.ts), else node by node. */
export function rowText(parts: readonly Element[], mode: ReadMode): string {
  return readInlineParts(parts) ?? readRowText(parts, mode, false).text;
}

export function readRowText(parts: readonly Element[], mode: ReadMode, withNodes: boolean): RowText {
  const out: RowText = {text: '', nodes: [], starts: []};
  let text = '';
  const breakLine = () => {
    if (text.length && !text.endsWith('\n')) text += '\n';
  };
  const visit = (parent: Node) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      const type = child.nodeType;
      if (type === Node.TEXT_NODE) {
        const data = (child as Text).data;
        if (!data) continue;
        if (withNodes) {
          out.nodes.push(child as Text);
          out.starts.push(text.length);
        }
        text += data;
      } else if (type === Node.ELEMENT_NODE) {
        const el = child as Element;
        const tag = el.tagName;
        if (SKIP_TAGS.has(tag) || tag === OWN_TAG) continue;
        if (tag === 'BR') {
          text += '\n';
          continue;
        }
        const block = BLOCK_TAGS.has(tag) || tag.includes('-');
        if (block) {
          breakLine();
          if (mode === 'own') continue;
        }
        visit(el);
        if (block) breakLine();
      }
    }
  };
  for (const part of parts) {
    breakLine();
    visit(part);
  }
  out.text = text;
  return out;
}

/** What readRowText reads when every part is inline-only; else null. */
function readInlineParts(parts: readonly Element[]): string | null {
  let text = '';
  for (const part of parts) {
    if (!hasOnlyInline(part)) return null;
    if (text.length && !text.endsWith('\n')) text += '\n';
    text += part.textContent ?? '';
  }
  return text;
}

/** Offsets [start, end) of line `index` (0-based) in `text`, trimmed of surrounding whitespace. */
export function lineSpan(text: string, index: number): [number, number] | null {
  let start = 0;
  for (let i = 0; i < index; i++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return null;
    start = nl + 1;
  }
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return end > start ? [start, end] : null;
}

function position(rt: RowText, offset: number, isEnd: boolean): [Text, number] | null {
  // The last node that starts at or before `offset`.
  let lo = 0;
  let hi = rt.starts.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((rt.starts[mid] ?? 0) <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  // An end exactly at a node boundary ends inside the previous node, not at the next one's start.
  if (isEnd && found > 0 && rt.starts[found] === offset) found--;
  const node = rt.nodes[found];
  const start = rt.starts[found];
  if (!node || start === undefined) return null;
  return [node, Math.max(0, Math.min(node.data.length, offset - start))];
}

/** A Range over [start, end) of the row text; null when the offsets fall on no text node. */
export function rangeFor(rt: RowText, start: number, end: number): Range | null {
  const a = position(rt, start, false);
  const b = position(rt, end, true);
  if (!a || !b) return null;
  const range = new Range();
  range.setStart(a[0], a[1]);
  range.setEnd(b[0], b[1]);
  return range.collapsed ? null : range;
}
