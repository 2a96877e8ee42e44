import { DuckDBInstance } from '@duckdb/node-api';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuckDbDialect } from '../src/dialect/dialect.js';

interface Database {
  people: { id: number; name: string; score: number | null };
}

describe('DuckDbDialect', () => {
  let instance: DuckDBInstance;
  let db: Kysely<Database>;

  beforeEach(async () => {
    instance = await DuckDBInstance.create(':memory:');
    db = new Kysely<Database>({
      dialect: new DuckDbDialect({
        connect: () => instance.connect(),
        onCreateConnection: async (connection) => {
          await connection.raw.run("SET TimeZone = 'UTC'");
        },
      }),
    });
    await db.schema
      .createTable('people')
      .addColumn('id', 'bigint', (c) => c.primaryKey())
      .addColumn('name', 'varchar', (c) => c.notNull())
      .addColumn('score', 'double precision')
      .execute();
  });

  afterEach(async () => {
    await db.destroy();
    instance.closeSync();
  });

  it('runs typed queries with $n parameters and reports affected rows', async () => {
    const inserted = await db
      .insertInto('people')
      .values([
        { id: 1, name: "O'Brien", score: 1.5 },
        { id: 2, name: 'Zoë', score: null },
      ])
      .executeTakeFirst();
    expect(inserted.numInsertedOrUpdatedRows).toBe(2n);

    const updated = await db.updateTable('people').set({ score: 3 }).where('id', '=', 2).executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(1n);

    const rows = await db.selectFrom('people').selectAll().orderBy('id').execute();
    expect(rows).toEqual([
      { id: 1, name: "O'Brien", score: 1.5 },
      { id: 2, name: 'Zoë', score: 3 },
    ]);
  });

  it('supports RETURNING', async () => {
    const rows = await db
      .insertInto('people')
      .values({ id: 7, name: 'seven', score: null })
      .returning(['id', 'name'])
      .execute();
    expect(rows).toEqual([{ id: 7, name: 'seven' }]);
  });

  it('commits and rolls back kysely transactions on their own connection', async () => {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('people').values({ id: 1, name: 'kept', score: null }).execute();
    });
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('people').values({ id: 2, name: 'dropped', score: null }).execute();
        // Outside the transaction the uncommitted row is invisible (snapshot isolation).
        const outside = await db.selectFrom('people').select('name').execute();
        expect(outside.map((r) => r.name)).toEqual(['kept']);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const rows = await db.selectFrom('people').select('name').execute();
    expect(rows.map((r) => r.name)).toEqual(['kept']);
  });

  it('refuses isolation levels, which DuckDB does not have', async () => {
    await expect(
      db
        .transaction()
        .setIsolationLevel('serializable')
        .execute(async () => undefined),
    ).rejects.toThrow(/isolation levels/);
  });

  it('streams large results in chunks', async () => {
    await sql`INSERT INTO people SELECT i, 'p' || i, NULL FROM range(5000) t(i)`.execute(db);
    let count = 0;
    let chunks = 0;
    for await (const row of db.selectFrom('people').select('id').orderBy('id').stream(1000)) {
      expect(row.id).toBe(count);
      count += 1;
      chunks += count % 1000 === 0 ? 1 : 0;
    }
    expect(count).toBe(5000);
    expect(chunks).toBe(5);
  });

  it('maps result values to plain JS', async () => {
    const { rows } = await sql<Record<string, unknown>>`SELECT
      42::BIGINT AS small_bigint,
      9223372036854775807::BIGINT AS big_bigint,
      (-9007199254740993)::BIGINT AS negative_bigint,
      170141183460469231731687303715884105727::HUGEINT AS huge,
      12345678901234567890123456789.123456789::DECIMAL(38,9) AS dec,
      TIMESTAMPTZ '2024-01-02 03:04:05.123456+02' AS ts,
      TIMESTAMPTZ '1960-01-01 00:00:00.000001+00' AS ts_before_epoch,
      DATE '2024-02-29' AS d,
      TIME '13:14:15.5' AS t,
      '{"a": [1, 2]}'::JSON AS j,
      '\\xAA\\x00'::BLOB AS b,
      true AS flag,
      1.25::DOUBLE AS dbl,
      [1, 2]::INTEGER[] AS list,
      {'k': 'v'} AS struct,
      NULL AS nothing`.execute(db);
    expect(rows[0]).toEqual({
      small_bigint: 42,
      big_bigint: '9223372036854775807',
      negative_bigint: '-9007199254740993',
      huge: '170141183460469231731687303715884105727',
      dec: '12345678901234567890123456789.123456789',
      ts: '2024-01-02T01:04:05.123456Z',
      ts_before_epoch: '1960-01-01T00:00:00.000001Z',
      d: '2024-02-29',
      t: '13:14:15.5',
      j: '{"a": [1, 2]}',
      b: new Uint8Array([0xaa, 0x00]),
      flag: true,
      dbl: 1.25,
      list: [1, 2],
      struct: { k: 'v' },
      nothing: null,
    });
  });

  it('binds Date, bigint, bytes and objects as parameters', async () => {
    const { rows } = await sql<Record<string, unknown>>`SELECT
      ${new Date('2024-05-06T07:08:09.010Z')}::TIMESTAMPTZ AS ts,
      ${2n ** 62n}::BIGINT AS big,
      octet_length(${new Uint8Array([1, 2, 3])}::BLOB) AS len,
      json_extract(${{ nested: { x: 1 } }}::JSON, '$.nested.x')::INTEGER AS x,
      ${null}::VARCHAR AS nothing`.execute(db);
    expect(rows[0]).toEqual({
      ts: '2024-05-06T07:08:09.010Z',
      big: (2n ** 62n).toString(),
      len: 3,
      x: 1,
      nothing: null,
    });
  });
});
