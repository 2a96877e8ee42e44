import type { DuckDBConnection } from '@duckdb/node-api';
import { CompiledQuery, type DatabaseConnection, type Driver, type TransactionSettings } from 'kysely';
import { DuckDbConnection } from './connection.js';

export interface DuckDbDialectConfig {
  /**
   * Opens one DuckDB connection (usually `instance.connect()`). Called whenever kysely needs a connection
   * and none is idle; each kysely transaction gets a connection of its own.
   */
  readonly connect: () => Promise<DuckDBConnection>;
  /** Runs once on every new connection, e.g. to `SET TimeZone = 'UTC'`. */
  readonly onCreateConnection?: (connection: DuckDbConnection) => Promise<void>;
}

/**
 * A kysely driver over @duckdb/node-api. Idle connections are reused; DuckDB itself serializes work inside
 * one database and isolates transactions (MVCC) across connections.
 */
export class DuckDbKyselyDriver implements Driver {
  readonly #config: DuckDbDialectConfig;
  readonly #idle: DuckDbConnection[] = [];
  readonly #all = new Set<DuckDbConnection>();

  constructor(config: DuckDbDialectConfig) {
    this.#config = config;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const idle = this.#idle.pop();
    if (idle) return idle;
    const connection = new DuckDbConnection(await this.#config.connect());
    this.#all.add(connection);
    try {
      await this.#config.onCreateConnection?.(connection);
    } catch (error) {
      this.#all.delete(connection);
      connection.close();
      throw error;
    }
    return connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    if (settings.isolationLevel || settings.accessMode) {
      // DuckDB has a single isolation level (snapshot) and no per-transaction access mode.
      throw new Error(
        'DuckDB does not support transaction isolation levels or access modes: call transaction() without them.',
      );
    }
    await connection.executeQuery(CompiledQuery.raw('BEGIN TRANSACTION'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('COMMIT'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.#idle.push(connection as DuckDbConnection);
  }

  async destroy(): Promise<void> {
    for (const connection of this.#all) connection.close();
    this.#all.clear();
    this.#idle.length = 0;
  }
}
