import { join } from 'node:path';
import type { ColumnSchema, DynamicDatabase, QualifiedTable } from '@sluice/loader-core';
import { type CompiledQuery, type Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDuckDbDriver } from '../src/open-driver.js';
import { columnType } from '../src/schema/column-type.js';
import type { DuckDbDriver } from '../src/sql-driver.js';
import { column, EVERY_TYPE, jsonlFile, table, tempDir } from './helpers.js';

function createTable(
  db: Kysely<DynamicDatabase>,
  target: QualifiedTable,
  columns: readonly ColumnSchema[],
): CompiledQuery {
  const definitions = columns.map((c) => sql`${sql.id(c.name)} ${sql.raw(columnType(c))}`);
  return sql`CREATE TABLE ${sql.id(target.dataset, target.table)} (${sql.join(definitions)})`.compile(db);
}

function selectAll(db: Kysely<DynamicDatabase>, target: QualifiedTable, orderBy: string): CompiledQuery {
  return sql`SELECT * FROM ${sql.id(target.dataset, target.table)} ORDER BY ${sql.id(orderBy)}`.compile(db);
}

describe('DuckDbDriver', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let driver: DuckDbDriver;

  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    driver = await openDuckDbDriver({ path: join(dir, 'test.duckdb') });
    await driver.ensureDataset('ds');
  });

  afterEach(async () => {
    await driver.close();
    await cleanup();
  });

  async function createAndCommit(target: QualifiedTable, columns: readonly ColumnSchema[]): Promise<void> {
    const session = await driver.beginLoad('setup');
    await session.migrate([createTable(driver.db, target, columns)]);
    await session.commit();
  }

  it('creates a column of every type with the documented DuckDB type', async () => {
    const target = { dataset: 'ds', table: 'every' };
    await createAndCommit(target, EVERY_TYPE);
    const rows = await driver.query(
      sql`SELECT column_name, data_type FROM information_schema.columns
          WHERE table_schema = 'ds' AND table_name = 'every' ORDER BY ordinal_position`.compile(driver.db),
    );
    expect(rows.map((r) => [r.column_name, r.data_type])).toEqual([
      ['id', 'BIGINT'],
      ['text_col', 'VARCHAR'],
      ['bigint_col', 'BIGINT'],
      ['double_col', 'DOUBLE'],
      ['decimal_col', 'DECIMAL(38,9)'],
      ['bool_col', 'BOOLEAN'],
      ['timestamp_col', 'TIMESTAMP WITH TIME ZONE'],
      ['date_col', 'DATE'],
      ['time_col', 'TIME'],
      ['json_col', 'JSON'],
      ['binary_col', 'BLOB'],
    ]);
    expect(await driver.getTableColumns(target)).toEqual(EVERY_TYPE.map((c) => c.name));
    expect(await driver.getTableColumns({ dataset: 'ds', table: 'missing' })).toBeNull();
    expect(await driver.getTableColumns({ dataset: 'missing', table: 'every' })).toBeNull();
  });

  it('loads a JSONL file with every type, nulls, absent and unknown keys', async () => {
    const target = { dataset: 'ds', table: 'every' };
    await createAndCommit(target, EVERY_TYPE);
    const file = await jsonlFile(dir, 'every.jsonl', 'every', [
      {
        id: 1,
        text_col: 'héllo "world" \u{1F600}',
        bigint_col: '9223372036854775807',
        double_col: 1.5e300,
        decimal_col: '12345678901234567890123456789.123456789',
        bool_col: true,
        timestamp_col: '2024-01-02T03:04:05.123456Z',
        date_col: '2024-02-29',
        time_col: '23:59:59.999',
        json_col: { nested: [1, 'two', null], ok: true },
        binary_col: Buffer.from([0, 1, 254, 255]).toString('base64'),
        not_a_column: 'ignored',
      },
      {
        id: 2,
        text_col: null,
        bigint_col: -42,
        double_col: null,
        decimal_col: '-0.000000001',
        bool_col: false,
        timestamp_col: '2024-01-02T03:04:05+02:00',
        json_col: 'just a string',
        binary_col: null,
      },
      { id: 3 },
    ]);
    const session = await driver.beginLoad('load-1');
    const loaded = await session.loadFile(file, target, EVERY_TYPE);
    await session.commit();
    expect(loaded).toBe(3);

    const rows = await driver.query(selectAll(driver.db, target, 'id'));
    expect(rows).toEqual([
      {
        id: 1,
        text_col: 'héllo "world" \u{1F600}',
        bigint_col: '9223372036854775807',
        double_col: 1.5e300,
        decimal_col: '12345678901234567890123456789.123456789',
        bool_col: true,
        timestamp_col: '2024-01-02T03:04:05.123456Z',
        date_col: '2024-02-29',
        time_col: '23:59:59.999',
        json_col: '{"nested":[1,"two",null],"ok":true}',
        binary_col: new Uint8Array([0, 1, 254, 255]),
      },
      {
        id: 2,
        text_col: null,
        bigint_col: -42,
        double_col: null,
        decimal_col: '-0.000000001',
        bool_col: false,
        timestamp_col: '2024-01-02T01:04:05.000Z',
        date_col: null,
        time_col: null,
        json_col: '"just a string"',
        binary_col: null,
      },
      {
        id: 3,
        text_col: null,
        bigint_col: null,
        double_col: null,
        decimal_col: null,
        bool_col: null,
        timestamp_col: null,
        date_col: null,
        time_col: null,
        json_col: null,
        binary_col: null,
      },
    ]);
  });

  it('loads into a subset of columns, leaving the others NULL', async () => {
    const target = { dataset: 'ds', table: 'subset' };
    const columns = [column('id', 'bigint'), column('a', 'text'), column('b', 'text')];
    await createAndCommit(target, columns);
    const file = await jsonlFile(dir, 'subset.jsonl', 'subset', [{ id: 1, a: 'x', b: 'not loaded' }]);
    const session = await driver.beginLoad('load-1');
    await session.loadFile(file, target, [columns[0]!, columns[1]!]);
    await session.commit();
    expect(await driver.query(selectAll(driver.db, target, 'id'))).toEqual([{ id: 1, a: 'x', b: null }]);
  });

  it('quotes unicode, quote and reserved-word identifiers everywhere, and file paths with quotes', async () => {
    const target = { dataset: `we"ird 'ds`, table: 'select' };
    const columns = [
      column('order', 'bigint'),
      column('Ñandú 列', 'text'),
      column('say "hi"', 'text'),
      column("o'neil", 'binary'),
      column('group', 'json'),
    ];
    await driver.ensureDataset(target.dataset);
    await driver.ensureDataset(target.dataset);
    await createAndCommit(target, columns);
    const file = await jsonlFile(dir, "it's here.jsonl", 'select', [
      {
        order: 1,
        'Ñandú 列': 'ü',
        'say "hi"': "it's",
        "o'neil": Buffer.from('hi').toString('base64'),
        group: [1],
      },
    ]);
    const session = await driver.beginLoad('load-1');
    await session.loadFile(file, target, columns);
    await session.commit();
    expect(await driver.getTableColumns(target)).toEqual(columns.map((c) => c.name));
    expect(await driver.query(selectAll(driver.db, target, 'order'))).toEqual([
      {
        order: 1,
        'Ñandú 列': 'ü',
        'say "hi"': "it's",
        "o'neil": new TextEncoder().encode('hi'),
        group: '[1]',
      },
    ]);
  });

  it('refuses file paths that DuckDB would read as a glob', async () => {
    const target = { dataset: 'ds', table: 't' };
    await createAndCommit(target, [column('id', 'bigint')]);
    const file = await jsonlFile(dir, 'part[1].jsonl', 't', [{ id: 1 }]);
    const session = await driver.beginLoad('load-1');
    await expect(session.loadFile(file, target, [column('id', 'bigint')])).rejects.toThrow(/glob pattern/);
    await session.rollback();
  });

  it('stages into a temporary table visible only to the load, then merges into the final table', async () => {
    const final = { dataset: 'ds', table: 'tickets' };
    const columns = [column('id', 'bigint'), column('subject', 'text')];
    await createAndCommit(final, columns);
    const file = await jsonlFile(dir, 'tickets.jsonl', 'tickets', [
      { id: 1, subject: 'a' },
      { id: 2, subject: 'b' },
    ]);

    const session = await driver.beginLoad('load-1');
    const staging = await session.createStagingTable(table('tickets', columns));
    expect(await session.loadFile(file, staging, columns)).toBe(2);
    // A second createStagingTable starts empty again.
    const again = await session.createStagingTable(table('tickets', columns));
    expect(again).toEqual(staging);
    await session.loadFile(file, staging, columns);
    await session.execute([
      sql`INSERT INTO ${sql.id(final.dataset, final.table)} SELECT * FROM ${sql.id(staging.dataset, staging.table)}`.compile(
        driver.db,
      ),
    ]);
    await session.commit();

    expect(await driver.query(selectAll(driver.db, final, 'id'))).toEqual([
      { id: 1, subject: 'a' },
      { id: 2, subject: 'b' },
    ]);
    // The staging table lived on the load's connection only.
    expect(await driver.getTableColumns(staging)).toBeNull();
  });

  it('keeps everything of a load invisible until commit and discards it on rollback', async () => {
    const target = { dataset: 'ds', table: 'events' };
    const columns = [column('id', 'bigint')];
    await createAndCommit(target, columns);
    const first = await jsonlFile(dir, 'first.jsonl', 'events', [{ id: 1 }]);
    const committed = await driver.beginLoad('load-1');
    await committed.loadFile(first, target, columns);
    await committed.commit();

    const second = await jsonlFile(dir, 'second.jsonl', 'events', [{ id: 2 }, { id: 3 }]);
    const session = await driver.beginLoad('load-2');
    await session.migrate([
      sql`ALTER TABLE ${sql.id(target.dataset, target.table)} ADD COLUMN extra VARCHAR`.compile(driver.db),
    ]);
    await session.loadFile(second, target, columns);
    expect(await driver.query(selectAll(driver.db, target, 'id'))).toEqual([{ id: 1 }]);
    await session.rollback();
    await session.rollback();

    expect(await driver.query(selectAll(driver.db, target, 'id'))).toEqual([{ id: 1 }]);
    expect(await driver.getTableColumns(target)).toEqual(['id']);
    await expect(session.execute([])).rejects.toThrow(/already committed or rolled back/);
  });

  it('fails a load on a bad value and leaves the previous data and state intact after rollback', async () => {
    const target = { dataset: 'ds', table: 'events' };
    const state = { dataset: 'ds', table: 'state' };
    const columns = [column('id', 'bigint'), column('at', 'timestamp')];
    await createAndCommit(target, columns);
    await createAndCommit(state, [column('value', 'text')]);
    const good = await jsonlFile(dir, 'good.jsonl', 'events', [{ id: 1, at: '2024-01-01T00:00:00Z' }]);
    const setup = await driver.beginLoad('load-1');
    await setup.loadFile(good, target, columns);
    await setup.execute([sql`INSERT INTO ds.state VALUES ('after load-1')`.compile(driver.db)]);
    await setup.commit();

    const valid = await jsonlFile(dir, 'valid.jsonl', 'events', [{ id: 2, at: '2024-01-02T00:00:00Z' }]);
    const bad = await jsonlFile(dir, 'bad.jsonl', 'events', [{ id: 3, at: 'yesterday-ish' }]);
    const session = await driver.beginLoad('load-2');
    await session.loadFile(valid, target, columns);
    await session.execute([sql`UPDATE ds.state SET value = 'after load-2'`.compile(driver.db)]);
    const error = await session.loadFile(bad, target, columns).then(
      () => new Error('the bad file loaded'),
      (e: unknown) => e as Error,
    );
    expect(error.message).toMatch(/^Cannot load ".*bad\.jsonl" into "ds"\."events": .*yesterday-ish/s);
    expect(error.message).toContain('Nothing of this load package is committed');
    expect(error.message).not.toContain('auto_detect');
    await session.rollback();

    expect(await driver.query(selectAll(driver.db, target, 'id'))).toEqual([
      { id: 1, at: '2024-01-01T00:00:00.000Z' },
    ]);
    expect(await driver.query(selectAll(driver.db, state, 'value'))).toEqual([{ value: 'after load-1' }]);
  });

  it('fails a load on a missing file with the path in the error', async () => {
    const target = { dataset: 'ds', table: 'events' };
    await createAndCommit(target, [column('id', 'bigint')]);
    const session = await driver.beginLoad('load-1');
    const missing = {
      table: 'events',
      path: join(dir, 'nope.jsonl'),
      format: 'jsonl',
      rows: 1,
      bytes: 1,
    } as const;
    await expect(session.loadFile(missing, target, [column('id', 'bigint')])).rejects.toThrow(/nope\.jsonl/);
    await session.rollback();
  });

  it('keeps two-part names unambiguous for datasets named like the file or a built-in catalog', async () => {
    // The file is test.duckdb: DuckDB alone would call its catalog `test` and clash with a schema `test`.
    for (const dataset of ['test', 'memory']) {
      await driver.ensureDataset(dataset);
      const target = { dataset, table: 'items' };
      await createAndCommit(target, [column('id', 'bigint')]);
      const session = await driver.beginLoad('load-1');
      await session.execute([sql`INSERT INTO ${sql.id(dataset, 'items')} VALUES (1)`.compile(driver.db)]);
      await session.commit();
      expect(await driver.query(selectAll(driver.db, target, 'id'))).toEqual([{ id: 1 }]);
      expect(await driver.getTableColumns(target)).toEqual(['id']);
    }
  });

  it('shares one open database between drivers of the same file in this process', async () => {
    const second = await openDuckDbDriver({ path: join(dir, '.', 'test.duckdb') });
    try {
      const target = { dataset: 'ds', table: 'shared' };
      await createAndCommit(target, [column('id', 'bigint')]);
      expect(await second.getTableColumns(target)).toEqual(['id']);
    } finally {
      await second.close();
    }
    // The first driver still works after the second let go.
    expect(await driver.getTableColumns({ dataset: 'ds', table: 'shared' })).toEqual(['id']);
  });

  it('rolls back an unfinished load on close and can be closed twice', async () => {
    const path = join(dir, 'close.duckdb');
    const other = await openDuckDbDriver({ path });
    await other.ensureDataset('ds');
    const session = await other.beginLoad('load-1');
    await session.execute([sql`CREATE TABLE ds.t AS SELECT 1 AS x`.compile(other.db)]);
    await other.close();
    await other.close();
    await expect(other.query(sql`SELECT 1`.compile(other.db))).rejects.toThrow(/closed/);

    const reopened = await openDuckDbDriver({ path });
    expect(await reopened.getTableColumns({ dataset: 'ds', table: 't' })).toBeNull();
    await reopened.close();
  });
});
