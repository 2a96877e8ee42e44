/** A table the analyzer should know, registered under `project.dataset.table`, `dataset.table` and, for the
 * default dataset or temp tables, `table`. */
export interface CatalogTable {
  projectId?: string;
  datasetId?: string;
  tableId: string;
  /** Columns with BigQuery types (legacy names like INTEGER/FLOAT are accepted). */
  fields: readonly { name: string; type: string }[];
}

export interface AnalyzeOptions {
  catalogTables: readonly CatalogTable[];
  /** Tables of this dataset are also registered unqualified (BigQuery's `defaultDataset`). */
  defaultDataset?: string;
  /** Named (`@name`) and positional (`?`) query parameter types, as BigQuery type names. */
  parameters?: readonly { name?: string; type: string }[];
}

export type AnalyzeResult =
  | { ok: true; statementKind: string }
  | { ok: false; message: string; line?: number; column?: number };

/** Validates GoogleSQL the way BigQuery's front end does. */
export interface SqlAnalyzer {
  analyze(sql: string, options: AnalyzeOptions): Promise<AnalyzeResult>;
  stop(): Promise<void>;
}
