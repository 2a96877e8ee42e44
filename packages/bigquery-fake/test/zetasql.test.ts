import type { BigQuery } from '@google-cloud/bigquery';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type BigQueryFake,
  type SqlAnalyzer,
  startBigQueryFake,
  tryCreateZetaSqlAnalyzer,
} from '../src/index.js';
import { clientFor } from './support/client.js';

const zeta = await tryCreateZetaSqlAnalyzer();
if (zeta.unavailable) console.warn(`ZetaSQL checks skipped: ${zeta.unavailable}`);
const analyzer = zeta.analyzer as SqlAnalyzer;

const tables = [
  {
    projectId: 'test-project',
    datasetId: 'ds',
    tableId: 'tickets',
    fields: [
      { name: 'id', type: 'INTEGER' },
      { name: 'subject', type: 'STRING' },
      { name: 'updated_at', type: 'TIMESTAMP' },
    ],
  },
];

afterAll(async () => {
  await zeta.analyzer?.stop();
});

describe.skipIf(!zeta.analyzer)('ZetaSQL analyzer', () => {
  it('accepts valid GoogleSQL with tables under every BigQuery spelling', async () => {
    for (const sql of [
      'SELECT id FROM `test-project.ds.tickets` WHERE id = 1',
      'SELECT id FROM `test-project`.`ds`.`tickets`',
      'SELECT t.subject FROM ds.tickets AS t',
      'SELECT subject FROM tickets',
    ]) {
      expect(await analyzer.analyze(sql, { catalogTables: tables, defaultDataset: 'ds' }), sql).toMatchObject(
        { ok: true },
      );
    }
  });

  it('rejects a syntax error with its position', async () => {
    expect(await analyzer.analyze('SELEC id FROM ds.tickets', { catalogTables: tables })).toEqual({
      ok: false,
      message: 'Syntax error: Unexpected identifier "SELEC"',
      line: 1,
      column: 1,
    });
  });

  it('rejects type errors and unknown names that DuckDB would let through', async () => {
    const compare = await analyzer.analyze("SELECT id FROM ds.tickets WHERE id = 'x'", {
      catalogTables: tables,
    });
    expect(compare).toMatchObject({ ok: false, line: 1 });
    expect(compare.ok ? '' : compare.message).toContain('No matching signature for operator =');
    const unknown = await analyzer.analyze('SELECT nope FROM ds.tickets', { catalogTables: tables });
    expect(unknown.ok ? '' : unknown.message).toContain('Unrecognized name: nope');
    const missingTable = await analyzer.analyze('SELECT 1 FROM ds.absent', { catalogTables: tables });
    expect(missingTable.ok ? '' : missingTable.message).toContain('Table not found');
  });

  it("rejects syntax of ZetaSQL's other products that BigQuery does not have", async () => {
    const rejected: Record<string, string> = {
      'DELETE FROM ds.tickets WHERE id = 1 THEN RETURN id': 'THEN RETURN is not supported',
      'SELECT TIMESTAMP_ADD(updated_at, INTERVAL 1 NANOSECOND) FROM ds.tickets':
        'does not support the NANOSECOND date part',
      "SELECT TIMESTAMP '2024-01-01 00:00:00.123456789'": 'Invalid TIMESTAMP literal',
      'CREATE TABLE ds.g (a INT64, b INT64 AS (a + 1))': 'Generated columns are not supported',
      'CREATE TABLE ds.c (a INT64, CHECK (a > 0))': 'CHECK constraints are not supported',
      'SELECT REPLACE_FIELDS(STRUCT(1 AS a), 2 AS a)': 'REPLACE_FIELDS() is not supported',
      // BigQuery reserves QUALIFY.
      'SELECT 1 AS qualify': 'Unexpected keyword QUALIFY',
    };
    for (const [sql, message] of Object.entries(rejected)) {
      const result = await analyzer.analyze(sql, { catalogTables: tables });
      expect(result.ok ? 'accepted' : result.message, sql).toContain(message);
    }
    for (const sql of [
      'SELECT TIMESTAMP_ADD(updated_at, INTERVAL 1 MICROSECOND) FROM ds.tickets',
      "SELECT TIMESTAMP '2024-01-01 00:00:00.123456'",
      'SELECT id FROM ds.tickets WHERE TRUE QUALIFY ROW_NUMBER() OVER (PARTITION BY id ORDER BY updated_at DESC) = 1',
      'CREATE TABLE ds.k (a INT64, PRIMARY KEY (a) NOT ENFORCED)',
      'SELECT * FROM ds.tickets TABLESAMPLE SYSTEM (10 PERCENT)',
    ]) {
      expect(await analyzer.analyze(sql, { catalogTables: tables }), sql).toMatchObject({ ok: true });
    }
  });

  it('types query parameters', async () => {
    const ok = await analyzer.analyze('SELECT id FROM ds.tickets WHERE id = @id', {
      catalogTables: tables,
      parameters: [{ name: 'id', type: 'INT64' }],
    });
    expect(ok).toMatchObject({ ok: true });
    const wrong = await analyzer.analyze('SELECT id FROM ds.tickets WHERE id = @id', {
      catalogTables: tables,
      parameters: [{ name: 'id', type: 'STRING' }],
    });
    expect(wrong.ok).toBe(false);
  });
});

describe.skipIf(!zeta.analyzer)('fake in strict ZetaSQL mode', () => {
  let strict: BigQueryFake;
  let lenient: BigQueryFake;
  let bq: BigQuery;
  let bqLenient: BigQuery;

  beforeAll(async () => {
    strict = await startBigQueryFake({ projectId: 'test-project', zetasql: analyzer });
    lenient = await startBigQueryFake({ projectId: 'test-project' });
    bq = clientFor(strict, { autoRetry: false });
    bqLenient = clientFor(lenient, { autoRetry: false });
  });
  afterAll(async () => {
    await strict.stop();
    await lenient.stop();
  });
  beforeEach(async () => {
    for (const [fake, client] of [
      [strict, bq],
      [lenient, bqLenient],
    ] as const) {
      await fake.reset();
      await client.createDataset('ds');
      await client.query(
        'CREATE TABLE `test-project.ds.tickets` (id INT64 NOT NULL, subject STRING, updated_at TIMESTAMP)',
      );
      await client.query(
        'CREATE TABLE `test-project.ds.staging` (id INT64, subject STRING, updated_at TIMESTAMP, _seq INT64)',
      );
    }
  });

  const errorOf = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (error) {
      return error as { code?: number; message: string; errors?: { reason: string }[] };
    }
    throw new Error('expected the query to fail');
  };

  it('rejects comparing INT64 to STRING with 400 invalidQuery, although DuckDB accepts it', async () => {
    const sql = "SELECT id FROM `test-project.ds.tickets` WHERE id = '1'";
    const [rows] = await bqLenient.query(sql);
    expect(rows).toEqual([]);
    const error = await errorOf(bq.query(sql));
    expect(error.code).toBe(400);
    expect(error.errors?.[0]?.reason).toBe('invalidQuery');
    expect(error.message).toMatch(/No matching signature for operator = .* at \[1:\d+\]/);
  });

  it('answers a missing dataset with 404 notFound, as BigQuery does before analysis', async () => {
    const error = await errorOf(
      bq.query('INSERT INTO ds.tickets (id) SELECT id FROM `test-project.ds_staging.batch`'),
    );
    expect(error.code).toBe(404);
    expect(error.errors?.[0]?.reason).toBe('notFound');
    expect(error.message).toBe('Not found: Dataset test-project:ds_staging was not found in location US');
  });

  it('reports the position of an error inside a multi-statement script', async () => {
    const error = await errorOf(
      bq.query('BEGIN TRANSACTION;\nDELETE FROM ds.tickets WHERE nope = 1;\nCOMMIT TRANSACTION;'),
    );
    expect(error.message).toBe('Unrecognized name: nope at [2:30]');
    expect(strict.receivedQueries().at(-1)?.ok).toBe(false);
  });

  it('accepts the statements a loader sends: MERGE, DELETE, INSERT ... SELECT in a transaction, DDL, parameters', async () => {
    await bq.query({
      query: `INSERT INTO \`test-project.ds.staging\` (id, subject, updated_at, _seq)
        VALUES (1, 'a', CURRENT_TIMESTAMP(), 1), (1, 'b', CURRENT_TIMESTAMP(), 2), (2, @subject, NULL, 1)`,
      params: { subject: 'c' },
    });
    await bq.query(`BEGIN TRANSACTION;
      DELETE FROM \`test-project.ds.tickets\` WHERE id IN (SELECT id FROM \`test-project.ds.staging\`);
      INSERT INTO \`test-project.ds.tickets\` (id, subject, updated_at)
        SELECT id, subject, updated_at FROM \`test-project.ds.staging\`
        WHERE TRUE QUALIFY ROW_NUMBER() OVER (PARTITION BY id ORDER BY _seq DESC) = 1;
      COMMIT TRANSACTION;`);
    expect(await strict.readTable('ds', 'tickets', { orderBy: ['id'] })).toMatchObject([
      { id: '1', subject: 'b' },
      { id: '2', subject: 'c' },
    ]);
    await bq.query(`BEGIN TRANSACTION;
      MERGE \`test-project.ds.tickets\` AS t
      USING (SELECT * FROM \`test-project.ds.staging\` WHERE _seq = 1) AS s
      ON t.id = s.id
      WHEN MATCHED THEN UPDATE SET subject = s.subject
      WHEN NOT MATCHED THEN INSERT (id, subject, updated_at) VALUES (s.id, s.subject, s.updated_at);
      TRUNCATE TABLE \`test-project.ds.staging\`;
      COMMIT TRANSACTION;`);
    expect(await strict.readTable('ds', 'tickets', { orderBy: ['id'] })).toMatchObject([
      { id: '1', subject: 'a' },
      { id: '2', subject: 'c' },
    ]);
    await bq.query('ALTER TABLE `test-project.ds.tickets` ADD COLUMN note STRING');
    await bq.query(
      'CREATE TABLE IF NOT EXISTS `test-project.ds.tickets_copy` AS SELECT * FROM `test-project.ds.tickets`',
    );
    await bq.query(
      'CREATE TEMP TABLE scratch AS SELECT id FROM ds.tickets; SELECT COUNT(*) AS n FROM scratch',
    );
    const [rows] = await bq.query({
      query: 'SELECT note, id FROM tickets_copy WHERE id = ?',
      params: [2],
      defaultDataset: { datasetId: 'ds' },
    });
    expect(rows).toEqual([{ note: null, id: 2 }]);
  });

  it('accepts partitioned and clustered DDL, JSON functions, SAFE_CAST and IN UNNEST parameters', async () => {
    await bq.query("INSERT INTO ds.tickets (id, subject) VALUES (1, 'b'), (2, 'c'), (3, 'd')");
    await bq.query(`CREATE TABLE IF NOT EXISTS \`test-project.ds.events\` (
        id INT64 NOT NULL, payload JSON, happened_at TIMESTAMP NOT NULL, day DATE)
      PARTITION BY DATE(happened_at) CLUSTER BY id OPTIONS (description = 'events', labels = [('team', 'data')])`);
    await bq.query({
      query: `INSERT INTO \`test-project.ds.events\` (id, payload, happened_at, day)
        SELECT id, PARSE_JSON(TO_JSON_STRING(STRUCT(subject AS s))), COALESCE(updated_at, CURRENT_TIMESTAMP()), CURRENT_DATE()
        FROM \`test-project.ds.tickets\` WHERE id IN UNNEST(@ids) AND SAFE_CAST(subject AS INT64) IS NULL`,
      params: { ids: [1, 2] },
    });
    const [meta] = await bq.dataset('ds').table('events').getMetadata();
    expect(meta.timePartitioning).toEqual({ type: 'DAY', field: 'happened_at' });
    const [rows] = await bq.query({
      query: 'SELECT id, payload FROM ds.events ORDER BY id',
      parseJSON: true,
    });
    expect(rows).toEqual([
      { id: 1, payload: { s: 'b' } },
      { id: 2, payload: { s: 'c' } },
    ]);
  });

  it('checks tables created earlier in the same script', async () => {
    await bq.query(`CREATE TABLE ds.fresh (k STRING, v INT64);
      INSERT INTO ds.fresh (k, v) VALUES ('a', 1);
      SELECT k FROM ds.fresh WHERE v = 1`);
    const error = await errorOf(
      bq.query('CREATE TABLE ds.fresh2 (k STRING); INSERT INTO ds.fresh2 (k) VALUES (1)'),
    );
    expect(error.message).toContain(
      'Value has type INT64 which cannot be inserted into column k, which has type STRING',
    );
    // The script failed after its CREATE TABLE ran (no transaction): like BigQuery, the table stays.
    expect((await bq.dataset('ds').table('fresh2').exists())[0]).toBe(true);
  });
});
