import type { QueryParameter } from '@google-cloud/bigquery';
import type { CompiledQuery } from 'kysely';
import { toQueryParameters } from './query-parameters.js';

/**
 * Renames the `@pN` parameters of one statement to `@<prefix>N`, skipping quoted strings and identifiers, so
 * statements compiled separately (each numbered from @p1) can share one script.
 */
export function renameParameters(sql: string, prefix: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i] as string;
    if (c === "'" || c === '"' || c === '`') {
      // Copy the quoted text verbatim, honoring backslash escapes.
      let j = i + 1;
      while (j < sql.length && sql[j] !== c) j += sql[j] === '\\' ? 2 : 1;
      out += sql.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const match = c === '@' ? /^@p(\d+)(?![A-Za-z0-9_])/.exec(sql.slice(i, i + 24)) : null;
    if (match) {
      out += `@${prefix}${match[1]}`;
      i += match[0].length;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

export interface Script {
  readonly sql: string;
  readonly parameters: QueryParameter[];
}

/** Statements as one multi-statement query (one job), each with its own parameter names. */
export function multiStatementScript(statements: readonly CompiledQuery[]): Script {
  const parts: string[] = [];
  const parameters: QueryParameter[] = [];
  statements.forEach((statement, index) => {
    const prefix = `s${index + 1}_p`;
    parts.push(`${renameParameters(statement.sql.trim().replace(/;+$/, ''), prefix)};`);
    parameters.push(...toQueryParameters(statement.parameters, prefix));
  });
  return { sql: parts.join('\n'), parameters };
}

/**
 * One multi-statement transaction: BigQuery commits all statements or none, and rolls back by itself when a
 * statement fails, so a failed load leaves the previous data, state and loads rows in place.
 */
export function transactionScript(statements: readonly CompiledQuery[]): Script {
  const body = multiStatementScript(statements);
  return {
    sql: ['BEGIN TRANSACTION;', body.sql, 'COMMIT TRANSACTION;'].join('\n'),
    parameters: body.parameters,
  };
}
