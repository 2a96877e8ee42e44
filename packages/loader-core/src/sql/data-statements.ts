import type { Kysely } from 'kysely';
import { type CompiledQuery, type RawBuilder, sql } from 'kysely';
import type { MergePlan } from '../destination/merge-plan.js';
import { SYSTEM_COLUMNS } from '../schema/system-columns.js';
import type { TableSchema } from '../schema/types.js';
import type { DynamicDatabase, QualifiedTable } from './driver.js';

const ROW_NUMBER = '_sluice_rn';

function ref(table: QualifiedTable): RawBuilder<unknown> {
  return sql.id(table.dataset, table.table);
}

function columnList(table: TableSchema): RawBuilder<unknown> {
  return sql.join(Object.keys(table.columns).map((c) => sql.id(c)));
}

/** Key equality between the final table (alias `f`) and staging (alias `s`). */
function keyMatch(key: readonly string[]): RawBuilder<unknown> {
  return sql.join(
    key.map((k) => sql`${sql.id('s', k)} = ${sql.id('f', k)}`),
    sql` AND `,
  );
}

/** Final rows (alias `f`) whose delete key is in staging, or in the scope table when there is one. */
function replaced(
  staging: QualifiedTable,
  plan: MergePlan,
  scope: QualifiedTable | undefined,
): RawBuilder<unknown> {
  const inStaging = sql`EXISTS (SELECT 1 FROM ${ref(staging)} AS ${sql.id('s')} WHERE ${keyMatch(plan.deleteKey)})`;
  if (!scope) return inStaging;
  return sql`(${inStaging} OR EXISTS (SELECT 1 FROM ${ref(scope)} AS ${sql.id('s')} WHERE ${keyMatch(plan.deleteKey)}))`;
}

/** Data statements of loader-core's SQL client, compiled with the destination's dialect. */
export class DataStatements {
  constructor(readonly db: Kysely<DynamicDatabase>) {}

  deleteAll(target: QualifiedTable): CompiledQuery {
    return sql`DELETE FROM ${ref(target)} WHERE 1 = 1`.compile(this.db);
  }

  insertFrom(target: QualifiedTable, staging: QualifiedTable, table: TableSchema): CompiledQuery {
    const cols = columnList(table);
    return sql`INSERT INTO ${ref(target)} (${cols}) SELECT ${cols} FROM ${ref(staging)}`.compile(this.db);
  }

  /**
   * Child rows whose root row in the final table is about to be replaced by the staged root rows, or whose key
   * is in the declared scope.
   */
  deleteMergedChildren(
    child: QualifiedTable,
    root: QualifiedTable,
    rootStaging: QualifiedTable,
    plan: MergePlan,
    scope?: QualifiedTable,
  ): CompiledQuery {
    return sql`DELETE FROM ${ref(child)} WHERE ${sql.id(SYSTEM_COLUMNS.rootId)} IN (SELECT ${sql.id('f', SYSTEM_COLUMNS.id)} FROM ${ref(root)} AS ${sql.id('f')} WHERE ${replaced(rootStaging, plan, scope)})`.compile(
      this.db,
    );
  }

  /**
   * Root rows of the final table that the staged rows replace (by merge key, else primary key), and those whose
   * key is in the declared scope (`TableLoad.mergeKeyScope`) though no staged row has it.
   */
  deleteMergedRoots(
    root: QualifiedTable,
    rootStaging: QualifiedTable,
    plan: MergePlan,
    scope?: QualifiedTable,
  ): CompiledQuery {
    return sql`DELETE FROM ${ref(root)} AS ${sql.id('f')} WHERE ${replaced(rootStaging, plan, scope)}`.compile(
      this.db,
    );
  }

  /**
   * Inserts the staged root rows deduplicated by primary key (the best by the sort column, nulls losing, ties
   * to the last row loaded: `_sluice_id` increases in load order), leaving out rows marked as hard-deleted.
   */
  insertMergedRoots(
    root: QualifiedTable,
    rootStaging: QualifiedTable,
    table: TableSchema,
    plan: MergePlan,
  ): CompiledQuery {
    const cols = columnList(table);
    const conditions: RawBuilder<unknown>[] = [];
    let source: RawBuilder<unknown> = ref(rootStaging);
    if (plan.primaryKey.length > 0) {
      const order: RawBuilder<unknown>[] = [];
      if (plan.sort) {
        order.push(
          sql`${sql.id(plan.sort.column)} ${sql.raw(plan.sort.order === 'asc' ? 'ASC' : 'DESC')} NULLS LAST`,
        );
      }
      order.push(sql`${sql.id(SYSTEM_COLUMNS.id)} DESC`);
      const partition = sql.join(plan.primaryKey.map((k) => sql.id(k)));
      source = sql`(SELECT ${cols}, ROW_NUMBER() OVER (PARTITION BY ${partition} ORDER BY ${sql.join(order)}) AS ${sql.id(ROW_NUMBER)} FROM ${ref(rootStaging)})`;
      conditions.push(sql`${sql.id('d', ROW_NUMBER)} = 1`);
    }
    if (plan.hardDelete) {
      const hd = sql.id('d', plan.hardDelete.name);
      conditions.push(
        plan.hardDelete.dataType === 'bool' ? sql`(${hd} IS NULL OR ${hd} = FALSE)` : sql`${hd} IS NULL`,
      );
    }
    const where = conditions.length > 0 ? sql` WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
    const selected = sql.join(Object.keys(table.columns).map((c) => sql.id('d', c)));
    return sql`INSERT INTO ${ref(root)} (${cols}) SELECT ${selected} FROM ${source} AS ${sql.id('d')}${where}`.compile(
      this.db,
    );
  }

  /** Staged child rows whose root row this load inserted. */
  insertMergedChildren(
    child: QualifiedTable,
    childStaging: QualifiedTable,
    table: TableSchema,
    root: QualifiedTable,
    loadId: string,
  ): CompiledQuery {
    const cols = columnList(table);
    return sql`INSERT INTO ${ref(child)} (${cols}) SELECT ${cols} FROM ${ref(childStaging)} WHERE ${sql.id(SYSTEM_COLUMNS.rootId)} IN (SELECT ${sql.id(SYSTEM_COLUMNS.id)} FROM ${ref(root)} WHERE ${sql.id(SYSTEM_COLUMNS.loadId)} = ${loadId})`.compile(
      this.db,
    );
  }
}
