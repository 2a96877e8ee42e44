import { canonicalType, type TableFieldSchema } from '../catalog/types.js';

/** A row of canonical string values (or null) in schema order, ready for DuckDB casts. */
export type CanonicalRow = (string | null)[];

export interface NdjsonParseResult {
  rows: CanonicalRow[];
  /** Per-row error messages in BigQuery's wording. */
  errors: string[];
  badRecords: number;
}

const INT_RE = /^[+-]?\d+$/;
const NUM_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DATE_RE = /^\d{4}-\d{1,2}-\d{1,2}$/;
const TIME_RE = /^\d{1,2}:\d{2}(:\d{2}(\.\d{1,6})?)?$/;
const DATETIME_RE = /^\d{4}-\d{1,2}-\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?$/;
const TIMESTAMP_RE =
  /^\d{4}-\d{1,2}-\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?\s*(Z|z|UTC|[+-]\d{1,2}(:?\d{2})?)?$/;
const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

class RowError extends Error {}

const describe = (v: unknown): string =>
  typeof v === 'string'
    ? `string_value: "${v}"`
    : typeof v === 'number'
      ? `double_value: ${v}`
      : `bool_value: ${v}`;

function convert(field: TableFieldSchema, value: unknown): string | null {
  if (value === null || value === undefined) {
    if (field.mode === 'REQUIRED') throw new RowError(`Missing required field: ${field.name}.`);
    return null;
  }
  const type = canonicalType(field.type);
  if (type !== 'JSON') {
    if (Array.isArray(value)) throw new RowError(`Array specified for non-repeated field: ${field.name}.`);
    if (typeof value === 'object')
      throw new RowError(`JSON object specified for non-record field: ${field.name}`);
  }
  const fail = (what: string) =>
    new RowError(
      `Could not convert value '${describe(value)}' to ${what}. Field: ${field.name}; Value: ${String(value)}`,
    );
  const text = String(value);
  switch (type) {
    case 'STRING':
      return text;
    case 'INTEGER': {
      if (typeof value === 'boolean' || !INT_RE.test(text.trim())) throw fail('integer');
      const n = BigInt(text.trim());
      if (n < INT64_MIN || n > INT64_MAX) throw fail('integer');
      return n.toString();
    }
    case 'FLOAT':
      if (
        typeof value === 'boolean' ||
        !(NUM_RE.test(text.trim()) || /^[+-]?(NaN|Infinity|inf)$/i.test(text.trim()))
      ) {
        throw fail('double');
      }
      return text.trim();
    case 'NUMERIC':
    case 'BIGNUMERIC':
      if (typeof value === 'boolean' || !NUM_RE.test(text.trim())) throw fail(type.toLowerCase());
      return text.trim();
    case 'BOOLEAN': {
      const b = text.trim().toLowerCase();
      if (b === 'true' || b === '1') return 'true';
      if (b === 'false' || b === '0') return 'false';
      throw fail('boolean');
    }
    case 'TIMESTAMP':
      if (typeof value === 'number') return new Date(value * 1000).toISOString();
      if (typeof value !== 'string' || !TIMESTAMP_RE.test(value.trim())) throw fail('timestamp');
      return value.trim().replace(/\s*UTC$/, 'Z');
    case 'DATETIME':
      if (typeof value !== 'string' || !DATETIME_RE.test(value.trim())) throw fail('datetime');
      return value.trim();
    case 'DATE':
      if (typeof value !== 'string' || !DATE_RE.test(value.trim())) throw fail('date');
      return value.trim();
    case 'TIME':
      if (typeof value !== 'string' || !TIME_RE.test(value.trim())) throw fail('time');
      return value.trim();
    case 'BYTES':
      if (typeof value !== 'string' || !BASE64_RE.test(value) || value.length % 4 === 1) throw fail('bytes');
      return value;
    case 'JSON':
      return JSON.stringify(value);
    default:
      throw new RowError(`Unsupported type ${field.type} for field ${field.name}`);
  }
}

/**
 * Parses newline-delimited JSON against a schema with BigQuery's load rules: values must convert to the
 * field's type, REQUIRED fields must be present, unknown fields fail unless `ignoreUnknownValues`.
 */
export function parseNdjson(
  data: Buffer,
  fields: readonly TableFieldSchema[],
  options: { ignoreUnknownValues?: boolean; maxBadRecords?: number },
): NdjsonParseResult {
  const byName = new Map(fields.map((f, i) => [f.name.toLowerCase(), i]));
  const text = data.toString('utf8');
  const rows: CanonicalRow[] = [];
  const errors: string[] = [];
  let position = 0;
  for (const line of text.split('\n')) {
    const start = position;
    position += Buffer.byteLength(line, 'utf8') + 1;
    if (line.trim() === '') continue;
    try {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch (error) {
        throw new RowError(`Parser terminated before end of string: ${(error as Error).message}`);
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new RowError('Top-level value is not a JSON object');
      }
      const row: CanonicalRow = fields.map(() => null);
      const seen = new Set<number>();
      for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
        const index = byName.get(name.toLowerCase());
        if (index === undefined) {
          if (options.ignoreUnknownValues) continue;
          throw new RowError(`No such field: ${name}.`);
        }
        seen.add(index);
        row[index] = convert(fields[index] as TableFieldSchema, value);
      }
      fields.forEach((f, i) => {
        if (!seen.has(i)) convert(f, undefined);
      });
      rows.push(row);
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      errors.push(
        `Error while reading data, error message: JSON parsing error in row starting at position ${start}: ${error.message}`,
      );
    }
  }
  return { rows, errors, badRecords: errors.length };
}
