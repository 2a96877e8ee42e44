import { openDatabase } from './open.js';
import type { DuckDbOptions } from './options.js';
import { DuckDbDriver } from './sql-driver.js';

/**
 * Opens a database and returns its driver; `close()` releases the file (and its lock). Fails at once with a
 * `DuckDbOpenError` when another process holds the file or the path is not writable. For `':memory:'` every
 * call opens a new, empty database.
 */
export async function openDuckDbDriver(
  options: Pick<DuckDbOptions, 'path' | 'config'>,
): Promise<DuckDbDriver> {
  const database = await openDatabase(options.path, options.config);
  return new DuckDbDriver({
    instance: database.instance,
    catalog: database.catalog,
    onClose: database.release,
  });
}
