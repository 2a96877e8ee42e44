import { type CompiledQuery, sql } from 'kysely';
import { SYSTEM_COLUMN_NAMES } from '../schema/system-columns.js';
import type { ColumnSchema, TableSchema } from '../schema/types.js';
import type { SqlDriver } from './driver.js';

/**
 * CREATE TABLE with every column of `table` (types from the driver, names quoted by its dialect). With
 * `notNull`, data columns that may not be null (`nullable: false`: primary keys and hints) get `NOT NULL`; columns
 * added later never do (the table's older rows have no value), and loader-core's own columns never do (it fills
 * them on every row; destinations keep their default).
 */
export function createTableStatement(
  driver: SqlDriver,
  dataset: string,
  table: TableSchema,
  notNull = false,
): CompiledQuery {
  const columns = Object.values(table.columns).map((c) => {
    const constraint = notNull && c.nullable === false && !SYSTEM_COLUMN_NAMES.has(c.name) ? ' NOT NULL' : '';
    return sql`${sql.id(c.name)} ${sql.raw(driver.columnType(c) + constraint)}`;
  });
  const suffix = driver.createTableSuffix?.(table);
  return sql`CREATE TABLE IF NOT EXISTS ${sql.id(dataset, table.name)} (${sql.join(columns)})${
    suffix ? sql.raw(` ${suffix}`) : sql.raw('')
  }`.compile(driver.db);
}

export function addColumnStatement(
  driver: SqlDriver,
  dataset: string,
  table: string,
  column: ColumnSchema,
): CompiledQuery {
  return driver.db.schema
    .withSchema(dataset)
    .alterTable(table)
    .addColumn(column.name, sql.raw(driver.columnType(column)))
    .compile();
}

/**
 * Statements bringing one table to `wanted`, given its stored columns (null: missing). Idempotent: columns that
 * already exist are left alone, so a migration interrupted on a destination without transactional DDL resumes.
 * `notNull`: see `createTableStatement` (data tables: yes; loader-core's system tables: no).
 */
export function reconcileTable(
  driver: SqlDriver,
  dataset: string,
  wanted: TableSchema,
  existing: readonly string[] | null,
  notNull = false,
): CompiledQuery[] {
  if (existing === null) return [createTableStatement(driver, dataset, wanted, notNull)];
  const have = new Set(existing);
  return Object.values(wanted.columns)
    .filter((c) => !have.has(c.name))
    .map((c) => addColumnStatement(driver, dataset, wanted.name, c));
}
