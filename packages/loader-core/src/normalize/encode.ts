import { inferNumberType, isCoercible } from '../schema/infer.js';
import type { DataType } from '../schema/types.js';

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** ISO-8601 string in UTC for a timestamp value (string, Date or date string). */
export function toUtcTimestamp(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  if (text.length === 10) return `${text}T00:00:00Z`;
  const last = text.charCodeAt(text.length - 1);
  if (last === 90 /* Z */ || last === 122 /* z */) {
    return text.charCodeAt(10) === 84 ? text : `${text.slice(0, 10)}T${text.slice(11)}`;
  }
  // No zone: the value is taken as UTC. An offset: converted, every fraction digit kept.
  if (!/[+-]\d{2}:?\d{2}$/.test(text.slice(19))) return `${text.slice(0, 10)}T${text.slice(11)}Z`;
  return shiftToUtc(text);
}

const OFFSET_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([+-])(\d{2}):?(\d{2})$/;

/**
 * An ISO date-time with a zone offset in UTC, keeping its fraction as written (`Date` would cut it to
 * milliseconds): the offset moves whole minutes, so only the date and time of day change.
 */
function shiftToUtc(text: string): string {
  const m = OFFSET_RE.exec(text);
  if (!m) return new Date(text).toISOString();
  const [, year, month, day, hour, minute, second, fraction = '', sign, offsetHours, offsetMinutes] = m;
  const local = new Date(0);
  // setUTCFullYear, not Date.UTC: years below 100 are not moved to the 1900s
  local.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  local.setUTCHours(Number(hour), Number(minute), Number(second), 0);
  const offset = (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
  const utc = new Date(local.getTime() - (sign === '+' ? offset : -offset)).toISOString();
  // outside years 0000-9999 toISOString writes six-digit years: keep its form (milliseconds only)
  return utc.length === 24 ? `${utc.slice(0, 19)}${fraction}Z` : utc;
}

/**
 * Encodes a leaf value for a JSONL data file according to its column type (see `LoadFile`).
 * The caller has checked that the value is coercible to the type.
 */
export function encodeValue(value: unknown, type: DataType): unknown {
  switch (type) {
    case 'text':
      if (typeof value === 'string') return value;
      // integers too large for a decimal column keep their digits rather than an exponent form
      if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) >= 1e21)
        return BigInt(value).toString();
      return String(value);
    case 'date':
    case 'time':
    case 'bool':
      return value;
    case 'bigint':
      if (typeof value === 'bigint')
        return value <= SAFE && value >= -SAFE ? Number(value) : value.toString();
      return value;
    case 'double':
      return typeof value === 'bigint' ? Number(value) : value;
    case 'decimal':
      return typeof value === 'number' && Math.abs(value) >= 1e21 ? BigInt(value).toString() : String(value);
    case 'timestamp':
      return toUtcTimestamp(value);
    case 'binary':
      return Buffer.from(value as Uint8Array).toString('base64');
    case 'json':
      return jsonSafe(value);
  }
}

/** Zeros that pad the low nine digits in `integerText`, by how many digits are missing. */
const ZEROS = ['', '0', '00', '000', '0000', '00000', '000000', '0000000', '00000000'];

/**
 * `String(value)` for an integer, faster for those beyond 32 bits. V8 converts such a number as a double,
 * several times slower than two small integers, and ids such as 77000000001 are common in API records: they
 * are converted as their high digits and their low nine digits.
 */
export function integerText(value: number): string {
  if (value < 2 ** 31 || value > Number.MAX_SAFE_INTEGER) return String(value);
  // Exact below 2^53: the quotient's rounding error (under 1e-9 there) cannot carry it past an integer, and
  // a division is cheaper than `%` on doubles (a call into C).
  const high = Math.floor(value / 1e9);
  const lowText = String(value - high * 1e9);
  return String(high) + ZEROS[9 - lowText.length] + lowText;
}

/** The number as row text for a bigint or double column, or null when the column cannot take it as is. */
export function numberText(value: number, dataType: DataType): string | null {
  const type = inferNumberType(value);
  if (type !== dataType && !isCoercible(type, dataType, value)) return null;
  return type === 'bigint' ? integerText(value) : String(value);
}

/** Makes a nested value JSON-encodable: bigints become strings, bytes base64, dates ISO strings. */
export function jsonSafe(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(jsonSafe);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = jsonSafe(v);
  return out;
}
