import type { TableField } from '@google-cloud/bigquery';
import {
  AlterTableNode,
  type ColumnDefinitionNode,
  type CompiledQuery,
  CreateTableNode,
  DataTypeNode,
  type OperationNode,
  RawNode,
  type TableNode,
} from 'kysely';

/** What one table needs: created with these columns, or these columns added. */
export interface TableMigration {
  readonly dataset: string | undefined;
  readonly table: string;
  /** A CREATE TABLE asked for it (otherwise only ADD COLUMN). */
  readonly create: boolean;
  /** In statement order, without duplicates. */
  readonly fields: readonly TableField[];
}

export interface MigrationPlan {
  readonly tables: readonly TableMigration[];
  /** Statements that are neither CREATE TABLE nor ADD COLUMN: run as DDL query jobs. */
  readonly other: readonly CompiledQuery[];
}

/**
 * Groups the DDL loader-core compiled into one migration per table, so a load applies at most one metadata
 * update per table (BigQuery allows only a few table metadata updates per table every 10 seconds). Tables
 * are created and columns added through the tables API rather than DDL jobs: that is how BigQuery sets
 * partitioning, clustering and NULLABLE modes without running a query.
 */
export function planMigration(statements: readonly CompiledQuery[]): MigrationPlan {
  const tables = new Map<
    string,
    { dataset: string | undefined; table: string; create: boolean; fields: TableField[] }
  >();
  const other: CompiledQuery[] = [];
  const entry = (node: TableNode) => {
    const dataset = node.table.schema?.name;
    const table = node.table.identifier.name;
    const key = JSON.stringify([dataset ?? null, table]);
    let found = tables.get(key);
    if (!found) {
      found = { dataset, table, create: false, fields: [] };
      tables.set(key, found);
    }
    return found;
  };
  const add = (target: { fields: TableField[] }, column: ColumnDefinitionNode) => {
    const field = fieldOf(column);
    if (!target.fields.some((existing) => existing.name?.toLowerCase() === field.name?.toLowerCase())) {
      target.fields.push(field);
    }
  };
  for (const statement of statements) {
    const node = statement.query;
    if (CreateTableNode.is(node) && !node.selectQuery && !node.temporary) {
      const target = entry(node.table);
      target.create = true;
      for (const column of node.columns) add(target, column);
      continue;
    }
    const alterations = AlterTableNode.is(node) ? node.columnAlterations : undefined;
    if (
      AlterTableNode.is(node) &&
      alterations?.length &&
      alterations.every((a) => a.kind === 'AddColumnNode')
    ) {
      const target = entry(node.table);
      for (const alteration of alterations) {
        if (alteration.kind === 'AddColumnNode') add(target, alteration.column);
      }
      continue;
    }
    other.push(statement);
  }
  return { tables: [...tables.values()], other };
}

/** The REST field of a column definition; types are what `SqlDriver.columnType` wrote (`NUMERIC(12, 2)`). */
function fieldOf(column: ColumnDefinitionNode): TableField {
  const name = column.column.column.name;
  const sql = typeSql(column.dataType);
  const match = /^\s*([A-Za-z0-9_]+)\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?\s*$/.exec(sql);
  if (!match?.[1]) {
    throw new Error(`Column "${name}" has type "${sql}", which the BigQuery destination cannot create.`);
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
