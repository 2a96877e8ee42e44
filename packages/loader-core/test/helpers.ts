import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { TableConfig } from '../src/normalize/options.js';

const dirs: string[] = [];

/** A fresh working directory, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sluice-core-'));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** Table options of a plain append resource named `name` (no keys, no hints), with `overrides`. */
export function plainConfig(name = 't', overrides: Partial<TableConfig> = {}): TableConfig {
  return {
    resource: name,
    tableName: name,
    writeDisposition: 'append',
    primaryKey: [],
    mergeKey: [],
    columns: {},
    ...overrides,
  };
}
