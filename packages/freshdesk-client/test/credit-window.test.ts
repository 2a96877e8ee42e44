import { describe, expect, it } from 'vitest';
import { CreditWindow } from '../src/credit-window.js';

describe('CreditWindow', () => {
  it('counts requests in flight from their grant and answered ones for a window after the answer', () => {
    const window = new CreditWindow(60_000);
    const a = window.grant(5, 0);
    const b = window.grant(1, 0);
    expect([window.used, window.inFlight]).toEqual([6, 6]);
    window.settle(a, 10_000, 3);
    expect([window.used, window.inFlight]).toEqual([4, 1]);
    // b was never answered: it leaves a window after its grant; a a window after its answer.
    window.prune(60_000);
    expect([window.used, window.inFlight]).toEqual([3, 0]);
    window.prune(70_000);
    expect(window.used).toBe(0);
    // Settling twice, or after the entry left, changes nothing.
    window.settle(a, 80_000, 9);
    window.settle(b, 80_000, 9);
    expect(window.used).toBe(0);
  });

  it('says when enough credits leave, answered and in-flight requests in the order they leave', () => {
    const window = new CreditWindow(60_000);
    const early = window.grant(2, 0);
    const open = window.grant(3, 5_000);
    const late = window.grant(4, 6_000);
    window.settle(early, 1_000);
    window.settle(late, 30_000);
    // Leaving: early at 61 s (2), open at 65 s (3), late at 90 s (4).
    expect(window.untilFreed(1, 20_000)).toBe(41_000);
    expect(window.untilFreed(4, 20_000)).toBe(45_000);
    expect(window.untilFreed(9, 20_000)).toBe(70_000);
    expect(window.untilFreed(10, 20_000)).toBe(60_000);
    void open;
  });

  it('stays exact over many requests, its queue compacted', () => {
    const window = new CreditWindow(1_000);
    for (let t = 0; t < 200_000; t++) {
      window.settle(window.grant(1, t), t);
      window.prune(t);
    }
    expect(window.used).toBe(1_000);
    expect(window.inFlight).toBe(0);
  });
});
