import type { QueryParameter } from '@google-cloud/bigquery';

type ParameterType = NonNullable<QueryParameter['parameterType']>;
type ParameterValue = NonNullable<QueryParameter['parameterValue']>;

function scalarType(value: unknown): string {
  if (value === null || value === undefined) return 'STRING';
  if (typeof value === 'string') return 'STRING';
  if (typeof value === 'boolean') return 'BOOL';
  if (typeof value === 'bigint') return 'INT64';
  if (typeof value === 'number') return Number.isInteger(value) ? 'INT64' : 'FLOAT64';
  if (value instanceof Date) return 'TIMESTAMP';
  if (value instanceof Uint8Array) return 'BYTES';
  return 'JSON';
}

function parameterType(value: unknown): ParameterType {
  if (Array.isArray(value)) {
    const first = value.find((item) => item !== null && item !== undefined);
    return { type: 'ARRAY', arrayType: { type: scalarType(first) } };
  }
  return { type: scalarType(value) };
}

function scalarValue(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return JSON.stringify(value);
}

/** A NULL is a parameter value without `value`. */
function scalarParameterValue(item: unknown): ParameterValue {
  const value = scalarValue(item);
  return value === undefined ? {} : { value };
}

function parameterValue(value: unknown): ParameterValue {
  if (Array.isArray(value)) {
    return { arrayValues: value.map(scalarParameterValue) };
  }
  return scalarParameterValue(value);
}

/**
 * BigQuery `queryParameters` for the values kysely collected, named as the compiler wrote them (`@p1` is
 * `p1`). Types are explicit so NULLs are accepted: a NULL is sent as a STRING without value.
 */
export function toQueryParameters(values: readonly unknown[], prefix = 'p'): QueryParameter[] {
  return values.map((value, index) => ({
    name: `${prefix}${index + 1}`,
    parameterType: parameterType(value),
    parameterValue: parameterValue(value),
  }));
}
