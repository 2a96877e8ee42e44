import {
  type CompiledQuery,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DestinationCapabilities } from '../src/destination/types.js';
import type { NormalizedPackage } from '../src/package/types.js';
import type { ColumnSchema, Schema, TableSchema } from '../src/schema/types.js';
import { createSqlClient } from '../src/sql/client.js';
import type { DynamicDatabase, QualifiedTable, SqlDriver } from '../src/sql/driver.js';

interface Recorded {
  readonly kind: 'query' | 'migrate' | 'stage' | 'load' | 'execute' | 'commit' | 'rollback';
  readonly sql?: string;
  readonly parameters?: readonly unknown[];
  readonly target?: string;
}

/** A SqlDriver over kysely's Postgres compiler that records instead of executing. */
function recordingDriver(transactions: boolean, tables: Map<string, string[]> = new Map()) {
  const log: Recorded[] = [];
  const capabilities: DestinationCapabilities = {
    name: 'pg-test',
    maxIdentifierLength: 63,
    fileFormats: ['jsonl'],
    supportsTransactions: transactions,
    dataTypes: ['text', 'bigint', 'double', 'bool', 'timestamp', 'json'],
    decimal: { precision: 38, scale: 9 },
  };
  const db = new Kysely<DynamicDatabase>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  const record = (kind: Recorded['kind'], queries: readonly CompiledQuery[]) => {
    for (const q of queries) log.push({ kind, sql: q.sql, parameters: q.parameters });
  };
  let failOn: RegExp | null = null;
  const driver: SqlDriver = {
    capabilities,
    db,
    columnType: (c: ColumnSchema) =>
      ({
        text: 'text',
        bigint: 'bigint',
        double: 'double precision',
        bool: 'boolean',
        timestamp: 'timestamptz',
      })[c.dataType as string] ?? 'jsonb',
    query: async (q) => {
      record('query', [q]);
      return [];
    },
    getTableColumns: async (t: QualifiedTable) => tables.get(t.table) ?? null,
    ensureDataset: async () => {},
    beginLoad: async () => ({
      migrate: async (qs) => record('migrate', qs),
      createStagingTable: async (t: TableSchema) => {
        log.push({ kind: 'stage', target: t.name });
        return { dataset: 'staging', table: t.name };
      },
      loadFile: async (file, target) => {
        log.push({ kind: 'load', target: `${target.dataset}.${target.table}` });
        return file.rows;
      },
      execute: async (qs) => {
        for (const q of qs) if (failOn?.test(q.sql)) throw new Error(`boom: ${q.sql}`);
        record('execute', qs);
      },
      commit: async () => {
        log.push({ kind: 'commit' });
      },
      rollback: async () => {
        log.push({ kind: 'rollback' });
      },
    }),
    close: async () => {},
  };
  return { driver, log, failOn: (re: RegExp) => (failOn = re) };
}

const col = (
  name: string,
  dataType: ColumnSchema['dataType'],
  extra: Partial<ColumnSchema> = {},
): ColumnSchema => ({
  name,
  dataType,
  nullable: true,
  ...extra,
});

function table(name: string, columns: ColumnSchema[], extra: Partial<TableSchema> = {}): TableSchema {
  return {
    name,
    resource: 'tickets',
    writeDisposition: 'merge',
    columns: Object.fromEntries(columns.map((c) => [c.name, c])),
    ...extra,
  };
}

const system = [col('_sluice_id', 'text'), col('_sluice_load_id', 'text')];
const childSystem = [
  ...system,
  col('_sluice_parent_id', 'text'),
  col('_sluice_list_idx', 'bigint'),
  col('_sluice_root_id', 'text'),
];

function pkg(tables: TableSchema[], withFiles: string[]): NormalizedPackage {
  const schema: Schema = {
    name: 'fd',
    version: 1,
    versionHash: 'h1',
    tables: Object.fromEntries(tables.map((t) => [t.name, t])),
  };
  return {
    loadId: 'L1',
    pipelineName: 'fd',
    schema,
    schemaChanges: tables.map((t) => ({ kind: 'create_table' as const, table: t })),
    tables: tables.map((t) => ({
      table: t.name,
      writeDisposition: t.writeDisposition,
      rows: withFiles.includes(t.name) ? 2 : 0,
      files: withFiles.includes(t.name)
        ? [{ table: t.name, path: `/x/${t.name}.jsonl`, format: 'jsonl' as const, rows: 2, bytes: 10 }]
        : [],
    })),
    state: { version: 1, resources: {} },
  };
}

describe('createSqlClient SQL (compiled with the Postgres dialect)', () => {
  const tickets = table('tickets', [
    ...system,
    col('id', 'bigint', { primaryKey: true }),
    col('select', 'text'),
    col('updated_at', 'timestamp', { cursor: true }),
    col('deleted', 'bool', { hardDelete: true }),
  ]);
  const tags = table('tickets__tags', [...childSystem, col('value', 'text')], { parent: 'tickets' });

  it('merges through staging: child delete by root id, delete-insert by key with dedup and hard delete', async () => {
    const { driver, log } = recordingDriver(true);
    const client = createSqlClient(driver, { dataset: 'fd' });
    const result = await client.loadPackage(pkg([tickets, tags], ['tickets', 'tickets__tags']));
    expect(result.tables).toEqual([
      { table: 'tickets', rows: 2, writeDisposition: 'merge' },
      { table: 'tickets__tags', rows: 2, writeDisposition: 'merge' },
    ]);
    const migrate = log.filter((l) => l.kind === 'migrate').map((l) => l.sql);
    expect(migrate).toContain(
      'CREATE TABLE IF NOT EXISTS "fd"."tickets" ("_sluice_id" text, "_sluice_load_id" text, "id" bigint, "select" text, "updated_at" timestamptz, "deleted" boolean)',
    );
    expect(migrate.some((s) => s?.startsWith('CREATE TABLE IF NOT EXISTS "fd"."_sluice_loads"'))).toBe(true);
    const exec = log.filter((l) => l.kind === 'execute');
    expect(exec.map((l) => l.sql)).toEqual([
      'DELETE FROM "fd"."tickets__tags" WHERE "_sluice_root_id" IN (SELECT "f"."_sluice_id" FROM "fd"."tickets" AS "f" WHERE EXISTS (SELECT 1 FROM "staging"."tickets" AS "s" WHERE "s"."id" = "f"."id"))',
      'DELETE FROM "fd"."tickets" AS "f" WHERE EXISTS (SELECT 1 FROM "staging"."tickets" AS "s" WHERE "s"."id" = "f"."id")',
      'INSERT INTO "fd"."tickets" ("_sluice_id", "_sluice_load_id", "id", "select", "updated_at", "deleted") SELECT "d"."_sluice_id", "d"."_sluice_load_id", "d"."id", "d"."select", "d"."updated_at", "d"."deleted" FROM (SELECT "_sluice_id", "_sluice_load_id", "id", "select", "updated_at", "deleted", ROW_NUMBER() OVER (PARTITION BY "id" ORDER BY "updated_at" DESC NULLS LAST, "_sluice_id" DESC) AS "_sluice_rn" FROM "staging"."tickets") AS "d" WHERE "d"."_sluice_rn" = 1 AND ("d"."deleted" IS NULL OR "d"."deleted" = FALSE)',
      'INSERT INTO "fd"."tickets__tags" ("_sluice_id", "_sluice_load_id", "_sluice_parent_id", "_sluice_list_idx", "_sluice_root_id", "value") SELECT "_sluice_id", "_sluice_load_id", "_sluice_parent_id", "_sluice_list_idx", "_sluice_root_id", "value" FROM "staging"."tickets__tags" WHERE "_sluice_root_id" IN (SELECT "_sluice_id" FROM "fd"."tickets" WHERE "_sluice_load_id" = $1)',
      'insert into "fd"."_sluice_pipeline_state" ("pipeline_name", "version", "state", "load_id", "inserted_at") values ($1, $2, $3, $4, CAST($5 AS timestamptz))',
      'insert into "fd"."_sluice_version" ("version", "version_hash", "schema_name", "schema", "inserted_at") values ($1, $2, $3, $4, CAST($5 AS timestamptz))',
      // merge tables count the rows of this load in the final table (after dedup), inside the transaction
      'insert into "fd"."_sluice_loads" ("load_id", "pipeline_name", "status", "inserted_at", "schema_version_hash", "rows") values ($1, $2, $3, CAST($4 AS timestamptz), $5, CONCAT($6, CAST((SELECT COUNT(*) FROM "fd"."tickets" WHERE "_sluice_load_id" = $7) AS text), $8, CAST((SELECT COUNT(*) FROM "fd"."tickets__tags" WHERE "_sluice_load_id" = $9) AS text), $10))',
    ]);
    expect(exec.at(-1)?.parameters?.slice(5)).toEqual(['{"tickets":', 'L1', ',"tickets__tags":', 'L1', '}']);
    // values never reach the SQL text
    expect(exec[3]?.parameters).toEqual(['L1']);
    expect(exec[6]?.parameters?.slice(0, 3)).toEqual(['L1', 'fd', 'loaded']);
    expect(log.at(-1)?.kind).toBe('commit');
  });

  it('merges by merge key: deletes by it (dedup stays by primary key), and by a staged key scope too', async () => {
    const { driver, log } = recordingDriver(true);
    const client = createSqlClient(driver, { dataset: 'fd' });
    const notes = table('notes', [
      ...system,
      col('id', 'bigint', { primaryKey: true }),
      col('ticket_id', 'bigint', { mergeKey: true }),
      col('body', 'text'),
    ]);
    const notesTags = table('notes__tags', [...childSystem, col('value', 'text')], { parent: 'notes' });
    const plain = pkg([notes, notesTags], ['notes']);
    await client.loadPackage(plain);
    const withoutScope = log.filter((l) => l.kind === 'execute').map((l) => l.sql);
    expect(withoutScope.slice(0, 3)).toEqual([
      'DELETE FROM "fd"."notes__tags" WHERE "_sluice_root_id" IN (SELECT "f"."_sluice_id" FROM "fd"."notes" AS "f" WHERE EXISTS (SELECT 1 FROM "staging"."notes" AS "s" WHERE "s"."ticket_id" = "f"."ticket_id"))',
      'DELETE FROM "fd"."notes" AS "f" WHERE EXISTS (SELECT 1 FROM "staging"."notes" AS "s" WHERE "s"."ticket_id" = "f"."ticket_id")',
      'INSERT INTO "fd"."notes" ("_sluice_id", "_sluice_load_id", "id", "ticket_id", "body") SELECT "d"."_sluice_id", "d"."_sluice_load_id", "d"."id", "d"."ticket_id", "d"."body" FROM (SELECT "_sluice_id", "_sluice_load_id", "id", "ticket_id", "body", ROW_NUMBER() OVER (PARTITION BY "id" ORDER BY "_sluice_id" DESC) AS "_sluice_rn" FROM "staging"."notes") AS "d" WHERE "d"."_sluice_rn" = 1',
    ]);

    log.length = 0;
    const scopeFile = { table: 'notes', path: '/x/scope.jsonl', format: 'jsonl' as const, rows: 3, bytes: 9 };
    const scoped: NormalizedPackage = {
      ...plain,
      tables: plain.tables.map((t) => (t.table === 'notes' ? { ...t, mergeKeyScope: [scopeFile] } : t)),
    };
    await client.loadPackage(scoped);
    // the scope table holds the delete key columns only, and is loaded like data
    expect(log.filter((l) => l.kind === 'stage' || l.kind === 'load').map((l) => [l.kind, l.target])).toEqual(
      [
        ['stage', 'notes'],
        ['load', 'staging.notes'],
        ['stage', '_sluice_scope__notes'],
        ['load', 'staging._sluice_scope__notes'],
      ],
    );
    expect(
      log
        .filter((l) => l.kind === 'execute')
        .map((l) => l.sql)
        .slice(0, 2),
    ).toEqual([
      'DELETE FROM "fd"."notes__tags" WHERE "_sluice_root_id" IN (SELECT "f"."_sluice_id" FROM "fd"."notes" AS "f" WHERE (EXISTS (SELECT 1 FROM "staging"."notes" AS "s" WHERE "s"."ticket_id" = "f"."ticket_id") OR EXISTS (SELECT 1 FROM "staging"."_sluice_scope__notes" AS "s" WHERE "s"."ticket_id" = "f"."ticket_id")))',
      'DELETE FROM "fd"."notes" AS "f" WHERE (EXISTS (SELECT 1 FROM "staging"."notes" AS "s" WHERE "s"."ticket_id" = "f"."ticket_id") OR EXISTS (SELECT 1 FROM "staging"."_sluice_scope__notes" AS "s" WHERE "s"."ticket_id" = "f"."ticket_id"))',
    ]);
    expect(log.at(-1)?.kind).toBe('commit');
  });

  it('appends and replaces straight into final tables inside a transaction', async () => {
    const { driver, log } = recordingDriver(true);
    const client = createSqlClient(driver, { dataset: 'fd' });
    const a = table('a', [...system, col('x', 'text')], { writeDisposition: 'append' });
    const r = table('r', [...system, col('x', 'text')], { writeDisposition: 'replace' });
    await client.loadPackage(pkg([a, r], ['a', 'r']));
    expect(log.filter((l) => l.kind === 'load').map((l) => l.target)).toEqual(['fd.a', 'fd.r']);
    expect(log.filter((l) => l.kind === 'stage')).toEqual([]);
    expect(log.find((l) => l.kind === 'execute')?.sql).toBe('DELETE FROM "fd"."r" WHERE 1 = 1');
  });

  it('without transactions loads only into staging and queues the final statements', async () => {
    const { driver, log } = recordingDriver(false);
    const client = createSqlClient(driver, { dataset: 'fd' });
    const a = table('a', [...system, col('x', 'text')], { writeDisposition: 'append' });
    const r = table('r', [...system, col('x', 'text')], { writeDisposition: 'replace' });
    await client.loadPackage(pkg([a, r], ['a', 'r']));
    expect(log.filter((l) => l.kind === 'load').map((l) => l.target)).toEqual(['staging.a', 'staging.r']);
    expect(
      log
        .filter((l) => l.kind === 'execute')
        .map((l) => l.sql)
        .slice(0, 3),
    ).toEqual([
      'INSERT INTO "fd"."a" ("_sluice_id", "_sluice_load_id", "x") SELECT "_sluice_id", "_sluice_load_id", "x" FROM "staging"."a"',
      'DELETE FROM "fd"."r" WHERE 1 = 1',
      'INSERT INTO "fd"."r" ("_sluice_id", "_sluice_load_id", "x") SELECT "_sluice_id", "_sluice_load_id", "x" FROM "staging"."r"',
    ]);
  });

  it('creates columns that may not be null (not loader-core columns) with NOT NULL; added columns never get it', async () => {
    const strict = table('strict', [
      col('_sluice_id', 'text', { nullable: false }),
      col('_sluice_load_id', 'text', { nullable: false }),
      col('id', 'bigint', { primaryKey: true, nullable: false }),
      col('note', 'text'),
    ]);
    const created = recordingDriver(true);
    await createSqlClient(created.driver, { dataset: 'fd' }).loadPackage(pkg([strict], ['strict']));
    const ddl = created.log.filter((l) => l.kind === 'migrate').map((l) => l.sql);
    expect(ddl).toContain(
      'CREATE TABLE IF NOT EXISTS "fd"."strict" ("_sluice_id" text, "_sluice_load_id" text, "id" bigint NOT NULL, "note" text)',
    );
    // loader-core's system tables carry no constraints
    expect(ddl.filter((d) => d?.includes('_sluice_loads')).every((d) => !d?.includes('NOT NULL'))).toBe(true);
    const added = recordingDriver(true, new Map([['strict', ['_sluice_id', '_sluice_load_id', 'note']]]));
    await createSqlClient(added.driver, { dataset: 'fd' }).loadPackage(pkg([strict], ['strict']));
    expect(
      added.log.filter((l) => l.kind === 'migrate' && l.sql?.includes('"strict"')).map((l) => l.sql),
    ).toEqual(['alter table "fd"."strict" add column "id" bigint']);
  });

  it('migrates idempotently: only missing columns are added', async () => {
    const existing = new Map([['tickets', ['_sluice_id', '_sluice_load_id', 'id', 'select']]]);
    const { driver, log } = recordingDriver(true, existing);
    const client = createSqlClient(driver, { dataset: 'fd' });
    await client.loadPackage(pkg([tickets], ['tickets']));
    const migrate = log.filter((l) => l.kind === 'migrate').map((l) => l.sql);
    expect(migrate.filter((s) => s?.includes('"fd"."tickets"'))).toEqual([
      'alter table "fd"."tickets" add column "updated_at" timestamptz',
      'alter table "fd"."tickets" add column "deleted" boolean',
    ]);
  });

  it('rolls back on any error and reports it', async () => {
    const { driver, log, failOn } = recordingDriver(true);
    failOn(/_sluice_loads/);
    const client = createSqlClient(driver, { dataset: 'fd' });
    await expect(client.loadPackage(pkg([tickets], ['tickets']))).rejects.toThrow(/boom/);
    expect(log.at(-1)?.kind).toBe('rollback');
    expect(log.some((l) => l.kind === 'commit')).toBe(false);
  });

  it('reads nothing from a dataset without system tables', async () => {
    const { driver } = recordingDriver(true);
    const client = createSqlClient(driver, { dataset: 'fd' });
    expect(await client.getStoredSchema('fd')).toBeNull();
    expect(await client.getState('fd')).toBeNull();
    expect(await client.getLoad('L1')).toBeNull();
    expect(await client.listLoads('fd', 5)).toEqual([]);
    expect(await client.countRows('tickets')).toBeNull();
  });

  it('reads stored schema and state with parameters, newest first', async () => {
    const present = new Map([
      ['_sluice_version', ['version']],
      ['_sluice_pipeline_state', ['version']],
    ]);
    const { driver, log } = recordingDriver(true, present);
    const client = createSqlClient(driver, { dataset: 'fd' });
    await client.getStoredSchema('fd');
    await client.getState('fd');
    expect(log.map((l) => [l.sql, l.parameters])).toEqual([
      [
        'select "schema", "inserted_at" from "fd"."_sluice_version" where "schema_name" = $1 order by "version" desc limit 1',
        ['fd'],
      ],
      [
        'select "state", "load_id", "inserted_at" from "fd"."_sluice_pipeline_state" where "pipeline_name" = $1 order by "version" desc, "inserted_at" desc limit 1',
        ['fd'],
      ],
    ]);
  });
});

describe('createSqlClient quoting', () => {
  it('quotes identifiers it did not produce itself', async () => {
    const { driver, log } = recordingDriver(true, new Map([['we"ird; DROP TABLE x; --', ['a']]]));
    const client = createSqlClient(driver, { dataset: 'my "data"' });
    await client.countRows('we"ird; DROP TABLE x; --');
    expect(log[0]?.sql).toBe('SELECT COUNT(*) AS "n" FROM "my ""data"""."we""ird; DROP TABLE x; --"');
  });
});
