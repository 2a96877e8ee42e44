import { canonicalType, duckDbType } from '../catalog/types.js';
import { invalidQuery } from '../errors.js';
import { isWord, type Token } from './tokenize.js';

export interface ParsedType {
  /** DuckDB type text. */
  duckdb: string;
  /** BigQuery type as written, normalized (`INTEGER`, `STRING`, `ARRAY<INTEGER>`...). */
  bigquery: string;
  /** Index of the first token after the type. */
  next: number;
}

/** Parses a GoogleSQL type starting at `tokens[i]` (significant tokens only). */
export function parseType(tokens: readonly Token[], i: number): ParsedType {
  const head = tokens[i];
  if (!head || (head.kind !== 'word' && head.kind !== 'quoted')) {
    throw invalidQuery(
      `Syntax error: Expected a type but got ${head ? `"${head.text}"` : 'end of statement'}`,
    );
  }
  const name = head.value.toUpperCase();
  if (name === 'ARRAY' && tokens[i + 1]?.text === '<') {
    const inner = parseType(tokens, i + 2);
    expectClose(tokens, inner.next);
    return { duckdb: `${inner.duckdb}[]`, bigquery: `ARRAY<${inner.bigquery}>`, next: inner.next + 1 };
  }
  if (name === 'STRUCT' && tokens[i + 1]?.text === '<') {
    let j = i + 2;
    const duckFields: string[] = [];
    const bqFields: string[] = [];
    while (tokens[j] && tokens[j]?.text !== '>') {
      const fieldName = tokens[j] as Token;
      const fieldType = parseType(tokens, j + 1);
      duckFields.push(`"${fieldName.value}" ${fieldType.duckdb}`);
      bqFields.push(`${fieldName.value} ${fieldType.bigquery}`);
      j = fieldType.next;
      if (tokens[j]?.text === ',') j += 1;
    }
    expectClose(tokens, j);
    return {
      duckdb: `STRUCT(${duckFields.join(', ')})`,
      bigquery: `STRUCT<${bqFields.join(', ')}>`,
      next: j + 1,
    };
  }
  const canonical = canonicalType(name);
  if (!canonical) throw invalidQuery(`Type not found: ${head.value}`);
  let next = i + 1;
  const params: string[] = [];
  if (tokens[next]?.text === '(') {
    next += 1;
    while (tokens[next] && tokens[next]?.text !== ')') {
      if (tokens[next]?.kind === 'number') params.push(tokens[next]?.text ?? '');
      next += 1;
    }
    next += 1;
  }
  const duckdb =
    canonical === 'NUMERIC' && params.length > 0
      ? duckDbType(canonical, params[0], params[1])
      : duckDbType(canonical);
  return { duckdb, bigquery: canonical, next };
}

function expectClose(tokens: readonly Token[], i: number): void {
  if (tokens[i]?.text !== '>') throw invalidQuery('Syntax error: Expected ">" to close a parameterized type');
}

/** True if the token starts a GoogleSQL type name. */
export const looksLikeType = (t: Token | undefined): boolean =>
  t !== undefined &&
  t.kind === 'word' &&
  (canonicalType(t.value) !== undefined || isWord(t, 'ARRAY') || isWord(t, 'STRUCT'));
