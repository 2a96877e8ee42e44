import { invalid } from '../errors.js';

/** A BigQuery REST `TableFieldSchema` (the subset the fake supports: no RECORD / REPEATED). */
export interface TableFieldSchema {
  name: string;
  type: string;
  mode?: 'NULLABLE' | 'REQUIRED' | 'REPEATED' | string;
  description?: string;
  precision?: string;
  scale?: string;
  maxLength?: string;
}

export interface TableSchema {
  fields: TableFieldSchema[];
}

/** The canonical (legacy REST) type names the API returns in schemas. */
export type CanonicalType =
  | 'STRING'
  | 'BYTES'
  | 'INTEGER'
  | 'FLOAT'
  | 'NUMERIC'
  | 'BIGNUMERIC'
  | 'BOOLEAN'
  | 'TIMESTAMP'
  | 'DATETIME'
  | 'DATE'
  | 'TIME'
  | 'JSON';

const ALIASES: Record<string, CanonicalType> = {
  STRING: 'STRING',
  BYTES: 'BYTES',
  INTEGER: 'INTEGER',
  INT64: 'INTEGER',
  INT: 'INTEGER',
  SMALLINT: 'INTEGER',
  BIGINT: 'INTEGER',
  TINYINT: 'INTEGER',
  BYTEINT: 'INTEGER',
  FLOAT: 'FLOAT',
  FLOAT64: 'FLOAT',
  NUMERIC: 'NUMERIC',
  DECIMAL: 'NUMERIC',
  BIGNUMERIC: 'BIGNUMERIC',
  BIGDECIMAL: 'BIGNUMERIC',
  BOOLEAN: 'BOOLEAN',
  BOOL: 'BOOLEAN',
  TIMESTAMP: 'TIMESTAMP',
  DATETIME: 'DATETIME',
  DATE: 'DATE',
  TIME: 'TIME',
  JSON: 'JSON',
};

/** Normalizes a BigQuery type name (`INT64`, `int64`, `INTEGER`) to the name the REST API returns. */
export function canonicalType(type: string): CanonicalType | undefined {
  return ALIASES[type.toUpperCase()];
}

export function requireCanonicalType(type: string, field: string): CanonicalType {
  const canonical = canonicalType(type);
  if (!canonical) {
    throw invalid(
      `Field ${field} has type ${type}, which the BigQuery fake does not support (supported: STRING, BYTES, INT64, FLOAT64, NUMERIC, BIGNUMERIC, BOOL, TIMESTAMP, DATETIME, DATE, TIME, JSON).`,
    );
  }
  return canonical;
}

// BIGNUMERIC cannot be represented exactly (DuckDB decimals stop at 38 digits); a distinct scale keeps it
// distinguishable from NUMERIC when the schema is read back.
const BIGNUMERIC_DUCKDB = 'DECIMAL(38,18)';

/** The DuckDB column type that stores a BigQuery type. */
export function duckDbType(type: CanonicalType, precision?: string, scale?: string): string {
  switch (type) {
    case 'STRING':
      return 'VARCHAR';
    case 'BYTES':
      return 'BLOB';
    case 'INTEGER':
      return 'BIGINT';
    case 'FLOAT':
      return 'DOUBLE';
    case 'NUMERIC':
      return precision ? `DECIMAL(${precision},${scale ?? 0})` : 'DECIMAL(38,9)';
    case 'BIGNUMERIC':
      return BIGNUMERIC_DUCKDB;
    case 'BOOLEAN':
      return 'BOOLEAN';
    case 'TIMESTAMP':
      return 'TIMESTAMPTZ';
    case 'DATETIME':
      return 'TIMESTAMP';
    case 'DATE':
      return 'DATE';
    case 'TIME':
      return 'TIME';
    case 'JSON':
      return 'JSON';
  }
}

/** The BigQuery schema type of a DuckDB column type, as reported by information_schema or a result. */
export function bigQueryTypeOfDuckDb(duckType: string): {
  type: CanonicalType;
  precision?: string;
  scale?: string;
} {
  const t = duckType.toUpperCase().replace(/\s+/g, ' ').trim();
  const decimal = /^DECIMAL\((\d+), ?(\d+)\)$/.exec(t);
  if (decimal) {
    const [, precision = '38', scale = '9'] = decimal;
    if (precision === '38' && scale === '18') return { type: 'BIGNUMERIC' };
    if (precision === '38' && scale === '9') return { type: 'NUMERIC' };
    return { type: 'NUMERIC', precision, scale };
  }
  switch (t) {
    case 'VARCHAR':
    case 'UUID':
      return { type: 'STRING' };
    case 'BLOB':
      return { type: 'BYTES' };
    case 'BIGINT':
    case 'INTEGER':
    case 'SMALLINT':
    case 'TINYINT':
    case 'UBIGINT':
    case 'UINTEGER':
    case 'USMALLINT':
    case 'UTINYINT':
    case 'HUGEINT':
      return { type: 'INTEGER' };
    case 'DOUBLE':
    case 'FLOAT':
      return { type: 'FLOAT' };
    case 'BOOLEAN':
      return { type: 'BOOLEAN' };
    case 'TIMESTAMP WITH TIME ZONE':
    case 'TIMESTAMPTZ':
      return { type: 'TIMESTAMP' };
    case 'TIMESTAMP':
    case 'TIMESTAMP_NS':
    case 'TIMESTAMP_MS':
    case 'TIMESTAMP_S':
      return { type: 'DATETIME' };
    case 'DATE':
      return { type: 'DATE' };
    case 'TIME':
      return { type: 'TIME' };
    case 'JSON':
      return { type: 'JSON' };
    case '"NULL"':
    case 'NULL':
      return { type: 'INTEGER' };
    default:
      // Lists, structs, maps: the fake does not model RECORD/REPEATED; expose them as JSON text.
      return { type: 'STRING' };
  }
}
