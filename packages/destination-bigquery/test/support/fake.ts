import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BigQuery } from '@google-cloud/bigquery';
import { type BigQueryFake, startBigQueryFake } from '@sluice/bigquery-fake';
import type { Destination } from '@sluice/loader-core';
import { OAuth2Client } from 'google-auth-library';
import { bigquery } from '../../src/destination.js';
import type { BigQueryDestinationOptions } from '../../src/options.js';
import { strictAnalyzer } from './strict.js';

export { strictAnalyzer };

export const PROJECT = 'sluice-test';
export const LOCATION = 'EU';

/**
 * An auth client with a preset token: the real client authenticates without ever asking Google's token host
 * (a `credentials` object or key file would).
 */
export function testAuthClient(): OAuth2Client {
  const client = new OAuth2Client();
  client.setCredentials({ access_token: 'test-token', expiry_date: Date.now() + 3_600_000 });
  return client;
}

/**
 * A fake in ZetaSQL strict mode: every statement the destination sends is analyzed by BigQuery's SQL front end
 * and invalid SQL fails the job, so passing tests prove the SQL is valid GoogleSQL. Statements ZetaSQL
 * rejected are also collected in `(await strictAnalyzer()).rejected` for a clearer failure.
 */
export async function startFake(
  options: Parameters<typeof startBigQueryFake>[0] = {},
): Promise<BigQueryFake> {
  return startBigQueryFake({
    port: 0,
    projectId: PROJECT,
    location: LOCATION,
    zetasql: await strictAnalyzer(),
    ...options,
  });
}

/** Destination options pointed at the fake, with a preset token and fast retries. */
export function fakeOptions(
  fake: BigQueryFake,
  overrides: Partial<BigQueryDestinationOptions> = {},
): BigQueryDestinationOptions {
  return {
    projectId: fake.projectId,
    location: fake.location,
    apiEndpoint: fake.apiEndpoint,
    credentials: { authClient: testAuthClient() },
    retry: { initialDelayMs: 1, maxDelayMs: 10 },
    ...overrides,
  };
}

/** The destination under test, pointed at the fake, with fast retries. */
export function fakeDestination(
  fake: BigQueryFake,
  overrides: Partial<BigQueryDestinationOptions> = {},
): Destination {
  return bigquery(fakeOptions(fake, overrides));
}

/** A plain client on the fake, to inspect what the destination created. */
export function fakeClient(fake: BigQueryFake): BigQuery {
  return new BigQuery({
    projectId: fake.projectId,
    location: fake.location,
    apiEndpoint: fake.apiEndpoint,
    authClient: testAuthClient(),
    retryOptions: { autoRetry: false },
  });
}

export async function workingDir(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'sluice-bq-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
