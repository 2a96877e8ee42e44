import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createPipeline, type PipelineEvent, resource, transformer } from '../src/index.js';
import { MemoryDestination } from '../src/testing/index.js';
import { tempDir } from './helpers.js';

describe('resources', () => {
  it('accept arrays, sync and async iterables of records or pages, and functions returning them', async () => {
    const destination = new MemoryDestination();
    const workingDir = await tempDir();
    const info = await createPipeline({ name: 'p', destination, workingDir }).run([
      resource([{ id: 1 }, [{ id: 2 }, { id: 3 }]], { name: 'plain' }),
      resource(
        function* () {
          yield [{ id: 1 }];
          yield { id: 2 };
        },
        { name: 'sync_fn' },
      ),
      resource(
        async () =>
          (async function* () {
            yield [{ id: 1 }, { id: 2 }];
          })(),
        { name: 'async_fn', tableName: 'Renamed Table' },
      ),
    ]);
    expect(info.rows).toEqual({ plain: 3, sync_fn: 2, renamed_table: 2 });
  });

  it('runs at most `concurrency` root resources at once', async () => {
    let active = 0;
    let peak = 0;
    const slow = (name: string) =>
      resource(
        async function* () {
          active++;
          peak = Math.max(peak, active);
          for (let i = 0; i < 3; i++) {
            await new Promise((r) => setTimeout(r, 5));
            yield { i };
          }
          active--;
        },
        { name },
      );
    const workingDir = await tempDir();
    await createPipeline({ name: 'p', destination: new MemoryDestination(), workingDir, concurrency: 2 }).run(
      ['a', 'b', 'c', 'd', 'e'].map(slow),
    );
    expect(peak).toBe(2);
  });

  it('feeds transformers with parent records (and runs the parent when only the child is listed)', async () => {
    const destination = new MemoryDestination();
    const tickets = resource([{ id: 1 }, { id: 2 }], { name: 'tickets' });
    const conversations = transformer(
      tickets,
      async function* (t) {
        yield [{ ticket_id: t.id, n: 1 }];
        yield { ticket_id: t.id, n: 2 };
      },
      { name: 'conversations' },
    );
    const attachments = transformer(conversations, (c) => (c.n === 2 ? { of: c.ticket_id } : undefined), {
      name: 'attachments',
    });
    const info = await createPipeline({ name: 'p', destination, workingDir: await tempDir() }).run([
      attachments,
    ]);
    expect(info.rows).toEqual({ tickets: 2, conversations: 4, attachments: 2 });
  });

  it('rejects bad records and duplicate names with actionable errors', async () => {
    const workingDir = await tempDir();
    const pipeline = createPipeline({ name: 'p', destination: new MemoryDestination(), workingDir });
    await expect(pipeline.run([resource([1 as unknown as object], { name: 'nums' })])).rejects.toThrow(
      /Resource "nums" yielded number where a record/,
    );
    await expect(pipeline.run([resource([], { name: 'x' }), resource([], { name: 'x' })])).rejects.toThrow(
      /Two resources are named "x"/,
    );
    expect(() => resource([], { name: '' })).toThrow(/non-empty `name`/);
  });

  it('stops extraction when the signal aborts', async () => {
    const controller = new AbortController();
    const endless = resource(
      async function* () {
        for (let i = 0; ; i++) {
          if (i === 10) controller.abort(new Error('stop now'));
          yield { i };
        }
      },
      { name: 'endless' },
    );
    const destination = new MemoryDestination();
    await expect(
      createPipeline({ name: 'p', destination, workingDir: await tempDir() }).run([endless], {
        signal: controller.signal,
      }),
    ).rejects.toThrow(/stop now/);
    expect(destination.packages).toHaveLength(0);
  });

  it('refuses a second run while one is in progress', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const waiting = resource(
      async function* () {
        await gate;
        yield { a: 1 };
      },
      { name: 'w' },
    );
    const pipeline = createPipeline({
      name: 'p',
      destination: new MemoryDestination(),
      workingDir: await tempDir(),
    });
    const first = pipeline.run([waiting]);
    await expect(pipeline.run([waiting])).rejects.toThrow(/already running/);
    release();
    await first;
  });
});

describe('row ids', () => {
  it('never repeat across packages: each is its load id and a counter', async () => {
    const destination = new MemoryDestination();
    const workingDir = await tempDir();
    const res = resource(
      function* () {
        yield [
          { id: 1, tags: ['a', 'b'] },
          { id: 2, tags: ['c'] },
        ];
      },
      { name: 'items' },
    );
    for (let i = 0; i < 4; i++) await createPipeline({ name: 'p', destination, workingDir }).run([res]);
    const rows = [
      ...(destination.readTable('p', 'items') ?? []),
      ...(destination.readTable('p', 'items__tags') ?? []),
    ];
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((r) => r._sluice_id)).size).toBe(20);
    for (const r of rows)
      expect(String(r._sluice_id)).toMatch(
        new RegExp(`^${String(r._sluice_load_id).replace('.', '\\.')}\\.[0-9a-z]{8}$`),
      );
  });
});

describe('packages and events', () => {
  it('rotates data files at the size bound', async () => {
    const destination = new MemoryDestination();
    const records = Array.from({ length: 200 }, (_, i) => ({ id: i, text: 'x'.repeat(50) }));
    await createPipeline({ name: 'p', destination, workingDir: await tempDir(), fileMaxBytes: 2000 }).run([
      resource(records, { name: 'big' }),
    ]);
    const files = destination.packages[0]?.tables[0]?.files ?? [];
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect(f.bytes).toBeLessThanOrEqual(2000);
    expect(files.reduce((n, f) => n + f.rows, 0)).toBe(200);
    expect(destination.readTable('p', 'big')).toHaveLength(200);
  });

  it('writes data files in the documented JSONL encoding', async () => {
    const destination = new MemoryDestination();
    await createPipeline({
      name: 'p',
      destination,
      workingDir: await tempDir(),
      keepLoadedPackages: true,
    }).run([
      resource(
        [
          {
            n: 2n ** 60n,
            d: new Date(Date.UTC(2024, 0, 2)),
            b: new Uint8Array([1, 2, 3]),
            j: { x: [1] },
            day: '2024-01-02',
          },
        ],
        { name: 'enc', maxNestingDepth: 0 },
      ),
    ]);
    const file = destination.packages[0]?.tables[0]?.files[0];
    // the package moved from loading/ to loaded/ after the load
    const path = String(file?.path).replace('/loading/', '/loaded/');
    const row = JSON.parse((await readFile(path, 'utf8')).trim());
    expect(row).toMatchObject({
      n: '1152921504606846976',
      d: '2024-01-02T00:00:00.000Z',
      b: 'AQID',
      j: { x: [1] },
      day: '2024-01-02',
    });
    const columns = destination.packages[0]?.schema.tables.enc?.columns ?? {};
    expect([columns.n?.dataType, columns.d?.dataType, columns.b?.dataType, columns.j?.dataType]).toEqual([
      'bigint',
      'timestamp',
      'binary',
      'json',
    ]);
    expect(columns.day?.dataType).toBe('date');
  });

  it('emits structured progress events and returns load info', async () => {
    const events: PipelineEvent[] = [];
    const info = await createPipeline({
      name: 'p',
      destination: new MemoryDestination(),
      workingDir: await tempDir(),
      onEvent: (e) => events.push(e),
    }).run([
      resource(
        Array.from({ length: 2500 }, (_, i) => ({ i })),
        { name: 'r' },
      ),
    ]);
    expect(events.map((e) => e.type)).toEqual([
      'run_started',
      'resource_started',
      'rows_extracted',
      'rows_extracted',
      'rows_extracted',
      'resource_completed',
      'package_extracted',
      'package_normalized',
      'schema_migrated',
      'file_loaded',
      'table_loaded',
      'state_committed',
      'package_loaded',
      'run_completed',
    ]);
    expect(
      events.filter((e) => e.type === 'rows_extracted').map((e) => (e as { rows: number }).rows),
    ).toEqual([1000, 2000, 2500]);
    expect(info.packages[0]).toMatchObject({ rows: { r: 2500 }, newTables: ['r'], schemaVersion: 1 });
    expect(info.packages[0]?.durations.loadMs).toBeGreaterThanOrEqual(0);
  });
});

describe('resource state', () => {
  it('commits free-form state with the data and hands it back next run', async () => {
    const destination = new MemoryDestination();
    const workingDir = await tempDir();
    const seen: unknown[] = [];
    const r = resource(
      async function* (ctx) {
        seen.push(ctx.state.page);
        ctx.state.page = Number(ctx.state.page ?? 0) + 1;
        yield { id: 1 };
      },
      { name: 'stateful' },
    );
    const pipeline = createPipeline({ name: 'p', destination, workingDir });
    await pipeline.run([r]);
    await pipeline.run([r]);
    expect(seen).toEqual([undefined, 1]);
    const client = await destination.connect({ dataset: 'p', pipelineName: 'p' });
    expect((await client.getState('p'))?.state.resources.stateful).toEqual({ page: 2 });
  });
});

describe('write disposition changes', () => {
  it('switching a resource to replace also empties its stored child tables without rows this time', async () => {
    const destination = new MemoryDestination();
    const workingDir = await tempDir();
    const pipeline = createPipeline({ name: 'p', destination, workingDir });
    await pipeline.run([resource([{ id: 1, tags: ['a'] }], { name: 'r' })]);
    await pipeline.run([resource([{ id: 2 }], { name: 'r', writeDisposition: 'replace' })]);
    expect(destination.readTable('p', 'r')?.map((row) => row.id)).toEqual([2]);
    expect(destination.readTable('p', 'r__tags')).toEqual([]);
  });
});

describe('a failing resource among several', () => {
  it('stops the others and rejects only when every resource has ended', async () => {
    let ticks = 0;
    let ended = false;
    const endless = resource(
      async function* () {
        try {
          for (;;) {
            ticks++;
            await new Promise((r) => setTimeout(r, 1));
            yield { ticks };
          }
        } finally {
          ended = true;
        }
      },
      { name: 'endless' },
    );
    const failing = resource(
      async function* () {
        while (ticks < 5) await new Promise((r) => setTimeout(r, 1));
        throw new Error('source broke');
      },
      { name: 'failing' },
    );
    const destination = new MemoryDestination();
    await expect(
      createPipeline({ name: 'p', destination, workingDir: await tempDir() }).run([endless, failing]),
    ).rejects.toThrow('Resource "failing" failed during extraction: source broke');
    expect(ended).toBe(true);
    expect(destination.packages).toHaveLength(0);
  });
});

describe('transformer concurrency', () => {
  it('keeps up to `concurrency` calls in flight and loads every result', async () => {
    let active = 0;
    let peak = 0;
    let arrived = 0;
    let openBarrier: () => void = () => {};
    const barrier = new Promise<void>((r) => {
      openBarrier = r;
    });
    const parents = resource(
      Array.from({ length: 12 }, (_, i) => ({ id: i })),
      { name: 'parents' },
    );
    const children = transformer(
      parents,
      async (p) => {
        active++;
        peak = Math.max(peak, active);
        // the first three calls wait for each other: this only finishes if three run at once
        arrived++;
        if (arrived === 3) openBarrier();
        if (arrived <= 3) await barrier;
        await new Promise((r) => setTimeout(r, 1));
        active--;
        return [
          { parent: p.id, n: 1 },
          { parent: p.id, n: 2 },
        ];
      },
      { name: 'children', concurrency: 3 },
    );
    const destination = new MemoryDestination();
    const info = await createPipeline({ name: 'p', destination, workingDir: await tempDir() }).run([
      children,
    ]);
    expect(peak).toBe(3);
    expect(info.rows).toEqual({ parents: 12, children: 24 });
    const parentsSeen = new Set(destination.readTable('p', 'children')?.map((r) => r.parent));
    expect(parentsSeen.size).toBe(12);
  });

  it('a failing concurrent call fails the run with the transformer named', async () => {
    const parents = resource(
      Array.from({ length: 6 }, (_, i) => ({ id: i })),
      { name: 'parents' },
    );
    const children = transformer(
      parents,
      async (p) => {
        await new Promise((r) => setTimeout(r, 2));
        if (p.id === 3) throw new Error('404 for parent 3');
        return { parent: p.id };
      },
      { name: 'children', concurrency: 4 },
    );
    await expect(
      createPipeline({ name: 'p', destination: new MemoryDestination(), workingDir: await tempDir() }).run([
        children,
      ]),
    ).rejects.toThrow('Resource "children" failed during extraction: 404 for parent 3');
  });
});

describe('backfill windows', () => {
  it('a resource with an end value loads its window and leaves the stored cursor alone', async () => {
    const destination = new MemoryDestination();
    const workingDir = await tempDir();
    const data = Array.from({ length: 10 }, (_, n) => ({ id: n, n }));
    const pipeline = createPipeline({ name: 'p', destination, workingDir });
    await pipeline.run([
      resource(data.slice(6), { name: 'r', primaryKey: 'id', incremental: { cursor: 'n', initialValue: 0 } }),
    ]);
    await pipeline.run([
      resource(data, {
        name: 'r',
        primaryKey: 'id',
        incremental: { cursor: 'n', initialValue: 2, endValue: 5 },
      }),
    ]);
    expect(destination.readTable('p', 'r')?.map((row) => row.n)).toEqual([6, 7, 8, 9, 2, 3, 4]);
    const client = await destination.connect({ dataset: 'p', pipelineName: 'p' });
    expect((await client.getState('p'))?.state.resources.r?.incremental?.lastValue).toBe(9);
  });
});

describe('rowOrder', () => {
  /** Yields `values` as records one by one, and throws if asked for a record after them. */
  const strict = (values: readonly number[]) =>
    async function* () {
      for (const n of values) yield { id: n, n };
      throw new Error('pulled past the point where extraction should have stopped');
    };

  it("'desc' stops extraction at the first record before the start value", async () => {
    const destination = new MemoryDestination();
    const workingDir = await tempDir();
    const pipeline = createPipeline({ name: 'p', destination, workingDir });
    const options = { name: 'r', primaryKey: 'id', writeDisposition: 'merge' } as const;
    await pipeline.run([resource([{ id: 5, n: 5 }], { ...options, incremental: { cursor: 'n' } })]);
    // the stored last value is 5; with a lookback of 2 the start value is 3: 2 is the first record before it
    const info = await pipeline.run([
      resource(strict([9, 8, 5, 4, 3, 2]), {
        ...options,
        incremental: { cursor: 'n', lookback: 2, rowOrder: 'desc' },
      }),
    ]);
    // 5, at the last value, is re-read with the lookback window (no boundary dedup) and merged over itself.
    expect(info.rows.r).toBe(5);
    expect(
      destination
        .readTable('p', 'r')
        ?.map((row) => row.n)
        .sort(),
    ).toEqual([3, 4, 5, 8, 9]);
  });

  it("'asc' stops extraction at the first record at or beyond the end value", async () => {
    const destination = new MemoryDestination();
    const workingDir = await tempDir();
    const info = await createPipeline({ name: 'p', destination, workingDir }).run([
      resource(strict([1, 2, 3, 4]), {
        name: 'r',
        incremental: { cursor: 'n', initialValue: 2, endValue: 4, rowOrder: 'asc' },
      }),
    ]);
    expect(destination.readTable('p', 'r')?.map((row) => row.n)).toEqual([2, 3]);
    expect(info.rows.r).toBe(2);
  });

  it('without rowOrder the same source is read to its end (and here fails): the order hint is what stops it', async () => {
    const workingDir = await tempDir();
    await expect(
      createPipeline({ name: 'p', destination: new MemoryDestination(), workingDir }).run([
        resource(strict([1, 2, 3, 4]), {
          name: 'r',
          incremental: { cursor: 'n', initialValue: 2, endValue: 4 },
        }),
      ]),
    ).rejects.toThrow(/pulled past/);
  });
});

describe('destination capabilities reach normalization', () => {
  it('reserved prefixes and the decimal range come from the destination', async () => {
    const destination = new MemoryDestination({
      capabilities: { reservedPrefixes: ['SYS_'], decimal: { precision: 10, scale: 2 } },
    });
    const workingDir = await tempDir();
    await createPipeline({ name: 'p', destination, workingDir }).run([
      resource([{ sys_id: 1, big: 2n ** 70n, ok: 2n ** 64n }], { name: 'r' }),
    ]);
    const columns = destination.packages[0]?.schema.tables.r?.columns ?? {};
    expect(columns.x_sys_id?.dataType).toBe('bigint');
    expect(columns.sys_id).toBeUndefined();
    // DECIMAL(10, 2) holds 8 integer digits: 2^64 does not fit, so it is text as well
    expect(columns.big?.dataType).toBe('text');
    expect(columns.ok?.dataType).toBe('text');
    expect(destination.readTable('p', 'r')?.[0]).toMatchObject({
      x_sys_id: 1,
      big: (2n ** 70n).toString(),
      ok: (2n ** 64n).toString(),
    });
  });
});
