import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createPipeline,
  isMergeKeyScope,
  mergeKeyScope,
  type PipelineEvent,
  resource,
  SimulatedCrashError,
  transformer,
} from '../src/index.js';
import { MemoryDestination } from '../src/testing/index.js';
import { tempDir } from './helpers.js';

type Row = Record<string, unknown>;

/** Tickets and their notes, replaced per ticket (merge key) with a scope per changed ticket. */
function world() {
  const notesOf = new Map<number, Row[]>([
    [1, [{ id: 11, ticket_id: 1 }]],
    [2, [{ id: 21, ticket_id: 2 }]],
  ]);
  const state = { changed: [1, 2] };
  const tickets = resource(
    async function* () {
      yield state.changed.map((id) => ({ id }));
    },
    { name: 'tickets', primaryKey: 'id', writeDisposition: 'merge' },
  );
  const notes = transformer(
    tickets,
    async function* (ticket) {
      yield notesOf.get(Number(ticket.id)) ?? [];
      yield mergeKeyScope({ ticket_id: ticket.id });
    },
    { name: 'notes', primaryKey: 'id', mergeKey: 'ticket_id', writeDisposition: 'merge' },
  );
  return { notesOf, state, notes };
}

const ids = (rows: Row[] | null) => (rows ?? []).map((r) => r.id).sort();

describe('mergeKeyScope', () => {
  it('is a branded marker that needs an object', () => {
    expect(isMergeKeyScope(mergeKeyScope({ ticket_id: 1 }))).toBe(true);
    expect(isMergeKeyScope({ ticket_id: 1 })).toBe(false);
    expect(() => mergeKeyScope(null as never)).toThrow(/mergeKeyScope\(\{ ticket_id: 42 \}\)/);
  });

  it.each(['package_extracted', 'package_normalized'] as const)(
    'is stored in the package: a run that crashed at %s deletes the same rows when resumed',
    async (crashAt) => {
      const destination = new MemoryDestination();
      const workingDir = await tempDir();
      const { notesOf, state, notes } = world();
      await createPipeline({ name: 'p', destination, workingDir }).run([notes]);
      notesOf.set(2, []);
      state.changed = [2];
      await expect(
        createPipeline({ name: 'p', destination, workingDir, __testCrashAt: crashAt }).run([notes]),
      ).rejects.toThrow(SimulatedCrashError);
      expect(ids(destination.readTable('p', 'notes'))).toEqual([11, 21]);
      // the source no longer knows the change: only the pending package can delete note 21
      state.changed = [];
      const info = await createPipeline({ name: 'p', destination, workingDir }).run([]);
      expect(info.packages.map((p) => p.resumed)).toEqual([true]);
      expect(ids(destination.readTable('p', 'notes'))).toEqual([11]);
    },
  );

  it('writes scope rows keyed by the delete key column, encoded like its values, and they match', async () => {
    const destination = new MemoryDestination();
    const workingDir = await tempDir();
    let batch: object[] = [
      { id: 1, day: '2024-01-01T00:00:00+01:00' },
      { id: 2, day: '2024-01-02T00:00:00+01:00' },
      { id: 3, day: '2024-01-03T00:00:00+01:00' },
    ];
    const days = resource(
      async function* () {
        yield batch;
      },
      { name: 'days', primaryKey: 'id', mergeKey: 'day', writeDisposition: 'merge' },
    );
    const pipeline = () => createPipeline({ name: 'p', destination, workingDir, keepLoadedPackages: true });
    await pipeline().run([days]);
    batch = [
      // a Date and a string in another zone for the instants of rows 1 and 2: both match them
      mergeKeyScope({ day: new Date('2023-12-31T23:00:00Z') }),
      mergeKeyScope({ day: '2024-01-02T01:00:00+02:00' }),
      // a value its column (timestamp) cannot hold matches no row: left out
      mergeKeyScope({ day: 'not a time' }),
    ];
    await pipeline().run([days]);
    expect(ids(destination.readTable('p', 'days'))).toEqual([3]);
    const scope = destination.packages[1]?.tables.find((t) => t.table === 'days')?.mergeKeyScope ?? [];
    // (the package has moved from loading/ to loaded/ since)
    const texts = await Promise.all(
      scope.map((f) => readFile(f.path.replace('/loading/', '/loaded/'), 'utf8')),
    );
    const rows = texts
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Row);
    expect(rows.map((r) => Object.keys(r))).toEqual([['day'], ['day']]);
    expect(rows.map((r) => new Date(String(r.day)).toISOString())).toEqual([
      '2023-12-31T23:00:00.000Z',
      '2024-01-01T23:00:00.000Z',
    ]);
  });

  it('bypasses the incremental cursor of a root resource and never counts as a record', async () => {
    const destination = new MemoryDestination();
    const workingDir = await tempDir();
    let batch: object[] = [
      { id: 1, part: 'a', at: 5 },
      { id: 2, part: 'b', at: 5 },
    ];
    const events: PipelineEvent[] = [];
    const parts = resource(
      async function* () {
        yield batch;
      },
      {
        name: 'parts',
        primaryKey: 'id',
        mergeKey: 'part',
        writeDisposition: 'merge',
        incremental: { cursor: 'at' },
      },
    );
    await createPipeline({ name: 'p', destination, workingDir }).run([parts]);
    // partition b was re-read and is empty now; the cursor would skip anything before 5
    batch = [{ id: 3, part: 'c', at: 6 }, mergeKeyScope({ part: 'b' })];
    await createPipeline({ name: 'p', destination, workingDir, onEvent: (e) => events.push(e) }).run([parts]);
    expect(ids(destination.readTable('p', 'parts'))).toEqual([1, 3]);
    const done = events.find((e) => e.type === 'resource_completed');
    expect(done).toMatchObject({ resource: 'parts', rows: 1 });
  });

  it('is ignored by resources that do not merge by a key', async () => {
    const destination = new MemoryDestination();
    const workingDir = await tempDir();
    const make = (writeDisposition: 'append' | 'replace' | 'merge') =>
      resource([{ id: 1 }, mergeKeyScope({ id: 1 })], { name: `r_${writeDisposition}`, writeDisposition });
    const info = await createPipeline({ name: 'p', destination, workingDir, keepLoadedPackages: true }).run([
      make('append'),
      make('replace'),
      make('merge'),
    ]);
    expect(info.rows).toEqual({ r_append: 1, r_replace: 1, r_merge: 1 });
    const extracted = await readdir(join(workingDir, 'loaded', info.packages[0]!.loadId, 'extracted'));
    expect(extracted.filter((f) => f.startsWith('s'))).toEqual([]);
  });

  it('names the resource and the key when a scope lacks a key value or holds an object', async () => {
    const workingDir = await tempDir();
    const run = (scope: Record<string, unknown>) =>
      createPipeline({ name: 'p', destination: new MemoryDestination(), workingDir }).run([
        resource([mergeKeyScope(scope)], {
          name: 'notes',
          primaryKey: 'id',
          mergeKey: ['ticket_id', 'a.b'],
          writeDisposition: 'merge',
        }),
      ]);
    await expect(run({ ticket_id: 1 })).rejects.toThrow(
      /mergeKeyScope\(\) of resource "notes" has no value for its merge key "a\.b"/,
    );
    await expect(run({ ticket_id: { x: 1 }, a: { b: 1 } })).rejects.toThrow(
      /object or list for its merge key "ticket_id"/,
    );
    // nested key paths are read like record paths (or given by their path)
    await expect(run({ ticket_id: 1, a: { b: 2 } })).resolves.toBeDefined();
    await expect(run({ ticket_id: 1, 'a.b': 2 })).resolves.toBeDefined();
  });
});
