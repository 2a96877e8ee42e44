import { type DuckDBConnection, type DuckDBResult, ResultReturnType } from '@duckdb/node-api';
import type { CompiledQuery, DatabaseConnection, QueryResult } from 'kysely';
import { type ResultValue, resultValueConverter, toDuckDbValue } from './values.js';

type Row = Record<string, ResultValue>;

/** A kysely connection over one DuckDB connection. Rows are mapped by `resultValueConverter`. */
export class DuckDbConnection implements DatabaseConnection {
  readonly #connection: DuckDBConnection;

  constructor(connection: DuckDBConnection) {
    this.#connection = connection;
  }

  /** The underlying DuckDB connection, for work kysely does not cover (file loads). */
  get raw(): DuckDBConnection {
    return this.#connection;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.#connection.run(compiledQuery.sql, compiledQuery.parameters.map(toDuckDbValue));
    const rows = (await result.convertRowObjects(resultValueConverter)) as Row[];
    return { rows: rows as R[], ...affectedRows(result) };
  }

  async *streamQuery<R>(
    compiledQuery: CompiledQuery,
    chunkSize = 2048,
  ): AsyncIterableIterator<QueryResult<R>> {
    const result = await this.#connection.stream(
      compiledQuery.sql,
      compiledQuery.parameters.map(toDuckDbValue),
    );
    let buffer: Row[] = [];
    for await (const rows of result.yieldConvertedRowObjects(resultValueConverter)) {
      buffer.push(...(rows as Row[]));
      while (buffer.length >= chunkSize) {
        yield { rows: buffer.splice(0, chunkSize) as R[] };
      }
    }
    if (buffer.length > 0) yield { rows: buffer as R[] };
    buffer = [];
  }

  close(): void {
    this.#connection.closeSync();
  }
}

function affectedRows(result: DuckDBResult): { numAffectedRows?: bigint } {
  return result.returnType === ResultReturnType.CHANGED_ROWS
    ? { numAffectedRows: BigInt(result.rowsChanged) }
    : {};
}
