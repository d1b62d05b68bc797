// Runs queued work in slices of at most SLICE_MS in the page's idle time (requestIdleCallback,
// with a timeout so a busy page still progresses), so a 50,000-row view or a fast live tail
// never blocks the page for a long task (uBlock's SafeAnimationFrame and Dark Reader's
// AsyncQueue cap work per frame the same way). Idle callbacks rather than animation frames:
// a page that repaints slowly (a huge log view: ~3 frames/s in headless Chromium here) would
// otherwise give us only 8 ms per frame, and hidden tabs get no frames at all.
import type {Life} from './life';

/** Work per slice, in ms. Long tasks start at 50 ms; a frame has ~16 ms. */
export const SLICE_MS = 8;
/** A busy page still gets a slice this often (ms). */
const IDLE_TIMEOUT_MS = 100;
/**
 * After the queue ran dry, new work waits this long before its slice, so a live tail that adds
 * a few rows every 10 ms is scanned in batches rather than one engine call per tick.
 */
const COALESCE_MS = 50;

export class SliceScheduler {
  private pending = false;
  private idle = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private drainedAt = -Infinity;

  /** `work(deadline)` does what fits before `deadline` (performance.now()) and says if more remains. */
  constructor(
    private readonly life: Life,
    private readonly work: (deadline: number) => boolean,
  ) {
    life.onEnd(() => this.cancel());
  }

  request(): void {
    if (this.pending || this.life.dead) return;
    this.pending = true;
    const run = () => {
      this.cancel();
      if (this.life.dead) return;
      const more = this.life.guard('slice', () => this.work(performance.now() + SLICE_MS)) ?? false;
      if (more) this.request();
      else this.drainedAt = performance.now();
    };
    const idle = () => {
      this.timer = undefined;
      if (typeof requestIdleCallback === 'function') this.idle = requestIdleCallback(run, {timeout: IDLE_TIMEOUT_MS});
      else this.timer = setTimeout(run, 0);
    };
    const wait = this.drainedAt + COALESCE_MS - performance.now();
    if (wait > 0) this.timer = setTimeout(idle, wait);
    else idle();
  }

  private cancel(): void {
    this.pending = false;
    if (this.idle) cancelIdleCallback(this.idle);
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.idle = 0;
    this.timer = undefined;
  }
}
