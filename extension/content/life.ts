// One lifetime for everything the content script does on a page (STYLE §10): every listener,
// observer, timer and highlight hangs off `life.signal`, so one abort() — the extension being
// disabled, updated or told to leave this site — restores the page.

export class Life {
  private readonly controller = new AbortController();
  readonly signal = this.controller.signal;

  get dead(): boolean {
    return this.signal.aborted;
  }

  end(): void {
    this.controller.abort();
  }

  onEnd(fn: () => void): void {
    if (this.dead) fn();
    else this.signal.addEventListener('abort', () => this.guard('teardown', fn), {once: true});
  }

  /**
   * Runs `fn`; an exception is logged to the console and swallowed, so a fault in one adapter
   * or one batch never stops the rest and never surfaces in the page.
   */
  guard<T>(label: string, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (err) {
      if (isContextInvalidated(err)) this.end();
      else console.debug('[APM Connection Doctor]', label, err);
      return undefined;
    }
  }
}

/** The extension was reloaded/removed under us (refined-github's errors.ts handles the same). */
export function isContextInvalidated(err: unknown): boolean {
  return err instanceof Error && /Extension context invalidated/i.test(err.message);
}
