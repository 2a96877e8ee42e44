import { join } from 'node:path';
import { type ConformanceTarget, describeDestinationConformance } from '@sluice/loader-core/testing';
import { sql } from 'kysely';
import { type DuckDbDestination, duckdb } from '../src/destination.js';
import { tempDir } from './helpers.js';

async function readTable(
  destination: DuckDbDestination,
  dataset: string,
  table: string,
): Promise<readonly Record<string, unknown>[] | null> {
  const driver = await destination.openDriver();
  try {
    if ((await driver.getTableColumns({ dataset, table })) === null) return null;
    return await driver.query(sql`SELECT * FROM ${sql.id(dataset, table)}`.compile(driver.db));
  } finally {
    await driver.close();
  }
}

function target(destination: DuckDbDestination, cleanup?: () => Promise<void>): ConformanceTarget {
  return {
    destination,
    readTable: (dataset, table) => readTable(destination, dataset, table),
    ...(cleanup ? { cleanup } : {}),
  };
}

describeDestinationConformance({
  name: 'duckdb file',
  createDestination: async () => {
    const { dir, cleanup } = await tempDir();
    return target(duckdb({ path: join(dir, 'conformance.duckdb') }), cleanup);
  },
});

describeDestinationConformance({
  name: 'duckdb :memory:',
  createDestination: async () => target(duckdb({ path: ':memory:' })),
});
