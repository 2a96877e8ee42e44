import { type DuckDBConnection, DuckDBInstance, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';

export interface QueryResult {
  columns: { name: string; type: DuckDBType }[];
  rows: DuckDBValue[][];
}

/**
 * One in-memory DuckDB database with one connection. Every job and REST call runs under `exclusive`,
 * so statements never interleave (a script's transaction is never visible half-done to other calls).
 */
export class Database {
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  static async create(): Promise<Database> {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    // BigQuery TIMESTAMPs are UTC instants; render them in UTC.
    await connection.run("SET TimeZone = 'UTC'");
    return new Database(instance, connection);
  }

  /** Runs `fn` after every previously scheduled call has finished. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn, fn);
    this.tail = result.catch(() => undefined);
    return result;
  }

  async run(sql: string): Promise<QueryResult> {
    const reader = await this.connection.runAndReadAll(sql);
    const names = reader.columnNames();
    const types = reader.columnTypes();
    return {
      columns: names.map((name, i) => ({ name, type: types[i] as DuckDBType })),
      rows: reader.getRows(),
    };
  }

  /** Runs a query and returns its rows as JSON-friendly objects (BIGINT as string). */
  async rowsJson(sql: string): Promise<Record<string, unknown>[]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjectsJson() as Record<string, unknown>[];
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
