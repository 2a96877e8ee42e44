import type { ColumnSchema } from './types.js';

/** Columns loader-core adds to every row. */
export const SYSTEM_COLUMNS = {
  id: '_sluice_id',
  loadId: '_sluice_load_id',
  parentId: '_sluice_parent_id',
  listIdx: '_sluice_list_idx',
  rootId: '_sluice_root_id',
} as const;

export const SYSTEM_COLUMN_NAMES: ReadonlySet<string> = new Set(Object.values(SYSTEM_COLUMNS));

export function rootSystemColumns(): ColumnSchema[] {
  return [
    { name: SYSTEM_COLUMNS.id, dataType: 'text', nullable: false },
    { name: SYSTEM_COLUMNS.loadId, dataType: 'text', nullable: false },
  ];
}

export function childSystemColumns(): ColumnSchema[] {
  return [
    ...rootSystemColumns(),
    { name: SYSTEM_COLUMNS.parentId, dataType: 'text', nullable: false },
    { name: SYSTEM_COLUMNS.listIdx, dataType: 'bigint', nullable: false },
    { name: SYSTEM_COLUMNS.rootId, dataType: 'text', nullable: false },
  ];
}
