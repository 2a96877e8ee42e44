import type { CompiledQuery, Kysely } from 'kysely';
import type { DestinationCapabilities } from '../destination/types.js';
import type { LoadFile } from '../package/types.js';
import type { ColumnSchema, TableSchema } from '../schema/types.js';

/** Tables are dynamic: their names and columns come from the inferred schema. */
export type DynamicDatabase = Record<string, Record<string, unknown>>;

/** A table in a dataset. */
export interface QualifiedTable {
  readonly dataset: string;
  readonly table: string;
}

/**
 * What a SQL destination supplies so that loader-core's shared SQL client (`createSqlClient`) can load into it.
 * Core builds every statement with `db` (so the destination's dialect quotes and compiles it) and decides the
 * order; the driver only executes, loads files and maps types.
 */
export interface SqlDriver {
  readonly capabilities: DestinationCapabilities;
  /** Kysely with this destination's dialect. Core compiles statements with it and never runs them through it. */
  readonly db: Kysely<DynamicDatabase>;
  /** The SQL type for a column in CREATE TABLE and ADD COLUMN. */
  columnType(column: ColumnSchema): string;
  /**
   * Optional: trusted SQL appended to CREATE TABLE after the column list, e.g. BigQuery's
   * `PARTITION BY ... CLUSTER BY ...` from the `partition`/`cluster` hints. Identifiers in it must be quoted by
   * the driver.
   */
  createTableSuffix?(table: TableSchema): string | undefined;
  /** Runs a read outside any load (stored schema, state, loads, counts). */
  query(query: CompiledQuery): Promise<readonly Record<string, unknown>[]>;
  /** Stored column names of a table, or null when it does not exist. */
  getTableColumns(table: QualifiedTable): Promise<readonly string[] | null>;
  /** Creates the dataset when missing. Idempotent. */
  ensureDataset(dataset: string): Promise<void>;
  /** Starts applying one package. */
  beginLoad(loadId: string): Promise<SqlLoadSession>;
  /** Releases connections and locks. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * One package being applied. With `capabilities.supportsTransactions` (DuckDB) everything from `beginLoad` to
 * `commit` is one transaction. Without it (BigQuery) `migrate`, `createStagingTable` and `loadFile` into staging
 * run at once and `execute` queues statements that `commit` sends as one multi-statement transaction; core then
 * never loads a file straight into a final table.
 */
export interface SqlLoadSession {
  /** Schema DDL (CREATE TABLE, ADD COLUMN), idempotent. */
  migrate(statements: readonly CompiledQuery[]): Promise<void>;
  /** A fresh, empty staging copy of a table for this load; returns where it is. */
  createStagingTable(table: TableSchema): Promise<QualifiedTable>;
  /** Loads one data file into a table with these columns (a subset of the table's); returns rows loaded. */
  loadFile(file: LoadFile, target: QualifiedTable, columns: readonly ColumnSchema[]): Promise<number>;
  /** Data statements (merge, replace, state, loads row) that must commit atomically with the data. */
  execute(statements: readonly CompiledQuery[]): Promise<void>;
  commit(): Promise<void>;
  /** Undoes what the transaction did; staging tables are dropped or expire. Safe after a failed commit. */
  rollback(): Promise<void>;
}
