import { DUCKDB_CAPABILITIES } from '@sluice/destination-duckdb';
import type { Destination, DestinationClient, NormalizedPackage } from '@sluice/loader-core';

/** Rows and bytes of the package files a sink was handed. */
export interface SinkTally {
  rows: number;
  bytes: number;
  files: number;
  readonly tables: Record<string, number>;
}

/**
 * A destination that stores nothing: it counts the files of each normalized package and drops them. With
 * it, a pipeline run measures extraction and normalization only. It declares DuckDB's capabilities so
 * naming and file layout are those of the real default destination.
 */
export function sinkDestination(tally: SinkTally): Destination {
  const client: DestinationClient = {
    capabilities: DUCKDB_CAPABILITIES,
    getStoredSchema: async () => null,
    getState: async () => null,
    getLoad: async () => null,
    listLoads: async () => [],
    countRows: async () => null,
    loadPackage: async (pkg: NormalizedPackage) => {
      for (const table of pkg.tables) {
        tally.tables[table.table] = (tally.tables[table.table] ?? 0) + table.rows;
        tally.rows += table.rows;
        for (const file of table.files) {
          tally.bytes += file.bytes;
          tally.files += 1;
        }
      }
      return {
        loadId: pkg.loadId,
        tables: pkg.tables.map((t) => ({
          table: t.table,
          rows: t.rows,
          writeDisposition: t.writeDisposition,
        })),
      };
    },
    close: async () => {},
  };
  return { capabilities: DUCKDB_CAPABILITIES, connect: async () => client };
}

export function emptyTally(): SinkTally {
  return { rows: 0, bytes: 0, files: 0, tables: {} };
}
