import type { ColumnSchema, DynamicDatabase, LoadFile, QualifiedTable } from '@sluice/loader-core';
import { type CompiledQuery, type Kysely, type RawBuilder, sql } from 'kysely';
import { columnType } from '../schema/column-type.js';

/** Characters that make DuckDB treat a file path as a glob pattern; there is no way to escape them. */
const GLOB_CHARACTERS = /[*?[\]{}]/;

/**
 * How read_json reads each column. Most types parse straight from their JSON encoding (bigint from a number
 * or a string, decimal from a string, timestamps from ISO-8601 with any offset); binary arrives as base64
 * text and is decoded in the SELECT.
 */
function readType(column: ColumnSchema): string {
  return column.dataType === 'binary' ? 'VARCHAR' : columnType(column);
}

function selectExpression(column: ColumnSchema): RawBuilder<unknown> {
  const ref = sql.id(column.name);
  return column.dataType === 'binary' ? sql`from_base64(${ref})` : ref;
}

/**
 * `INSERT INTO target (cols) SELECT ... FROM read_json(file, columns = {...})`: DuckDB parses the file
 * itself, in parallel, with the table's own column types. Keys not listed are ignored, absent keys and
 * nulls become NULL, and a value that does not parse fails the statement (and so the load).
 */
export function compileReadJsonInsert(
  db: Kysely<DynamicDatabase>,
  file: LoadFile,
  target: QualifiedTable,
  columns: readonly ColumnSchema[],
): CompiledQuery {
  if (file.format !== 'jsonl') {
    throw new Error(
      `Cannot load "${file.path}": DuckDB loads JSONL files, not ${String(file.format)}. This is a bug in the caller.`,
    );
  }
  if (GLOB_CHARACTERS.test(file.path)) {
    throw new Error(
      `Cannot load "${file.path}": DuckDB would read a path containing * ? [ ] { } as a glob pattern. ` +
        'Move the load package to a folder whose path has none of these characters.',
    );
  }
  if (columns.length === 0) {
    throw new Error(`Cannot load "${file.path}" into ${target.table}: no columns were given.`);
  }
  const names = sql.join(columns.map((column) => sql.id(column.name)));
  const selected = sql.join(columns.map(selectExpression));
  const types = sql.join(columns.map((column) => sql`${sql.lit(column.name)}: ${sql.lit(readType(column))}`));
  return sql`INSERT INTO ${sql.id(target.dataset, target.table)} (${names})
SELECT ${selected}
FROM read_json(${sql.lit(file.path)}, format = 'newline_delimited', records = true, columns = {${types}})`.compile(
    db,
  );
}
