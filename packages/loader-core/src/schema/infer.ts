import type { DataType } from './types.js';

const TIMESTAMP_RE =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[T ]([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)(\.\d{1,9})?(Z|z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?$/;
const DATE_RE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)(\.\d{1,9})?$/;

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);
const TWO_63 = 2 ** 63;

/** Strict ISO-8601 date-time (seconds required, optional fraction and zone). */
export function isIsoTimestamp(text: string): boolean {
  // Cheap pre-check keeps the regex off the hot path for ordinary strings.
  const len = text.length;
  if (len < 19 || len > 35 || text.charCodeAt(4) !== 45 /* - */ || text.charCodeAt(7) !== 45) return false;
  return isUtcSecondsTimestamp(text) || TIMESTAMP_RE.test(text);
}

/**
 * `YYYY-MM-DDTHH:MM:SSZ` with the ranges TIMESTAMP_RE enforces (a subset of what it accepts). Nearly every API
 * writes its timestamps in this one form, and checking it by character codes keeps the regex (a few percent
 * of normalizing a typical record) for the other forms. Such a value is also already in the form
 * `toUtcTimestamp` writes.
 */
export function isUtcSecondsTimestamp(text: string): boolean {
  if (text.length !== 20) return false;
  // The digits as numbers 0-9 (anything else is above 9 once unsigned). Written out rather than through
  // helpers: this runs for most values of a typical record, and helpers that are not inlined cost more than
  // the check.
  const y0 = text.charCodeAt(0) - 48;
  const y1 = text.charCodeAt(1) - 48;
  const y2 = text.charCodeAt(2) - 48;
  const y3 = text.charCodeAt(3) - 48;
  const m0 = text.charCodeAt(5) - 48;
  const m1 = text.charCodeAt(6) - 48;
  const d0 = text.charCodeAt(8) - 48;
  const d1 = text.charCodeAt(9) - 48;
  const h0 = text.charCodeAt(11) - 48;
  const h1 = text.charCodeAt(12) - 48;
  const i0 = text.charCodeAt(14) - 48;
  const i1 = text.charCodeAt(15) - 48;
  const s0 = text.charCodeAt(17) - 48;
  const s1 = text.charCodeAt(18) - 48;
  if (y0 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9) return false;
  if (m0 >>> 0 > 9 || m1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9) return false;
  if (h0 >>> 0 > 9 || h1 >>> 0 > 9 || i0 >>> 0 > 9 || i1 >>> 0 > 9 || s0 >>> 0 > 9 || s1 >>> 0 > 9)
    return false;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= 31 &&
    h0 * 10 + h1 <= 23 &&
    i0 * 10 + i1 <= 59 &&
    s0 * 10 + s1 <= 60 && // 60: a leap second, as TIMESTAMP_RE allows
    text.charCodeAt(4) === 45 /* - */ &&
    text.charCodeAt(7) === 45 &&
    text.charCodeAt(10) === 84 /* T */ &&
    text.charCodeAt(13) === 58 /* : */ &&
    text.charCodeAt(16) === 58 &&
    text.charCodeAt(19) === 90 /* Z */
  );
}

export function isIsoDate(text: string): boolean {
  return text.length === 10 && text.charCodeAt(4) === 45 && DATE_RE.test(text);
}

export function isIsoTime(text: string): boolean {
  return text.length >= 8 && text.length <= 18 && text.charCodeAt(2) === 58 && TIME_RE.test(text);
}

/**
 * The logical type of one leaf value, or null for null/undefined (nulls never fix a type).
 * Objects and arrays reaching this point (beyond the nesting depth) are `json`.
 */
export function inferType(value: unknown): DataType | null {
  switch (typeof value) {
    case 'string':
      if (isIsoTimestamp(value)) return 'timestamp';
      if (isIsoDate(value)) return 'date';
      return 'text';
    case 'number':
      return inferNumberType(value);
    case 'boolean':
      return 'bool';
    case 'bigint':
      return value <= INT64_MAX && value >= INT64_MIN ? 'bigint' : 'decimal';
    case 'undefined':
      return null;
    case 'object':
      if (value === null) return null;
      if (value instanceof Date) return 'timestamp';
      if (value instanceof Uint8Array) return 'binary';
      return 'json';
    default:
      // functions and symbols are not data; store their text so nothing is silently dropped
      return 'text';
  }
}

/** The logical type of a number: integers within int64 are `bigint`, larger ones `decimal`. */
export function inferNumberType(value: number): DataType {
  if (Number.isInteger(value)) return Math.abs(value) < TWO_63 ? 'bigint' : 'decimal';
  // NaN and infinities have no JSON form: kept as their text rather than turned into null
  return Number.isFinite(value) ? 'double' : 'text';
}

/**
 * Whether a value inferred as `from` can be stored in a column of type `to` without losing information.
 * Anything else goes to a variant column. Rules: equal types; ISO strings (timestamp, date) into text (the
 * original string is kept); a time-shaped string into a time column; integers into double (only within 2^53,
 * checked by the caller through `fitsDouble`) and into decimal; doubles into decimal; dates into timestamp
 * (midnight UTC); everything into json.
 */
export function isCoercible(from: DataType, to: DataType, value: unknown): boolean {
  if (from === to || to === 'json') return true;
  switch (to) {
    case 'text':
      return from === 'timestamp' || from === 'date' ? typeof value === 'string' : false;
    case 'time':
      return from === 'text' && typeof value === 'string' && isIsoTime(value);
    case 'double':
      return from === 'bigint' && fitsDouble(value);
    case 'decimal':
      return from === 'bigint' || from === 'double';
    case 'timestamp':
      return from === 'date';
    default:
      return false;
  }
}

function fitsDouble(value: unknown): boolean {
  if (typeof value === 'number') return Number.isSafeInteger(value);
  if (typeof value === 'bigint')
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER);
  return false;
}
