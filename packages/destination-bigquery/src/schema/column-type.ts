import type { TableField } from '@google-cloud/bigquery';
import type { ColumnSchema, DataType } from '@sluice/loader-core';

/** The GoogleSQL type of each logical type; decimals are refined by precision and scale below. */
const BASE_TYPES: Readonly<Record<DataType, string>> = {
  text: 'STRING',
  bigint: 'INT64',
  double: 'FLOAT64',
  decimal: 'NUMERIC',
  bool: 'BOOL',
  timestamp: 'TIMESTAMP',
  date: 'DATE',
  time: 'TIME',
  json: 'JSON',
  binary: 'BYTES',
};

/**
 * Column name prefixes BigQuery reserves for pseudo-columns (case-insensitive). Declared as a capability so
 * loader-core's naming avoids them; `assertColumnName` stays as the last guard.
 */
export const RESERVED_PREFIXES: readonly string[] = [
  '_table_',
  '_file_',
  '_partition',
  '_row_timestamp',
  '__root__',
  '_colidentifier',
];

/** Fails early, with the fix, on a column name BigQuery would reject with a less helpful message. */
export function assertColumnName(name: string): void {
  const lower = name.toLowerCase();
  const prefix = RESERVED_PREFIXES.find((p) => lower.startsWith(p));
  if (prefix) {
    throw new Error(
      `Column "${name}" starts with "${prefix}", a prefix BigQuery reserves for its pseudo-columns, so BigQuery ` +
        'cannot store it. Rename the field in the source records (e.g. map it in the resource) before loading.',
    );
  }
}

/** NUMERIC holds 29 integer and 9 fractional digits; BIGNUMERIC 38 and 38 (plus a partial 77th digit). */
const NUMERIC = { integerDigits: 29, scale: 9 } as const;
const BIGNUMERIC = { integerDigits: 38, scale: 38 } as const;

export interface BigQueryColumnType {
  readonly type: string;
  readonly precision?: number;
  readonly scale?: number;
}

/**
 * The BigQuery type of a column. A decimal without precision is NUMERIC (38, 9); with precision and scale it is
 * a parameterized NUMERIC when it fits, else BIGNUMERIC.
 */
export function bigQueryColumnType(column: ColumnSchema): BigQueryColumnType {
  assertColumnName(column.name);
  if (column.dataType !== 'decimal' || column.precision === undefined) {
    return { type: BASE_TYPES[column.dataType] };
  }
  const precision = column.precision;
  const scale = column.scale ?? 0;
  if (
    !Number.isInteger(precision) ||
    !Number.isInteger(scale) ||
    scale < 0 ||
    precision < Math.max(1, scale)
  ) {
    throw new Error(
      `Column "${column.name}" has decimal precision ${precision} and scale ${scale}, which is not a valid ` +
        'decimal type: precision must be an integer >= 1 and >= scale, scale an integer >= 0. Fix the column hint.',
    );
  }
  const integerDigits = precision - scale;
  if (scale <= NUMERIC.scale && integerDigits <= NUMERIC.integerDigits) {
    return { type: 'NUMERIC', precision, scale };
  }
  if (scale <= BIGNUMERIC.scale && integerDigits <= BIGNUMERIC.integerDigits) {
    return { type: 'BIGNUMERIC', precision, scale };
  }
  throw new Error(
    `Column "${column.name}" needs decimal(${precision}, ${scale}), beyond BigQuery's largest decimal ` +
      'BIGNUMERIC(76, 38) (at most 38 digits before and 38 after the point). Lower the precision or scale hint, ' +
      'or store the column as text.',
  );
}

/** The type as DDL reads it: `STRING`, `NUMERIC(12, 2)`. */
export function columnTypeSql(column: ColumnSchema): string {
  const { type, precision, scale } = bigQueryColumnType(column);
  return precision === undefined ? type : `${type}(${precision}, ${scale ?? 0})`;
}

/**
 * The REST `TableFieldSchema` of a column, for tables.insert, tables.patch and load jobs. BigQuery only allows
 * NULLABLE on columns added later, and Sluice writes NULL for absent keys, so every column is NULLABLE.
 */
export function tableField(column: ColumnSchema): TableField {
  const { type, precision, scale } = bigQueryColumnType(column);
  return {
    name: column.name,
    type,
    mode: 'NULLABLE',
    ...(precision === undefined ? {} : { precision: String(precision), scale: String(scale ?? 0) }),
  };
}
