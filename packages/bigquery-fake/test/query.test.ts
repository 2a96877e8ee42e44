import type { BigQuery } from '@google-cloud/bigquery';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type BigQueryFake, startBigQueryFake } from '../src/index.js';
import { clientFor } from './support/client.js';

let fake: BigQueryFake;
let bq: BigQuery;

beforeAll(async () => {
  fake = await startBigQueryFake({ projectId: 'test-project' });
  bq = clientFor(fake, { autoRetry: false });
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(async () => {
  await fake.reset();
  await bq.createDataset('ds');
});

const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (error) {
    return error as { code?: number; message: string; errors?: { reason: string; message: string }[] };
  }
  throw new Error('expected the call to fail');
};

describe('query jobs', () => {
  it('runs DDL with BigQuery types and makes the table visible to tables.get', async () => {
    await bq.query(`CREATE TABLE \`test-project.ds.events\` (
      id INT64 NOT NULL, name STRING, amount NUMERIC, payload JSON, happened_at TIMESTAMP, day DATE, raw BYTES, ok BOOL
    ) PARTITION BY DATE(happened_at) CLUSTER BY id OPTIONS (description = 'events')`);
    const [meta] = await bq.dataset('ds').table('events').getMetadata();
    expect(
      meta.schema.fields.map(
        (f: { name: string; type: string; mode: string }) => `${f.name}:${f.type}:${f.mode}`,
      ),
    ).toEqual([
      'id:INTEGER:REQUIRED',
      'name:STRING:NULLABLE',
      'amount:NUMERIC:NULLABLE',
      'payload:JSON:NULLABLE',
      'happened_at:TIMESTAMP:NULLABLE',
      'day:DATE:NULLABLE',
      'raw:BYTES:NULLABLE',
      'ok:BOOLEAN:NULLABLE',
    ]);
    expect(meta.timePartitioning).toEqual({ type: 'DAY', field: 'happened_at' });
    expect(meta.clustering).toEqual({ fields: ['id'] });
  });

  it('keeps DDL OPTIONS as metadata: labels, description, expiration; IF NOT EXISTS leaves a table as it was', async () => {
    await bq.query(`CREATE TABLE ds.labelled (id INT64)
      OPTIONS (labels = [('team', 'support-analytics'), ("env", "ci")], description = 'it\\'s tickets',
        expiration_timestamp = TIMESTAMP '2999-01-01 00:00:00+00')`);
    const meta = async () => (await bq.dataset('ds').table('labelled').getMetadata())[0];
    expect(await meta()).toMatchObject({
      labels: { team: 'support-analytics', env: 'ci' },
      description: "it's tickets",
      expirationTime: String(Date.parse('2999-01-01T00:00:00Z')),
    });
    await bq.query("CREATE TABLE IF NOT EXISTS ds.labelled (id INT64) OPTIONS (labels = [('other', 'x')])");
    expect((await meta()).labels).toEqual({ team: 'support-analytics', env: 'ci' });
    await bq.query("ALTER TABLE ds.labelled SET OPTIONS (labels = [('team', 'data')])");
    expect((await meta()).labels).toEqual({ team: 'data' });
    const bad = await errorOf(bq.query("CREATE TABLE ds.bad (id INT64) OPTIONS (labels = ['team'])"));
    expect(bad.message).toContain('Invalid value for option labels');

    await bq.query(
      "CREATE SCHEMA scratch OPTIONS (location = 'US', default_table_expiration_days = 1, labels = [('env', 'ci')])",
    );
    const [dataset] = await bq.dataset('scratch').getMetadata();
    expect(dataset).toMatchObject({
      location: 'US',
      labels: { env: 'ci' },
      defaultTableExpirationMs: '86400000',
    });
    const before = Date.now();
    await bq.query('CREATE TABLE scratch.t (id INT64)');
    const [table] = await bq.dataset('scratch').table('t').getMetadata();
    // The dataset's default expiration applies to tables created by DDL too.
    expect(Number(table.expirationTime) - before).toBeGreaterThanOrEqual(86_400_000);
    expect(Number(table.expirationTime) - Date.now()).toBeLessThanOrEqual(86_400_000);
  });

  it('round-trips values of every type through INSERT and query() decoding', async () => {
    await bq.dataset('ds').createTable('t', {
      schema: [
        { name: 'id', type: 'INT64' },
        { name: 's', type: 'STRING' },
        { name: 'n', type: 'NUMERIC' },
        { name: 'f', type: 'FLOAT64' },
        { name: 'b', type: 'BOOL' },
        { name: 'ts', type: 'TIMESTAMP' },
        { name: 'd', type: 'DATE' },
        { name: 'tm', type: 'TIME' },
        { name: 'dt', type: 'DATETIME' },
        { name: 'j', type: 'JSON' },
        { name: 'raw', type: 'BYTES' },
      ],
    });
    await bq.query(`INSERT ds.t (id, s, n, f, b, ts, d, tm, dt, j, raw) VALUES
      (1, "it's \\"quoted\\"", NUMERIC '12.5', 1.25, TRUE, TIMESTAMP '2024-05-01 10:20:30.123456+00', DATE '2024-05-01',
       TIME '10:20:30', DATETIME '2024-05-01 10:20:30', JSON '{"a": [1, 2]}', b'\\x01\\x02')`);
    const [rows] = await bq.query({ query: 'SELECT * FROM `test-project.ds.t`', parseJSON: true });
    const row = rows[0];
    expect(row.id).toBe(1);
    expect(row.s).toBe(`it's "quoted"`);
    expect(row.n.toString()).toBe('12.5');
    expect(row.f).toBe(1.25);
    expect(row.b).toBe(true);
    // The client renders int64-microsecond timestamps with nanosecond precision.
    expect(row.ts.value).toBe('2024-05-01T10:20:30.123456000Z');
    expect(row.d.value).toBe('2024-05-01');
    expect(row.tm.value).toBe('10:20:30');
    expect(row.dt.value).toBe('2024-05-01T10:20:30');
    expect(row.j).toEqual({ a: [1, 2] });
    expect(Buffer.from(row.raw).toString('hex')).toBe('0102');
  });

  it('binds named and positional query parameters', async () => {
    await bq.query('CREATE TABLE ds.p (id INT64, name STRING, seen_at TIMESTAMP)');
    await bq.query({
      query: 'INSERT INTO ds.p (id, name, seen_at) VALUES (@id, @name, @seen)',
      params: { id: 7, name: "O'Brien", seen: bq.timestamp('2024-01-02T03:04:05.000006Z') },
    });
    const [rows] = await bq.query({ query: 'SELECT name, seen_at FROM ds.p WHERE id = ?', params: [7] });
    expect(rows).toHaveLength(1);
    expect(rows[0].name).toBe("O'Brien");
    expect(rows[0].seen_at.value).toBe('2024-01-02T03:04:05.000006000Z');
    const [none] = await bq.query({
      query: 'SELECT name FROM ds.p WHERE id IN UNNEST(@ids)',
      params: { ids: [1, 2] },
    });
    expect(none).toEqual([]);
  });

  it('runs query jobs through jobs.insert + getQueryResults with paging, and reports DML row counts', async () => {
    await bq.query('CREATE TABLE ds.n (i INT64)');
    const [job] = await bq.createQueryJob({
      query: 'INSERT ds.n (i) SELECT * FROM UNNEST(GENERATE_ARRAY(1, 25))',
    });
    const [metadata] = await job.getMetadata();
    expect(metadata.statistics.query.numDmlAffectedRows).toBe('25');
    const [select] = await bq.createQueryJob({ query: 'SELECT i FROM ds.n ORDER BY i' });
    const [page, next] = await select.getQueryResults({ maxResults: 10, autoPaginate: false });
    expect(page.map((r) => r.i)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(next).toBeTruthy();
    const [all] = await select.getQueryResults();
    expect(all).toHaveLength(25);
  });

  it('commits a MERGE inside BEGIN/COMMIT TRANSACTION', async () => {
    await bq.query(`CREATE TABLE ds.target (id INT64, name STRING, updated_at TIMESTAMP);
      CREATE TABLE ds.staging (id INT64, name STRING, updated_at TIMESTAMP, _seq INT64);
      INSERT ds.target (id, name, updated_at) VALUES (1, 'old', CURRENT_TIMESTAMP()), (2, 'keep', CURRENT_TIMESTAMP());
      INSERT ds.staging (id, name, updated_at, _seq) VALUES (1, 'stale', CURRENT_TIMESTAMP(), 1), (1, 'new', CURRENT_TIMESTAMP(), 2), (3, 'added', CURRENT_TIMESTAMP(), 1)`);
    await bq.query(`BEGIN TRANSACTION;
      MERGE \`test-project.ds.target\` AS t
      USING (SELECT * FROM ds.staging WHERE TRUE QUALIFY ROW_NUMBER() OVER (PARTITION BY id ORDER BY _seq DESC) = 1) AS s
      ON t.id = s.id
      WHEN MATCHED THEN UPDATE SET name = s.name, updated_at = s.updated_at
      WHEN NOT MATCHED THEN INSERT (id, name, updated_at) VALUES (s.id, s.name, s.updated_at);
      DELETE FROM ds.staging WHERE TRUE;
      COMMIT TRANSACTION;`);
    expect(await fake.readTable('ds', 'target', { orderBy: ['id'] })).toMatchObject([
      { id: '1', name: 'new' },
      { id: '2', name: 'keep' },
      { id: '3', name: 'added' },
    ]);
    expect(await fake.readTable('ds', 'staging')).toEqual([]);
    const received = fake.receivedQueries().at(-1);
    expect(received?.sql).toContain('MERGE');
    expect(received?.duckdb.some((s) => s.startsWith('MERGE INTO "ds"."target"'))).toBe(true);
  });

  it('rolls back the whole transaction when a statement fails', async () => {
    await bq.query('CREATE TABLE ds.a (id INT64); CREATE TABLE ds.b (id INT64 NOT NULL)');
    await bq.query('INSERT ds.a (id) VALUES (1)');
    const failure = await errorOf(
      bq.query(`BEGIN TRANSACTION;
        DELETE FROM ds.a WHERE TRUE;
        INSERT ds.a (id) VALUES (2);
        INSERT ds.b (id) VALUES (NULL);
        COMMIT TRANSACTION;`),
    );
    expect(failure.code).toBe(400);
    expect(failure.errors?.[0]?.reason).toBe('invalidQuery');
    expect(await fake.readTable('ds', 'a')).toEqual([{ id: '1' }]);
    expect(await fake.readTable('ds', 'b')).toEqual([]);
  });

  it('rolls back a transaction that the script does not commit, and refuses permanent DDL inside one', async () => {
    await bq.query('CREATE TABLE ds.a (id INT64)');
    await bq.query('BEGIN TRANSACTION; INSERT ds.a (id) VALUES (1)');
    expect(await fake.readTable('ds', 'a')).toEqual([]);
    const ddl = await errorOf(
      bq.query('BEGIN TRANSACTION; CREATE TABLE ds.c (id INT64); COMMIT TRANSACTION'),
    );
    expect(ddl.message).toContain('not supported inside a transaction');
    expect((await bq.dataset('ds').table('c').exists())[0]).toBe(false);
  });

  it('supports TRUNCATE, UPDATE, ALTER TABLE ADD COLUMN, DROP TABLE and common functions', async () => {
    await bq.query('CREATE TABLE ds.t (id INT64, doc STRING)');
    await bq.query(`INSERT INTO ds.t (id, doc) VALUES (1, '{"k": "v"}'), (2, NULL)`);
    await bq.query('ALTER TABLE ds.t ADD COLUMN IF NOT EXISTS extra STRING, ADD COLUMN flag BOOL');
    expect((await fake.tableSchema('ds', 't')).map((f) => f.name)).toEqual(['id', 'doc', 'extra', 'flag']);
    await bq.query(
      `UPDATE ds.t SET extra = COALESCE(doc, '{}'), flag = SAFE_CAST('x' AS BOOL) IS NULL WHERE id > 0`,
    );
    const [rows] = await bq.query(
      `SELECT t.id, TO_JSON_STRING(t) AS js, JSON_VALUE(PARSE_JSON(extra), '$.k') AS k, flag FROM ds.t AS t ORDER BY id`,
    );
    expect(rows.map((r) => [r.id, JSON.parse(r.js).id, r.k, r.flag])).toEqual([
      [1, 1, 'v', true],
      [2, 2, null, true],
    ]);
    await bq.query('TRUNCATE TABLE ds.t');
    expect(await fake.readTable('ds', 't')).toEqual([]);
    await bq.query('DROP TABLE ds.t');
    expect((await bq.dataset('ds').table('t').exists())[0]).toBe(false);
  });

  it('rejects statements BigQuery rejects: DELETE without WHERE, REQUIRED added column, bad names, narrowing type change', async () => {
    await bq.query('CREATE TABLE ds.t (id INT64, s STRING)');
    expect((await errorOf(bq.query('DELETE FROM ds.t'))).message).toContain(
      'DELETE must have a WHERE clause',
    );
    expect((await errorOf(bq.query('ALTER TABLE ds.t ADD COLUMN r STRING NOT NULL'))).message).toContain(
      'REQUIRED',
    );
    expect((await errorOf(bq.query('CREATE TABLE ds.u (`bad-name` STRING)'))).message).toContain(
      'Invalid field name',
    );
    expect(
      (await errorOf(bq.query('ALTER TABLE ds.t ALTER COLUMN s SET DATA TYPE INT64'))).message,
    ).toContain('assignable');
    await bq.query('ALTER TABLE ds.t ALTER COLUMN id SET DATA TYPE NUMERIC');
    expect((await fake.tableSchema('ds', 't'))[0]?.type).toBe('NUMERIC');
  });

  it('answers 404 for unknown tables and for datasets in another location', async () => {
    const missing = await errorOf(bq.query('SELECT * FROM ds.nope'));
    expect(missing.code).toBe(404);
    expect(missing.errors?.[0]?.reason).toBe('notFound');
    expect(missing.message).toBe('Not found: Table test-project:ds.nope was not found in location US');
    const elsewhere = await errorOf(
      bq.query({ query: 'SELECT 1', defaultDataset: { datasetId: 'ds' }, location: 'EU' }),
    );
    expect(elsewhere.code).toBe(404);
    expect(elsewhere.message).toContain('was not found in location EU');
  });

  it("names a missing dataset read anywhere in a statement with BigQuery's 404 wording", async () => {
    await bq.query('CREATE TABLE ds.t (id INT64, at TIMESTAMP)');
    for (const sql of [
      'SELECT id FROM `test-project.gone.t`',
      'SELECT t.id FROM ds.t JOIN gone.u ON t.id = u.id',
      'INSERT INTO ds.t (id) SELECT id FROM gone.u',
      'BEGIN TRANSACTION; DELETE FROM ds.t WHERE id IN (SELECT id FROM gone.u); COMMIT TRANSACTION;',
      'MERGE ds.t AS t USING gone.u AS s ON t.id = s.id WHEN NOT MATCHED THEN INSERT ROW',
    ]) {
      const error = await errorOf(bq.query(sql));
      expect(error.code, sql).toBe(404);
      expect(error.errors?.[0], sql).toEqual({
        reason: 'notFound',
        message: 'Not found: Dataset test-project:gone was not found in location US',
        domain: 'global',
      });
    }
    // Not table references: a qualified column inside EXTRACT, IS DISTINCT FROM.
    const [rows] = await bq.query(
      'SELECT EXTRACT(YEAR FROM t.at) AS y FROM ds.t AS t WHERE t.id IS DISTINCT FROM t.id',
    );
    expect(rows).toEqual([]);
  });
});

describe('error injection', () => {
  it('fails the next call with rateLimitExceeded in Google format, and the client retries it', async () => {
    fake.injectError({ reason: 'rateLimitExceeded', path: '/datasets/ds' });
    const error = await errorOf(bq.dataset('ds').getMetadata());
    expect(error.code).toBe(403);
    expect(error.errors?.[0]).toMatchObject({ reason: 'rateLimitExceeded', domain: 'global' });
    const retrying = clientFor(fake, { autoRetry: true, maxRetries: 2 });
    fake.injectError({ reason: 'rateLimitExceeded', path: '/datasets/ds' });
    const [meta] = await retrying.dataset('ds').getMetadata();
    expect(meta.id).toBe('test-project:ds');
  });

  it('returns Google error bodies for backendError, 5xx and accessDenied naming the permission', async () => {
    fake.injectError({ reason: 'backendError', times: 1 });
    const response = await fetch(`${fake.apiEndpoint}/bigquery/v2/projects/test-project/datasets`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      error: {
        code: 503,
        message: 'Backend error. Job aborted.',
        errors: [{ reason: 'backendError', message: 'Backend error. Job aborted.', domain: 'global' }],
        status: 'UNAVAILABLE',
      },
    });
    fake.injectError({ reason: 'accessDenied', permission: 'bigquery.tables.create', method: 'POST' });
    const denied = await errorOf(
      bq.dataset('ds').createTable('t', { schema: [{ name: 'a', type: 'STRING' }] }),
    );
    expect(denied.code).toBe(403);
    expect(denied.message).toContain('bigquery.tables.create');
  });

  it('fails the next job with a job-level error', async () => {
    fake.failNextJobs({ reason: 'backendError', message: 'Transient failure, retry the job.' });
    const failed = await errorOf(bq.query('SELECT 1'));
    expect(failed.message).toContain('Transient failure');
    const [rows] = await bq.query('SELECT 1 AS one');
    expect(rows).toEqual([{ one: 1 }]);
  });
});
