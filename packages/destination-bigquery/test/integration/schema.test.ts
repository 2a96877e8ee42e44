import type { BigQueryFake } from '@sluice/bigquery-fake';
import { createPipeline, type Destination, resource } from '@sluice/loader-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeClient, fakeDestination, startFake, workingDir } from '../support/fake.js';
import { destinationWithHooks } from '../support/hooks.js';

let fake: BigQueryFake;
const cleanups: (() => Promise<void>)[] = [];
beforeAll(async () => {
  fake = await startFake({ metadataUpdateLimit: { operations: 1, windowMs: 60_000 } });
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  await fake.reset();
});
afterAll(async () => {
  await fake?.stop();
});

async function run(
  destination: Destination,
  dataset: string,
  resources: Parameters<ReturnType<typeof createPipeline>['run']>[0],
) {
  const dir = await workingDir();
  cleanups.push(dir.remove);
  return createPipeline({ name: 'schema_test', dataset, destination, workingDir: dir.path }).run(resources);
}

const once = (name: string, rows: object[], options: Partial<Parameters<typeof resource>[1]> = {}) =>
  resource(
    async function* () {
      yield rows;
    },
    { name, ...options },
  );

describe('datasets', () => {
  it('creates the dataset in the location with labels, and the staging dataset with a table expiration', async () => {
    const destination = fakeDestination(fake, {
      labels: { team: 'support-analytics' },
      stagingTableExpirationMs: 7_200_000,
    });
    await run(destination, 'helpdesk', [once('tickets', [{ id: 1 }])]);
    const client = fakeClient(fake);
    const [main] = await client.dataset('helpdesk').getMetadata();
    expect(main.location).toBe('EU');
    expect(main.labels).toEqual({ team: 'support-analytics' });
    const [staging] = await client.dataset('helpdesk_staging').getMetadata();
    expect(staging.location).toBe('EU');
    expect(staging.labels).toEqual({ team: 'support-analytics' });
    expect(String(staging.defaultTableExpirationMs)).toBe('7200000');
  });

  it('labels every table it creates; staging tables expire after stagingTableExpirationMs', async () => {
    const labels = { team: 'support-analytics', env: 'ci' };
    const client = fakeClient(fake);
    // Created beforehand without a default table expiration: the staging tables must expire on their own.
    await client.createDataset('labelled_staging', { location: 'EU' });
    const staging: { id: string; labels: unknown; expirationTime: number }[] = [];
    let committingAt = 0;
    const destination = destinationWithHooks(
      fake,
      {
        beforeCommit: async () => {
          committingAt = Date.now();
          const [tables] = await client.dataset('labelled_staging').getTables();
          for (const table of tables) {
            const [meta] = await table.getMetadata();
            staging.push({
              id: String(table.id),
              labels: meta.labels,
              expirationTime: Number(meta.expirationTime),
            });
          }
        },
      },
      { options: { labels, stagingTableExpirationMs: 7_200_000 } },
    );
    const startedAt = Date.now();
    await run(destination, 'labelled', [once('tickets', [{ id: 1, tags: ['a'] }])]);

    expect(staging.map((table) => table.id.split('__').slice(0, -1).join('__')).sort()).toEqual([
      'tickets',
      'tickets__tags',
    ]);
    for (const table of staging) {
      expect(table.labels, table.id).toEqual(labels);
      expect(table.expirationTime, table.id).toBeGreaterThanOrEqual(startedAt + 7_200_000);
      expect(table.expirationTime, table.id).toBeLessThanOrEqual(committingAt + 7_200_000);
    }
    const [finalTables] = await client.dataset('labelled').getTables();
    const finalIds = finalTables.map((table) => String(table.id));
    expect(finalIds).toEqual(expect.arrayContaining(['tickets', 'tickets__tags']));
    // loader-core's state, version and loads tables too.
    expect(finalIds.filter((id) => id.startsWith('_sluice_')).length).toBeGreaterThanOrEqual(3);
    for (const table of finalTables) {
      const [meta] = await table.getMetadata();
      expect(meta.labels, table.id).toEqual(labels);
      expect(meta.expirationTime, table.id).toBeUndefined();
    }
    // Dropped after the commit.
    expect((await client.dataset('labelled_staging').getTables())[0]).toEqual([]);
  });

  it('honors the dataset and stagingDataset options over the pipeline dataset', async () => {
    const destination = fakeDestination(fake, { dataset: 'warehouse', stagingDataset: 'scratch' });
    await run(destination, 'ignored', [once('tickets', [{ id: 1 }])]);
    expect(await fake.readTable('warehouse', 'tickets')).toHaveLength(1);
    const [datasets] = await fakeClient(fake).getDatasets();
    expect(datasets.map((d) => d.id).sort()).toEqual(['scratch', 'warehouse']);
  });
});

describe('tables', () => {
  it('creates tables with the BigQuery type of every loader-core type, all NULLABLE', async () => {
    await run(fakeDestination(fake), 'types', [
      once(
        'all_types',
        [
          {
            text: 'a',
            big: 1,
            dbl: 1.5,
            dec: 12.34,
            wide: 1234567890.5,
            flag: true,
            ts: '2024-01-02T03:04:05Z',
            day: '2024-01-02',
            clock: '03:04:05',
            doc: { a: [1, 2] },
            bytes: Buffer.from([1, 2, 3]),
          },
        ],
        {
          maxNestingDepth: 0,
          columns: {
            dec: { dataType: 'decimal', precision: 12, scale: 2 },
            wide: { dataType: 'decimal', precision: 40, scale: 2 },
            clock: { dataType: 'time' },
            doc: { dataType: 'json' },
            bytes: { dataType: 'binary' },
          },
        },
      ),
    ]);
    const schema = await fake.tableSchema('types', 'all_types');
    const byName = Object.fromEntries(schema.map((f) => [f.name, f]));
    expect(byName.text?.type).toBe('STRING');
    expect(byName.big?.type).toBe('INTEGER');
    expect(byName.dbl?.type).toBe('FLOAT');
    expect(byName.dec).toMatchObject({ type: 'NUMERIC', precision: '12', scale: '2' });
    // The fake keeps no BIGNUMERIC precision (DuckDB stops at 38 digits): check the DDL the destination sent.
    expect(byName.wide?.type).toBe('BIGNUMERIC');
    expect(fake.receivedQueries().some((q) => q.sql.includes('`wide` BIGNUMERIC(40, 2)'))).toBe(true);
    expect(byName.flag?.type).toBe('BOOLEAN');
    expect(byName.ts?.type).toBe('TIMESTAMP');
    expect(byName.day?.type).toBe('DATE');
    expect(byName.clock?.type).toBe('TIME');
    expect(byName.doc?.type).toBe('JSON');
    expect(byName.bytes?.type).toBe('BYTES');
    expect(schema.every((f) => (f.mode ?? 'NULLABLE') === 'NULLABLE')).toBe(true);
    expect(schema.filter((f) => f.name.includes('__v_'))).toEqual([]);

    const [row] = await fake.readTable('types', 'all_types');
    expect(row).toMatchObject({
      text: 'a',
      big: '1',
      dbl: '1.5',
      flag: 'true',
      ts: expect.stringMatching(/^2024-01-02T03:04:05(\.0+)?Z$/),
      day: '2024-01-02',
      clock: '03:04:05',
      bytes: 'AQID',
    });
    expect(Number(row?.dec)).toBe(12.34);
    expect(Number(row?.wide)).toBe(1234567890.5);
    expect(JSON.parse(String(row?.doc))).toEqual({ a: [1, 2] });
  });

  it('partitions and clusters new tables from column hints', async () => {
    await run(fakeDestination(fake, { partitionGranularity: 'MONTH' }), 'layout', [
      once('events', [{ id: 1, kind: 'open', created_at: '2024-01-02T03:04:05Z' }], {
        columns: { created_at: { partition: true }, kind: { cluster: true }, id: { cluster: true } },
      }),
    ]);
    const [metadata] = await fakeClient(fake).dataset('layout').table('events').getMetadata();
    expect(metadata.timePartitioning).toMatchObject({ type: 'MONTH', field: 'created_at' });
    expect(metadata.clustering).toEqual({ fields: ['id', 'kind'] });
  });

  it('adds new columns as NULLABLE with one schema patch per table, within the metadata update limit', async () => {
    const destination = fakeDestination(fake);
    await run(destination, 'evolve', [once('tickets', [{ id: 1 }])]);
    const before = fake.metadataUpdateCount('evolve', 'tickets');
    // Three new columns at once: one patch. The fake allows 1 metadata update per table per minute.
    await run(destination, 'evolve', [once('tickets', [{ id: 2, subject: 's', score: 1.5, closed: false }])]);
    expect(fake.metadataUpdateCount('evolve', 'tickets') - before).toBe(1);
    const schema = await fake.tableSchema('evolve', 'tickets');
    expect(schema.slice(-3).map((f) => [f.name, f.type, f.mode ?? 'NULLABLE'])).toEqual([
      ['subject', 'STRING', 'NULLABLE'],
      ['score', 'FLOAT', 'NULLABLE'],
      ['closed', 'BOOLEAN', 'NULLABLE'],
    ]);
    const rows = await fake.readTable('evolve', 'tickets', { orderBy: ['id'] });
    expect(rows.map((r) => [r.id, r.subject ?? null])).toEqual([
      ['1', null],
      ['2', 's'],
    ]);
  });
});
