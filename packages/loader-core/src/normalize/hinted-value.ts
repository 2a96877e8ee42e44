import { isIsoDate, isIsoTime, isIsoTimestamp } from '../schema/infer.js';
import type { DataType } from '../schema/types.js';
import { encodeValue, jsonSafe, toUtcTimestamp } from './encode.js';

/** Returned by `encodeHinted` for a value the hinted type cannot hold: it goes to a variant column. */
export const UNREPRESENTABLE: unique symbol = Symbol('unrepresentable');

/** Precision (all digits) and scale (digits after the point) of a decimal column. */
export interface DecimalBounds {
  readonly precision: number;
  readonly scale: number;
}

/** Used when a destination does not say (DuckDB's and BigQuery NUMERIC's range). */
export const DEFAULT_DECIMAL: DecimalBounds = { precision: 38, scale: 9 };

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);
const INTEGER_RE = /^[+-]?\d+$/;
const DECIMAL_RE = /^[+-]?(\d+)(?:\.(\d+))?$/;
const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const MINUTES_RE = /^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2})(Z|z|[+-]\d{2}:?\d{2})?$/;
const BASE64_RE = /^[A-Za-z0-9+/_-]*={0,2}$/;

/**
 * Whether a number, bigint or decimal string fits the integer part of a decimal column (`precision - scale`
 * digits). Larger values would make the destination reject the whole load.
 */
export function fitsDecimal(value: unknown, bounds: DecimalBounds): boolean {
  const digits = bounds.precision - bounds.scale;
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) < 10 ** digits;
  if (typeof value === 'bigint') return (value < 0n ? -value : value).toString().length <= digits;
  if (typeof value === 'string') {
    const m = DECIMAL_RE.exec(value);
    if (!m) return false;
    const integer = (m[1] as string).replace(/^0+(?=\d)/, '');
    return (integer === '0' ? 0 : integer.length) <= digits && (m[2]?.length ?? 0) <= bounds.scale;
  }
  return false;
}

/**
 * Encodes a value for a column whose type a hint declares, accepting every value that the type can hold without
 * loss, also when inference would say otherwise (a decimal string under a `decimal` hint). Returns
 * UNREPRESENTABLE for anything else.
 *
 * - text: strings, numbers, bigints, booleans, dates (ISO-8601)
 * - bigint: integers within int64, also as numbers or integer strings (`"42"`)
 * - double: finite numbers, bigints that a double holds exactly, numeric strings (`"1.5e3"`)
 * - decimal: numbers, bigints and decimal strings (`"12.50"`) within the column's precision and scale
 * - bool: booleans, `"true"`/`"false"` (any case), 0 and 1
 * - timestamp: Dates, ISO-8601 date-times (seconds optional) and dates
 * - date: ISO dates; Dates and ISO date-times at midnight UTC
 * - time: `HH:MM:SS[.fff]` strings
 * - binary: bytes, and strings in base64 (standard or URL-safe alphabet, padding optional)
 * - json: anything
 */
export function encodeHinted(
  value: unknown,
  type: DataType,
  decimal: DecimalBounds,
): unknown | typeof UNREPRESENTABLE {
  switch (type) {
    case 'text':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
        return encodeValue(value, 'text');
      if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
      return UNREPRESENTABLE;
    case 'bigint': {
      let n: bigint;
      if (typeof value === 'bigint') n = value;
      else if (typeof value === 'number' && Number.isInteger(value)) n = BigInt(value);
      else if (typeof value === 'string' && INTEGER_RE.test(value)) n = BigInt(value);
      else return UNREPRESENTABLE;
      return n <= INT64_MAX && n >= INT64_MIN ? encodeValue(n, 'bigint') : UNREPRESENTABLE;
    }
    case 'double':
      if (typeof value === 'number') return Number.isFinite(value) ? value : UNREPRESENTABLE;
      if (typeof value === 'bigint') return BigInt(Number(value)) === value ? Number(value) : UNREPRESENTABLE;
      if (typeof value === 'string' && NUMBER_RE.test(value)) {
        const n = Number(value);
        return Number.isFinite(n) ? n : UNREPRESENTABLE;
      }
      return UNREPRESENTABLE;
    case 'decimal':
      if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'string') {
        if (!fitsDecimal(value, decimal)) return UNREPRESENTABLE;
        return typeof value === 'string' ? value : encodeValue(value, 'decimal');
      }
      return UNREPRESENTABLE;
    case 'bool':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string') {
        const lower = value.toLowerCase();
        return lower === 'true' ? true : lower === 'false' ? false : UNREPRESENTABLE;
      }
      if (typeof value === 'number' || typeof value === 'bigint') {
        // biome-ignore lint/suspicious/noDoubleEquals: 1 and 1n alike
        return value == 1 ? true : value == 0 ? false : UNREPRESENTABLE;
      }
      return UNREPRESENTABLE;
    case 'timestamp':
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? UNREPRESENTABLE : value.toISOString();
      if (typeof value !== 'string') return UNREPRESENTABLE;
      if (isIsoTimestamp(value) || isIsoDate(value)) return toUtcTimestamp(value);
      {
        const m = MINUTES_RE.exec(value);
        return m ? toUtcTimestamp(`${m[1]}:00${m[2] ?? ''}`) : UNREPRESENTABLE;
      }
    case 'date': {
      if (typeof value === 'string' && isIsoDate(value)) return value;
      const date =
        value instanceof Date
          ? value
          : typeof value === 'string' && isIsoTimestamp(value)
            ? new Date(toUtcTimestamp(value))
            : null;
      // Date rejects what the ISO grammar allows but no calendar has (a leap second, February 30)
      const iso = date === null || Number.isNaN(date.getTime()) ? null : date.toISOString();
      return iso?.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : UNREPRESENTABLE;
    }
    case 'time':
      return typeof value === 'string' && isIsoTime(value) ? value : UNREPRESENTABLE;
    case 'binary':
      if (value instanceof Uint8Array) return encodeValue(value, 'binary');
      if (typeof value === 'string' && isBase64(value))
        return Buffer.from(value, 'base64').toString('base64');
      return UNREPRESENTABLE;
    case 'json':
      return jsonSafe(value);
  }
}

function isBase64(text: string): boolean {
  if (!BASE64_RE.test(text)) return false;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  if (padding > 0 && text.length % 4 !== 0) return false;
  return (text.length - padding) % 4 !== 1;
}
