import { describe, expect, it } from 'vitest';
import { encodeValue, toUtcTimestamp } from '../src/normalize/encode.js';
import { inferType, isCoercible, isIsoDate, isIsoTimestamp } from '../src/schema/infer.js';

describe('inferType', () => {
  it.each([
    ['hello', 'text'],
    ['2024-01-02T03:04:05Z', 'timestamp'],
    ['2024-01-02T03:04:05.123456+02:00', 'timestamp'],
    ['2024-01-02 03:04:05', 'timestamp'],
    ['2024-01-02', 'date'],
    ['2024-13-02', 'text'],
    ['2024-01-32', 'text'],
    ['2024-01-02T25:00:00Z', 'text'],
    ['2024-01-02T03:04Z', 'text'],
    ['1 January 2024', 'text'],
    ['12345', 'text'],
    [42, 'bigint'],
    [-7, 'bigint'],
    [1.5, 'double'],
    [Number.NaN, 'text'],
    [Number.POSITIVE_INFINITY, 'text'],
    [2 ** 63, 'decimal'],
    [1e30, 'decimal'],
    [2n ** 62n, 'bigint'],
    [2n ** 64n, 'decimal'],
    [true, 'bool'],
    [new Date(0), 'timestamp'],
    [new Uint8Array([1, 2]), 'binary'],
    [Buffer.from('x'), 'binary'],
    [{ a: 1 }, 'json'],
    [[1, 2], 'json'],
    [null, null],
    [undefined, null],
  ] as const)('case %# is %s', (value, type) => {
    expect(inferType(value)).toBe(type);
  });

  it('uses a strict grammar, not Date.parse', () => {
    expect(isIsoTimestamp('2024-01-02T03:04:05')).toBe(true);
    expect(isIsoTimestamp('Tue Jan 02 2024')).toBe(false);
    expect(isIsoDate('2024-1-2')).toBe(false);
  });
});

describe('isCoercible', () => {
  it('allows the documented widenings only', () => {
    expect(isCoercible('bigint', 'double', 5)).toBe(true);
    expect(isCoercible('bigint', 'double', 2 ** 60)).toBe(false);
    expect(isCoercible('bigint', 'decimal', 5n)).toBe(true);
    expect(isCoercible('timestamp', 'text', '2024-01-02T03:04:05Z')).toBe(true);
    expect(isCoercible('date', 'timestamp', '2024-01-02')).toBe(true);
    expect(isCoercible('text', 'time', '10:11:12')).toBe(true);
    expect(isCoercible('text', 'time', 'noon')).toBe(false);
    expect(isCoercible('double', 'bigint', 1.5)).toBe(false);
    expect(isCoercible('text', 'bigint', 'x')).toBe(false);
    expect(isCoercible('bool', 'json', true)).toBe(true);
  });
});

describe('encodeValue', () => {
  it('encodes per the LoadFile format', () => {
    expect(encodeValue(2n ** 60n, 'bigint')).toBe('1152921504606846976');
    expect(encodeValue(12n, 'bigint')).toBe(12);
    expect(encodeValue(2n ** 70n, 'decimal')).toBe('1180591620717411303424');
    expect(encodeValue(1e30, 'decimal')).toBe('1000000000000000019884624838656');
    expect(encodeValue(new Uint8Array([104, 105]), 'binary')).toBe('aGk=');
    expect(encodeValue(Number.NaN, 'text')).toBe('NaN');
    expect(encodeValue({ n: 1n, d: new Date(0) }, 'json')).toEqual({ n: '1', d: '1970-01-01T00:00:00.000Z' });
  });

  it('normalizes timestamps to UTC', () => {
    expect(toUtcTimestamp('2024-01-02T03:04:05Z')).toBe('2024-01-02T03:04:05Z');
    expect(toUtcTimestamp('2024-01-02 03:04:05.123456Z')).toBe('2024-01-02T03:04:05.123456Z');
    expect(toUtcTimestamp('2024-01-02T03:04:05')).toBe('2024-01-02T03:04:05Z');
    expect(toUtcTimestamp('2024-01-02T03:04:05+02:00')).toBe('2024-01-02T01:04:05Z');
    // an offset keeps every fraction digit (Date would cut them to milliseconds)
    expect(toUtcTimestamp('2024-01-02T00:30:05.123456-0130')).toBe('2024-01-02T02:00:05.123456Z');
    expect(toUtcTimestamp('2024-03-01 00:00:00.000000001+01:00')).toBe('2024-02-29T23:00:00.000000001Z');
    expect(toUtcTimestamp('0050-01-01T00:30:00+01:00')).toBe('0049-12-31T23:30:00Z');
    expect(toUtcTimestamp('2024-01-02')).toBe('2024-01-02T00:00:00Z');
    expect(toUtcTimestamp(new Date(Date.UTC(2024, 0, 2)))).toBe('2024-01-02T00:00:00.000Z');
  });
});
