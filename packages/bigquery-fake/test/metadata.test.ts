import type { BigQuery } from '@google-cloud/bigquery';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type BigQueryFake, startBigQueryFake } from '../src/index.js';
import { clientFor } from './support/client.js';

let fake: BigQueryFake;
let bq: BigQuery;

beforeAll(async () => {
  fake = await startBigQueryFake({ port: 0, projectId: 'test-project', location: 'EU' });
  bq = clientFor(fake, { autoRetry: false });
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(async () => {
  await fake.reset();
});

const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (error) {
    return error as { code?: number; message: string; errors?: { reason: string; message: string }[] };
  }
  throw new Error('expected the call to fail');
};

describe('datasets', () => {
  it('creates, gets, lists and deletes datasets through the real client', async () => {
    const [dataset] = await bq.createDataset('raw_data', { location: 'EU' });
    expect(dataset.metadata.datasetReference).toEqual({ projectId: 'test-project', datasetId: 'raw_data' });
    const [exists] = await bq.dataset('raw_data').exists();
    expect(exists).toBe(true);
    const [datasets] = await bq.getDatasets();
    expect(datasets.map((d) => d.id)).toEqual(['raw_data']);
    const [meta] = await bq.dataset('raw_data').getMetadata();
    expect(meta.location).toBe('EU');
    await bq.dataset('raw_data').delete();
    expect((await bq.dataset('raw_data').exists())[0]).toBe(false);
  });

  it('patches dataset properties but refuses to move a dataset', async () => {
    await bq.createDataset('d3', { location: 'EU' });
    await bq.dataset('d3').setMetadata({ description: 'raw data', labels: { team: 'data' } });
    const [meta] = await bq.dataset('d3').getMetadata();
    expect(meta).toMatchObject({ description: 'raw data', labels: { team: 'data' }, location: 'EU' });
    const moved = await errorOf(bq.dataset('d3').setMetadata({ location: 'US' }));
    expect(moved.code).toBe(400);
  });

  it('uses the fake default location and answers 404 notFound / 409 duplicate like BigQuery', async () => {
    await bq.createDataset('d1');
    expect((await bq.dataset('d1').getMetadata())[0].location).toBe('EU');
    const missing = await errorOf(bq.dataset('nope').getMetadata());
    expect(missing.code).toBe(404);
    expect(missing.errors?.[0]?.reason).toBe('notFound');
    expect(missing.message).toBe('Not found: Dataset test-project:nope');
    const dup = await errorOf(bq.createDataset('d1'));
    expect(dup.code).toBe(409);
    expect(dup.errors?.[0]?.reason).toBe('duplicate');
  });

  it('rejects invalid dataset names and refuses to delete a non-empty dataset without force', async () => {
    const bad = await errorOf(bq.createDataset('has-dash'));
    expect(bad.code).toBe(400);
    expect(bad.errors?.[0]?.reason).toBe('invalid');
    await bq.createDataset('d2');
    await bq.dataset('d2').createTable('t', { schema: [{ name: 'id', type: 'INT64' }] });
    const inUse = await errorOf(bq.dataset('d2').delete());
    expect(inUse.code).toBe(400);
    await bq.dataset('d2').delete({ force: true });
    expect((await bq.dataset('d2').exists())[0]).toBe(false);
  });
});

describe('tables', () => {
  beforeEach(async () => {
    await bq.createDataset('ds');
  });

  it('creates a table whose schema comes back with BigQuery REST type names', async () => {
    const [table] = await bq.dataset('ds').createTable('tickets', {
      schema: {
        fields: [
          { name: 'id', type: 'INT64', mode: 'REQUIRED' },
          { name: 'subject', type: 'STRING', description: 'ticket subject' },
          { name: 'amount', type: 'NUMERIC' },
          { name: 'big', type: 'BIGNUMERIC' },
          { name: 'score', type: 'FLOAT64' },
          { name: 'open', type: 'BOOL' },
          { name: 'created_at', type: 'TIMESTAMP' },
          { name: 'day', type: 'DATE' },
          { name: 'at', type: 'TIME' },
          { name: 'local', type: 'DATETIME' },
          { name: 'payload', type: 'JSON' },
          { name: 'blob', type: 'BYTES' },
        ],
      },
      timePartitioning: { type: 'DAY', field: 'created_at' },
      clustering: { fields: ['id'] },
    });
    const [meta] = await table.getMetadata();
    expect(meta.schema.fields).toEqual([
      { name: 'id', type: 'INTEGER', mode: 'REQUIRED' },
      { name: 'subject', type: 'STRING', mode: 'NULLABLE', description: 'ticket subject' },
      { name: 'amount', type: 'NUMERIC', mode: 'NULLABLE' },
      { name: 'big', type: 'BIGNUMERIC', mode: 'NULLABLE' },
      { name: 'score', type: 'FLOAT', mode: 'NULLABLE' },
      { name: 'open', type: 'BOOLEAN', mode: 'NULLABLE' },
      { name: 'created_at', type: 'TIMESTAMP', mode: 'NULLABLE' },
      { name: 'day', type: 'DATE', mode: 'NULLABLE' },
      { name: 'at', type: 'TIME', mode: 'NULLABLE' },
      { name: 'local', type: 'DATETIME', mode: 'NULLABLE' },
      { name: 'payload', type: 'JSON', mode: 'NULLABLE' },
      { name: 'blob', type: 'BYTES', mode: 'NULLABLE' },
    ]);
    expect(meta.timePartitioning).toEqual({ type: 'DAY', field: 'created_at' });
    expect(meta.clustering).toEqual({ fields: ['id'] });
    expect(meta.numRows).toBe('0');
    const [tables] = await bq.dataset('ds').getTables();
    expect(tables.map((t) => t.id)).toEqual(['tickets']);
  });

  it('adds a NULLABLE column by patching the schema', async () => {
    const table = bq.dataset('ds').table('t');
    await table.create({ schema: [{ name: 'id', type: 'INT64' }] });
    const [meta] = await table.getMetadata();
    await table.setMetadata({
      schema: { fields: [...meta.schema.fields, { name: 'note', type: 'STRING' }] },
    });
    expect((await fake.tableSchema('ds', 't')).map((f) => f.name)).toEqual(['id', 'note']);
    expect(fake.metadataUpdateCount('ds', 't')).toBe(1);
  });

  it('rejects a type change, an added REQUIRED column and a dropped column with 400 invalid', async () => {
    const table = bq.dataset('ds').table('t');
    await table.create({ schema: [{ name: 'id', type: 'INT64' }] });
    const typeChange = await errorOf(
      table.setMetadata({ schema: { fields: [{ name: 'id', type: 'STRING' }] } }),
    );
    expect(typeChange.code).toBe(400);
    expect(typeChange.errors?.[0]?.reason).toBe('invalid');
    expect(typeChange.message).toContain('Field id has changed type from INTEGER to STRING');
    const required = await errorOf(
      table.setMetadata({
        schema: {
          fields: [
            { name: 'id', type: 'INTEGER' },
            { name: 'must', type: 'STRING', mode: 'REQUIRED' },
          ],
        },
      }),
    );
    expect(required.code).toBe(400);
    expect(required.message).toContain('Cannot add required fields');
    const dropped = await errorOf(
      table.setMetadata({ schema: { fields: [{ name: 'other', type: 'STRING' }] } }),
    );
    expect(dropped.message).toContain('Field id is missing in new schema');
    expect((await fake.tableSchema('ds', 't')).map((f) => `${f.name}:${f.type}`)).toEqual(['id:INTEGER']);
  });

  it('relaxes REQUIRED to NULLABLE but refuses NULLABLE to REQUIRED', async () => {
    const table = bq.dataset('ds').table('t');
    await table.create({
      schema: [
        { name: 'id', type: 'INT64', mode: 'REQUIRED' },
        { name: 'n', type: 'STRING' },
      ],
    });
    await table.setMetadata({
      schema: {
        fields: [
          { name: 'id', type: 'INT64', mode: 'NULLABLE' },
          { name: 'n', type: 'STRING' },
        ],
      },
    });
    expect((await fake.tableSchema('ds', 't'))[0]?.mode).toBe('NULLABLE');
    const tighten = await errorOf(
      table.setMetadata({
        schema: {
          fields: [
            { name: 'id', type: 'INT64' },
            { name: 'n', type: 'STRING', mode: 'REQUIRED' },
          ],
        },
      }),
    );
    expect(tighten.message).toContain('changed mode from NULLABLE to REQUIRED');
  });

  it('enforces column and table name rules, including case-insensitive duplicates', async () => {
    const create = (tableId: string, names: string[]) =>
      errorOf(
        bq.dataset('ds').createTable(tableId, { schema: names.map((name) => ({ name, type: 'STRING' })) }),
      );
    expect((await create('t1', ['1starts_with_digit'])).message).toContain('Invalid field name');
    expect((await create('t2', ['has-dash'])).message).toContain('Invalid field name');
    expect((await create('t3', ['a'.repeat(301)])).message).toContain('Invalid field name');
    expect((await create('t4', ['_PARTITIONTIME'])).message).toContain('reserved');
    expect((await create('t5', ['Id', 'id'])).message).toContain('Field id already exists');
    expect((await create('bad/name', ['a'])).code).toBe(400);
    expect((await create('x'.repeat(1025), ['a'])).code).toBe(400);
    await bq.dataset('ds').createTable('_ok_Name_1', { schema: [{ name: '_a1', type: 'STRING' }] });
  });

  it('returns 404 for missing tables and datasets', async () => {
    const missing = await errorOf(bq.dataset('ds').table('nope').getMetadata());
    expect(missing.code).toBe(404);
    expect(missing.message).toBe('Not found: Table test-project:ds.nope');
    const noDataset = await errorOf(
      bq.dataset('none').createTable('t', { schema: [{ name: 'a', type: 'STRING' }] }),
    );
    expect(noDataset.code).toBe(404);
  });

  it('makes tables disappear once their expirationTime has passed', async () => {
    const table = bq.dataset('ds').table('short_lived');
    await table.create({ schema: [{ name: 'a', type: 'STRING' }] });
    await table.setMetadata({ expirationTime: String(Date.now() + 3_600_000) });
    expect((await table.exists())[0]).toBe(true);
    await table.setMetadata({ expirationTime: String(Date.now() - 1) });
    expect((await table.exists())[0]).toBe(false);
  });

  it('keeps labels and expirationTime from tables.insert and tables.patch, and the dataset default expiration', async () => {
    const expiresAt = Date.now() + 7_200_000;
    await bq.dataset('ds').createTable('labelled', {
      schema: [{ name: 'a', type: 'STRING' }],
      labels: { team: 'data', env: 'test' },
      expirationTime: String(expiresAt),
    });
    const [created] = await bq.dataset('ds').table('labelled').getMetadata();
    expect(created.labels).toEqual({ team: 'data', env: 'test' });
    expect(created.expirationTime).toBe(String(expiresAt));
    await bq
      .dataset('ds')
      .table('labelled')
      // null removes a label (REST patch semantics); the client's types do not allow it.
      .setMetadata({ labels: { env: null as unknown as string, owner: 'support' } });
    const [patched] = await bq.dataset('ds').table('labelled').getMetadata();
    expect(patched.labels).toEqual({ team: 'data', owner: 'support' });

    await bq.createDataset('scratch', { defaultTableExpirationMs: '3600000' });
    const before = Date.now();
    await bq.dataset('scratch').createTable('t', { schema: [{ name: 'a', type: 'STRING' }] });
    const [defaulted] = await bq.dataset('scratch').table('t').getMetadata();
    expect(Number(defaulted.expirationTime) - before).toBeGreaterThanOrEqual(3_600_000);
    expect(Number(defaulted.expirationTime) - Date.now()).toBeLessThanOrEqual(3_600_000);
  });

  it('deletes tables', async () => {
    const table = bq.dataset('ds').table('t');
    await table.create({ schema: [{ name: 'a', type: 'STRING' }] });
    await table.delete();
    expect((await table.exists())[0]).toBe(false);
  });
});
