import type { TableConfig } from '../normalize/options.js';
import type { Schema, SchemaChange, WriteDisposition } from '../schema/types.js';
import type { LoadFileFormat, PipelineState } from './types.js';

export const MANIFEST_FILE = 'manifest.json';
export const NORMALIZED_MANIFEST_FILE = 'package.json';
export const EXTRACTED_DIR = 'extracted';
export const NORMALIZED_DIR = 'normalized';

/** Written when extraction completes: everything needed to normalize the package later, even after a crash. */
export interface ExtractManifest {
  readonly loadId: string;
  readonly pipelineName: string;
  readonly createdAt: string;
  /** One entry per resource, in run order. */
  readonly resources: readonly ExtractedResource[];
  /** The pipeline state to commit with this package's data. */
  readonly state: PipelineState;
}

export interface ExtractedResource {
  readonly config: TableConfig;
  /** File names under `extracted/`. */
  readonly files: readonly string[];
  readonly records: number;
  /**
   * Files under `extracted/` of the merge key values the resource declared fully re-read (`mergeKeyScope`), one
   * JSON array of values in key-path order per line. Absent when it declared none (and in older packages).
   */
  readonly scopeFiles?: readonly string[];
}

/** A data file of a normalized package; the path is relative to the package folder. */
export interface NormalizedFile {
  readonly path: string;
  readonly format: LoadFileFormat;
  readonly rows: number;
  readonly bytes: number;
}

/** Written when normalization completes. File paths are relative to the package folder (it moves). */
export interface NormalizedManifest {
  readonly loadId: string;
  readonly pipelineName: string;
  readonly schema: Schema;
  readonly schemaChanges: readonly SchemaChange[];
  readonly tables: readonly {
    readonly table: string;
    readonly writeDisposition: WriteDisposition;
    readonly rows: number;
    readonly files: readonly NormalizedFile[];
    /** Merge key scope files of a merge root table (see `TableLoad.mergeKeyScope`). */
    readonly mergeKeyScope?: readonly NormalizedFile[];
  }[];
  readonly state: PipelineState;
  /** Rows dropped by discard_row contracts, per table. */
  readonly discardedRows: Readonly<Record<string, number>>;
}
