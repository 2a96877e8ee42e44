import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BigQuery, Job } from '@google-cloud/bigquery';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type BigQueryFake, startBigQueryFake } from '../src/index.js';
import { clientFor } from './support/client.js';

let fake: BigQueryFake;
let bq: BigQuery;
let dir: string;

beforeAll(async () => {
  fake = await startBigQueryFake({ projectId: 'test-project' });
  bq = clientFor(fake, { autoRetry: false });
  dir = await mkdtemp(join(tmpdir(), 'bigquery-fake-load-'));
});
afterAll(async () => {
  await fake.stop();
  await rm(dir, { recursive: true, force: true });
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

async function ndjsonFile(name: string, rows: readonly unknown[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
  return path;
}

const schema = {
  fields: [
    { name: 'id', type: 'INT64', mode: 'REQUIRED' },
    { name: 'subject', type: 'STRING' },
    { name: 'created_at', type: 'TIMESTAMP' },
    { name: 'tags', type: 'JSON' },
    { name: 'amount', type: 'NUMERIC' },
  ],
};

describe('load jobs through the multipart upload endpoint (table.load)', () => {
  it('creates the table from the job schema and loads NDJSON rows', async () => {
    const file = await ndjsonFile('a.jsonl', [
      { id: 1, subject: 'Printer', created_at: '2024-03-01T10:00:00Z', tags: ['a', 'b'], amount: '10.50' },
      { id: '2', subject: null, created_at: '2024-03-02 11:00:00.5+02:00', tags: { x: 1 }, amount: 3 },
    ]);
    const [job] = await bq.dataset('ds').table('tickets').load(file, {
      sourceFormat: 'NEWLINE_DELIMITED_JSON',
      schema,
      writeDisposition: 'WRITE_APPEND',
    });
    expect(job.status?.state).toBe('DONE');
    expect(job.statistics?.load?.outputRows).toBe('2');
    expect(fake.requests().some((r) => r.path === '/upload/bigquery/v2/projects/test-project/jobs')).toBe(
      true,
    );
    expect(await fake.readTable('ds', 'tickets', { orderBy: ['id'] })).toEqual([
      {
        id: '1',
        subject: 'Printer',
        created_at: '2024-03-01T10:00:00.000000Z',
        tags: '["a","b"]',
        amount: '10.500000000',
      },
      {
        id: '2',
        subject: null,
        created_at: '2024-03-02T09:00:00.500000Z',
        tags: '{"x":1}',
        amount: '3.000000000',
      },
    ]);
  });

  it('appends, truncates and refuses WRITE_EMPTY on a non-empty table', async () => {
    const table = bq.dataset('ds').table('t');
    const one = await ndjsonFile('one.jsonl', [{ id: 1 }]);
    const two = await ndjsonFile('two.jsonl', [{ id: 2 }, { id: 3 }]);
    await table.load(one, { sourceFormat: 'NEWLINE_DELIMITED_JSON', schema });
    await table.load(two, { sourceFormat: 'NEWLINE_DELIMITED_JSON', writeDisposition: 'WRITE_APPEND' });
    expect((await fake.readTable('ds', 't', { orderBy: ['id'] })).map((r) => r.id)).toEqual(['1', '2', '3']);
    await table.load(one, { sourceFormat: 'NEWLINE_DELIMITED_JSON', writeDisposition: 'WRITE_TRUNCATE' });
    expect((await fake.readTable('ds', 't')).map((r) => r.id)).toEqual(['1']);
    const empty = await errorOf(
      table.load(two, { sourceFormat: 'NEWLINE_DELIMITED_JSON', writeDisposition: 'WRITE_EMPTY' }),
    );
    expect(empty.message).toContain('WRITE_EMPTY');
    expect((await fake.readTable('ds', 't')).map((r) => r.id)).toEqual(['1']);
  });

  it('fails the job on a value BigQuery cannot convert, loading nothing', async () => {
    const file = await ndjsonFile('bad.jsonl', [{ id: 1 }, { id: 'abc' }, { id: 2.5 }]);
    const error = await errorOf(
      bq.dataset('ds').table('t').load(file, { sourceFormat: 'NEWLINE_DELIMITED_JSON', schema }),
    );
    expect(error.message).toContain('JSON table encountered too many errors');
    expect(error.errors?.map((e) => e.message).join('\n')).toContain(
      `Could not convert value 'string_value: "abc"' to integer. Field: id; Value: abc`,
    );
    expect(error.errors?.map((e) => e.message).join('\n')).toContain("'double_value: 2.5' to integer");
    expect((await bq.dataset('ds').table('t').exists())[0]).toBe(false);
  });

  it('rejects unknown fields unless ignoreUnknownValues, and missing REQUIRED values', async () => {
    const unknown = await ndjsonFile('unknown.jsonl', [{ id: 1, surprise: true }]);
    const failed = await errorOf(
      bq.dataset('ds').table('t').load(unknown, { sourceFormat: 'NEWLINE_DELIMITED_JSON', schema }),
    );
    expect(failed.errors?.[1]?.message).toContain('No such field: surprise.');
    await bq.dataset('ds').table('t').load(unknown, {
      sourceFormat: 'NEWLINE_DELIMITED_JSON',
      schema,
      ignoreUnknownValues: true,
    });
    expect((await fake.readTable('ds', 't')).map((r) => r.id)).toEqual(['1']);
    const missing = await ndjsonFile('missing.jsonl', [{ subject: 'no id' }]);
    const required = await errorOf(
      bq.dataset('ds').table('t').load(missing, { sourceFormat: 'NEWLINE_DELIMITED_JSON' }),
    );
    expect(required.errors?.[1]?.message).toContain('Missing required field: id.');
  });

  it('adds and relaxes columns only with the matching schemaUpdateOptions', async () => {
    const table = bq.dataset('ds').table('t');
    await table.load(await ndjsonFile('base.jsonl', [{ id: 1 }]), {
      sourceFormat: 'NEWLINE_DELIMITED_JSON',
      schema,
    });
    const wider = { fields: [...schema.fields, { name: 'extra', type: 'STRING' }] };
    const extraRow = await ndjsonFile('extra.jsonl', [{ id: 2, extra: 'x' }]);
    const refused = await errorOf(
      table.load(extraRow, { sourceFormat: 'NEWLINE_DELIMITED_JSON', schema: wider }),
    );
    expect(refused.message).toContain('Provided Schema does not match Table test-project:ds.t');
    await table.load(extraRow, {
      sourceFormat: 'NEWLINE_DELIMITED_JSON',
      schema: wider,
      schemaUpdateOptions: ['ALLOW_FIELD_ADDITION'],
    });
    expect((await fake.tableSchema('ds', 't')).map((f) => f.name)).toContain('extra');
    const relaxed = { fields: wider.fields.map((f) => (f.name === 'id' ? { ...f, mode: 'NULLABLE' } : f)) };
    const noId = await ndjsonFile('noid.jsonl', [{ extra: 'y' }]);
    const notRelaxed = await errorOf(
      table.load(noId, { sourceFormat: 'NEWLINE_DELIMITED_JSON', schema: relaxed }),
    );
    expect(notRelaxed.message).toContain('changed mode from REQUIRED to NULLABLE');
    await table.load(noId, {
      sourceFormat: 'NEWLINE_DELIMITED_JSON',
      schema: relaxed,
      schemaUpdateOptions: ['ALLOW_FIELD_RELAXATION'],
    });
    expect((await fake.tableSchema('ds', 't'))[0]?.mode).toBe('NULLABLE');
    expect(await fake.readTable('ds', 't', { orderBy: ['extra'] })).toHaveLength(3);
  });

  it('rejects a type change in the load schema and CREATE_NEVER on a missing table', async () => {
    const table = bq.dataset('ds').table('t');
    const file = await ndjsonFile('x.jsonl', [{ id: 1 }]);
    await table.load(file, { sourceFormat: 'NEWLINE_DELIMITED_JSON', schema });
    const changed = {
      fields: schema.fields.map((f) => (f.name === 'subject' ? { ...f, type: 'INT64' } : f)),
    };
    const error = await errorOf(
      table.load(file, { sourceFormat: 'NEWLINE_DELIMITED_JSON', schema: changed }),
    );
    expect(error.message).toContain('Field subject has changed type from STRING to INTEGER');
    const never = await errorOf(
      bq
        .dataset('ds')
        .table('absent')
        .load(file, { sourceFormat: 'NEWLINE_DELIMITED_JSON', schema, createDisposition: 'CREATE_NEVER' }),
    );
    expect(never.message).toContain('Not found: Table test-project:ds.absent');
  });

  it('loads Parquet files, inferring the schema when the job gives none', async () => {
    const path = join(dir, 'p.parquet');
    await fake.duckdb(
      `COPY (SELECT 1::BIGINT AS id, 'a' AS subject, TIMESTAMPTZ '2024-01-01 00:00:00+00' AS created_at) TO '${path}' (FORMAT PARQUET)`,
    );
    await bq.dataset('ds').table('pq').load(path, { sourceFormat: 'PARQUET' });
    expect((await fake.tableSchema('ds', 'pq')).map((f) => `${f.name}:${f.type}`)).toEqual([
      'id:INTEGER',
      'subject:STRING',
      'created_at:TIMESTAMP',
    ]);
    expect(await fake.readTable('ds', 'pq')).toEqual([
      { id: '1', subject: 'a', created_at: '2024-01-01T00:00:00.000000Z' },
    ]);
  });

  it('answers the location check: a load job in another location does not find the dataset', async () => {
    const file = await ndjsonFile('loc.jsonl', [{ id: 1 }]);
    const error = await errorOf(
      bq
        .dataset('ds', { location: 'EU' })
        .table('t')
        .load(file, { sourceFormat: 'NEWLINE_DELIMITED_JSON', schema }),
    );
    expect(error.message).toContain('was not found in location EU');
  });
});

describe('load jobs through the resumable upload protocol', () => {
  const uploadUrl = () =>
    `${fake.apiEndpoint}/upload/bigquery/v2/projects/test-project/jobs?uploadType=resumable`;
  const jobBody = {
    jobReference: { projectId: 'test-project', jobId: 'resumable_job_1' },
    configuration: {
      load: {
        destinationTable: { projectId: 'test-project', datasetId: 'ds', tableId: 'r' },
        sourceFormat: 'NEWLINE_DELIMITED_JSON',
        schema,
      },
    },
  };

  it('starts a session (Location header), takes chunks with 308 Resume Incomplete, then runs the job', async () => {
    const start = await fetch(uploadUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer test-token' },
      body: JSON.stringify(jobBody),
    });
    expect(start.status).toBe(200);
    const session = start.headers.get('location');
    expect(session).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/upload\/bigquery\/v2\/projects\/test-project\/jobs\?uploadType=resumable&upload_id=/,
    );
    const data = Buffer.from(
      `${JSON.stringify({ id: 1, subject: 'first' })}\n${JSON.stringify({ id: 2, subject: 'second' })}\n`,
    );
    const cut = 10;
    const first = await fetch(session as string, {
      method: 'PUT',
      headers: { 'content-range': `bytes 0-${cut - 1}/*` },
      body: data.subarray(0, cut),
    });
    expect(first.status).toBe(308);
    expect(first.headers.get('range')).toBe(`bytes=0-${cut - 1}`);
    const status = await fetch(session as string, {
      method: 'PUT',
      headers: { 'content-range': 'bytes */*' },
    });
    expect(status.status).toBe(308);
    expect(status.headers.get('range')).toBe(`bytes=0-${cut - 1}`);
    const last = await fetch(session as string, {
      method: 'PUT',
      headers: { 'content-range': `bytes ${cut}-${data.length - 1}/${data.length}` },
      body: data.subarray(cut),
    });
    expect(last.status).toBe(200);
    const job = (await last.json()) as {
      jobReference: { jobId: string };
      status: { state: string; errorResult?: unknown };
    };
    expect(job.jobReference.jobId).toBe('resumable_job_1');
    expect(job.status).toEqual({ state: 'DONE' });
    expect(await fake.readTable('ds', 'r', { orderBy: ['id'] })).toMatchObject([
      { id: '1', subject: 'first' },
      { id: '2', subject: 'second' },
    ]);
    const [metadata] = await bq.job('resumable_job_1').getMetadata();
    expect(metadata.statistics.load.outputRows).toBe('2');
  });
});

describe('tabledata.list', () => {
  it('pages through rows with the client getRows() and decodes them by schema', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => ({
      id: i + 1,
      subject: `s${i + 1}`,
      created_at: '2024-01-01T00:00:00Z',
    }));
    await bq
      .dataset('ds')
      .table('t')
      .load(await ndjsonFile('rows.jsonl', rows), { sourceFormat: 'NEWLINE_DELIMITED_JSON', schema });
    const [firstPage, next] = await bq
      .dataset('ds')
      .table('t')
      .getRows({ maxResults: 5, autoPaginate: false });
    expect(firstPage).toHaveLength(5);
    expect(next).toMatchObject({ pageToken: '5' });
    const [all] = await bq.dataset('ds').table('t').getRows();
    expect(all.map((r) => r.id).sort((a, b) => a - b)).toEqual(rows.map((r) => r.id));
    expect(all[0].created_at.value).toBe('2024-01-01T00:00:00.000Z');
    const [subset] = await bq.dataset('ds').table('t').getRows({ selectedFields: 'subject', maxResults: 1 });
    expect(Object.keys(subset[0])).toEqual(['subject']);
  });
});

describe('timestamp output formats', () => {
  it('renders TIMESTAMP as float seconds by default, int64 micros or ISO 8601 on request', async () => {
    const file = await ndjsonFile('ts.jsonl', [{ id: 1, created_at: '2024-01-01T00:00:00.123456Z' }]);
    await bq.dataset('ds').table('ts').load(file, { sourceFormat: 'NEWLINE_DELIMITED_JSON', schema });
    const value = async (query: string) => {
      const response = await fetch(
        `${fake.apiEndpoint}/bigquery/v2/projects/test-project/datasets/ds/tables/ts/data?selectedFields=created_at${query}`,
      );
      const body = (await response.json()) as { rows: { f: { v: string }[] }[] };
      return body.rows[0]?.f[0]?.v;
    };
    expect(Number(await value(''))).toBeCloseTo(1704067200.123456, 6);
    expect(await value('&formatOptions.useInt64Timestamp=true')).toBe('1704067200123456');
    expect(await value('&formatOptions.timestampOutputFormat=ISO8601_STRING')).toBe(
      '2024-01-01T00:00:00.123456Z',
    );
  });
});

describe('job lookup', () => {
  it('gets jobs by id and answers 404 for an unknown job or the wrong location', async () => {
    const [job]: [Job, unknown] = await bq.createQueryJob({ query: 'SELECT 1', jobId: 'known_job' });
    expect((await job.getMetadata())[0].status.state).toBe('DONE');
    expect((await errorOf(bq.job('unknown_job').getMetadata())).code).toBe(404);
    expect((await errorOf(bq.job('known_job', { location: 'asia-northeast1' }).getMetadata())).code).toBe(
      404,
    );
  });
});

describe('table metadata update limit', () => {
  it('fails with 403 rateLimitExceeded once a table exceeds the configured metadata updates', async () => {
    const limited = await startBigQueryFake({
      projectId: 'test-project',
      metadataUpdateLimit: { operations: 2, windowMs: 60_000 },
    });
    try {
      const client = clientFor(limited, { autoRetry: false });
      await client.createDataset('ds');
      const table = client.dataset('ds').table('t');
      await table.create({ schema: [{ name: 'a', type: 'STRING' }] });
      await table.setMetadata({ description: 'one' });
      await table.setMetadata({ description: 'two' });
      const error = await errorOf(table.setMetadata({ description: 'three' }));
      expect(error.code).toBe(403);
      expect(error.errors?.[0]?.reason).toBe('rateLimitExceeded');
      expect(error.message).toContain('too many table update operations for this table');
      expect(limited.metadataUpdateCount('ds', 't')).toBe(3);
      expect((await table.getMetadata())[0].description).toBe('two');
    } finally {
      await limited.stop();
    }
  });
});

describe('BYTES and streaming writes', () => {
  it('decodes base64 BYTES and accepts table.createWriteStream()', async () => {
    const table = bq.dataset('ds').table('bin');
    await table.create({
      schema: [
        { name: 'id', type: 'INT64' },
        { name: 'raw', type: 'BYTES' },
      ],
    });
    await new Promise<void>((resolve, reject) => {
      const stream = table.createWriteStream({ sourceFormat: 'NEWLINE_DELIMITED_JSON' });
      stream.on('complete', () => resolve());
      stream.on('error', reject);
      stream.end(`${JSON.stringify({ id: 1, raw: Buffer.from([0, 255, 7]).toString('base64') })}\n`);
    });
    expect(await fake.readTable('ds', 'bin')).toEqual([{ id: '1', raw: 'AP8H' }]);
    const bad = await ndjsonFile('badbytes.jsonl', [{ id: 2, raw: 'not base64!' }]);
    const error = await errorOf(table.load(bad, { sourceFormat: 'NEWLINE_DELIMITED_JSON' }));
    expect(error.errors?.[1]?.message).toContain('to bytes');
  });
});
