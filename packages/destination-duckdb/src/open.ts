import { DuckDBInstance } from '@duckdb/node-api';
import { describeOpenError } from './errors.js';

export const MEMORY_PATH = ':memory:';

/**
 * Opens a database. Files go through DuckDB's instance cache so that every client of one file in this
 * process shares one database (two independent instances of one file would corrupt it); other processes
 * are kept out by DuckDB's file lock, which fails at once instead of waiting.
 */
export async function openInstance(
  path: string,
  config: Readonly<Record<string, string>> = {},
): Promise<DuckDBInstance> {
  try {
    return path === MEMORY_PATH
      ? await DuckDBInstance.create(MEMORY_PATH, { ...config })
      : await DuckDBInstance.fromCache(path, { ...config });
  } catch (error) {
    throw describeOpenError(path, error);
  }
}
