import { describe, expect, it } from 'vitest';
import { ALL_HISTORY, InvalidStartDateError, parseStartDate } from '../../src/source/start-date.js';

describe('parseStartDate', () => {
  it('defaults to all history, not a recent year or the 30-day default', () => {
    expect(parseStartDate(undefined)).toBe('1970-01-01T00:00:00Z');
    expect(ALL_HISTORY).toBe('1970-01-01T00:00:00Z');
  });

  it('accepts dates and timestamps and normalizes them to UTC seconds', () => {
    expect(parseStartDate('2024-01-31')).toBe('2024-01-31T00:00:00Z');
    expect(parseStartDate('2024-01-31T10:00:00Z')).toBe('2024-01-31T10:00:00Z');
    expect(parseStartDate('2024-01-31T10:00:00.123+02:00')).toBe('2024-01-31T08:00:00Z');
    expect(parseStartDate(new Date('2020-05-05T05:05:05Z'))).toBe('2020-05-05T05:05:05Z');
  });

  it.each(['yesterday', '2024-13-01', '2024-02-31', '31/01/2024', '2024-01-31T10:00', ''])(
    'rejects %j with the accepted forms',
    (value) => {
      expect(() => parseStartDate(value)).toThrow(InvalidStartDateError);
      expect(() => parseStartDate(value)).toThrow(/ISO date \(2024-01-31\)/);
    },
  );
});
