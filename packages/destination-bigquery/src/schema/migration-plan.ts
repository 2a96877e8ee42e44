import type { TableField } from '@google-cloud/bigquery';
import {
  AlterTableNode,
  type ColumnDefinitionNode,
  type CompiledQuery,
  DataTypeNode,
  type OperationNode,
  RawNode,
} from 'kysely';

/** Columns to add to one table. */
export interface ColumnAdditions {
  readonly dataset: string | undefined;
  readonly table: string;
  /** In statement order, without duplicates. */
  readonly fields: readonly TableField[];
}

export interface MigrationPlan {
  /** Statements run as DDL query jobs, in order (CREATE TABLE with partitioning and clustering). */
  readonly ddl: readonly CompiledQuery[];
  /** ADD COLUMN statements grouped per table, applied as one schema patch each. */
  readonly additions: readonly ColumnAdditions[];
}

/**
 * Groups the ADD COLUMN statements loader-core compiled per table, so a load applies at most one metadata update
 * per table (BigQuery allows only a few table metadata updates per table every 10 seconds, and each ALTER TABLE
 * job is one). The patch appends the new columns as NULLABLE, which is what BigQuery allows.
 */
export function planMigration(statements: readonly CompiledQuery[]): MigrationPlan {
  const additions = new Map<string, { dataset: string | undefined; table: string; fields: TableField[] }>();
  const ddl: CompiledQuery[] = [];
  for (const statement of statements) {
    const node = statement.query;
    const alterations = AlterTableNode.is(node) ? node.columnAlterations : undefined;
    if (
      !AlterTableNode.is(node) ||
      !alterations?.length ||
      !alterations.every((a) => a.kind === 'AddColumnNode')
    ) {
      ddl.push(statement);
      continue;
    }
    const dataset = node.table.table.schema?.name;
    const table = node.table.table.identifier.name;
    const key = JSON.stringify([dataset ?? null, table]);
    let target = additions.get(key);
    if (!target) {
      target = { dataset, table, fields: [] };
      additions.set(key, target);
    }
    for (const alteration of alterations) {
      if (alteration.kind !== 'AddColumnNode') continue;
      const field = fieldOf(alteration.column);
      if (!target.fields.some((f) => f.name?.toLowerCase() === field.name?.toLowerCase()))
        target.fields.push(field);
    }
  }
  return { ddl, additions: [...additions.values()] };
}

/** The REST field of a column definition; types are what `SqlDriver.columnType` wrote (`NUMERIC(12, 2)`). */
function fieldOf(column: ColumnDefinitionNode): TableField {
  const name = column.column.column.name;
  const sql = typeSql(column.dataType);
  const match = /^\s*([A-Za-z0-9_]+)\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?\s*$/.exec(sql);
  if (!match?.[1]) {
    throw new Error(`Column "${name}" has type "${sql}", which the BigQuery destination cannot add.`);
  }
  return {
    name,
    type: match[1].toUpperCase(),
    mode: 'NULLABLE',
    ...(match[2] === undefined ? {} : { precision: match[2], scale: match[3] ?? '0' }),
  };
}

function typeSql(node: OperationNode): string {
  if (DataTypeNode.is(node)) return node.dataType;
  if (RawNode.is(node) && node.parameters.length === 0) return node.sqlFragments.join('');
  throw new Error(`Unsupported column type node ${node.kind} in schema DDL.`);
}
