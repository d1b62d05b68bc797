// scrubText for a stream (`apm-doctor redact`, `kubectl logs -f | apm-doctor redact`): output
// leaves as soon as it is final, and the whole output equals scrubText of the whole input.
//
// Line rules need one line. The two text rules (PEM blocks, `community_strings` lists) can span
// lines, so after a line that opens one, lines are held until the construct is decided (the
// PEM body ended, the list or bracket closed), then scrubbed together. Two small state machines
// follow what ../multiline.ts would match, one line at a time, so holding costs O(line).
// Holding is bounded (HOLD_LIMIT_CHARS): past it the held lines are released scrubbed as far as
// they go — only a PEM block or list larger than that can escape its text rule (every line rule
// still applies).
import {isGoSpace} from './chars';
import {scrubLine, scrubMultiline} from './scrubber';

export const HOLD_LIMIT_CHARS = 256 * 1024;

const isBodyCode = (c: number) =>
  (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x3d || c === 0x2b || c === 0x2f || isGoSpace(c);

function allBody(s: string, from: number): boolean {
  for (let i = from; i < s.length; i++) if (!isBodyCode(s.charCodeAt(i))) return false;
  return true;
}

/** Is a PEM body (certReplacer) still running at the end of this line? */
function certOpenAfter(open: boolean, line: string): boolean {
  const b = line.lastIndexOf('-----BEGIN ');
  if (b < 0) return open && allBody(line, 0);
  const q = line.lastIndexOf('-----');
  return q >= b + 11 && allBody(line, q + 5);
}

type Community = 'none' | 'key' | 'colon' | 'list' | 'items' | 'bracket';
const KEY = 'community_strings';

/** Where a `community_strings` match (snmpMultilineReplacer) stands at the end of this line. */
function communityAfter(state: Community, line: string): Community {
  const n = line.length;
  let s = state;
  let i = 0;
  const skipSpace = () => {
    while (i < n && isGoSpace(line.charCodeAt(i))) i++;
  };
  for (;;) {
    switch (s) {
      case 'none': {
        const k = line.indexOf(KEY, i);
        if (k < 0) return 'none';
        i = k + KEY.length;
        s = 'key';
        break;
      }
      case 'bracket': {
        const j = line.indexOf(']', i);
        if (j < 0) return 'bracket';
        i = j + 1;
        s = 'none';
        break;
      }
      case 'key':
        skipSpace();
        if (i === n) return 'key';
        if (line.charCodeAt(i) === 0x3a) {
          i++;
          s = 'colon';
        } else s = 'none';
        break;
      case 'colon':
      case 'list':
        skipSpace();
        if (i === n) return 'list';
        if (line.charCodeAt(i) === 0x5b) {
          i++;
          s = 'bracket';
        } else if (s === 'list' && line.charCodeAt(i) === 0x2d && (i + 1 === n || isGoSpace(line.charCodeAt(i + 1)))) {
          return 'items';
        } else s = 'none';
        break;
      case 'items':
        skipSpace();
        if (i === n) return 'items';
        if (line.charCodeAt(i) === 0x2d && (i + 1 === n || isGoSpace(line.charCodeAt(i + 1)))) return 'items';
        s = 'none';
        break;
    }
  }
}

export class StreamScrubber {
  private partial = '';
  /** Line-scrubbed lines not yet released. */
  private held: string[] = [];
  private heldChars = 0;
  /** `held[0..decided)` can't be touched by a text rule any more. */
  private decided = 0;
  private cert = false;
  private community: Community = 'none';

  /** Feeds a chunk; returns the output that is final. */
  push(chunk: string): string {
    const lines = (this.partial + chunk).split('\n');
    this.partial = lines.pop() ?? '';
    for (const raw of lines) this.add(raw);
    if (this.heldChars > HOLD_LIMIT_CHARS) this.decided = this.held.length;
    return this.release(this.decided, true);
  }

  /** Ends the stream; returns the rest. */
  end(): string {
    const tail = this.partial;
    this.partial = '';
    if (tail !== '') this.add(tail);
    const out = this.release(this.held.length, tail === '');
    this.cert = false;
    this.community = 'none';
    return out;
  }

  private add(raw: string): void {
    const line = raw.endsWith('\r') ? scrubLine(raw.slice(0, -1)) + '\r' : scrubLine(raw);
    this.held.push(line);
    this.heldChars += line.length + 1;
    this.cert = certOpenAfter(this.cert, line);
    this.community = communityAfter(this.community, line);
    if (!this.cert && this.community === 'none') this.decided = this.held.length;
  }

  private release(count: number, newlineAfter: boolean): string {
    if (count === 0) return '';
    const done = this.held.splice(0, count);
    this.decided -= count;
    for (const l of done) this.heldChars -= l.length + 1;
    // The newline goes in before the text rules run: at the very end of a stream a list item's
    // `\s+` may swallow it, exactly as it does in scrubText of the whole input.
    return scrubMultiline(done.join('\n') + (newlineAfter ? '\n' : ''));
  }
}
