import { access, constants, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SyncFailure } from '../config/errors.js';
import type { DestinationSettings } from '../config/settings.js';

/** Fails before anything is written when the DuckDB file cannot be created or written. */
export async function checkWritable(settings: DestinationSettings): Promise<void> {
  if (settings.kind !== 'duckdb') return;
  const path = settings.path;
  const existing = await stat(path).catch(() => null);
  if (existing?.isDirectory()) {
    throw new SyncFailure(
      `The DuckDB path ${path} is a directory: pass a file path, e.g. --duckdb-path ${path}/freshdesk.duckdb.`,
    );
  }
  const target = existing ? path : dirname(path);
  try {
    await access(target, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'the folder does not exist' : 'it is not writable by this user';
    throw new SyncFailure(
      `Cannot write the DuckDB database ${path}: ${why}. Create the folder or choose another --duckdb-path (SLUICE_DUCKDB_PATH).`,
    );
  }
}

/** For read-only commands: a missing DuckDB file is an error, not a new empty database. */
export async function checkExists(settings: DestinationSettings): Promise<void> {
  if (settings.kind !== 'duckdb') return;
  if (!(await stat(settings.path).catch(() => null))) {
    throw new SyncFailure(
      `No DuckDB database at ${settings.path}: run \`sluice-sync run\` first, or pass the right --duckdb-path (SLUICE_DUCKDB_PATH).`,
    );
  }
}
