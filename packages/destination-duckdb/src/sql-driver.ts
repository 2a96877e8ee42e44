import type { DuckDBInstance } from '@duckdb/node-api';
import type {
  ColumnSchema,
  DestinationCapabilities,
  DynamicDatabase,
  QualifiedTable,
  SqlDriver,
  SqlLoadSession,
} from '@sluice/loader-core';
import { type CompiledQuery, Kysely, sql } from 'kysely';
import { DUCKDB_CAPABILITIES } from './capabilities.js';
import { DuckDbConnection } from './dialect/connection.js';
import { DuckDbDialect } from './dialect/dialect.js';
import { DuckDbLoadSession } from './load/session.js';
import { quoteIdentifier } from './open.js';
import { columnType } from './schema/column-type.js';

export interface DuckDbDriverOptions {
  readonly instance: DuckDBInstance;
  /** The attached database every connection works in (`USE`); see `CATALOG`. */
  readonly catalog: string;
  /**
   * Called by `close()` after every connection is closed, e.g. to release the database. Left out, the
   * database stays open (an in-memory database that outlives this driver).
   */
  readonly onClose?: () => void;
}

/** loader-core's SQL driver for DuckDB: executes what core compiles, loads files, maps types. */
export class DuckDbDriver implements SqlDriver {
  readonly capabilities: DestinationCapabilities = DUCKDB_CAPABILITIES;
  readonly db: Kysely<DynamicDatabase>;
  readonly #instance: DuckDBInstance;
  readonly #catalog: string;
  readonly #onClose: (() => void) | undefined;
  readonly #sessions = new Set<SqlLoadSession>();
  #closed = false;

  constructor(options: DuckDbDriverOptions) {
    this.#instance = options.instance;
    this.#catalog = options.catalog;
    this.#onClose = options.onClose;
    this.db = new Kysely<DynamicDatabase>({
      dialect: new DuckDbDialect({
        connect: () => this.#instance.connect(),
        onCreateConnection: (connection) => this.#prepare(connection),
      }),
    });
  }

  /** Every connection works in the attached database, and in UTC so that timestamps render as UTC. */
  async #prepare(connection: DuckDbConnection): Promise<void> {
    await connection.raw.run(`USE ${quoteIdentifier(this.#catalog)}`);
    await connection.raw.run("SET TimeZone = 'UTC'");
  }

  columnType(column: ColumnSchema): string {
    return columnType(column);
  }

  async query(query: CompiledQuery): Promise<readonly Record<string, unknown>[]> {
    this.#assertOpen();
    const result = await this.db.executeQuery<Record<string, unknown>>(query);
    return result.rows;
  }

  async getTableColumns(table: QualifiedTable): Promise<readonly string[] | null> {
    const rows = await this.query(
      sql`SELECT column_name FROM information_schema.columns
WHERE table_catalog = current_database() AND table_schema = ${table.dataset} AND table_name = ${table.table}
ORDER BY ordinal_position`.compile(this.db),
    );
    return rows.length === 0 ? null : rows.map((row) => String(row.column_name));
  }

  async ensureDataset(dataset: string): Promise<void> {
    await this.query(this.db.schema.createSchema(dataset).ifNotExists().compile());
  }

  async beginLoad(_loadId: string): Promise<SqlLoadSession> {
    this.#assertOpen();
    const connection = new DuckDbConnection(await this.#instance.connect());
    try {
      await this.#prepare(connection);
    } catch (error) {
      connection.close();
      throw error;
    }
    const session = await DuckDbLoadSession.begin(this.db, connection);
    this.#sessions.add(session);
    return trackEnd(session, () => this.#sessions.delete(session));
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    // An unfinished load is rolled back: nothing half-done may be committed by closing.
    await Promise.all([...this.#sessions].map((session) => session.rollback()));
    await this.db.destroy();
    this.#onClose?.();
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('This DuckDB destination client is closed: connect again to use it.');
  }
}

/** Forgets the session once it commits or rolls back. */
function trackEnd(session: SqlLoadSession, onEnd: () => void): SqlLoadSession {
  return {
    migrate: (statements) => session.migrate(statements),
    createStagingTable: (table) => session.createStagingTable(table),
    loadFile: (file, target, columns) => session.loadFile(file, target, columns),
    execute: (statements) => session.execute(statements),
    commit: async () => {
      try {
        await session.commit();
      } finally {
        // A failed commit has already rolled back and closed the session.
        onEnd();
      }
    },
    rollback: async () => {
      await session.rollback();
      onEnd();
    },
  };
}
