import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { createPipeline, type NormalizedPackage, resource } from '@sluice/loader-core';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { duckdb } from '../src/destination.js';
import { DuckDbOpenError } from '../src/errors.js';
import { jsonlFile, tempDir } from './helpers.js';

describe('duckdb()', () => {
  let dir: string;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
  });

  afterEach(async () => {
    await cleanup();
  });

  const tickets = (records: Record<string, unknown>[]) =>
    resource(
      async function* () {
        yield records;
      },
      { name: 'tickets', primaryKey: 'id', writeDisposition: 'merge' },
    );

  it('reports DuckDB capabilities', () => {
    expect(duckdb({ path: ':memory:' }).capabilities).toEqual({
      name: 'duckdb',
      maxIdentifierLength: 255,
      fileFormats: ['jsonl'],
      supportsTransactions: true,
      dataTypes: [
        'text',
        'bigint',
        'double',
        'decimal',
        'bool',
        'timestamp',
        'date',
        'time',
        'json',
        'binary',
      ],
      decimal: { precision: 38, scale: 9 },
    });
  });

  it('rejects missing or empty options with a clear error', () => {
    expect(() => duckdb({ path: '' })).toThrow(/needs a `path`/);
    expect(() => duckdb({ path: 'x.duckdb', schema: '' })).toThrow(/`schema` must be a non-empty string/);
  });

  it('loads a pipeline into a file that any DuckDB client can then query', async () => {
    const path = join(dir, 'freshdesk.duckdb');
    const destination = duckdb({ path });
    const pipeline = createPipeline({
      name: 'freshdesk',
      dataset: 'freshdesk',
      destination,
      workingDir: join(dir, 'work'),
    });
    await pipeline.run([
      tickets([
        { id: 1, subject: 'Printer on fire', created_at: '2024-03-01T08:00:00+01:00', tags: ['hw'] },
        { id: 2, subject: 'Cannot log in', created_at: '2024-03-02T09:30:00Z', tags: [] },
      ]),
    ]);
    await pipeline.run([
      tickets([{ id: 2, subject: 'Cannot log in (solved)', created_at: '2024-03-02T09:30:00Z' }]),
    ]);

    // The file is released after the run: a fresh driver reads it.
    const driver = await destination.openDriver();
    try {
      const rows = await driver.query(
        sql`SELECT id, subject, created_at FROM freshdesk.tickets ORDER BY id`.compile(driver.db),
      );
      expect(rows).toEqual([
        { id: 1, subject: 'Printer on fire', created_at: '2024-03-01T07:00:00.000Z' },
        { id: 2, subject: 'Cannot log in (solved)', created_at: '2024-03-02T09:30:00.000Z' },
      ]);
      const types = await driver.query(
        sql`SELECT column_name, data_type FROM information_schema.columns
            WHERE table_schema = 'freshdesk' AND table_name = 'tickets' ORDER BY ordinal_position`.compile(
          driver.db,
        ),
      );
      expect(types).toContainEqual({ column_name: 'created_at', data_type: 'TIMESTAMP WITH TIME ZONE' });
      const loads = await driver.query(sql`SELECT status FROM freshdesk._sluice_loads`.compile(driver.db));
      expect(loads).toEqual([{ status: 'loaded' }, { status: 'loaded' }]);
    } finally {
      await driver.close();
    }

    // As the README shows for the DuckDB CLI: a plain client, read-only, catalog named after the file.
    const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
    const connection = await instance.connect();
    try {
      await connection.run('USE freshdesk.freshdesk');
      const reader = await connection.runAndReadAll(`
        SELECT t.id, t.subject, list(tags.value ORDER BY tags._sluice_list_idx) AS tags
        FROM tickets AS t
        JOIN tickets__tags AS tags ON tags._sluice_root_id = t._sluice_id
        GROUP BY ALL`);
      expect(reader.getRowObjectsJson()).toEqual([{ id: '1', subject: 'Printer on fire', tags: ['hw'] }]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it('writes into the `schema` option instead of the dataset name', async () => {
    const destination = duckdb({ path: join(dir, 'schema.duckdb'), schema: 'Help Desk' });
    const pipeline = createPipeline({
      name: 'p',
      dataset: 'ignored',
      destination,
      workingDir: join(dir, 'w'),
    });
    await pipeline.run([tickets([{ id: 1 }])]);
    const driver = await destination.openDriver();
    try {
      expect(await driver.getTableColumns({ dataset: 'Help Desk', table: 'tickets' })).toContain('id');
      expect(await driver.getTableColumns({ dataset: 'ignored', table: 'tickets' })).toBeNull();
    } finally {
      await driver.close();
    }
  });

  it('keeps a :memory: database for the life of the destination object', async () => {
    const destination = duckdb({ path: ':memory:' });
    const pipeline = () =>
      createPipeline({ name: 'p', dataset: 'd', destination, workingDir: join(dir, 'w') });
    await pipeline().run([tickets([{ id: 1 }])]);
    await pipeline().run([tickets([{ id: 2 }])]);
    const client = await destination.connect({ dataset: 'd', pipelineName: 'p' });
    try {
      expect(await client.countRows('tickets')).toBe(2);
    } finally {
      await client.close();
    }
    const other = await duckdb({ path: ':memory:' }).connect({ dataset: 'd', pipelineName: 'p' });
    try {
      expect(await other.countRows('tickets')).toBeNull();
    } finally {
      await other.close();
    }
  });

  it('applies DuckDB configuration options when it opens the database', async () => {
    const destination = duckdb({ path: join(dir, 'config.duckdb'), config: { threads: '1' } });
    const driver = await destination.openDriver();
    try {
      const rows = await driver.query(sql`SELECT current_setting('threads') AS threads`.compile(driver.db));
      expect(rows).toEqual([{ threads: 1 }]);
    } finally {
      await driver.close();
    }
  });

  it('bounds DuckDB memory by default and spills next to the database file', async () => {
    const path = join(dir, 'bounded.duckdb');
    const driver = await duckdb({ path }).openDriver();
    try {
      const rows = await driver.query(
        sql`SELECT current_setting('memory_limit') AS memory, current_setting('temp_directory') AS temp`.compile(
          driver.db,
        ),
      );
      // DuckDB reports 512MB in MiB.
      expect(rows).toEqual([{ memory: '488.2 MiB', temp: `${path}.tmp` }]);
    } finally {
      await driver.close();
    }
    const raised = await duckdb({ path, config: { memory_limit: '2GB' } }).openDriver();
    try {
      const rows = await raised.query(
        sql`SELECT current_setting('memory_limit') AS memory`.compile(raised.db),
      );
      expect(rows).toEqual([{ memory: '1.8 GiB' }]);
    } finally {
      await raised.close();
    }
  });

  it('refuses datasets named like DuckDB catalogs, which would make table names ambiguous', async () => {
    const destination = duckdb({ path: ':memory:' });
    for (const dataset of ['temp', 'System']) {
      await expect(destination.connect({ dataset, pipelineName: 'p' })).rejects.toThrow(
        `DuckDB cannot hold a dataset named "${dataset}"`,
      );
    }
    await expect(
      duckdb({ path: ':memory:', schema: 'temp' }).connect({ dataset: 'fine', pipelineName: 'p' }),
    ).rejects.toThrow(/Choose another dataset name/);
  });

  it('fails connect() with a clear error when the directory does not exist', async () => {
    const destination = duckdb({ path: join(dir, 'missing', 'x.duckdb') });
    await expect(destination.connect({ dataset: 'd', pipelineName: 'p' })).rejects.toBeInstanceOf(
      DuckDbOpenError,
    );
  });

  it('rolls back a package whose second file is bad: previous data, state and loads stay intact', async () => {
    const destination = duckdb({ path: join(dir, 'rollback.duckdb') });
    const pipeline = createPipeline({ name: 'p', dataset: 'd', destination, workingDir: join(dir, 'w') });
    const events = resource(
      async function* () {
        yield [{ id: 1, at: '2024-01-01T00:00:00Z' }];
      },
      { name: 'events', incremental: { cursor: 'at' } },
    );
    await pipeline.run([events]);

    const client = await destination.connect({ dataset: 'd', pipelineName: 'p' });
    try {
      const stored = await client.getStoredSchema('p');
      const before = await client.getState('p');
      expect(stored).not.toBeNull();
      expect(before).not.toBeNull();
      const good = await jsonlFile(dir, 'good.jsonl', 'events', [
        { id: 2, at: '2024-01-02T00:00:00Z', _sluice_id: 'a', _sluice_load_id: 'bad-load' },
      ]);
      const bad = await jsonlFile(dir, 'bad.jsonl', 'events', [
        { id: 'not a number', at: '2024-01-03T00:00:00Z', _sluice_id: 'b', _sluice_load_id: 'bad-load' },
      ]);
      const pkg: NormalizedPackage = {
        loadId: 'bad-load',
        pipelineName: 'p',
        schema: stored!.schema,
        schemaChanges: [],
        tables: [{ table: 'events', writeDisposition: 'append', files: [good, bad], rows: 2 }],
        state: { version: before!.state.version + 1, resources: {} },
      };
      await expect(client.loadPackage(pkg)).rejects.toThrow(/not a number/);

      expect(await client.countRows('events')).toBe(1);
      expect(await client.getLoad('bad-load')).toBeNull();
      expect(await client.getState('p')).toEqual(before);
      expect((await client.listLoads('p', 10)).length).toBe(1);
    } finally {
      await client.close();
    }
  });
});
