import { spawnSync } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createPipeline, type PipelineEvent, resource } from '../src/index.js';
import { MemoryDestination } from '../src/testing/index.js';
import { tempDir } from './helpers.js';

/** A counter resource: ids above the stored cursor, up to `upTo`. */
function counter(upTo: () => number) {
  return resource(
    async function* (ctx) {
      const from = Number(ctx.incremental?.lastValue ?? 0);
      for (let id = from + 1; id <= upTo(); id++) yield { id, tags: [`t${id}`] };
    },
    { name: 'items', primaryKey: 'id', incremental: { cursor: 'id', initialValue: 0 } },
  );
}

async function states(workingDir: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const s of ['extracted', 'normalized', 'loading', 'loaded']) {
    out[s] = await readdir(join(workingDir, s)).catch(() => []);
  }
  return out;
}

describe('crash and resume', () => {
  it.each([
    ['package_extracted', 'extracted'],
    ['package_normalized', 'normalized'],
    ['table_loaded', 'loading'],
  ] as const)(
    'after a crash at %s the next run finishes the pending package first, exactly once',
    async (at, state) => {
      const destination = new MemoryDestination();
      const workingDir = await tempDir();
      let upTo = 3;
      const items = counter(() => upTo);
      const crashing = createPipeline({ name: 'p', destination, workingDir, __testCrashAt: at });
      await expect(crashing.run([items])).rejects.toThrow(/simulated crash/);
      const pending = await states(workingDir);
      expect(pending[state]).toHaveLength(1);
      expect(destination.readTable('p', 'items')).toBeNull();

      upTo = 5;
      const events: PipelineEvent[] = [];
      const info = await createPipeline({
        name: 'p',
        destination,
        workingDir,
        onEvent: (e) => events.push(e),
      }).run([items]);
      expect(info.packages.map((p) => [p.resumed, p.rows.items])).toEqual([
        [true, 3],
        [false, 2],
      ]);
      // the pending package is loaded before anything new is extracted
      const types = events.map((e) => e.type);
      expect(types.indexOf('package_loaded')).toBeLessThan(types.indexOf('resource_started'));
      const ids = destination.readTable('p', 'items')?.map((r) => r.id);
      expect(ids).toEqual([1, 2, 3, 4, 5]);
      expect(destination.readTable('p', 'items__tags')).toHaveLength(5);
      expect(await states(workingDir)).toEqual({ extracted: [], normalized: [], loading: [], loaded: [] });
    },
  );

  it('a package committed before the crash is marked loaded without loading it again', async () => {
    const destination = new MemoryDestination();
    const workingDir = await tempDir();
    const items = counter(() => 2);
    await expect(
      createPipeline({ name: 'p', destination, workingDir, __testCrashAt: 'state_committed' }).run([items]),
    ).rejects.toThrow(/simulated crash/);
    expect((await states(workingDir)).loading).toHaveLength(1);
    expect(destination.readTable('p', 'items')).toHaveLength(2);

    const info = await createPipeline({ name: 'p', destination, workingDir }).run([items]);
    expect(info.packages[0]).toMatchObject({ resumed: true, alreadyLoaded: true, rows: { items: 2 } });
    expect(destination.packages).toHaveLength(2);
    expect(destination.readTable('p', 'items')).toHaveLength(2);
  });

  it('a failed load leaves data and state untouched and is retried', async () => {
    const destination = new MemoryDestination({ failAt: (step) => step === 'commit' });
    const workingDir = await tempDir();
    let upTo = 2;
    const items = counter(() => upTo);
    const pipeline = createPipeline({ name: 'p', destination, workingDir });
    await expect(pipeline.run([items])).rejects.toThrow(/Injected failure at commit/);
    expect(destination.readTable('p', 'items')).toBeNull();
    destination.setFailAt(undefined);
    upTo = 3;
    const info = await pipeline.run([items]);
    expect(info.rows).toEqual({ items: 3, items__tags: 3 });
    expect(destination.readTable('p', 'items')?.map((r) => r.id)).toEqual([1, 2, 3]);
  });

  it('keeps loaded packages when asked, with their data files', async () => {
    const destination = new MemoryDestination();
    const workingDir = await tempDir();
    const info = await createPipeline({ name: 'p', destination, workingDir, keepLoadedPackages: true }).run([
      counter(() => 1),
    ]);
    const loadId = info.packages[0]?.loadId as string;
    expect((await states(workingDir)).loaded).toEqual([loadId]);
    const files = await readdir(join(workingDir, 'loaded', loadId, 'normalized'));
    expect(files.length).toBe(2);
  });

  it('drops a package whose data breaks a frozen contract, so later runs are not blocked', async () => {
    const destination = new MemoryDestination();
    const workingDir = await tempDir();
    const make = (contract: 'freeze' | 'evolve', extra: boolean) =>
      resource([{ id: 1, ...(extra ? { extra: 1 } : {}) }], {
        name: 'r',
        schemaContract: { columns: contract },
      });
    await createPipeline({ name: 'p', destination, workingDir }).run([make('evolve', false)]);
    await expect(
      createPipeline({ name: 'p', destination, workingDir }).run([make('freeze', true)]),
    ).rejects.toThrow(/freezes columns/);
    expect(await states(workingDir)).toEqual({ extracted: [], normalized: [], loading: [], loaded: [] });
    const info = await createPipeline({ name: 'p', destination, workingDir }).run([make('evolve', true)]);
    expect(info.packages).toHaveLength(1);
    expect(info.packages[0]?.newColumns).toEqual([{ table: 'r', column: 'extra', dataType: 'bigint' }]);
  });
});

describe('event listener errors', () => {
  it('a throwing listener does not abort the run and is reported once per run', async () => {
    const destination = new MemoryDestination();
    const workingDir = await tempDir();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      let calls = 0;
      const pipeline = createPipeline({
        name: 'p',
        destination,
        workingDir,
        onEvent: () => {
          calls++;
          throw new Error('renderer bug');
        },
      });
      const info = await pipeline.run([counter(() => 3)]);
      expect(info.rows).toEqual({ items: 3, items__tags: 3 });
      expect(destination.readTable('p', 'items')).toHaveLength(3);
      expect(calls).toBeGreaterThan(5);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toMatch(
        /onEvent listener .* threw at "run_started" \(renderer bug\)/,
      );
      await pipeline.run([counter(() => 4)]);
      expect(warn).toHaveBeenCalledTimes(2);
      expect(await states(workingDir)).toEqual({ extracted: [], normalized: [], loading: [], loaded: [] });
    } finally {
      warn.mockRestore();
    }
  });
});

describe('run lock', () => {
  it('keeps a second process (or pipeline object) out of a working directory in use', async () => {
    const workingDir = await tempDir();
    const destination = new MemoryDestination();
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let started: () => void = () => {};
    const running = new Promise<void>((r) => {
      started = r;
    });
    const waiting = resource(
      async function* () {
        started();
        await gate;
        yield { a: 1 };
      },
      { name: 'w' },
    );
    const first = createPipeline({ name: 'p', destination, workingDir }).run([waiting]);
    // extraction has begun, so the first run holds the lock
    await running;
    await expect(createPipeline({ name: 'p', destination, workingDir }).run([waiting])).rejects.toThrow(
      new RegExp(`already running \\(process ${process.pid}`),
    );
    release();
    await first;
    // released: the next run proceeds
    await createPipeline({ name: 'p', destination, workingDir }).run([resource([{ a: 2 }], { name: 'w' })]);
    expect(destination.readTable('p', 'w')).toHaveLength(2);
  });

  it('takes over a lock left by a process that died', async () => {
    const workingDir = await tempDir();
    const dead = spawnSync(process.execPath, ['-e', '']).pid as number;
    await mkdir(workingDir, { recursive: true });
    await writeFile(
      join(workingDir, 'run.lock'),
      JSON.stringify({ pid: dead, host: hostname(), startedAt: 'x' }),
    );
    const destination = new MemoryDestination();
    await createPipeline({ name: 'p', destination, workingDir }).run([resource([{ a: 1 }], { name: 'w' })]);
    expect(destination.readTable('p', 'w')).toHaveLength(1);
  });
});

describe('run without resources', () => {
  it('only finishes pending packages', async () => {
    const destination = new MemoryDestination();
    const workingDir = await tempDir();
    await expect(
      createPipeline({ name: 'p', destination, workingDir, __testCrashAt: 'package_normalized' }).run([
        counter(() => 2),
      ]),
    ).rejects.toThrow(/simulated crash/);
    const info = await createPipeline({ name: 'p', destination, workingDir }).run([]);
    expect(info.packages.map((p) => p.resumed)).toEqual([true]);
    expect(destination.packages).toHaveLength(1);
    const again = await createPipeline({ name: 'p', destination, workingDir }).run([]);
    expect(again.packages).toEqual([]);
    expect(destination.packages).toHaveLength(1);
  });
});

describe('failing resources', () => {
  it('a resource that throws mid-extraction leaves no package and names itself in the error', async () => {
    const destination = new MemoryDestination();
    const workingDir = await tempDir();
    const flaky = resource(
      async function* () {
        yield { id: 1 };
        throw new Error('HTTP 503 from the API');
      },
      { name: 'flaky' },
    );
    await expect(createPipeline({ name: 'p', destination, workingDir }).run([flaky])).rejects.toThrow(
      'Resource "flaky" failed during extraction: HTTP 503 from the API',
    );
    expect(await states(workingDir)).toEqual({ extracted: [], normalized: [], loading: [], loaded: [] });
    const info = await createPipeline({ name: 'p', destination, workingDir }).run([
      resource([{ id: 1 }], { name: 'flaky' }),
    ]);
    expect(info.packages.map((p) => p.resumed)).toEqual([false]);
    // the half-written extraction was cleared, the new package moved on
    expect(await readdir(join(workingDir, 'tmp'))).toEqual([]);
  });
});

describe('packages that cannot be normalized or loaded', () => {
  it('a merge record without its primary key fails clearly and does not block the next run', async () => {
    const destination = new MemoryDestination();
    const workingDir = await tempDir();
    const bad = resource([{ id: 1 }, { name: 'no id' }], {
      name: 'm',
      primaryKey: 'id',
      writeDisposition: 'merge',
    });
    await expect(createPipeline({ name: 'p', destination, workingDir }).run([bad])).rejects.toThrow(
      /Resource "m" yielded a record without a value for its key "id"/,
    );
    expect(await states(workingDir)).toEqual({ extracted: [], normalized: [], loading: [], loaded: [] });
    const good = resource([{ id: 1 }], { name: 'm', primaryKey: 'id', writeDisposition: 'merge' });
    await createPipeline({ name: 'p', destination, workingDir }).run([good]);
    expect(destination.readTable('p', 'm')).toHaveLength(1);
  });

  it('pending packages can be listed and dropped', async () => {
    const destination = new MemoryDestination({ failAt: () => true });
    const workingDir = await tempDir();
    const pipeline = createPipeline({ name: 'p', destination, workingDir });
    await expect(pipeline.run([counter(() => 1)])).rejects.toThrow(/Injected/);
    const pending = await pipeline.pendingPackages();
    expect(pending.map((p) => p.state)).toEqual(['loading']);
    expect(await pipeline.dropPendingPackages()).toEqual(pending.map((p) => p.loadId));
    expect(await pipeline.pendingPackages()).toEqual([]);
  });
});
