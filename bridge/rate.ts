// A token bucket per connection: `burst` messages at once, `perSecond` sustained.
export type RateVerdict = 'ok' | 'limited' | 'abusive';

export class RateBucket {
  private tokens: number;
  private last: number;
  private throttledInARow = 0;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    /** After this many `limited` verdicts in a row the client is ignoring them: `abusive`. */
    private readonly maxThrottledInARow: number,
    private readonly now: () => number,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  take(): RateVerdict {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      this.throttledInARow = 0;
      return 'ok';
    }
    this.throttledInARow++;
    return this.throttledInARow > this.maxThrottledInARow ? 'abusive' : 'limited';
  }
}
