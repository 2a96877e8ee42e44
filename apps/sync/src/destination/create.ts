import { createHash } from 'node:crypto';
import { access, constants, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { bigquery } from '@sluice/destination-bigquery';
import { duckdb } from '@sluice/destination-duckdb';
import type { Destination } from '@sluice/loader-core';
import { OAuth2Client } from 'google-auth-library';
import { SyncFailure } from '../config/errors.js';
import type { DestinationSettings } from '../config/settings.js';

/** The loader-core destination for the settings. */
export function createDestination(settings: DestinationSettings, dataset: string): Destination {
  if (settings.kind === 'duckdb') return duckdb({ path: settings.path, schema: dataset });
  return bigquery({
    projectId: settings.project,
    location: settings.location,
    dataset,
    ...(settings.apiEndpoint ? { apiEndpoint: settings.apiEndpoint } : {}),
    ...credentials(settings),
  });
}

function credentials(settings: Extract<DestinationSettings, { kind: 'bigquery' }>) {
  if (settings.accessToken) {
    // A token minted elsewhere (gcloud, a CI identity): no key file, no refresh, no metadata server.
    const authClient = new OAuth2Client();
    authClient.setCredentials({ access_token: settings.accessToken, expiry_date: Date.now() + 3_600_000 });
    return { credentials: { authClient } };
  }
  if (settings.keyFilename) return { credentials: { keyFilename: settings.keyFilename } };
  return {};
}

/** One line naming where data goes, for logs (never credentials). */
export function describeDestination(settings: DestinationSettings, dataset: string): string {
  return settings.kind === 'duckdb'
    ? `DuckDB ${settings.path} (schema ${dataset})`
    : `BigQuery ${settings.project}.${dataset} (${settings.location})`;
}

/** Stable id of a destination, so pending packages are only ever finished into the destination they were for. */
export function destinationId(settings: DestinationSettings, dataset: string): string {
  const identity =
    settings.kind === 'duckdb'
      ? `duckdb:${settings.path}:${dataset}`
      : `bigquery:${settings.apiEndpoint ?? ''}:${settings.project}:${dataset}`;
  return `${settings.kind}-${createHash('sha256').update(identity).digest('hex').slice(0, 12)}`;
}

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
