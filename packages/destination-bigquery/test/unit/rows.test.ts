import { describe, expect, it } from 'vitest';
import { microsToIso, rowsToObjects } from '../../src/bigquery/rows.js';

describe('rowsToObjects', () => {
  it('turns REST rows into plain values by field type', () => {
    const fields = [
      { name: 'n', type: 'INTEGER' },
      { name: 'big', type: 'INTEGER' },
      { name: 'f', type: 'FLOAT' },
      { name: 'b', type: 'BOOLEAN' },
      { name: 'ts', type: 'TIMESTAMP' },
      { name: 'd', type: 'DATE' },
      { name: 'dec', type: 'NUMERIC' },
      { name: 'j', type: 'JSON' },
      { name: 'nothing', type: 'STRING' },
    ];
    const rows = [
      {
        f: [
          { v: '42' },
          { v: '12345678901234567890' },
          { v: '1.5' },
          { v: 'false' },
          { v: '1704164645123456' },
          { v: '2024-01-02' },
          { v: '12.50' },
          { v: '{"a":1}' },
          { v: null },
        ],
      },
    ];
    expect(rowsToObjects(fields, rows)).toEqual([
      {
        n: 42,
        big: '12345678901234567890',
        f: 1.5,
        b: false,
        ts: '2024-01-02T03:04:05.123456Z',
        d: '2024-01-02',
        dec: '12.50',
        j: '{"a":1}',
        nothing: null,
      },
    ]);
  });

  it('converts microsecond timestamps exactly, before 1970 too', () => {
    expect(microsToIso('0')).toBe('1970-01-01T00:00:00.000Z');
    expect(microsToIso('-1')).toBe('1969-12-31T23:59:59.999999Z');
    expect(microsToIso('1704164645123000')).toBe('2024-01-02T03:04:05.123Z');
  });
});
