import { link, mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Destination, NormalizedPackage } from '@sluice/loader-core';

/** One table of a package as it was handed to the destination, with its files kept aside. */
export interface KeptTable {
  readonly table: string;
  readonly rows: number;
  readonly files: readonly string[];
}

export interface LoadTiming {
  /** Wall time of `loadPackage` (migration, data, state and loads row, commit). */
  loadMs: number;
  rows: number;
  tables: KeptTable[];
}

/**
 * Wraps a destination to time `loadPackage` alone, and hard-links the package's files into `keepDir` first
 * so the same files can then be loaded by other means for comparison.
 */
export function timedDestination(inner: Destination, keepDir: string, timing: LoadTiming): Destination {
  return {
    capabilities: inner.capabilities,
    connect: async (options) => {
      const client = await inner.connect(options);
      return {
        ...client,
        capabilities: client.capabilities,
        getStoredSchema: (name) => client.getStoredSchema(name),
        getState: (name) => client.getState(name),
        getLoad: (id) => client.getLoad(id),
        listLoads: (name, limit) => client.listLoads(name, limit),
        countRows: (table) => client.countRows(table),
        close: () => client.close(),
        loadPackage: async (pkg: NormalizedPackage, onEvent) => {
          await mkdir(keepDir, { recursive: true });
          for (const table of pkg.tables) {
            const files: string[] = [];
            for (const file of table.files) {
              const kept = join(keepDir, `${table.table}-${files.length}-${basename(file.path)}`);
              await link(file.path, kept);
              files.push(kept);
            }
            timing.tables.push({ table: table.table, rows: table.rows, files });
            timing.rows += table.rows;
          }
          const started = performance.now();
          const result = await client.loadPackage(pkg, onEvent);
          timing.loadMs += performance.now() - started;
          return result;
        },
      };
    },
  };
}
