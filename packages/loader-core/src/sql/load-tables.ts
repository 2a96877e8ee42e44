import type { CompiledQuery } from 'kysely';
import { type MergePlan, mergePlan, mergeScopeTable } from '../destination/merge-plan.js';
import type { DestinationEvent, TableLoadResult } from '../destination/types.js';
import type { NormalizedPackage, TableLoad } from '../package/types.js';
import type { TableSchema } from '../schema/types.js';
import type { DataStatements } from './data-statements.js';
import type { QualifiedTable, SqlDriver, SqlLoadSession } from './driver.js';

/** Applies every table of a package per its write disposition, parents before children. */
export async function loadTables(
  driver: SqlDriver,
  session: SqlLoadSession,
  data: DataStatements,
  dataset: string,
  pkg: NormalizedPackage,
  onEvent: ((event: DestinationEvent) => void) | undefined,
): Promise<TableLoadResult[]> {
  const direct = driver.capabilities.supportsTransactions;
  const results: TableLoadResult[] = [];
  const schemaOf = (name: string): TableSchema => pkg.schema.tables[name] as TableSchema;
  const rootOf = (table: TableSchema): TableSchema => {
    let t = table;
    while (t.parent !== undefined) t = schemaOf(t.parent);
    return t;
  };
  const listed = new Set(pkg.tables.map((t) => t.table));
  const stagingOf = new Map<string, QualifiedTable>();

  const loadFiles = async (load: TableLoad, target: QualifiedTable): Promise<number> => {
    const columns = Object.values(schemaOf(load.table).columns);
    let rows = 0;
    for (const file of load.files) {
      const n = await session.loadFile(file, target, columns);
      rows += n;
      onEvent?.({ type: 'file_loaded', table: load.table, rows: n });
    }
    return rows;
  };
  const stage = async (load: TableLoad): Promise<{ staging: QualifiedTable; rows: number }> => {
    const staging = await session.createStagingTable(schemaOf(load.table));
    stagingOf.set(load.table, staging);
    return { staging, rows: await loadFiles(load, staging) };
  };

  /** Stages the merge key scope of a merge root table; undefined when it declared none. */
  const stageScope = async (
    load: TableLoad,
    table: TableSchema,
    plan: MergePlan,
  ): Promise<QualifiedTable | undefined> => {
    const files = load.mergeKeyScope ?? [];
    if (files.length === 0) return undefined;
    const scope = mergeScopeTable(table, plan, driver.capabilities.maxIdentifierLength);
    const staging = await session.createStagingTable(scope);
    const columns = Object.values(scope.columns);
    for (const file of files) await session.loadFile(file, staging, columns);
    return staging;
  };

  for (const load of pkg.tables) {
    const table = schemaOf(load.table);
    const final: QualifiedTable = { dataset, table: load.table };
    let rows = 0;
    const plan = load.writeDisposition === 'merge' ? mergePlan(rootOf(table)) : null;
    if (plan === null && load.writeDisposition !== 'replace') {
      // append (and merge without any key, which appends)
      if (direct) rows = await loadFiles(load, final);
      else if (load.files.length > 0) {
        const staged = await stage(load);
        rows = staged.rows;
        await session.execute([data.insertFrom(final, staged.staging, table)]);
      }
    } else if (load.writeDisposition === 'replace') {
      if (direct) {
        await session.execute([data.deleteAll(final)]);
        rows = await loadFiles(load, final);
      } else {
        const statements = [data.deleteAll(final)];
        if (load.files.length > 0) {
          const staged = await stage(load);
          rows = staged.rows;
          statements.push(data.insertFrom(final, staged.staging, table));
        }
        await session.execute(statements);
      }
    } else if (plan !== null && table.parent === undefined) {
      const staged = await stage(load);
      rows = staged.rows;
      const scope = await stageScope(load, table, plan);
      const statements: CompiledQuery[] = [];
      for (const other of Object.values(pkg.schema.tables)) {
        if (other.parent === undefined || !listed.has(other.name) || rootOf(other).name !== table.name)
          continue;
        statements.push(
          data.deleteMergedChildren({ dataset, table: other.name }, final, staged.staging, plan, scope),
        );
      }
      statements.push(data.deleteMergedRoots(final, staged.staging, plan, scope));
      statements.push(data.insertMergedRoots(final, staged.staging, table, plan));
      await session.execute(statements);
    } else if (load.files.length > 0) {
      // child of a merged root: rows of the root rows this load inserted
      const staged = await stage(load);
      rows = staged.rows;
      const root: QualifiedTable = { dataset, table: rootOf(table).name };
      await session.execute([data.insertMergedChildren(final, staged.staging, table, root, pkg.loadId)]);
    }
    onEvent?.({ type: 'table_completed', table: load.table, rows });
    results.push({ table: load.table, rows, writeDisposition: load.writeDisposition });
  }
  return results;
}
