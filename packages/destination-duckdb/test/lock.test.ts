import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createPipeline, resource } from '@sluice/loader-core';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { duckdb } from '../src/destination.js';
import { DuckDbOpenError } from '../src/errors.js';
import { openDuckDbDriver } from '../src/open-driver.js';
import { tempDir } from './helpers.js';

const run = promisify(execFile);
const script = fileURLToPath(new URL('./fixtures/open-database.ts', import.meta.url));

interface ChildReport {
  readonly ok: boolean;
  readonly rows?: number;
  readonly reason?: string;
  readonly pid?: number | null;
  readonly message?: string;
}

/** Opens the database in a real second Node process; a hang would hit the timeout and fail the test. */
async function openInChildProcess(path: string, dataset = 'ds'): Promise<ChildReport> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', script, path, dataset], {
    timeout: 25_000,
    cwd: fileURLToPath(new URL('..', import.meta.url)),
  });
  return JSON.parse(stdout) as ChildReport;
}

describe('opening the database', () => {
  let dir: string;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
  });

  afterEach(async () => {
    await cleanup();
  });

  it('gives a second process a clear lock error while a load writes, and the data stays intact', async () => {
    const path = join(dir, 'locked.duckdb');
    const driver = await openDuckDbDriver({ path });
    try {
      await driver.ensureDataset('ds');
      const setup = await driver.beginLoad('load-1');
      await setup.execute([
        sql`CREATE TABLE ds.events AS SELECT range AS id FROM range(10)`.compile(driver.db),
      ]);
      await setup.commit();

      const session = await driver.beginLoad('load-2');
      await session.execute([sql`INSERT INTO ds.events SELECT range FROM range(10, 15)`.compile(driver.db)]);

      const blocked = await openInChildProcess(path);
      expect(blocked.ok).toBe(false);
      expect(blocked.reason).toBe('locked');
      expect(blocked.pid).toBe(process.pid);
      expect(blocked.message).toContain(`the file is locked by another process (PID ${process.pid}`);
      expect(blocked.message).toContain('only one process');
      expect(blocked.message).toContain('Wait for that process to finish or close it, then retry.');

      await session.commit();
    } finally {
      await driver.close();
    }

    const after = await openInChildProcess(path);
    expect(after).toEqual({ ok: true, rows: 15 });
  });

  it('gives a second process a clear lock error while a pipeline runs', async () => {
    const path = join(dir, 'pipeline.duckdb');
    const destination = duckdb({ path });
    const reports: ChildReport[] = [];
    const events = (batch: number) =>
      resource(
        async function* () {
          yield [{ id: batch }];
          // The pipeline is connected (it read its state) and about to load: a second process tries now.
          reports.push(await openInChildProcess(path, 'sync'));
          yield [{ id: batch + 1 }];
        },
        { name: 'events' },
      );
    const pipeline = createPipeline({ name: 'p', dataset: 'sync', destination, workingDir: join(dir, 'w') });
    await pipeline.run([events(1)]);
    await pipeline.run([events(3)]);

    expect(reports.map((r) => [r.ok, r.reason, r.pid])).toEqual([
      [false, 'locked', process.pid],
      [false, 'locked', process.pid],
    ]);
    // Both runs committed in full, and the file opens again once the pipeline is done.
    expect(await openInChildProcess(path, 'sync')).toEqual({ ok: true, rows: 4 });
  });

  it('says so when the directory does not exist', async () => {
    const path = join(dir, 'no', 'such', 'dir', 'x.duckdb');
    const error = await openDuckDbDriver({ path }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuckDbOpenError);
    expect((error as DuckDbOpenError).reason).toBe('unwritable');
    expect((error as DuckDbOpenError).message).toMatch(
      /Cannot open DuckDB database ".*x\.duckdb": no such file or directory\. .*Create the directory/,
    );
  });

  it('says so when the path is not a database file', async () => {
    const path = join(dir, 'not-a-database.duckdb');
    const content = 'this is not a DuckDB file, and must not be overwritten';
    await writeFile(path, content);
    const error = await openDuckDbDriver({ path }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuckDbOpenError);
    expect((error as DuckDbOpenError).reason).toBe('not_a_database');
    expect((error as DuckDbOpenError).message).toContain(
      `Cannot open DuckDB database "${path}": the file exists but is not a database`,
    );
    expect(await readFile(path, 'utf8')).toBe(content);
  });

  it('says so when the path is a directory', async () => {
    const path = join(dir, 'a-directory');
    await mkdir(path);
    const error = await openDuckDbDriver({ path }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuckDbOpenError);
    expect((error as DuckDbOpenError).reason).toBe('unwritable');
    expect((error as DuckDbOpenError).message).toContain(
      `Cannot open DuckDB database "${path}": is a directory.`,
    );
  });
});
