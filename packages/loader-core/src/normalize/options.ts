import type { SchemaContractOption } from '../schema/contract.js';
import type { DataType, WriteDisposition } from '../schema/types.js';

/** A column hint: overrides inference and sets loading behavior. */
export interface ColumnHint {
  readonly dataType?: DataType;
  /**
   * `false`: the column may not be null. A row without a value of its type fails normalization (the column is
   * named; nothing loads), and a table created with the column declares it NOT NULL (added columns never get
   * the constraint). Primary key columns are always `false`. Default `true`.
   */
  readonly nullable?: boolean;
  readonly primaryKey?: boolean;
  readonly mergeKey?: boolean;
  /** Merge: rows whose value here is true (bool) or non-null are deleted instead of upserted. */
  readonly hardDelete?: boolean;
  /** Merge: within one load the row with the highest (`desc`) or lowest (`asc`) value wins dedup. */
  readonly dedupSort?: 'asc' | 'desc';
  /**
   * The incremental cursor column (set automatically from a resource's `incremental.cursor`). Merge dedup orders
   * by it (highest wins) when no column has `dedupSort`.
   */
  readonly cursor?: boolean;
  readonly partition?: boolean;
  readonly cluster?: boolean;
  readonly precision?: number;
  readonly scale?: number;
}

/**
 * How the records of one resource become tables: the serializable part of a resource's options, stored in
 * the package manifest so that a package extracted before a crash normalizes the same way afterwards.
 */
export interface TableConfig {
  readonly resource: string;
  /** Root table name as given (normalized during normalization). */
  readonly tableName: string;
  readonly writeDisposition: WriteDisposition;
  /** Record paths (`id`, `a.b` or `a__b`). */
  readonly primaryKey: readonly string[];
  readonly mergeKey: readonly string[];
  /** Keyed by record path (`stats.resolved_at` or `stats__resolved_at`). */
  readonly columns: Readonly<Record<string, ColumnHint>>;
  /** Levels of nested objects and lists expanded into columns and child tables; deeper values become json. */
  readonly maxNestingDepth?: number;
  readonly schemaContract?: SchemaContractOption;
  /** The incremental cursor path, flagged on its column (and used to order merge dedup). */
  readonly cursorPath?: string;
}
