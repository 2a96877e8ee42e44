import type { AnalyzeRequest } from '@fivetrandevelopers/zetasql';
import { canonicalType } from '../catalog/types.js';
import type { AnalyzeOptions, CatalogTable } from './types.js';

type SimpleCatalog = NonNullable<AnalyzeRequest['simpleCatalog']>;
type SimpleTable = NonNullable<SimpleCatalog['table']>[number];
type TypeProto = NonNullable<NonNullable<SimpleTable['column']>[number]['type']>;
type TypeKind = NonNullable<TypeProto['typeKind']>;

const KINDS: Record<string, TypeKind> = {
  STRING: 'TYPE_STRING',
  BYTES: 'TYPE_BYTES',
  INTEGER: 'TYPE_INT64',
  FLOAT: 'TYPE_DOUBLE',
  NUMERIC: 'TYPE_NUMERIC',
  BIGNUMERIC: 'TYPE_BIGNUMERIC',
  BOOLEAN: 'TYPE_BOOL',
  TIMESTAMP: 'TYPE_TIMESTAMP',
  DATETIME: 'TYPE_DATETIME',
  DATE: 'TYPE_DATE',
  TIME: 'TYPE_TIME',
  JSON: 'TYPE_JSON',
};

/** A BigQuery type name (`INT64`, `INTEGER`, `ARRAY<STRING>`) as a ZetaSQL TypeProto. */
export function typeProto(type: string): TypeProto {
  const array = /^ARRAY<(.+)>$/i.exec(type.trim());
  if (array) return { typeKind: 'TYPE_ARRAY', arrayType: { elementType: typeProto(array[1] as string) } };
  const kind = KINDS[canonicalType(type) ?? ''];
  if (!kind) throw new Error(`ZetaSQL catalog: unsupported BigQuery type ${type}`);
  return { typeKind: kind };
}

function simpleTable(name: string, table: CatalogTable): SimpleTable {
  return {
    name,
    column: table.fields.map((f) => ({ name: f.name, type: typeProto(f.type), isWritableColumn: true })),
  };
}

function child(parent: SimpleCatalog, name: string): SimpleCatalog {
  parent.catalog ??= [];
  let found = parent.catalog.find((c) => c.name === name);
  if (!found) {
    found = { name, table: [], catalog: [] };
    parent.catalog.push(found);
  }
  return found;
}

/**
 * A catalog where each table answers to every spelling BigQuery accepts: `` `p.d.t` ``, `` `p`.`d`.`t` ``,
 * `d.t`, and plain `t` for the default dataset and for temporary tables.
 */
export function buildCatalog(
  options: AnalyzeOptions,
  builtinFunctionOptions: SimpleCatalog['builtinFunctionOptions'],
): SimpleCatalog {
  const root: SimpleCatalog = { name: '', table: [], catalog: [], builtinFunctionOptions };
  const tables = root.table as SimpleTable[];
  const seen = new Set<string>();
  const add = (list: SimpleTable[], name: string, table: CatalogTable) => {
    const key = `${list === tables ? '' : 'nested:'}${name}`;
    if (list === tables && seen.has(key)) return;
    seen.add(key);
    list.push(simpleTable(name, table));
  };
  for (const table of options.catalogTables) {
    const { projectId, datasetId, tableId } = table;
    if (!datasetId) {
      add(tables, tableId, table);
      continue;
    }
    add(tables, `${datasetId}.${tableId}`, table);
    add(child(root, datasetId).table as SimpleTable[], tableId, table);
    if (projectId) {
      add(tables, `${projectId}.${datasetId}.${tableId}`, table);
      add(child(root, `${projectId}.${datasetId}`).table as SimpleTable[], tableId, table);
      add(child(child(root, projectId), datasetId).table as SimpleTable[], tableId, table);
    }
    if (options.defaultDataset === datasetId) add(tables, tableId, table);
  }
  return root;
}
