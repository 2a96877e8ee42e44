import { shortenIdentifier } from '../schema/naming.js';
import type { ColumnSchema, TableSchema } from '../schema/types.js';

/** The columns that drive a merge of one root table, as every destination interprets them. */
export interface MergePlan {
  /** Dedup within the load: one row per primary key. */
  readonly primaryKey: readonly string[];
  /** Rows in the final table with these values are replaced (the merge key, else the primary key). */
  readonly deleteKey: readonly string[];
  /** Dedup order: the winner has the highest (`desc`) or lowest (`asc`) value; ties go to the last row. */
  readonly sort: { readonly column: string; readonly order: 'asc' | 'desc' } | null;
  /** Rows whose value here is true (bool) or non-null (other types) are deleted instead of inserted. */
  readonly hardDelete: ColumnSchema | null;
}

/** Null when the table has neither primary nor merge key: merge then appends. */
export function mergePlan(table: TableSchema): MergePlan | null {
  const columns = Object.values(table.columns);
  const primaryKey = columns.filter((c) => c.primaryKey).map((c) => c.name);
  const mergeKey = columns.filter((c) => c.mergeKey).map((c) => c.name);
  const deleteKey = mergeKey.length > 0 ? mergeKey : primaryKey;
  if (deleteKey.length === 0) return null;
  const dedup = columns.find((c) => c.dedupSort);
  const cursor = columns.find((c) => c.cursor);
  const sort = dedup
    ? { column: dedup.name, order: dedup.dedupSort ?? 'desc' }
    : cursor
      ? { column: cursor.name, order: 'desc' as const }
      : null;
  return { primaryKey, deleteKey, sort, hardDelete: columns.find((c) => c.hardDelete) ?? null };
}

/**
 * The staging table for a merge root table's scope keys (`TableLoad.mergeKeyScope`): its delete key columns
 * only, named `_sluice_scope__<table>` (shortened to the destination's limit). Normalized table names never
 * start with `_` and a letter, so it never meets the staging table of a data table of the same load.
 */
export function mergeScopeTable(
  table: TableSchema,
  plan: MergePlan,
  maxIdentifierLength: number,
): TableSchema {
  const columns: Record<string, ColumnSchema> = {};
  for (const name of plan.deleteKey) {
    const column = table.columns[name];
    if (column) columns[name] = { name, dataType: column.dataType, nullable: true, ...decimalOf(column) };
  }
  return {
    name: shortenIdentifier(`_sluice_scope__${table.name}`, maxIdentifierLength),
    resource: table.resource,
    writeDisposition: 'merge',
    columns,
  };
}

function decimalOf(column: ColumnSchema): Partial<ColumnSchema> {
  return {
    ...(column.precision !== undefined ? { precision: column.precision } : {}),
    ...(column.scale !== undefined ? { scale: column.scale } : {}),
  };
}
