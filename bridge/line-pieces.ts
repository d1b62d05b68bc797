// Reads a file or a pipe as text pieces that end at a newline: what the scanner gets where the
// CLI can't sieve (hint-sieve.ts; no WebAssembly SIMD). The scanner then rarely
// carries a partial line into the next piece, so a piece is scanned as the flat string it was
// decoded into, not as `carry + piece` (a concatenation V8 copies again on first search); and the
// file is read in 1 MB blocks, not in 64 KB ones (each read is a system call).
import {StringDecoder} from 'node:string_decoder';
import {readWaiting} from './fd-io';

const BLOCK = 1 << 20;
/** About the size of a piece: big enough to amortise a scan call, small enough to stay in cache. */
const PIECE = 64 * 1024;
/**
 * What of a line the scanner is handed: it reads no more of a line than its first MAX_LINE_CHARS
 * (64K) characters, 256 KB at most in UTF-8. The rest of a longer line is dropped up to its
 * newline, so a log of one 100 MB line costs its reading, not copying the growing line again.
 */
export const LONG_LINE_HEAD = 256 * 1024;

/**
 * Reads `fd` from its current position to its end, pipes included. `live`: hand on every complete
 * line as soon as it is read, not once a piece is full: a pipe from `kubectl logs -f` may bring
 * one line a minute, and its findings should show as it comes.
 */
export function readLinePieces(fd: number, onPiece: (text: string) => void, live = false): void {
  const buf = Buffer.allocUnsafe(BLOCK);
  // Only a piece cut inside a line (one longer than a block) can end inside a UTF-8 sequence; a
  // newline byte never does, so everywhere else the decoder holds nothing back.
  const decoder = new StringDecoder('utf8');
  let have = 0;
  /** Bytes handed on of the line not yet ended. */
  let lineFed = 0;
  for (;;) {
    const n = readWaiting(fd, buf, have, BLOCK - have);
    have += n;
    const last = n === 0;
    let off = 0;
    while (off < have) {
      let cut = have;
      if (have - off > PIECE) {
        const nl = buf.lastIndexOf(10, off + PIECE - 1);
        const next = nl >= off ? nl : buf.indexOf(10, off + PIECE);
        if (next !== -1 && next < have) cut = next + 1;
        // A line that runs past what was read: read on, unless it fills the whole block.
        else if (!last && off > 0) break;
      } else if (!last) {
        const nl = live ? buf.lastIndexOf(10, have - 1) : -1;
        if (nl < off) break;
        cut = nl + 1;
      }
      let piece = buf.subarray(off, cut);
      off = cut;
      if (lineFed >= LONG_LINE_HEAD) {
        // Inside a line past its head: dropped up to its newline, which ends it for the scanner.
        const nl = piece.indexOf(10);
        if (nl === -1) continue;
        decoder.end();
        piece = piece.subarray(nl);
        lineFed = 0;
      }
      onPiece(decoder.write(piece));
      const lastNl = piece.lastIndexOf(10);
      lineFed = lastNl === -1 ? lineFed + piece.length : piece.length - lastNl - 1;
    }
    buf.copy(buf, 0, off, have);
    have -= off;
    if (last) break;
  }
  const rest = decoder.end();
  if (rest) onPiece(rest);
}
