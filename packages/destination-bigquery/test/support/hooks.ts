import type { BigQueryFake } from '@sluice/bigquery-fake';
import { type Destination, type SqlLoadSession, sqlDestination } from '@sluice/loader-core';
import { BigQueryApi } from '../../src/bigquery/api.js';
import { retryPolicy } from '../../src/retry.js';
import { BIGQUERY_CAPABILITIES, BigQuerySqlDriver } from '../../src/sql-driver.js';
import { testAuthClient } from './fake.js';

/** The destination as `bigquery()` builds it, with a hook that runs right before each commit. */
export function destinationWithCommitHook(
  fake: BigQueryFake,
  beforeCommit: (dataset: string) => Promise<void>,
): Destination {
  return sqlDestination(BIGQUERY_CAPABILITIES, async ({ dataset }) => {
    const driver = new BigQuerySqlDriver({
      api: new BigQueryApi({
        projectId: fake.projectId,
        location: fake.location,
        apiEndpoint: fake.apiEndpoint,
        auth: { authClient: testAuthClient() },
        retry: retryPolicy({ initialDelayMs: 1, maxDelayMs: 10 }),
      }),
      dataset,
      stagingDataset: `${dataset}_staging`,
      stagingTableExpirationMs: 3_600_000,
      labels: {},
      partitionGranularity: 'DAY',
    });
    const beginLoad = driver.beginLoad.bind(driver);
    driver.beginLoad = async (loadId: string): Promise<SqlLoadSession> => {
      const session = await beginLoad(loadId);
      const commit = session.commit.bind(session);
      session.commit = async () => {
        await beforeCommit(dataset);
        await commit();
      };
      return session;
    };
    return driver;
  });
}
