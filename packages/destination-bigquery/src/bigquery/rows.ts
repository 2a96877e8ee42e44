import type { TableField } from '@google-cloud/bigquery';

/** A row as BigQuery's REST API returns it: `{ f: [{ v }] }`. */
export interface RawRow {
  readonly f?: readonly { readonly v?: unknown }[] | null;
}

/** Microseconds since the epoch (the `useInt64Timestamp` format) as an ISO-8601 UTC string. */
export function microsToIso(micros: string): string {
  const value = BigInt(micros);
  const millis = value / 1000n - (value % 1000n < 0n ? 1n : 0n);
  const iso = new Date(Number(millis)).toISOString();
  const extra = ((value % 1000n) + 1000n) % 1000n;
  return extra === 0n ? iso : `${iso.slice(0, -1)}${extra.toString().padStart(3, '0')}Z`;
}

function convert(field: TableField, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') return value;
  switch (field.type) {
    case 'INTEGER':
    case 'INT64': {
      const n = Number(value);
      return Number.isSafeInteger(n) ? n : value;
    }
    case 'FLOAT':
    case 'FLOAT64':
      return Number(value);
    case 'BOOLEAN':
    case 'BOOL':
      return value === 'true';
    case 'TIMESTAMP':
      return /^-?\d+$/.test(value) ? microsToIso(value) : new Date(Number(value) * 1000).toISOString();
    default:
      // STRING, NUMERIC, BIGNUMERIC (exact, so strings), DATE, TIME, JSON (text), BYTES (base64).
      return value;
  }
}

/**
 * Plain JavaScript values for result rows: numbers for INT64 that fit (strings beyond 2^53), booleans,
 * ISO-8601 strings for timestamps, strings for the rest.
 */
export function rowsToObjects(
  fields: readonly TableField[],
  rows: readonly RawRow[],
): Record<string, unknown>[] {
  return rows.map((row) => {
    const object: Record<string, unknown> = {};
    fields.forEach((field, index) => {
      object[field.name ?? `f${index}`] = convert(field, row.f?.[index]?.v);
    });
    return object;
  });
}
