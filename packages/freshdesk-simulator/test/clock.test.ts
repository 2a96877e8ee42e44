import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoSeconds, parseTimestamp, SimClock } from '../src/clock.js';

describe('clock', () => {
  it('formats any second like Date#toISOString without milliseconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_000_000_000, max: 5_000_000_000 }), (seconds) => {
        expect(isoSeconds(seconds)).toBe(`${new Date(seconds * 1000).toISOString().slice(0, 19)}Z`);
      }),
      { numRuns: 5000 },
    );
  });

  it('parses dates and date-times, and nothing else', () => {
    expect(parseTimestamp('2024-01-31')).toBe(Date.parse('2024-01-31T00:00:00Z') / 1000);
    expect(parseTimestamp('2024-01-31T10:00:00Z')).toBe(Date.parse('2024-01-31T10:00:00Z') / 1000);
    expect(parseTimestamp('yesterday')).toBeUndefined();
    expect(parseTimestamp('2024-13-45')).toBeUndefined();
  });

  it('only moves forward', () => {
    const clock = new SimClock(Date.parse('2025-01-01T00:00:00Z'));
    const before = clock.nowMs();
    clock.advance(5000);
    expect(clock.nowMs()).toBeGreaterThanOrEqual(before + 5000);
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
  });
});
