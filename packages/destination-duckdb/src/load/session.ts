import type {
  ColumnSchema,
  DynamicDatabase,
  LoadFile,
  QualifiedTable,
  SqlLoadSession,
  TableSchema,
} from '@sluice/loader-core';
import { type CompiledQuery, type Kysely, sql } from 'kysely';
import type { DuckDbConnection } from '../dialect/connection.js';
import { columnType } from '../schema/column-type.js';
import { compileReadJsonInsert } from './read-json.js';

/**
 * Names the file and table a failed load was for. DuckDB's own hint (try auto_detect or ignore_errors) does not
 * apply: the column types are the schema's, and skipping bad rows would lose data.
 */
function describeLoadError(file: LoadFile, target: QualifiedTable, error: unknown): Error {
  const message = (error instanceof Error ? error.message : String(error))
    .replace(/\s*Try setting 'auto_detect'[^\n]*/g, '')
    .trim();
  return new Error(
    `Cannot load "${file.path}" into "${target.dataset}"."${target.table}": ${message}. ` +
      'Nothing of this load package is committed; fix the value DuckDB names and run again.',
    { cause: error },
  );
}

/** DuckDB's catalog for temporary tables: they live on one connection and vanish with it. */
export const TEMP_CATALOG = 'temp';

/**
 * One package in one transaction on a connection of its own: migration, staging, data, merge, state and the
 * loads row commit together or not at all.
 */
export class DuckDbLoadSession implements SqlLoadSession {
  readonly #db: Kysely<DynamicDatabase>;
  readonly #connection: DuckDbConnection;
  #open = true;

  private constructor(db: Kysely<DynamicDatabase>, connection: DuckDbConnection) {
    this.#db = db;
    this.#connection = connection;
  }

  /** Opens the transaction on a dedicated connection (closed again on commit or rollback). */
  static async begin(db: Kysely<DynamicDatabase>, connection: DuckDbConnection): Promise<DuckDbLoadSession> {
    try {
      await connection.raw.run('BEGIN TRANSACTION');
    } catch (error) {
      connection.close();
      throw error;
    }
    return new DuckDbLoadSession(db, connection);
  }

  async migrate(statements: readonly CompiledQuery[]): Promise<void> {
    await this.#run(statements);
  }

  async createStagingTable(table: TableSchema): Promise<QualifiedTable> {
    const columns = Object.values(table.columns).map(
      (column) => sql`${sql.id(column.name)} ${sql.raw(columnType(column))}`,
    );
    // Temporary: private to this connection, never seen by readers, gone when the load ends either way.
    const create = sql`CREATE OR REPLACE TEMP TABLE ${sql.id(table.name)} (${sql.join(columns)})`;
    await this.#run([create.compile(this.#db)]);
    return { dataset: TEMP_CATALOG, table: table.name };
  }

  async loadFile(file: LoadFile, target: QualifiedTable, columns: readonly ColumnSchema[]): Promise<number> {
    this.#assertOpen();
    const query = compileReadJsonInsert(this.#db, file, target, columns);
    try {
      const result = await this.#connection.raw.run(query.sql);
      return result.rowsChanged;
    } catch (error) {
      throw describeLoadError(file, target, error);
    }
  }

  async execute(statements: readonly CompiledQuery[]): Promise<void> {
    await this.#run(statements);
  }

  async commit(): Promise<void> {
    this.#assertOpen();
    try {
      await this.#connection.raw.run('COMMIT');
    } catch (error) {
      // A failed COMMIT leaves nothing committed; end the transaction so the connection closes cleanly.
      await this.rollback();
      throw error;
    }
    this.#close();
  }

  async rollback(): Promise<void> {
    if (!this.#open) return;
    try {
      await this.#connection.raw.run('ROLLBACK');
    } catch {
      // No transaction left (a failed COMMIT already ended it): closing the connection discards the rest.
    } finally {
      this.#close();
    }
  }

  async #run(statements: readonly CompiledQuery[]): Promise<void> {
    this.#assertOpen();
    for (const statement of statements) {
      await this.#connection.executeQuery(statement);
    }
  }

  #assertOpen(): void {
    if (!this.#open) {
      throw new Error('This DuckDB load session has already committed or rolled back: begin a new load.');
    }
  }

  #close(): void {
    this.#open = false;
    this.#connection.close();
  }
}
