import { BigQuery } from '@google-cloud/bigquery';
import { OAuth2Client } from 'google-auth-library';
import type { BigQueryFake } from '../../src/index.js';

/** The real @google-cloud/bigquery client pointed at the fake, with a preset token (no Google token host). */
export function clientFor(
  fake: BigQueryFake,
  options: { autoRetry?: boolean; maxRetries?: number } = {},
): BigQuery {
  const authClient = new OAuth2Client();
  authClient.setCredentials({ access_token: 'test-token', expiry_date: Date.now() + 3_600_000 });
  return new BigQuery({
    projectId: fake.projectId,
    apiEndpoint: fake.apiEndpoint,
    authClient,
    ...(options.autoRetry !== undefined ? { autoRetry: options.autoRetry } : {}),
    ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
  });
}
