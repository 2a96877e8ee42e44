import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BigQueryFake } from '@sluice/bigquery-fake';
import { createPipeline, type Destination, resource } from '@sluice/loader-core';
import { OAuth2Client } from 'google-auth-library';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BigQueryApi } from '../../src/bigquery/api.js';
import { BigQueryDestinationError } from '../../src/errors.js';
import { retryPolicy } from '../../src/retry.js';
import { fakeClient, fakeDestination, startFake, testAuthClient, workingDir } from '../support/fake.js';
import { destinationWithHooks } from '../support/hooks.js';

let fake: BigQueryFake;
const cleanups: (() => Promise<void>)[] = [];
beforeAll(async () => {
  fake = await startFake();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  await fake.reset();
});
afterAll(async () => {
  await fake?.stop();
});

const items = resource(
  async function* () {
    yield [{ id: 1, name: 'a' }];
  },
  { name: 'items' },
);

let workDir: Promise<{ path: string; remove: () => Promise<void> }> | undefined;

/** One working directory per test, so a rerun finds the package a failed run left. */
async function pipeline(destination: Destination, dataset: string) {
  workDir ??= workingDir().then((dir) => {
    cleanups.push(async () => {
      workDir = undefined;
      await dir.remove();
    });
    return dir;
  });
  return createPipeline({ name: 'errors_test', dataset, destination, workingDir: (await workDir).path });
}

async function runError(destination: Destination, dataset = 'errs'): Promise<BigQueryDestinationError> {
  const error = await (await pipeline(destination, dataset)).run([items]).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BigQueryDestinationError);
  return error as BigQueryDestinationError;
}

async function runOk(destination: Destination, dataset = 'errs'): Promise<void> {
  await (await pipeline(destination, dataset)).run([items]);
}

describe('errors from BigQuery', () => {
  it('quotaExceeded: not retried, says which quota and what to do', async () => {
    fake.injectError({ reason: 'quotaExceeded', method: 'POST', path: '/jobs', times: 10 });
    const error = await runError(fakeDestination(fake));
    expect(error.kind).toBe('quota_exceeded');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/exceeded quota for free query bytes scanned/);
    expect(error.message).toMatch(/request a higher quota/);
    expect(fake.requests().filter((r) => r.status === 403)).toHaveLength(1);
  });

  it('accessDenied: names the missing permission and the role that grants it', async () => {
    fake.injectError({
      reason: 'accessDenied',
      method: 'POST',
      path: '/jobs',
      permission: 'bigquery.jobs.create',
    });
    const jobs = await runError(fakeDestination(fake));
    expect(jobs.kind).toBe('permission_denied');
    expect(jobs.permission).toBe('bigquery.jobs.create');
    expect(jobs.message).toContain('Grant roles/bigquery.jobUser on the project');

    await fake.reset();
    fake.injectError({
      reason: 'accessDenied',
      method: 'POST',
      path: '/tables',
      message:
        'Access Denied: Dataset sluice-test:errs_staging: Permission bigquery.tables.create denied on dataset sluice-test:errs_staging (or it may not exist).',
    });
    const tables = await runError(fakeDestination(fake));
    expect(tables.permission).toBe('bigquery.tables.create');
    expect(tables.message).toContain('Grant roles/bigquery.dataEditor on the dataset');
  });

  it('rateLimitExceeded without end: retried with backoff up to maxAttempts, then a clear error', async () => {
    fake.injectError({ reason: 'rateLimitExceeded', method: 'GET', path: '/datasets/', times: 100 });
    const error = await runError(
      fakeDestination(fake, { retry: { maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 5 } }),
    );
    expect(error.kind).toBe('rate_limited');
    expect(error.message).toContain('after 3 attempts');
    expect(fake.requests().filter((r) => r.status === 403)).toHaveLength(3);
  });

  it('jobs that keep failing transiently run at most maxAttempts times, each under a new id', async () => {
    fake.failNextJobs({ reason: 'backendError', times: 10, jobType: 'QUERY' });
    const api = new BigQueryApi({
      projectId: fake.projectId,
      location: fake.location,
      apiEndpoint: fake.apiEndpoint,
      auth: { authClient: testAuthClient() },
      retry: retryPolicy({ maxAttempts: 3, initialDelayMs: 1, maxDelayMs: 5 }),
    });
    const error = await api.query('SELECT 1 AS n', [], 'selecting one').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BigQueryDestinationError);
    expect((error as BigQueryDestinationError).kind).toBe('transient');
    expect((error as BigQueryDestinationError).message).toContain('after 3 attempts');
    const [jobs] = await fakeClient(fake).getJobs();
    expect(new Set(jobs.map((j) => j.id)).size).toBe(3);
  });

  describe('a dataset deleted while a load runs', () => {
    const deleteDataset = (id: string) => () =>
      fakeClient(fake)
        .dataset(id)
        .delete({ force: true })
        .then(() => undefined);

    it('the staging dataset, before the commit: dataset_not_found from the commit query, nothing committed', async () => {
      const error = await runError(
        destinationWithHooks(fake, { beforeCommit: deleteDataset('errs_staging') }),
      );
      expect(error.kind).toBe('dataset_not_found');
      expect(error.reason).toBe('notFound');
      expect(error.googleMessage).toBe(
        'Not found: Dataset sluice-test:errs_staging was not found in location EU',
      );
      expect(error.message).toMatch(/^BigQuery failed while committing load /);
      expect(error.message).toContain('that the dataset is in location "EU" (the location option)');
      expect(error.message).toContain('run again');
      // The transaction never ran: no rows, no loads row.
      expect(await fake.readTable('errs', 'items')).toEqual([]);
      expect(await fake.readTable('errs', '_sluice_loads')).toEqual([]);
      // The next run creates the staging dataset again and commits (the pending package, then a fresh one).
      await runOk(fakeDestination(fake));
      const rows = await fake.readTable('errs', 'items');
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((row) => row._sluice_load_id)).size).toBe(rows.length);
      expect((await fakeClient(fake).dataset('errs_staging').exists())[0]).toBe(true);
    });

    it('the staging dataset, before a load job: dataset_not_found from the load job', async () => {
      const error = await runError(
        destinationWithHooks(fake, { beforeLoadFile: deleteDataset('errs_staging') }),
      );
      expect(error.kind).toBe('dataset_not_found');
      expect(error.googleMessage).toBe('Not found: Dataset sluice-test:errs_staging');
      expect(error.message).toMatch(/^BigQuery failed while loading 1 rows of table items/);
    });

    it('the final dataset, before the commit: dataset_not_found naming it', async () => {
      const error = await runError(destinationWithHooks(fake, { beforeCommit: deleteDataset('errs') }));
      expect(error.kind).toBe('dataset_not_found');
      expect(error.googleMessage).toBe('Not found: Dataset sluice-test:errs was not found in location EU');
    });
  });

  it('a dataset in another location is a location mismatch, with the fix', async () => {
    await fakeClient(fake).createDataset('elsewhere', { location: 'US' });
    const error = await runError(fakeDestination(fake), 'elsewhere');
    expect(error.kind).toBe('location_mismatch');
    expect(error.message).toContain('is in location US, not in location EU');
    expect(error.message).toContain("Set the destination's location option");
  });

  it('a rejected access token (401) is bad_credentials', async () => {
    fake.injectError({ reason: 'authError', times: 10 });
    const error = await runError(fakeDestination(fake));
    expect(error.kind).toBe('bad_credentials');
    expect(error.message).toContain('gcloud auth application-default login');
  });

  it('no credentials anywhere (no key, no ADC file, no metadata server) is bad_credentials', async () => {
    const saved = { home: process.env.HOME, adc: process.env.GOOGLE_APPLICATION_CREDENTIALS };
    const home = await workingDir();
    cleanups.push(home.remove);
    process.env.HOME = home.path;
    delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
    try {
      const error = await runError(fakeDestination(fake, { credentials: undefined }));
      expect(error.kind).toBe('bad_credentials');
      expect(error.message).toContain('GOOGLE_APPLICATION_CREDENTIALS');
    } finally {
      process.env.HOME = saved.home;
      if (saved.adc !== undefined) process.env.GOOGLE_APPLICATION_CREDENTIALS = saved.adc;
    }
  });

  it('a key file that cannot be read is bad_credentials, before any request', async () => {
    const error = await runError(
      fakeDestination(fake, { credentials: { keyFilename: '/nonexistent/key.json' } }),
    );
    expect(error.kind).toBe('bad_credentials');
    expect(error.message).toContain('/nonexistent/key.json');
    expect(fake.requests()).toEqual([]);
  });

  describe('an OAuth refresh rejected with invalid_grant', () => {
    let tokenServer: Server;
    let tokenUrl: string;
    beforeAll(async () => {
      tokenServer = createServer((_, res) => {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }),
        );
      });
      await new Promise<void>((resolve) => tokenServer.listen(0, '127.0.0.1', resolve));
      tokenUrl = `http://127.0.0.1:${(tokenServer.address() as AddressInfo).port}/token`;
    });
    afterAll(() => new Promise<void>((resolve) => tokenServer.close(() => resolve())));

    it('is bad_credentials and never shows the refresh token', async () => {
      const authClient = new OAuth2Client({
        clientId: 'client-id',
        clientSecret: 'client-secret-value',
        endpoints: { oauth2TokenUrl: tokenUrl },
      });
      authClient.setCredentials({ refresh_token: 'refresh-token-secret', expiry_date: 1 });
      const error = await runError(fakeDestination(fake, { credentials: { authClient } }));
      expect(error.kind).toBe('bad_credentials');
      expect(error.message).toContain('Token has been expired or revoked.');
      const everything = JSON.stringify({ ...error, message: error.message, stack: error.stack });
      expect(everything).not.toContain('refresh-token-secret');
      expect(everything).not.toContain('client-secret-value');
    });
  });
});
