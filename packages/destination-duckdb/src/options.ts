/** Options of `duckdb()`. */
export interface DuckDbOptions {
  /**
   * The database file, created when missing (its directory must exist), or `':memory:'` for a database that
   * lives as long as the destination object.
   */
  readonly path: string;
  /** The DuckDB schema to write into. Defaults to the pipeline's dataset name. */
  readonly schema?: string;
  /**
   * DuckDB configuration options applied when the database opens, e.g. `{ threads: '2', memory_limit: '1GB' }`
   * (see https://duckdb.org/docs/stable/configuration/overview). Defaults: `memory_limit` 512MB (DuckDB's own is
   * 80% of RAM; beyond the limit it spills to disk) and, for a file, `temp_directory` `<path>.tmp`.
   */
  readonly config?: Readonly<Record<string, string>>;
}
