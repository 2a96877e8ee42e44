import type { Destination, StoredLoad } from '@sluice/loader-core';
import { PIPELINE_NAME } from '../config/settings.js';

export interface ResourceStatus {
  readonly name: string;
  readonly cursor: unknown;
}

export interface DestinationStatus {
  readonly loads: readonly StoredLoad[];
  readonly resources: readonly ResourceStatus[];
  /** Row count of every table of the stored schema (system tables left out). */
  readonly tables: Readonly<Record<string, number>>;
}

/** Reads the last loads, the cursors and the table sizes from the destination (all state lives there). */
export async function readStatus(
  destination: Destination,
  dataset: string,
  limit = 10,
): Promise<DestinationStatus> {
  const client = await destination.connect({ dataset, pipelineName: PIPELINE_NAME });
  try {
    const loads = await client.listLoads(PIPELINE_NAME, limit);
    const state = await client.getState(PIPELINE_NAME);
    const schema = await client.getStoredSchema(PIPELINE_NAME);
    const resources = Object.entries(state?.state.resources ?? {}).map(([name, s]) => ({
      name,
      cursor: s.incremental?.lastValue ?? null,
    }));
    const tables: Record<string, number> = {};
    for (const table of Object.keys(schema?.schema.tables ?? {}).sort()) {
      if (table.startsWith('_sluice')) continue;
      const count = await client.countRows(table);
      if (count !== null) tables[table] = count;
    }
    return { loads, resources, tables };
  } finally {
    await client.close();
  }
}
