import type { LoadFileFormat, NormalizedPackage, PipelineState } from '../package/types.js';
import type { DataType, Schema } from '../schema/types.js';

/** What a destination can do; loader-core adapts naming, types and files to it. */
export interface DestinationCapabilities {
  /** Short name, for messages: `duckdb`, `bigquery`. */
  readonly name: string;
  /** Longest identifier (table or column) the destination accepts; longer names get a stable hash suffix. */
  readonly maxIdentifierLength: number;
  /** Data file formats it loads, preferred first. */
  readonly fileFormats: readonly LoadFileFormat[];
  /** Whether data, state and the loads row commit together in one transaction. */
  readonly supportsTransactions: boolean;
  /** Logical types it stores natively; others are mapped (e.g. time to text) by the destination. */
  readonly dataTypes: readonly DataType[];
  /** Largest decimal precision and the scale used for inferred decimals. */
  readonly decimal: { readonly precision: number; readonly scale: number };
  /**
   * Optional: column name prefixes the destination rejects, compared case-insensitively (BigQuery: `_PARTITION`,
   * `_TABLE_`, `_FILE_`, `_ROW_TIMESTAMP`, `__ROOT__`, `_COLIDENTIFIER`). Normalized column names that would
   * start with one get an `x` in front (`_partitiontime` → `x_partitiontime`).
   */
  readonly reservedPrefixes?: readonly string[];
}

/** A destination factory as users pass it to `createPipeline`. */
export interface Destination {
  readonly capabilities: DestinationCapabilities;
  /** Opens the dataset for one pipeline run. Creates nothing yet: a missing dataset reads as empty. */
  connect(options: ConnectOptions): Promise<DestinationClient>;
}

export interface ConnectOptions {
  /** Dataset (DuckDB schema, BigQuery dataset) the pipeline writes to. Already a valid identifier. */
  readonly dataset: string;
  readonly pipelineName: string;
  readonly signal?: AbortSignal;
}

export interface StoredSchema {
  readonly schema: Schema;
  readonly insertedAt: string;
}

export interface StoredState {
  readonly state: PipelineState;
  readonly loadId: string;
  readonly insertedAt: string;
}

export type LoadStatus = 'loaded' | 'failed';

export interface StoredLoad {
  readonly loadId: string;
  readonly pipelineName: string;
  readonly status: LoadStatus;
  readonly insertedAt: string;
  readonly schemaVersionHash: string;
  /** Rows written per table. */
  readonly rows: Readonly<Record<string, number>>;
}

export interface TableLoadResult {
  readonly table: string;
  readonly rows: number;
  readonly writeDisposition: NormalizedPackage['tables'][number]['writeDisposition'];
}

export interface PackageLoadResult {
  readonly loadId: string;
  readonly tables: readonly TableLoadResult[];
}

/** Progress a destination reports while it loads a package. */
export type DestinationEvent =
  | { readonly type: 'schema_migrated'; readonly changes: number }
  | { readonly type: 'file_loaded'; readonly table: string; readonly rows: number }
  | { readonly type: 'table_completed'; readonly table: string; readonly rows: number }
  | { readonly type: 'committed'; readonly loadId: string };

/**
 * One open dataset. loader-core calls the readers at the start of a run and `loadPackage` once per package.
 * `loadPackage` must be all-or-nothing for data, state, stored schema and the loads row: after a failure or a
 * crash at any point, `getLoad(loadId)` is null and a retry of the same package loads it exactly once.
 */
export interface DestinationClient {
  readonly capabilities: DestinationCapabilities;
  /** The newest stored schema with this name, or null on a fresh dataset. */
  getStoredSchema(schemaName: string): Promise<StoredSchema | null>;
  /** The newest committed state of this pipeline, or null. */
  getState(pipelineName: string): Promise<StoredState | null>;
  /** The loads row of a committed package, or null: makes replay after a crash idempotent. */
  getLoad(loadId: string): Promise<StoredLoad | null>;
  /** The most recent loads, newest first (for status commands). */
  listLoads(pipelineName: string, limit: number): Promise<readonly StoredLoad[]>;
  /** Row count of a table, or null when it does not exist. */
  countRows(table: string): Promise<number | null>;
  /** Applies a normalized package: schema changes, data per write disposition, state, schema version, loads row. */
  loadPackage(
    pkg: NormalizedPackage,
    onEvent?: (event: DestinationEvent) => void,
  ): Promise<PackageLoadResult>;
  /** Releases connections and locks. Safe to call twice. */
  close(): Promise<void>;
}
