import { describe, expect, it } from 'vitest';
import {
  boundaryKey,
  compareCursor,
  IncrementalCursor,
  subtractLookback,
} from '../src/incremental/cursor.js';

const rec = (id: number, at: string) => ({ id, updated_at: at });

describe('compareCursor', () => {
  it('orders numbers, bigints, ISO timestamps by instant and text', () => {
    expect(compareCursor(1, 2)).toBe(-1);
    expect(compareCursor(3n, 2)).toBe(1);
    expect(compareCursor('2024-01-01T01:00:00+01:00', '2024-01-01T00:00:00Z')).toBe(0);
    expect(compareCursor('2024-01-01T00:00:00.5Z', '2024-01-01T00:00:00Z')).toBe(1);
    expect(compareCursor(new Date(0), '1970-01-01T00:00:01Z')).toBe(-1);
    expect(compareCursor('b', 'a')).toBe(1);
  });
});

describe('subtractLookback', () => {
  it('moves timestamps by a duration and numbers by a delta', () => {
    expect(subtractLookback('2024-01-02T00:00:00Z', { hours: 1 })).toBe('2024-01-01T23:00:00.000Z');
    expect(subtractLookback('2024-01-02', { days: 1 })).toBe('2024-01-01T00:00:00.000Z');
    expect(subtractLookback(100, 10)).toBe(90);
    expect(subtractLookback(undefined, 10)).toBeUndefined();
    expect(() => subtractLookback('abc', 5)).toThrow(/lookback/);
  });
});

describe('IncrementalCursor', () => {
  const options = { cursor: 'updated_at', initialValue: '2024-01-01T00:00:00Z' };

  it('filters records before the last value and tracks the new last value with its keys', () => {
    const c = new IncrementalCursor(options, ['id'], undefined);
    expect(c.decide(rec(1, '2023-12-31T00:00:00Z'))).toBe('skip');
    expect(c.decide(rec(2, '2024-01-01T00:00:00Z'))).toBe('keep');
    expect(c.decide(rec(3, '2024-01-03T00:00:00Z'))).toBe('keep');
    expect(c.decide(rec(4, '2024-01-03T00:00:00Z'))).toBe('keep');
    expect(c.decide(rec(5, '2024-01-02T00:00:00Z'))).toBe('keep');
    const state = c.state();
    expect(state.lastValue).toBe('2024-01-03T00:00:00Z');
    expect(state.boundaryKeys).toEqual(
      [boundaryKey(rec(3, ''), ['id']), boundaryKey(rec(4, ''), ['id'])].sort(),
    );
  });

  it('skips records at the boundary that were loaded before, keeps new ones at the same value', () => {
    const first = new IncrementalCursor(options, ['id'], undefined);
    first.decide(rec(1, '2024-01-05T00:00:00Z'));
    const c = new IncrementalCursor(options, ['id'], first.state());
    expect(c.context.lastValue).toBe('2024-01-05T00:00:00Z');
    expect(c.decide(rec(1, '2024-01-05T00:00:00Z'))).toBe('skip');
    expect(c.decide(rec(2, '2024-01-05T00:00:00Z'))).toBe('keep');
    expect(c.decide(rec(0, '2024-01-04T00:00:00Z'))).toBe('skip');
    // both records at the last value stay boundary keys
    expect(c.state().boundaryKeys).toHaveLength(2);
    expect(c.state().lastValue).toBe('2024-01-05T00:00:00Z');
  });

  it('reloads the lookback window', () => {
    const state = { cursorPath: 'updated_at', lastValue: '2024-01-05T00:00:00Z', boundaryKeys: [] };
    const c = new IncrementalCursor({ ...options, lookback: { days: 1 } }, ['id'], state);
    expect(c.context.startValue).toBe('2024-01-04T00:00:00.000Z');
    expect(c.decide(rec(1, '2024-01-04T12:00:00Z'))).toBe('keep');
    expect(c.decide(rec(2, '2024-01-03T12:00:00Z'))).toBe('skip');
    expect(c.state().lastValue).toBe('2024-01-05T00:00:00Z');
  });

  it('re-reads a record at the last value under a lookback, though it was loaded before (it may be edited)', () => {
    const looking = { ...options, lookback: { days: 1 } };
    const first = new IncrementalCursor(looking, ['id'], undefined);
    first.decide(rec(1, '2024-01-05T00:00:00Z'));
    expect(first.state().boundaryKeys).toHaveLength(1);
    const c = new IncrementalCursor(looking, ['id'], first.state());
    expect(c.decide(rec(1, '2024-01-05T00:00:00Z'))).toBe('keep');
    // Without a lookback the same record is the boundary duplicate it was before.
    expect(new IncrementalCursor(options, ['id'], first.state()).decide(rec(1, '2024-01-05T00:00:00Z'))).toBe(
      'skip',
    );
  });

  it('honours an exclusive end value and stops early with a row order', () => {
    const end = new IncrementalCursor({ cursor: 'n', initialValue: 0, endValue: 10 }, [], undefined);
    expect(end.decide({ n: 9 })).toBe('keep');
    expect(end.decide({ n: 10 })).toBe('skip');
    const asc = new IncrementalCursor(
      { cursor: 'n', initialValue: 0, endValue: 10, rowOrder: 'asc' },
      [],
      undefined,
    );
    expect(asc.decide({ n: 10 })).toBe('stop');
    const desc = new IncrementalCursor({ cursor: 'n', initialValue: 5, rowOrder: 'desc' }, [], undefined);
    expect(desc.decide({ n: 7 })).toBe('keep');
    expect(desc.decide({ n: 4 })).toBe('stop');
  });

  it('ignores state written for another cursor path and keeps records without a cursor', () => {
    const c = new IncrementalCursor(options, ['id'], {
      cursorPath: 'created_at',
      lastValue: '2030-01-01',
      boundaryKeys: [],
    });
    expect(c.context.lastValue).toBe('2024-01-01T00:00:00Z');
    expect(c.decide({ id: 1 })).toBe('keep');
  });

  it('reads nested cursor paths', () => {
    const c = new IncrementalCursor({ cursor: 'stats.at', initialValue: 1 }, [], undefined);
    expect(c.decide({ stats: { at: 0 } })).toBe('skip');
    expect(c.decide({ stats: { at: 2 } })).toBe('keep');
  });
});

describe('compareCursor precision', () => {
  it('compares below the millisecond and across formats', () => {
    expect(compareCursor('2024-01-01T00:00:00.000001Z', '2024-01-01T00:00:00.000002Z')).toBe(-1);
    expect(compareCursor('2024-01-01T00:00:00Z', '2024-01-01T00:00:00.000Z')).toBe(0);
    expect(compareCursor('2024-01-01T00:00:00.0000015+00:00', '2024-01-01T00:00:00.000001Z')).toBe(1);
  });
});

describe('boundary keys at scale', () => {
  it('keeps exactly the keys of the records at the highest value, however many', () => {
    const c = new IncrementalCursor({ cursor: 'n', initialValue: 0 }, ['id'], undefined);
    for (let id = 0; id < 25_000; id++) c.decide({ id, n: 1 });
    for (let id = 0; id < 12_000; id++) c.decide({ id, n: 1 });
    expect(c.state().boundaryKeys).toHaveLength(25_000);
    c.decide({ id: 1, n: 2 });
    expect(c.state().boundaryKeys).toEqual([boundaryKey({ id: 1 }, ['id'])]);
  });
});

describe('lookback floor, backfill windows and missing cursors', () => {
  it('never starts before the initial value', () => {
    const c = new IncrementalCursor({ cursor: 'n', initialValue: 10, lookback: 5 }, [], undefined);
    expect(c.context.startValue).toBe(10);
    const later = new IncrementalCursor({ cursor: 'n', initialValue: 10, lookback: 5 }, [], {
      cursorPath: 'n',
      lastValue: 30,
      boundaryKeys: [],
    });
    expect(later.context.startValue).toBe(25);
  });

  it('a window with an end value ignores the stored state', () => {
    const stored = { cursorPath: 'n', lastValue: 100, boundaryKeys: [] };
    const c = new IncrementalCursor({ cursor: 'n', initialValue: 0, endValue: 50 }, [], stored);
    expect(c.bounded).toBe(true);
    expect(c.context.lastValue).toBe(0);
    expect(c.decide({ n: 10 })).toBe('keep');
    expect(c.decide({ n: 60 })).toBe('skip');
  });

  it('handles records without a cursor value as configured', () => {
    const make = (onCursorMissing: 'include' | 'exclude' | 'raise') =>
      new IncrementalCursor({ cursor: 'n', initialValue: 0, onCursorMissing }, [], undefined);
    expect(make('include').decide({})).toBe('keep');
    expect(make('exclude').decide({})).toBe('skip');
    expect(() => make('raise').decide({})).toThrow(/no value at the incremental cursor "n"/);
  });
});
