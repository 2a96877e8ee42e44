import { BigQuery } from '@google-cloud/bigquery';
import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BigQueryFake, startBigQueryFake } from '../src/index.js';

let fake: BigQueryFake;
const seen: (string | undefined)[] = [];

beforeAll(async () => {
  fake = await startBigQueryFake({
    projectId: 'test-project',
    authorize: (authorization) => {
      seen.push(authorization);
      return authorization === 'Bearer issued-token';
    },
  });
});
afterAll(async () => {
  await fake.stop();
});

function clientWithToken(token: string): BigQuery {
  const authClient = new OAuth2Client();
  authClient.setCredentials({ access_token: token, expiry_date: Date.now() + 3_600_000 });
  return new BigQuery({
    projectId: fake.projectId,
    apiEndpoint: fake.apiEndpoint,
    authClient,
    autoRetry: false,
  });
}

describe('authorize option', () => {
  it('serves requests whose bearer token it accepts', async () => {
    await clientWithToken('issued-token').createDataset('ok');
    expect(seen.at(-1)).toBe('Bearer issued-token');
  });

  it("answers any other token with Google's 401 authError, before touching anything", async () => {
    const error = (await clientWithToken('forged-token')
      .createDataset('nope')
      .then(
        () => ({}),
        (e: unknown) => e,
      )) as { code?: number; errors?: { reason: string }[]; message?: string };
    expect(error).toMatchObject({ code: 401, errors: [{ reason: 'authError' }] });
    expect(error.message).toContain('Request had invalid authentication credentials');
    expect(fake.requests().at(-1)).toMatchObject({ method: 'POST', status: 401 });
    expect((await clientWithToken('issued-token').getDatasets())[0].map((d) => d.id)).toEqual(['ok']);
  });
});
