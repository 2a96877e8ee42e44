import { createSqlClient, type Destination } from '@sluice/loader-core';
import { DUCKDB_CAPABILITIES } from './capabilities.js';
import { CATALOG, MEMORY_PATH, type OpenDatabase, openDatabase } from './open.js';
import { openDuckDbDriver } from './open-driver.js';
import type { DuckDbOptions } from './options.js';
import { DuckDbDriver } from './sql-driver.js';

/** The DuckDB destination: a loader-core `Destination` plus direct access to its database. */
export interface DuckDbDestination extends Destination {
  /** The options it was created with. */
  readonly options: DuckDbOptions;
  /**
   * A driver on the same database, for reading results (`driver.query(...)`) in tools and tests. It holds the
   * file (and its lock) until `close()`.
   */
  openDriver(): Promise<DuckDbDriver>;
}

function validate(options: DuckDbOptions): void {
  if (typeof options?.path !== 'string' || options.path.trim() === '') {
    throw new TypeError(
      'duckdb() needs a `path`: the database file to write (created when missing), or ":memory:".',
    );
  }
  if (options.schema !== undefined && (typeof options.schema !== 'string' || options.schema === '')) {
    throw new TypeError(
      'duckdb(): `schema` must be a non-empty string, or left out to use the dataset name.',
    );
  }
}

/** Catalogs DuckDB always has: a schema of the same name would make two-part names ambiguous. */
const RESERVED_DATASETS = new Set(['temp', 'system', CATALOG]);

function datasetFor(options: DuckDbOptions, dataset: string): string {
  const name = options.schema ?? dataset;
  if (RESERVED_DATASETS.has(name.toLowerCase())) {
    throw new Error(
      `DuckDB cannot hold a dataset named "${name}": DuckDB has a catalog of that name, so "${name}".<table> ` +
        'would be ambiguous. Choose another dataset name (or pass duckdb({ schema: ... })).',
    );
  }
  return name;
}

/**
 * The embedded default destination: `duckdb({ path: 'freshdesk.duckdb' })`. Each `connect()` opens the file
 * (failing at once with a `DuckDbOpenError` if another process holds it) and the client's `close()` releases it.
 */
export function duckdb(options: DuckDbOptions): DuckDbDestination {
  validate(options);
  // ':memory:' lives as long as this object, so that every connect() sees the data of the previous runs.
  let memory: Promise<OpenDatabase> | undefined;

  const openDriver = async (): Promise<DuckDbDriver> => {
    if (options.path !== MEMORY_PATH) return openDuckDbDriver(options);
    memory ??= openDatabase(MEMORY_PATH, options.config).catch((error: unknown) => {
      memory = undefined;
      throw error;
    });
    const database = await memory;
    return new DuckDbDriver({ instance: database.instance, catalog: database.catalog });
  };

  return {
    capabilities: DUCKDB_CAPABILITIES,
    options,
    openDriver,
    connect: async (connect) => {
      const dataset = datasetFor(options, connect.dataset);
      return createSqlClient(await openDriver(), { dataset });
    },
  };
}
