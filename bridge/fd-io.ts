// Blocking reads and writes on a file descriptor that may be a pipe someone made non-blocking:
// `diagnose` reads stdin and writes its NDJSON with plain system calls, not through streams (a
// stream came in 64 KB chunks, each a trip through the event loop).
import {readSync, writeSync} from 'node:fs';

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Runs `op` until it doesn't fail with EAGAIN (a non-blocking pipe with nothing to read, or full), 2 ms apart. */
function untilReady<T>(op: () => T): T {
  for (;;) {
    try {
      return op();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(pause, 0, 0, 2);
    }
  }
}

/** `readSync` that waits for a pipe instead of failing; Windows reports a pipe's end as an EOF error. */
export function readWaiting(fd: number, buf: Buffer, offset: number, length: number): number {
  try {
    return untilReady(() => readSync(fd, buf, offset, length, null));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EOF') return 0;
    throw e;
  }
}

/**
 * Writes all of `bytes` to `fd` before it returns. A reader that left (`apm-doctor diagnose
 * big.log | head`) ends the process quietly, as io.ts does for what goes through process.stdout.
 */
export function writeAllSync(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) {
    try {
      at += untilReady(() => writeSync(fd, bytes, at, bytes.length - at));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    }
  }
}
