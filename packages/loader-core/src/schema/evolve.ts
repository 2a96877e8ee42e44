import { hashTables } from './hash.js';
import { Namespace, RAW_PATH_SEPARATOR, variantKey } from './naming.js';
import { childSystemColumns, rootSystemColumns, SYSTEM_COLUMNS } from './system-columns.js';
import type {
  ColumnSchema,
  DataType,
  Schema,
  SchemaChange,
  SchemaContract,
  TableSchema,
  WriteDisposition,
} from './types.js';

/** A table while a package is normalized: columns grow as records arrive. */
export interface TableBuilder {
  readonly name: string;
  readonly resource: string;
  readonly parent: string | undefined;
  readonly writeDisposition: WriteDisposition;
  readonly contract: SchemaContract | undefined;
  /** Whether the table exists in the stored schema (contracts on columns and types apply only then). */
  readonly stored: boolean;
  readonly columns: Map<string, ColumnSchema>;
  /** Raw flattened path → column identifier. */
  readonly names: Namespace;
  /** See `TableSchema.sourcePath`. */
  readonly sourcePath: readonly string[] | undefined;
}

export interface TableDefinition {
  readonly name: string;
  readonly resource: string;
  readonly parent?: string;
  readonly writeDisposition: WriteDisposition;
  readonly contract?: SchemaContract;
  /** See `TableSchema.sourcePath`. */
  readonly sourcePath?: readonly string[];
  /** Columns known up front (hints), in order. */
  readonly columns?: readonly ColumnSchema[];
}

/** The schema of one package: the stored schema plus what this package's data adds. */
export class SchemaBuilder {
  readonly tables = new Map<string, TableBuilder>();
  readonly tableNames: Namespace;

  constructor(
    readonly name: string,
    readonly stored: Schema | null,
    readonly maxIdentifierLength: number,
    /** Column name prefixes the destination rejects; table names are not affected. */
    readonly reservedPrefixes: readonly string[] = [],
  ) {
    this.tableNames = new Namespace(maxIdentifierLength);
    for (const table of Object.values(stored?.tables ?? {})) {
      this.tables.set(table.name, this.#builder(table, true));
      // Tables stored without their raw names (older schemas) go to the first raw name that claims them.
      if (table.sourcePath) this.tableNames.seed(table.sourcePath.join(RAW_PATH_SEPARATOR), table.name);
    }
  }

  #builder(table: TableSchema | TableDefinition, stored: boolean): TableBuilder {
    const names = new Namespace(this.maxIdentifierLength, this.reservedPrefixes);
    for (const id of Object.values(SYSTEM_COLUMNS)) names.reserve(id);
    const columns = new Map<string, ColumnSchema>();
    const list = Array.isArray(table.columns)
      ? (table.columns as readonly ColumnSchema[])
      : Object.values((table.columns ?? {}) as Record<string, ColumnSchema>);
    for (const column of list) {
      columns.set(column.name, column);
      if (column.sourcePath) names.seed(column.sourcePath.join(RAW_PATH_SEPARATOR), column.name);
      else if (column.variantOf) names.seed(variantKey(column.variantOf, column.dataType), column.name);
    }
    return {
      name: table.name,
      resource: table.resource,
      parent: table.parent,
      writeDisposition: table.writeDisposition,
      contract: table.contract,
      stored,
      columns,
      names,
      sourcePath: table.sourcePath,
    };
  }

  /** The table, created (with its system columns and hinted columns) when new. Hints update stored tables. */
  ensureTable(def: TableDefinition): TableBuilder {
    const existing = this.tables.get(def.name);
    if (existing) {
      for (const hinted of def.columns ?? []) {
        const current = existing.columns.get(hinted.name);
        // Hints refine flags of an existing column but never change its stored type.
        existing.columns.set(hinted.name, current ? { ...hinted, dataType: current.dataType } : hinted);
      }
      const adopted = existing.sourcePath === undefined && def.sourcePath !== undefined;
      if (
        existing.writeDisposition !== def.writeDisposition ||
        existing.contract !== def.contract ||
        adopted
      ) {
        const updated: TableBuilder = {
          ...existing,
          writeDisposition: def.writeDisposition,
          contract: def.contract ?? existing.contract,
          // a table of an older schema records the raw name that claimed it
          sourcePath: existing.sourcePath ?? def.sourcePath,
        };
        this.tables.set(def.name, updated);
        return updated;
      }
      return existing;
    }
    const system = def.parent ? childSystemColumns() : rootSystemColumns();
    const builder = this.#builder({ ...def, columns: [...system, ...(def.columns ?? [])] }, false);
    this.tables.set(def.name, builder);
    return builder;
  }

  /**
   * Gives every table of a resource (also stored child tables this package has no rows for) the resource's
   * current write disposition, so that e.g. switching to `replace` also empties old child tables.
   */
  alignDisposition(resource: string, writeDisposition: WriteDisposition): void {
    for (const [name, t] of this.tables) {
      if (t.resource === resource && t.writeDisposition !== writeDisposition) {
        this.tables.set(name, { ...t, writeDisposition });
      }
    }
  }

  /**
   * Identifier of the variant column holding `type` values of `column` in `table`: `<column>__v_<type>`, through
   * the table's namespace, so that no record key shares it.
   */
  variantName(table: TableBuilder, column: string, type: DataType): string {
    return table.names.resolve(variantKey(column, type), `${column}__v_${type}`);
  }

  tableSchemas(): Record<string, TableSchema> {
    const out: Record<string, TableSchema> = {};
    for (const t of this.tables.values()) {
      out[t.name] = {
        name: t.name,
        resource: t.resource,
        ...(t.parent ? { parent: t.parent } : {}),
        writeDisposition: t.writeDisposition,
        columns: Object.fromEntries(t.columns),
        ...(t.contract ? { contract: t.contract } : {}),
        ...(t.sourcePath ? { sourcePath: t.sourcePath } : {}),
      };
    }
    return out;
  }

  /** The schema with version and hash: the version increases only when the content changed. */
  build(): Schema {
    const tables = this.tableSchemas();
    const versionHash = hashTables(tables);
    const stored = this.stored;
    const version =
      stored === null ? 1 : stored.versionHash === versionHash ? stored.version : stored.version + 1;
    return { name: this.name, version, versionHash, tables };
  }
}

/** What changed from `before` to `after`, parents before children. */
export function diffSchemas(before: Schema | null, after: Schema): SchemaChange[] {
  const changes: SchemaChange[] = [];
  for (const table of orderTables(Object.values(after.tables))) {
    const old = before?.tables[table.name];
    if (!old) {
      changes.push({ kind: 'create_table', table });
      continue;
    }
    const added = Object.values(table.columns).filter((c) => !(c.name in old.columns));
    if (added.length > 0) changes.push({ kind: 'add_columns', table: table.name, columns: added });
  }
  return changes;
}

/** Parents before children (stable otherwise). */
export function orderTables<T extends { readonly name: string; readonly parent?: string | undefined }>(
  tables: readonly T[],
): T[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const depth = (t: T): number => {
    let d = 0;
    let p = t.parent;
    while (p !== undefined && d < 1000) {
      d++;
      p = byName.get(p)?.parent;
    }
    return d;
  };
  return [...tables].sort((a, b) => depth(a) - depth(b));
}
