import type { ColumnSchema, DataType } from '@sluice/loader-core';

/** Precision and scale of decimals without a hint: DuckDB's widest decimal, nine fractional digits. */
export const DEFAULT_DECIMAL = { precision: 38, scale: 9 } as const;

const SQL_TYPES: Readonly<Record<Exclude<DataType, 'decimal'>, string>> = {
  text: 'VARCHAR',
  bigint: 'BIGINT',
  double: 'DOUBLE',
  bool: 'BOOLEAN',
  timestamp: 'TIMESTAMPTZ',
  date: 'DATE',
  time: 'TIME',
  json: 'JSON',
  binary: 'BLOB',
};

/** The DuckDB type of a column, as written in CREATE TABLE, ADD COLUMN and read_json's `columns`. */
export function columnType(column: Pick<ColumnSchema, 'dataType' | 'precision' | 'scale'>): string {
  if (column.dataType !== 'decimal') return SQL_TYPES[column.dataType];
  return `DECIMAL(${decimalPrecision(column)})`;
}

function decimalPrecision(column: Pick<ColumnSchema, 'precision' | 'scale'>): string {
  const precision = column.precision ?? DEFAULT_DECIMAL.precision;
  const scale = column.scale ?? Math.min(DEFAULT_DECIMAL.scale, precision);
  if (!Number.isInteger(precision) || precision < 1 || precision > DEFAULT_DECIMAL.precision) {
    throw new RangeError(
      `Decimal precision ${precision} is outside DuckDB's range 1..38: fix the column hint's precision.`,
    );
  }
  if (!Number.isInteger(scale) || scale < 0 || scale > precision) {
    throw new RangeError(
      `Decimal scale ${scale} must be between 0 and the precision (${precision}): fix the column hint's scale.`,
    );
  }
  return `${precision},${scale}`;
}
