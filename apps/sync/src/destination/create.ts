import { createHash } from 'node:crypto';
import { bigquery } from '@sluice/destination-bigquery';
import { duckdb } from '@sluice/destination-duckdb';
import type { Destination } from '@sluice/loader-core';
import { OAuth2Client } from 'google-auth-library';
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
