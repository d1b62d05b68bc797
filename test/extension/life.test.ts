import {describe, expect, it, vi} from 'vitest';
import {Life} from '../../extension/content/life';

describe('the content script lifetime', () => {
  it('keeps a fault in one step from reaching the caller (the page), and goes on', () => {
    const life = new Life();
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    expect(life.guard('adapter', () => {
      throw new TypeError('bad selector');
    })).toBeUndefined();
    expect(life.guard('next', () => 42)).toBe(42);
    expect(life.dead).toBe(false);
    expect(debug).toHaveBeenCalledTimes(1);
    debug.mockRestore();
  });

  it('ends itself when the extension context is gone, and every teardown runs once', () => {
    const life = new Life();
    const teardown = vi.fn();
    life.onEnd(teardown);
    life.guard('port', () => {
      throw new Error('Extension context invalidated.');
    });
    expect(life.dead).toBe(true);
    expect(life.signal.aborted).toBe(true);
    life.end();
    expect(teardown).toHaveBeenCalledTimes(1);
    // Registered after the end: runs at once.
    const late = vi.fn();
    life.onEnd(late);
    expect(late).toHaveBeenCalledTimes(1);
  });
});
