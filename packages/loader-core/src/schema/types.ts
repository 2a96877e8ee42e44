/**
 * The schema model: what loader-core infers from records and every destination creates.
 * Names here are already normalized destination identifiers (see `schema/naming.ts`).
 */

/** Logical column types. Each destination maps them to its own SQL types. */
export type DataType =
  | 'text'
  | 'bigint'
  | 'double'
  | 'decimal'
  | 'bool'
  | 'timestamp' // timestamp with time zone, stored as UTC
  | 'date'
  | 'time'
  | 'json'
  | 'binary';

export type WriteDisposition = 'append' | 'replace' | 'merge';

/** What happens when data does not fit the stored schema. */
export type ContractMode = 'evolve' | 'freeze' | 'discard_row' | 'discard_value';

export interface SchemaContract {
  /** New tables. */
  readonly tables?: ContractMode;
  /** New columns on existing tables. */
  readonly columns?: ContractMode;
  /** A value whose type conflicts with its column (otherwise it goes to a variant column). */
  readonly dataType?: ContractMode;
}

export interface ColumnSchema {
  /** Normalized identifier. */
  readonly name: string;
  readonly dataType: DataType;
  /** False: every row holds a value (enforced in normalization; NOT NULL when the table is created with it). */
  readonly nullable: boolean;
  /** Part of the primary key: merge deduplicates and deletes by it. */
  readonly primaryKey?: boolean;
  /** Part of the merge key (delete-insert by this key when it differs from the primary key). */
  readonly mergeKey?: boolean;
  /** The incremental cursor column. */
  readonly cursor?: boolean;
  /** Rows whose value here is true (or non-null) are deleted on merge instead of upserted. */
  readonly hardDelete?: boolean;
  /** Within one load, the row with the highest (`desc`) or lowest (`asc`) value wins dedup. */
  readonly dedupSort?: 'asc' | 'desc';
  /** Destination hints (partitioning, clustering). */
  readonly partition?: boolean;
  readonly cluster?: boolean;
  /** For variant columns: the column whose type conflicted (`priority` for `priority__v_text`). */
  readonly variantOf?: string;
  /**
   * Data columns: the record keys the column was named from (`['stats', 'Resolved At']`). Lets later runs
   * map the same keys to the same identifiers even when keys collide after normalization.
   */
  readonly sourcePath?: readonly string[];
  /** Decimal precision and scale, when a hint sets them. */
  readonly precision?: number;
  readonly scale?: number;
}

export interface TableSchema {
  /** Normalized table name; child tables are `parent__field`. */
  readonly name: string;
  /** The resource that produced it. */
  readonly resource: string;
  /** Set on child tables: the table whose lists they hold. */
  readonly parent?: string;
  /**
   * The raw names the table was named from: a root table's `tableName` as the resource gave it
   * (`['Tickets']`); a child table's parent table (normalized) and the record keys of its list
   * (`['tickets', 'stats', 'Tags']`). Lets later runs give the same names to the same tables when raw names
   * collide after normalization, whatever order they arrive in. Absent in schemas stored by older versions.
   */
  readonly sourcePath?: readonly string[];
  readonly writeDisposition: WriteDisposition;
  /** Ordered: new columns are appended. */
  readonly columns: Readonly<Record<string, ColumnSchema>>;
  readonly contract?: SchemaContract;
}

export interface Schema {
  readonly name: string;
  /** Increases by one with every change. */
  readonly version: number;
  /** Content hash of `tables`: equal hashes mean equal schemas. */
  readonly versionHash: string;
  readonly tables: Readonly<Record<string, TableSchema>>;
}

/** A change that a destination must apply before loading a package. */
export type SchemaChange =
  | { readonly kind: 'create_table'; readonly table: TableSchema }
  | { readonly kind: 'add_columns'; readonly table: string; readonly columns: readonly ColumnSchema[] };
