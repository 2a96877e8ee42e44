import { randomBytes } from 'node:crypto';
import { access, constants, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { SyncFailure } from '../config/errors.js';
import type { DestinationSettings } from '../config/settings.js';

/** Why a folder refused a new file, in words, from the error code. */
async function refusal(folder: string, code: string | undefined): Promise<string> {
  if (code === 'ENOTDIR') return `${folder} is not a folder`;
  if (code === 'EROFS') return `${folder} is on a read-only file system`;
  if (code === 'ENOENT') {
    const found = await stat(folder).catch(() => null);
    return found?.isDirectory() ? `${folder} does not accept new files` : 'the folder does not exist';
  }
  return 'it is not writable by this user';
}

/**
 * Fails before anything is written when the DuckDB file cannot be created or written. Permission bits do not
 * tell (root passes every check, read-only mounts and special file systems pass some), so it creates and
 * removes a file next to the database, as DuckDB will (the database and its `.wal`).
 */
export async function checkWritable(settings: DestinationSettings): Promise<void> {
  if (settings.kind !== 'duckdb') return;
  const path = settings.path;
  const existing = await stat(path).catch(() => null);
  if (existing?.isDirectory()) {
    throw new SyncFailure(
      `The DuckDB path ${path} is a directory: pass a file path, e.g. --duckdb-path ${path}/freshdesk.duckdb.`,
    );
  }
  const folder = dirname(path);
  const probe = join(folder, `.${basename(path)}.write-check-${randomBytes(4).toString('hex')}`);
  try {
    await writeFile(probe, '', { flag: 'wx' });
    await rm(probe, { force: true });
    if (existing) await access(path, constants.W_OK);
  } catch (error) {
    const why = await refusal(folder, (error as NodeJS.ErrnoException).code);
    throw new SyncFailure(
      `Cannot write the DuckDB database ${path}: ${why}. Create the folder or make it writable, or choose another --duckdb-path (SLUICE_DUCKDB_PATH).`,
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
