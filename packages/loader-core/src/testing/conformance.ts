import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Destination } from '../destination/types.js';
import { mergeKeyScope } from '../extract/merge-key-scope.js';
import { createPipeline, type Pipeline, type PipelineOptions } from '../pipeline.js';
import { type AnyResource, resource, transformer } from '../resource.js';
import { SchemaContractError, type SchemaContractOption } from '../schema/contract.js';
import type { WriteDisposition } from '../schema/types.js';
import { failingDestination } from './failing-destination.js';

type Row = Record<string, unknown>;

/** What a destination package gives the kit for one test. */
export interface ConformanceTarget {
  readonly destination: Destination;
  /**
   * Reads a whole table back (any order), or null when it does not exist. Values may be returned as the
   * destination's client returns them: the kit compares bigints, Dates and numeric strings loosely.
   */
  readTable(dataset: string, table: string): Promise<readonly Row[] | null>;
  /** Releases what `createDestination` opened (files, servers). */
  cleanup?(): Promise<void>;
}

export interface ConformanceOptions {
  /** Shown in the describe block: `duckdb`. */
  readonly name: string;
  /** A fresh destination per test (datasets are unique per test as well). */
  readonly createDestination: () => Promise<ConformanceTarget>;
  /** Per-test timeout in milliseconds (default 60 000). */
  readonly timeout?: number;
  /** Cases to skip, with the reason kept in your test file (e.g. a destination without binary support). */
  readonly skip?: readonly ConformanceCase[];
}

/** The cases of the kit (the part of each test title before the colon). */
export type ConformanceCase =
  | 'append'
  | 'replace'
  | 'merge'
  | 'merge key'
  | 'child tables'
  | 'evolution'
  | 'contracts'
  | 'incremental'
  | 'crash mid-load'
  | 'crash after commit'
  | 'data types'
  | 'many files per table'
  | 'identifier torture';

/** Plain comparable form of a value read back from a destination. */
export function plain(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return value;
}

function num(value: unknown): number {
  return Number(plain(value));
}

let datasetCounter = 0;

/**
 * Registers vitest tests every destination must pass: append, replace, merge (dedup, child rows, hard delete),
 * child tables, schema evolution and variants, contracts, incremental state round trip, crash and resume, and
 * identifier torture. Call it at the top level of a test file.
 */
export function describeDestinationConformance(options: ConformanceOptions): void {
  const timeout = options.timeout ?? 60_000;

  const skipped = new Set<string>(options.skip ?? []);
  const test = (title: string, opts: { timeout: number }, fn: () => Promise<void>): void => {
    const id = title.slice(0, title.indexOf(':'));
    (skipped.has(id) ? it.skip : it)(title, opts, fn);
  };

  describe(`destination conformance: ${options.name}`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const c of cleanups.splice(0).reverse()) await c();
    });

    /** A target, a unique dataset and a pipeline factory writing to it. */
    const setup = async () => {
      const target = await options.createDestination();
      if (target.cleanup) cleanups.push(() => target.cleanup!());
      const workingDir = await mkdtemp(join(tmpdir(), 'sluice-conformance-'));
      cleanups.push(() => rm(workingDir, { recursive: true, force: true }));
      const dataset = `conformance_${process.pid}_${datasetCounter++}`;
      const pipeline = (
        destination: Destination = target.destination,
        extra: Partial<PipelineOptions> = {},
      ): Pipeline => createPipeline({ name: 'conformance', dataset, destination, workingDir, ...extra });
      const read = async (table: string): Promise<Row[]> => {
        const rows = await target.readTable(dataset, table);
        if (rows === null) throw new Error(`Table "${table}" does not exist in dataset "${dataset}".`);
        return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)])));
      };
      const client = async () => target.destination.connect({ dataset, pipelineName: 'conformance' });
      return { target, dataset, pipeline, read, client };
    };

    const items = (
      name: string,
      data: () => Row[],
      extra: {
        writeDisposition?: WriteDisposition;
        primaryKey?: string;
        schemaContract?: SchemaContractOption;
        columns?: Record<string, { hardDelete?: boolean; dataType?: 'text' | 'bigint' }>;
        cursor?: string;
      } = {},
    ): AnyResource =>
      resource(
        async function* () {
          yield data();
        },
        {
          name,
          writeDisposition: extra.writeDisposition ?? 'append',
          ...(extra.primaryKey ? { primaryKey: extra.primaryKey } : {}),
          ...(extra.schemaContract ? { schemaContract: extra.schemaContract } : {}),
          ...(extra.columns ? { columns: extra.columns } : {}),
          ...(extra.cursor ? { incremental: { cursor: extra.cursor } } : {}),
        },
      );

    const byId = (rows: Row[]): Row[] => [...rows].sort((a, b) => num(a.id) - num(b.id));

    test('append: rows accumulate, system columns and the loads table are filled', { timeout }, async () => {
      const { pipeline, read, client } = await setup();
      let batch = [
        { id: 1, name: 'a' },
        { id: 2, name: 'b' },
      ];
      const res = items('items', () => batch);
      const first = await pipeline().run([res]);
      batch = [{ id: 3, name: 'c' }];
      const second = await pipeline().run([res]);
      const rows = byId(await read('items'));
      expect(rows.map((r) => num(r.id))).toEqual([1, 2, 3]);
      expect(rows.map((r) => r.name)).toEqual(['a', 'b', 'c']);
      for (const r of rows) {
        expect(typeof r._sluice_id).toBe('string');
        expect(typeof r._sluice_load_id).toBe('string');
      }
      const c = await client();
      try {
        const load = await c.getLoad(first.packages[0]!.loadId);
        expect(load?.status).toBe('loaded');
        expect(load?.rows.items).toBe(2);
        const loads = await c.listLoads('conformance', 10);
        expect(loads.map((l) => l.loadId)).toEqual([second.packages[0]?.loadId, first.packages[0]?.loadId]);
        expect((await c.listLoads('conformance', 1)).length).toBe(1);
        expect(await c.countRows('items')).toBe(3);
        expect(await c.countRows('no_such_table')).toBeNull();
      } finally {
        await c.close();
      }
    });

    test('replace: parent and child tables are replaced together', { timeout }, async () => {
      const { pipeline, read } = await setup();
      let batch: Row[] = [
        { id: 1, tags: ['x', 'y'] },
        { id: 2, tags: ['z'] },
      ];
      const res = items('things', () => batch, { writeDisposition: 'replace' });
      await pipeline().run([res]);
      expect((await read('things__tags')).length).toBe(3);
      batch = [{ id: 3, tags: ['w'] }];
      await pipeline().run([res]);
      expect((await read('things')).map((r) => num(r.id))).toEqual([3]);
      expect((await read('things__tags')).map((r) => r.value)).toEqual(['w']);
      batch = [];
      await pipeline().run([res]);
      expect(await read('things')).toEqual([]);
      expect(await read('things__tags')).toEqual([]);
    });

    test('merge: upserts by primary key, dedups by cursor, replaces child rows, hard-deletes', {
      timeout,
    }, async () => {
      const { pipeline, read } = await setup();
      let batch: Row[] = [
        { id: 1, subject: 'one', updated_at: 1, deleted: false, tags: ['a', 'b'] },
        { id: 2, subject: 'two', updated_at: 1, deleted: false, tags: ['c'] },
        { id: 3, subject: 'three', updated_at: 1, deleted: false, tags: ['d'] },
      ];
      const res = resource(
        async function* () {
          yield batch;
        },
        {
          name: 'tickets',
          primaryKey: 'id',
          writeDisposition: 'merge',
          columns: { deleted: { hardDelete: true } },
          // a cursor column orders the dedup; the incremental filter itself is not what this test is about
          incremental: { cursor: 'updated_at', lookback: 100 },
        },
      );
      await pipeline().run([res]);
      batch = [
        { id: 1, subject: 'one v3', updated_at: 3, deleted: false, tags: ['e'] },
        { id: 1, subject: 'one v2', updated_at: 2, deleted: false, tags: ['f', 'g'] },
        { id: 2, subject: 'two', updated_at: 2, deleted: true, tags: ['c'] },
        { id: 4, subject: 'four', updated_at: 2, deleted: false, tags: [] },
      ];
      const info = await pipeline().run([res]);
      // rows loaded, not staged: after dedup within the load and without hard-deleted rows
      expect(info.rows).toEqual({ tickets: 2, tickets__tags: 1 });
      expect(info.packages[0]?.rows).toEqual({ tickets: 2, tickets__tags: 1 });
      const rows = byId(await read('tickets'));
      expect(rows.map((r) => [num(r.id), r.subject])).toEqual([
        [1, 'one v3'],
        [3, 'three'],
        [4, 'four'],
      ]);
      const tags = await read('tickets__tags');
      expect(tags.map((t) => t.value).sort()).toEqual(['d', 'e']);
      const ids = new Set(rows.map((r) => r._sluice_id));
      for (const t of tags) expect(ids.has(t._sluice_root_id)).toBe(true);
    });

    test('merge: a dedupSort hint picks the winner, nulls never win, ties go to the last row', {
      timeout,
    }, async () => {
      const { pipeline, read } = await setup();
      const res = resource(
        [
          { id: 1, version: 3, label: 'v3' },
          { id: 1, version: 1, label: 'v1' },
          { id: 1, version: null, label: 'null' },
          { id: 2, version: 5, label: 'first' },
          { id: 2, version: 5, label: 'last' },
        ],
        {
          name: 'versions',
          primaryKey: 'id',
          writeDisposition: 'merge',
          columns: { version: { dedupSort: 'asc' } },
        },
      );
      await pipeline().run([res]);
      expect(byId(await read('versions')).map((r) => [num(r.id), r.label])).toEqual([
        [1, 'v1'],
        [2, 'last'],
      ]);
    });

    test('merge key: delete-insert by merge key; a declared scope empties a parent whose children drop to zero', {
      timeout,
    }, async () => {
      const { pipeline, read, target, dataset } = await setup();
      // notes of tickets, fetched per changed ticket, replaced per ticket (merge key) as sluice-sync does
      const notesOf = new Map<number, Row[]>([
        [
          1,
          [
            { id: 11, ticket_id: 1, body: 'a', tags: ['x'] },
            { id: 12, ticket_id: 1, body: 'b', tags: [] },
          ],
        ],
        [2, [{ id: 21, ticket_id: 2, body: 'c', tags: ['y', 'z'] }]],
        [3, [{ id: 31, ticket_id: 3, body: 'd', tags: ['w'] }]],
      ]);
      let changed = [1, 2, 3];
      const tickets = resource(
        async function* () {
          yield changed.map((id) => ({ id }));
        },
        { name: 'tickets', primaryKey: 'id', writeDisposition: 'merge' },
      );
      const notes = transformer(
        tickets,
        async function* (ticket) {
          const id = Number(ticket.id);
          yield notesOf.get(id) ?? [];
          yield mergeKeyScope({ ticket_id: id });
        },
        { name: 'notes', primaryKey: 'id', mergeKey: 'ticket_id', writeDisposition: 'merge' },
      );
      await pipeline().run([notes]);
      expect(byId(await read('notes')).map((r) => num(r.id))).toEqual([11, 12, 21, 31]);
      expect((await read('notes__tags')).length).toBe(4);

      // ticket 1 lost note 11 (the merge key replaces all its notes), ticket 2 lost its only note; 3 unchanged
      notesOf.set(1, [{ id: 12, ticket_id: 1, body: 'b2', tags: ['v'] }]);
      notesOf.set(2, []);
      changed = [1, 2];
      const info = await pipeline().run([notes]);
      expect(info.rows.notes).toBe(1);
      const rows = byId(await read('notes'));
      expect(rows.map((r) => [num(r.id), num(r.ticket_id), r.body])).toEqual([
        [12, 1, 'b2'],
        [31, 3, 'd'],
      ]);
      const ids = new Map(rows.map((r) => [r._sluice_id, num(r.id)]));
      const tags = await read('notes__tags');
      expect(tags.map((t) => [ids.get(t._sluice_root_id), t.value]).sort()).toEqual([
        [12, 'v'],
        [31, 'w'],
      ]);

      // every changed ticket has no notes left: the package has scopes and no note rows at all
      notesOf.set(3, []);
      changed = [3];
      await pipeline().run([notes]);
      expect(byId(await read('notes')).map((r) => num(r.id))).toEqual([12]);
      expect((await read('notes__tags')).map((t) => t.value)).toEqual(['v']);
      expect(byId(await read('tickets')).map((r) => num(r.id))).toEqual([1, 2, 3]);

      // a scope for a key with no rows anywhere, and a resource whose table does not exist yet: nothing breaks
      changed = [4];
      const fresh = transformer(
        tickets,
        async function* (ticket) {
          yield mergeKeyScope({ ticket_id: Number(ticket.id) });
        },
        { name: 'other_notes', primaryKey: 'id', mergeKey: 'ticket_id', writeDisposition: 'merge' },
      );
      await pipeline().run([notes, fresh]);
      expect(byId(await read('notes')).map((r) => num(r.id))).toEqual([12]);
      expect(await target.readTable(dataset, 'other_notes')).not.toBeNull();
    });

    test('child tables: nested lists link to parent and root, objects flatten with __', {
      timeout,
    }, async () => {
      const { pipeline, read } = await setup();
      const res = items('orders', () => [
        {
          id: 1,
          customer: { name: 'Ann', address: { city: 'Oslo' } },
          lines: [
            { sku: 'a', qty: 2, notes: ['gift', 'fragile'] },
            { sku: 'b', qty: 1, notes: [] },
          ],
        },
      ]);
      await pipeline().run([res]);
      const [order] = await read('orders');
      expect(order?.customer__name).toBe('Ann');
      expect(order?.customer__address__city).toBe('Oslo');
      const lines = (await read('orders__lines')).sort(
        (a, b) => num(a._sluice_list_idx) - num(b._sluice_list_idx),
      );
      expect(lines.map((l) => [l.sku, num(l.qty), num(l._sluice_list_idx)])).toEqual([
        ['a', 2, 0],
        ['b', 1, 1],
      ]);
      for (const l of lines) {
        expect(l._sluice_parent_id).toBe(order?._sluice_id);
        expect(l._sluice_root_id).toBe(order?._sluice_id);
      }
      const notes = await read('orders__lines__notes');
      expect(notes.map((n) => n.value).sort()).toEqual(['fragile', 'gift']);
      for (const n of notes) {
        expect(n._sluice_parent_id).toBe(lines[0]?._sluice_id);
        expect(n._sluice_root_id).toBe(order?._sluice_id);
      }
    });

    test('evolution: new columns are added, conflicting values go to variant columns, versions increase', {
      timeout,
    }, async () => {
      const { pipeline, read, client } = await setup();
      let batch: Row[] = [{ id: 1, priority: 1 }];
      const res = items('tickets', () => batch);
      await pipeline().run([res]);
      batch = [{ id: 2, priority: 'high', source: 'email', created_at: '2024-05-01T10:00:00Z' }];
      const info = await pipeline().run([res]);
      expect(info.packages[0]?.newColumns.map((c) => c.column).sort()).toEqual([
        'created_at',
        'priority__v_text',
        'source',
      ]);
      const rows = byId(await read('tickets'));
      expect(num(rows[0]?.priority)).toBe(1);
      expect(rows[0]?.priority__v_text ?? null).toBeNull();
      expect(rows[1]?.priority ?? null).toBeNull();
      expect(rows[1]?.priority__v_text).toBe('high');
      expect(rows[1]?.source).toBe('email');
      expect(new Date(String(rows[1]?.created_at)).toISOString()).toBe('2024-05-01T10:00:00.000Z');
      // same shape again: no new version
      batch = [{ id: 3, priority: 'low', source: 'phone' }];
      const third = await pipeline().run([res]);
      expect(third.packages[0]?.schemaVersion).toBe(2);
      expect(third.packages[0]?.newColumns).toEqual([]);
      const c = await client();
      try {
        const stored = await c.getStoredSchema('conformance');
        expect(stored?.schema.version).toBe(2);
        const columns = stored?.schema.tables.tickets?.columns ?? {};
        expect(columns.priority?.dataType).toBe('bigint');
        expect(columns.priority__v_text?.variantOf).toBe('priority');
        expect(columns.created_at?.dataType).toBe('timestamp');
      } finally {
        await c.close();
      }
    });

    test('contracts: freeze rejects with a clear error and loads nothing; discard modes drop data', {
      timeout,
    }, async () => {
      const { pipeline, read, target, dataset } = await setup();
      let batch: Row[] = [{ id: 1, name: 'a' }];
      let contract: SchemaContractOption = 'evolve';
      const res = () => items('people', () => batch, { schemaContract: contract });
      await pipeline().run([res()]);

      batch = [{ id: 2, name: 'b', extra: 'x' }];
      contract = { columns: 'freeze' };
      await expect(pipeline().run([res()])).rejects.toThrow(SchemaContractError);
      await expect(pipeline().run([res()])).rejects.toThrow(/people.*extra.*freeze/s);
      expect((await read('people')).length).toBe(1);

      contract = { columns: 'discard_value' };
      await pipeline().run([res()]);
      let rows = byId(await read('people'));
      expect(rows.map((r) => num(r.id))).toEqual([1, 2]);
      expect('extra' in (rows[1] ?? {}) && rows[1]?.extra !== null).toBe(false);

      batch = [{ id: 3, name: 'c', extra: 'y' }];
      contract = { columns: 'discard_row' };
      await pipeline().run([res()]);
      rows = byId(await read('people'));
      expect(rows.map((r) => num(r.id))).toEqual([1, 2]);

      batch = [{ id: 4, name: 5 }];
      contract = { dataType: 'freeze' };
      await expect(pipeline().run([res()])).rejects.toThrow(/people.*name.*text.*bigint/s);
      contract = { tables: 'freeze' };
      await expect(
        pipeline().run([items('new_table', () => [{ id: 1 }], { schemaContract: contract })]),
      ).rejects.toThrow(/new_table/);

      // discard_row on types: the row with a value of another type is not loaded, the others are
      batch = [
        { id: 5, name: 6 },
        { id: 6, name: 'f' },
      ];
      contract = { dataType: 'discard_row' };
      const typed = await pipeline().run([res()]);
      expect(typed.packages[0]?.discardedRows).toEqual({ people: 1 });
      expect(byId(await read('people')).map((r) => num(r.id))).toEqual([1, 2, 6]);

      // discard_row on tables: a new table is neither created nor loaded, and the run succeeds
      const dropped = await pipeline().run([
        items('new_table', () => [{ id: 1 }, { id: 2 }], { schemaContract: { tables: 'discard_row' } }),
      ]);
      expect(dropped.packages[0]?.discardedRows).toEqual({ new_table: 2 });
      expect(await target.readTable(dataset, 'new_table')).toBeNull();
    });

    test('incremental: state round trip, filtering, dedup at the boundary', { timeout }, async () => {
      const { pipeline, read, client } = await setup();
      const source = [
        { id: 1, updated_at: '2024-01-01T00:00:00Z' },
        { id: 2, updated_at: '2024-01-02T00:00:00Z' },
      ];
      const seen: unknown[] = [];
      const res = resource(
        async function* (ctx) {
          seen.push(ctx.incremental?.lastValue);
          yield source;
        },
        {
          name: 'events',
          primaryKey: 'id',
          incremental: { cursor: 'updated_at', initialValue: '2023-12-31T00:00:00Z' },
        },
      );
      await pipeline().run([res]);
      source.push(
        { id: 3, updated_at: '2024-01-02T00:00:00Z' },
        { id: 4, updated_at: '2024-01-03T00:00:00Z' },
      );
      await pipeline().run([res]);
      await pipeline().run([res]);
      expect(seen).toEqual(['2023-12-31T00:00:00Z', '2024-01-02T00:00:00Z', '2024-01-03T00:00:00Z']);
      expect(byId(await read('events')).map((r) => num(r.id))).toEqual([1, 2, 3, 4]);
      const c = await client();
      try {
        const state = await c.getState('conformance');
        expect(state?.state.resources.events?.incremental?.lastValue).toBe('2024-01-03T00:00:00Z');
        expect(state?.state.resources.events?.incremental?.boundaryKeys.length).toBe(1);
      } finally {
        await c.close();
      }
    });

    test('crash mid-load: nothing is committed, the rerun loads the pending package exactly once', {
      timeout,
    }, async () => {
      const { pipeline, read, client, target } = await setup();
      let batch: Row[] = [{ id: 1, tags: ['a'] }];
      const res = resource(
        async function* (ctx) {
          yield batch.filter((r) => num(r.id) > num(ctx.incremental?.lastValue ?? 0));
        },
        { name: 'rows', primaryKey: 'id', incremental: { cursor: 'id', initialValue: 0 } },
      );
      await pipeline().run([res]);
      batch = [
        { id: 1, tags: ['a'] },
        { id: 2, tags: ['b', 'c'] },
      ];
      await expect(pipeline(failingDestination(target.destination, 'mid_load')).run([res])).rejects.toThrow(
        /Injected/,
      );
      expect((await read('rows')).map((r) => num(r.id))).toEqual([1]);
      expect((await read('rows__tags')).length).toBe(1);
      const c = await client();
      try {
        expect((await c.getState('conformance'))?.state.resources.rows?.incremental?.lastValue).toBe(1);
      } finally {
        await c.close();
      }
      batch.push({ id: 3, tags: [] });
      const info = await pipeline().run([res]);
      expect(info.packages.map((p) => p.resumed)).toEqual([true, false]);
      expect(byId(await read('rows')).map((r) => num(r.id))).toEqual([1, 2, 3]);
      expect((await read('rows__tags')).length).toBe(3);
    });

    test('crash after commit: the rerun does not load the package twice', { timeout }, async () => {
      const { pipeline, read, target } = await setup();
      const res = items('once', () => [{ id: 1 }, { id: 2 }]);
      await expect(
        pipeline(failingDestination(target.destination, 'after_commit')).run([res]),
      ).rejects.toThrow(/Injected/);
      expect((await read('once')).length).toBe(2);
      const info = await pipeline().run([items('other', () => [{ id: 9 }])]);
      expect(info.packages[0]?.alreadyLoaded).toBe(true);
      expect((await read('once')).length).toBe(2);
      expect((await read('other')).length).toBe(1);
    });

    test('data types: every logical type round-trips', { timeout }, async () => {
      const { pipeline, read } = await setup();
      const record: Row = {
        id: 1,
        text: 'héllo "world"\n',
        big: 2n ** 60n,
        huge: 2n ** 70n,
        ratio: 0.125,
        flag: true,
        at: '2024-02-29T23:59:58.123Z',
        at_offset: '2024-03-01T01:00:00+02:00',
        day: '2024-02-29',
        clock: '13:14:15',
        doc: { a: [1, 'two', null], b: { c: true } },
        bytes: new Uint8Array([0, 1, 254, 255]),
      };
      await pipeline().run([
        resource([record], {
          name: 'types',
          columns: { clock: { dataType: 'time' }, doc: { dataType: 'json' } },
        }),
      ]);
      const [row] = await read('types');
      expect(row?.text).toBe(record.text);
      expect(String(row?.big)).toBe('1152921504606846976');
      expect(String(row?.huge).replace(/\.0+$/, '')).toBe('1180591620717411303424');
      expect(num(row?.ratio)).toBe(0.125);
      expect(row?.flag).toBe(true);
      expect(new Date(String(row?.at)).toISOString()).toBe('2024-02-29T23:59:58.123Z');
      expect(new Date(String(row?.at_offset)).toISOString()).toBe(
        '2024-02-28T23:00:00.000Z'.replace('02-28', '02-29'),
      );
      expect(String(row?.day).slice(0, 10)).toBe('2024-02-29');
      expect(String(row?.clock).slice(0, 8)).toBe('13:14:15');
      const doc = typeof row?.doc === 'string' ? JSON.parse(row.doc) : row?.doc;
      expect(doc).toEqual(record.doc);
      expect(plain(row?.bytes)).toBe(Buffer.from([0, 1, 254, 255]).toString('base64'));
    });

    test('many files per table: a package with rotated files loads every row once', { timeout }, async () => {
      const { pipeline, read } = await setup();
      const rows = Array.from({ length: 3000 }, (_, i) => ({ id: i, pad: `row ${i} ${'x'.repeat(40)}` }));
      const info = await pipeline(undefined, { fileMaxBytes: 32 * 1024 }).run([
        resource(rows, { name: 'many', primaryKey: 'id', writeDisposition: 'merge' }),
      ]);
      expect(info.rows.many).toBe(3000);
      const back = await read('many');
      expect(back.length).toBe(3000);
      expect(new Set(back.map((r) => num(r.id))).size).toBe(3000);
    });

    test('identifier torture: reserved words, unicode, quotes and 300-character names', {
      timeout,
    }, async () => {
      const { pipeline, read, client, target } = await setup();
      const long = `x${'y'.repeat(299)}`;
      const record: Row = {
        select: 1,
        order: 'o',
        group: true,
        'Custom Field ñ': 'accent',
        'quote"d': 'double',
        "it's": 'single',
        'back`tick': 'tick',
        日本語: 'kanji',
        '1st': 'digit',
        [long]: 'long',
        'semi;colon--comment': 'sql',
      };
      // a 300-character table name (and its child table's, longer still), with a merge through staging
      const longTable = `T${'able'.repeat(74)}ñ"'x`;
      await pipeline().run([
        items('select', () => [record]),
        items('order by "x"', () => [{ [long]: { [long]: 1 } }]),
        items(longTable, () => [{ id: 1, tags: ['a', 'b'] }, { id: 2 }], {
          writeDisposition: 'merge',
          primaryKey: 'id',
        }),
      ]);
      const c = await client();
      let schema: Awaited<ReturnType<typeof c.getStoredSchema>>;
      try {
        schema = await c.getStoredSchema('conformance');
      } finally {
        await c.close();
      }
      const table = schema?.schema.tables.select;
      expect(table).toBeDefined();
      const [row] = await read('select');
      const byValue = new Map(Object.entries(row ?? {}).map(([k, v]) => [String(v), k]));
      for (const value of ['o', 'accent', 'double', 'single', 'tick', 'kanji', 'digit', 'long', 'sql']) {
        expect(byValue.has(value), `value ${value} read back`).toBe(true);
      }
      expect(num(row?.select)).toBe(1);
      expect(row?.custom_field_n).toBe('accent');
      const max = target.destination.capabilities.maxIdentifierLength;
      for (const name of Object.keys(row ?? {})) expect(name.length).toBeLessThanOrEqual(max);
      const other = Object.keys(schema?.schema.tables ?? {}).find((t) => t.startsWith('order_by'));
      expect(other).toBeDefined();
      const [nested] = await read(other!);
      expect(Object.values(nested ?? {}).map(num)).toContain(1);

      const longTables = Object.values(schema?.schema.tables ?? {}).filter((t) => t.resource === longTable);
      expect(longTables).toHaveLength(2);
      for (const t of longTables) expect(t.name.length).toBeLessThanOrEqual(max);
      const longRoot = longTables.find((t) => t.parent === undefined)!;
      const longChild = longTables.find((t) => t.parent !== undefined)!;
      expect(longRoot.name.startsWith('tableable')).toBe(true);
      // a second merge replaces row 1 and its child rows, and deletes row 2 by a declared scope, through the
      // staging tables of the long names (the scope's is longer still)
      await pipeline().run([
        resource([{ id: 1, tags: ['c'] }, mergeKeyScope({ id: 2 })], {
          name: longTable,
          writeDisposition: 'merge',
          primaryKey: 'id',
        }),
      ]);
      expect((await read(longRoot.name)).map((r) => num(r.id))).toEqual([1]);
      expect((await read(longChild.name)).map((r) => r.value)).toEqual(['c']);
    });
  });
}
