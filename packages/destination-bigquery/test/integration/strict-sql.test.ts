import type { BigQueryFake } from '@sluice/bigquery-fake';
import { createPipeline, resource } from '@sluice/loader-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BigQueryApi } from '../../src/bigquery/api.js';
import { BigQueryDestinationError } from '../../src/errors.js';
import { retryPolicy } from '../../src/retry.js';
import { fakeDestination, startFake, strictAnalyzer, testAuthClient, workingDir } from '../support/fake.js';

let fake: BigQueryFake;
beforeAll(async () => {
  fake = await startFake();
});
afterAll(async () => {
  await fake?.stop();
});

describe('ZetaSQL strict mode', () => {
  it('rejects SQL that DuckDB would run but BigQuery would not (the check is live)', async () => {
    const api = new BigQueryApi({
      projectId: fake.projectId,
      location: fake.location,
      apiEndpoint: fake.apiEndpoint,
      auth: { authClient: testAuthClient() },
      retry: retryPolicy({ initialDelayMs: 1 }),
    });
    const analyzer = await strictAnalyzer();
    // DuckDB knows list_value(); BigQuery does not. Only ZetaSQL can catch it.
    const error = await api.query('SELECT list_value(1, 2) AS x', [], 'selecting').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BigQueryDestinationError);
    expect((error as BigQueryDestinationError).kind).toBe('invalid');
    expect(analyzer.rejected.map((r) => r.sql)).toEqual(['SELECT list_value(1, 2) AS x']);
    analyzer.rejected.length = 0; // expected here: keep the collection clean for the other tests
  });

  it('accepts every statement of a load with partitioning, clustering, merge, hard deletes and new columns', async () => {
    const analyzer = await strictAnalyzer();
    const before = analyzer.analyzed.length;
    const dir = await workingDir();
    const source = {
      batch: [
        { id: 1, status: 'open', created_at: '2024-01-01T00:00:00Z', deleted: false, tags: ['a'] },
        { id: 2, status: 'open', created_at: '2024-01-02T00:00:00Z', deleted: false, tags: ['b'] },
      ] as object[],
    };
    const tickets = resource(
      async function* () {
        yield source.batch;
      },
      {
        name: 'tickets',
        primaryKey: 'id',
        writeDisposition: 'merge',
        incremental: { cursor: 'created_at' },
        columns: {
          created_at: { partition: true },
          status: { cluster: true },
          deleted: { hardDelete: true },
          amount: { dataType: 'decimal', precision: 40, scale: 2 },
        },
      },
    );
    const pipeline = createPipeline({
      name: 'strict',
      dataset: 'strict_load',
      destination: fakeDestination(fake, { labels: { env: 'test' } }),
      workingDir: dir.path,
    });
    try {
      await pipeline.run([tickets]);
      source.batch = [
        { id: 2, status: 'closed', created_at: '2024-01-03T00:00:00Z', deleted: true, tags: [] },
        {
          id: 3,
          status: 'open',
          created_at: '2024-01-04T00:00:00Z',
          deleted: false,
          note: 'new',
          amount: 1.25,
          tags: ['c'],
        },
      ];
      await pipeline.run([tickets]);
    } finally {
      await dir.remove();
    }
    const rows = await fake.readTable('strict_load', 'tickets', { orderBy: ['id'] });
    expect(rows.map((r) => [r.id, r.status, r.note ?? null])).toEqual([
      ['1', 'open', null],
      ['3', 'open', 'new'],
    ]);
    expect(analyzer.rejected).toEqual([]);
    const analyzed = analyzer.analyzed.slice(before).join('\n');
    expect(analyzed).toMatch(/PARTITION BY TIMESTAMP_TRUNC\(`created_at`, DAY\) CLUSTER BY `status`/);
    expect(analyzed).toMatch(/DELETE FROM `strict_load`\.`tickets` AS `f` WHERE EXISTS/);
  });
});
