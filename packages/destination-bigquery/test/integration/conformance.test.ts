import type { BigQueryFake } from '@sluice/bigquery-fake';
import { describeDestinationConformance } from '@sluice/loader-core/testing';
import { afterAll, expect } from 'vitest';
import { BigQueryApi } from '../../src/bigquery/api.js';
import { quoteIdentifier } from '../../src/dialect/query-compiler.js';
import { retryPolicy } from '../../src/retry.js';
import { fakeDestination, startFake, strictAnalyzer, testAuthClient } from '../support/fake.js';

// ZetaSQL strict mode: the fake analyzes every statement with BigQuery's SQL front end and rejects invalid
// SQL, so the kit passing means every statement the destination sent is valid GoogleSQL.
let fake: BigQueryFake | undefined;
afterAll(async () => {
  await fake?.stop();
  const analyzer = await strictAnalyzer();
  expect(analyzer.rejected).toEqual([]);
  expect(analyzer.analyzed.length).toBeGreaterThan(0);
});

describeDestinationConformance({
  name: 'bigquery (fake, ZetaSQL strict)',
  createDestination: async () => {
    fake ??= await startFake();
    // Tables are read back the way the destination reads: a query job and its typed results.
    const api = new BigQueryApi({
      projectId: fake.projectId,
      location: fake.location,
      apiEndpoint: fake.apiEndpoint,
      auth: { authClient: testAuthClient() },
      retry: retryPolicy({ initialDelayMs: 1 }),
    });
    return {
      destination: fakeDestination(fake),
      readTable: async (dataset, table) =>
        (await api.getTable(dataset, table))
          ? api.query(
              `SELECT * FROM ${quoteIdentifier(dataset)}.${quoteIdentifier(table)}`,
              [],
              `reading ${table}`,
            )
          : null,
    };
  },
});
