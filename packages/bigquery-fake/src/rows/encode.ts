import type { DuckDBType, DuckDBValue } from '@duckdb/node-api';
import { bigQueryTypeOfDuckDb, type CanonicalType, type TableFieldSchema } from '../catalog/types.js';

/** How TIMESTAMP values are rendered, from the request's `formatOptions`. */
export type TimestampFormat = 'int64' | 'float' | 'iso';

/** REST row format: `{ f: [{ v }] }`, all scalar values as strings. */
export interface RestRow {
  f: { v: string | null }[];
}

/** The BigQuery schema field of a DuckDB result column. */
export function fieldOfColumn(name: string, type: DuckDBType): TableFieldSchema {
  if (type.alias === 'JSON') return { name, type: 'JSON', mode: 'NULLABLE' };
  const bq = bigQueryTypeOfDuckDb(type.toString());
  return {
    name,
    type: bq.type,
    mode: 'NULLABLE',
    ...(bq.precision ? { precision: bq.precision, scale: bq.scale ?? '0' } : {}),
  };
}

const pad = (n: bigint | number, width: number) => n.toString().padStart(width, '0');

/** Renders microseconds since the epoch as BigQuery does for the chosen format. */
export function formatTimestampMicros(micros: bigint, format: TimestampFormat): string {
  if (format === 'int64') return micros.toString();
  const seconds = micros / 1_000_000n;
  const fraction = ((micros % 1_000_000n) + 1_000_000n) % 1_000_000n;
  const floorSeconds = micros < 0n && fraction !== 0n ? seconds - 1n : seconds;
  if (format === 'float') {
    // BigQuery sends e.g. "1.7040672001234E9"; Number() parsing is what clients do with it.
    return (Number(floorSeconds) + Number(fraction) / 1e6).toExponential().replace('e+', 'E');
  }
  const iso = new Date(Number(floorSeconds) * 1000).toISOString().slice(0, 19);
  return `${iso}.${pad(fraction, 6)}Z`;
}

/** Encodes one DuckDB value as the REST `v` string for a field of BigQuery type `type`. */
export function encodeValue(
  value: DuckDBValue,
  type: CanonicalType | string,
  timestamps: TimestampFormat,
): string | null {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'BOOLEAN':
      return value ? 'true' : 'false';
    case 'FLOAT':
      return encodeFloat(Number(value));
    case 'BYTES':
      return Buffer.from((value as { bytes: Uint8Array }).bytes).toString('base64');
    case 'TIMESTAMP':
      return formatTimestampMicros((value as { micros: bigint }).micros, timestamps);
    case 'DATETIME':
      return String(value).replace(' ', 'T');
    default:
      return String(value);
  }
}

function encodeFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Number.POSITIVE_INFINITY) return 'Infinity';
  if (n === Number.NEGATIVE_INFINITY) return '-Infinity';
  return String(n);
}

export function encodeRows(
  rows: readonly DuckDBValue[][],
  fields: readonly TableFieldSchema[],
  timestamps: TimestampFormat,
): RestRow[] {
  return rows.map((row) => ({
    f: fields.map((field, i) => ({ v: encodeValue(row[i] ?? null, field.type, timestamps) })),
  }));
}

/** Reads `formatOptions.useInt64Timestamp` / `timestampOutputFormat` (query string or JSON body). */
export function timestampFormatOf(useInt64?: unknown, outputFormat?: unknown): TimestampFormat {
  if (outputFormat === 'ISO8601_STRING') return 'iso';
  if (outputFormat === 'INT64' || useInt64 === true || useInt64 === 'true') return 'int64';
  if (outputFormat === 'FLOAT64') return 'float';
  return 'float';
}
