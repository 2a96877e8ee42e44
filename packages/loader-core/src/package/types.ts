import type { Schema, SchemaChange, WriteDisposition } from '../schema/types.js';

/** Formats a load package's data files can take. */
export type LoadFileFormat = 'jsonl';

/**
 * One data file of a normalized package: newline-delimited JSON objects keyed by normalized column name.
 * Values are JSON-encoded by type: text, bool and double as JSON values; bigint as a JSON number when it fits
 * in 2^53, else a string; decimal as a string; timestamp as an ISO-8601 UTC string; date `YYYY-MM-DD`;
 * time `HH:MM:SS[.fff]`; json as any JSON value; binary as base64. Absent keys and nulls both mean NULL.
 */
export interface LoadFile {
  readonly table: string;
  /** Absolute path. */
  readonly path: string;
  readonly format: LoadFileFormat;
  readonly rows: number;
  readonly bytes: number;
}

export interface TableLoad {
  readonly table: string;
  readonly writeDisposition: WriteDisposition;
  readonly files: readonly LoadFile[];
  readonly rows: number;
  /**
   * Merge root tables only: files of merge key values the resource declared fully re-read (`mergeKeyScope`).
   * JSONL like data files, keyed by the table's delete key columns (`mergePlan(table).deleteKey`), values
   * encoded per column type. A merge deletes the final table's rows (and their child rows) whose delete key is
   * in the staged rows OR in these files, in the same transaction, so a key whose rows all disappeared at the
   * source is emptied. Absent when there are none.
   */
  readonly mergeKeyScope?: readonly LoadFile[];
}

/** A package ready to load: everything a destination needs to apply it in one commit. */
export interface NormalizedPackage {
  readonly loadId: string;
  readonly pipelineName: string;
  /** The full schema after this package's changes. */
  readonly schema: Schema;
  /** What changed against the schema stored in the destination (applied first, idempotently). */
  readonly schemaChanges: readonly SchemaChange[];
  /**
   * Every table this package writes, parents before children. A `replace` table with no files is still
   * listed: replace with nothing empties it.
   */
  readonly tables: readonly TableLoad[];
  /** Pipeline state to commit with the data (incremental cursors and resource state). */
  readonly state: PipelineState;
}

/** Pipeline state: per-resource JSON, committed with the data it describes. */
export interface PipelineState {
  readonly version: number;
  readonly resources: Readonly<Record<string, ResourceState>>;
}

export interface ResourceState {
  readonly incremental?: IncrementalState;
  /** Free-form state a resource keeps between runs. */
  readonly [key: string]: unknown;
}

export interface IncrementalState {
  readonly cursorPath: string;
  /** The highest cursor value loaded so far. */
  readonly lastValue: unknown;
  /** Primary-key hashes of the records loaded whose cursor equals `lastValue`: dedup at the boundary. */
  readonly boundaryKeys: readonly string[];
}
