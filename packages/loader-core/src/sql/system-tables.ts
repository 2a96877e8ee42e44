import type { ColumnSchema, TableSchema } from '../schema/types.js';

const text = (name: string, nullable = false): ColumnSchema => ({ name, dataType: 'text', nullable });
const bigint = (name: string): ColumnSchema => ({ name, dataType: 'bigint', nullable: false });
const timestamp = (name: string): ColumnSchema => ({ name, dataType: 'timestamp', nullable: false });

function table(name: string, columns: ColumnSchema[]): TableSchema {
  return {
    name,
    resource: name,
    writeDisposition: 'append',
    columns: Object.fromEntries(columns.map((c) => [c.name, c])),
  };
}

/** Schema versions: one row per version of a schema (JSON in `schema`). */
export const VERSION_TABLE = table('_sluice_version', [
  bigint('version'),
  text('version_hash'),
  text('schema_name'),
  text('schema'),
  timestamp('inserted_at'),
]);

/** One row per committed package; `rows` is JSON `{ table: rows }`. */
export const LOADS_TABLE = table('_sluice_loads', [
  text('load_id'),
  text('pipeline_name'),
  text('status'),
  timestamp('inserted_at'),
  text('schema_version_hash'),
  text('rows'),
]);

/** Pipeline state, committed with the data it describes; the newest version wins. */
export const STATE_TABLE = table('_sluice_pipeline_state', [
  text('pipeline_name'),
  bigint('version'),
  text('state'),
  text('load_id'),
  timestamp('inserted_at'),
]);

export const SYSTEM_TABLES: readonly TableSchema[] = [VERSION_TABLE, LOADS_TABLE, STATE_TABLE];
export const SYSTEM_TABLE_NAMES: readonly string[] = SYSTEM_TABLES.map((t) => t.name);
