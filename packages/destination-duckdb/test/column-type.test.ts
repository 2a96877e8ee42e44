import { describe, expect, it } from 'vitest';
import { columnType } from '../src/schema/column-type.js';

describe('columnType', () => {
  it.each([
    ['text', 'VARCHAR'],
    ['bigint', 'BIGINT'],
    ['double', 'DOUBLE'],
    ['decimal', 'DECIMAL(38,9)'],
    ['bool', 'BOOLEAN'],
    ['timestamp', 'TIMESTAMPTZ'],
    ['date', 'DATE'],
    ['time', 'TIME'],
    ['json', 'JSON'],
    ['binary', 'BLOB'],
  ] as const)('maps %s to %s', (dataType, expected) => {
    expect(columnType({ dataType })).toBe(expected);
  });

  it('uses hinted decimal precision and scale', () => {
    expect(columnType({ dataType: 'decimal', precision: 12, scale: 2 })).toBe('DECIMAL(12,2)');
    expect(columnType({ dataType: 'decimal', precision: 5 })).toBe('DECIMAL(5,5)');
    expect(columnType({ dataType: 'decimal', scale: 0 })).toBe('DECIMAL(38,0)');
  });

  it('rejects decimal hints DuckDB cannot store, saying what to fix', () => {
    expect(() => columnType({ dataType: 'decimal', precision: 39 })).toThrow(
      /outside DuckDB's range 1\.\.38/,
    );
    expect(() => columnType({ dataType: 'decimal', precision: 10, scale: 11 })).toThrow(/scale 11/);
  });
});
