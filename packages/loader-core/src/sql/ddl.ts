import { type CompiledQuery, sql } from 'kysely';
import type { ColumnSchema, TableSchema } from '../schema/types.js';
import type { SqlDriver } from './driver.js';

/** CREATE TABLE with every column of `table` (types from the driver, names quoted by its dialect). */
export function createTableStatement(driver: SqlDriver, dataset: string, table: TableSchema): CompiledQuery {
  const columns = Object.values(table.columns).map(
    (c) => sql`${sql.id(c.name)} ${sql.raw(driver.columnType(c))}`,
  );
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
 */
export function reconcileTable(
  driver: SqlDriver,
  dataset: string,
  wanted: TableSchema,
  existing: readonly string[] | null,
): CompiledQuery[] {
  if (existing === null) return [createTableStatement(driver, dataset, wanted)];
  const have = new Set(existing);
  return Object.values(wanted.columns)
    .filter((c) => !have.has(c.name))
    .map((c) => addColumnStatement(driver, dataset, wanted.name, c));
}
