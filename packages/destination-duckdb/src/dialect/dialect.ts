import {
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
} from 'kysely';
import { type DuckDbDialectConfig, DuckDbKyselyDriver } from './driver.js';

/**
 * Kysely dialect for DuckDB over @duckdb/node-api. DuckDB speaks PostgreSQL's SQL (double-quoted
 * identifiers, `$1` parameters, RETURNING, transactional DDL), so the Postgres compiler and adapter fit.
 */
export class DuckDbDialect implements Dialect {
  readonly #config: DuckDbDialectConfig;

  constructor(config: DuckDbDialectConfig) {
    this.#config = config;
  }

  createDriver(): Driver {
    return new DuckDbKyselyDriver(this.#config);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}
