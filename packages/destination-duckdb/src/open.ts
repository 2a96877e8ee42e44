import { resolve } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { effectiveConfig } from './config.js';
import { describeOpenError } from './errors.js';

export const MEMORY_PATH = ':memory:';

/**
 * The name the database is attached under. DuckDB names a file's catalog after the file (`freshdesk.duckdb` is
 * catalog `freshdesk`), which makes `"freshdesk"."tickets"` ambiguous once a schema `freshdesk` exists. Attaching
 * under a name no normalized dataset can take (it has a space) keeps two-part names unambiguous.
 */
export const CATALOG = 'sluice database';

/** An open database: the instance, the catalog every connection must `USE`, and how to let go of it. */
export interface OpenDatabase {
  readonly instance: DuckDBInstance;
  readonly catalog: string;
  /** Gives up this holder's share; the file closes (and unlocks) when the last holder releases it. */
  release(): void;
}

interface Shared {
  readonly instance: DuckDBInstance;
  holders: number;
}

/** Files open in this process: every client of one file shares one database (two would corrupt it). */
const openFiles = new Map<string, Promise<Shared>>();

function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function quoteIdentifier(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

async function run(connection: DuckDBConnection, statement: string): Promise<void> {
  await connection.run(statement);
}

/**
 * Opens an in-memory host instance and attaches the file (or a fresh in-memory database) under `CATALOG`.
 * Another process holding the file makes ATTACH fail at once (DuckDB's file lock never waits).
 */
async function attach(path: string, config: Readonly<Record<string, string>>): Promise<DuckDBInstance> {
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(MEMORY_PATH, effectiveConfig(path, path === MEMORY_PATH, config));
  } catch (error) {
    throw describeOpenError(path, error);
  }
  const connection = await instance.connect();
  try {
    try {
      await run(connection, `ATTACH ${quoteLiteral(path)} AS ${quoteIdentifier(CATALOG)}`);
    } catch (error) {
      throw describeOpenError(path, error);
    }
    await run(connection, `USE ${quoteIdentifier(CATALOG)}`);
    // The host's own catalog would shadow a dataset named `memory`.
    await run(connection, 'DETACH memory');
    return instance;
  } catch (error) {
    instance.closeSync();
    throw error;
  } finally {
    connection.closeSync();
  }
}

/**
 * Opens a database file, or a new in-memory database for `':memory:'` (private to the caller). Clients of the
 * same file in this process share one open database.
 */
export async function openDatabase(
  path: string,
  config: Readonly<Record<string, string>> = {},
): Promise<OpenDatabase> {
  if (path === MEMORY_PATH) {
    const instance = await attach(MEMORY_PATH, config);
    return { instance, catalog: CATALOG, release: () => instance.closeSync() };
  }
  const key = resolve(path);
  let shared = openFiles.get(key);
  if (!shared) {
    shared = attach(path, config).then((instance) => ({ instance, holders: 0 }));
    openFiles.set(key, shared);
    const pending = shared;
    pending.catch(() => {
      if (openFiles.get(key) === pending) openFiles.delete(key);
    });
  }
  const entry = await shared;
  entry.holders += 1;
  let released = false;
  return {
    instance: entry.instance,
    catalog: CATALOG,
    release: () => {
      if (released) return;
      released = true;
      entry.holders -= 1;
      if (entry.holders === 0) {
        openFiles.delete(key);
        entry.instance.closeSync();
      }
    },
  };
}
