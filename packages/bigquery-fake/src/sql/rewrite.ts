import { invalidQuery } from '../errors.js';
import { bytesLiteral, quoteIdent, quoteString } from './literals.js';
import { isWord, type Token } from './tokenize.js';
import { parseType } from './types.js';

/** A significant token plus whether whitespace preceded it (so the output keeps token boundaries). */
export interface SigToken extends Token {
  spaceBefore: boolean;
}

export interface RewriteContext {
  projectId: string;
  /** DuckDB literal for each named parameter, keyed by lower-cased name. */
  namedParams: ReadonlyMap<string, string>;
  positionalParams: readonly string[];
  /** Shared across the statements of a script: positional parameters are consumed in order. */
  positionalCursor: { next: number };
}

/** GoogleSQL functions renamed for DuckDB: [prefix replacing `NAME(`, suffix after the matching `)`]. */
const FUNCTIONS: Record<string, [string, string]> = {
  CURRENT_TIMESTAMP: ['get_current_timestamp(', ')'],
  CURRENT_DATE: ['today(', ')'],
  CURRENT_DATETIME: ['CAST(get_current_timestamp(', ') AS TIMESTAMP)'],
  TO_JSON_STRING: ['CAST(to_json(', ') AS VARCHAR)'],
  TO_JSON: ['to_json(', ')'],
  PARSE_JSON: ['json(', ')'],
  JSON_VALUE: ['json_extract_string(', ')'],
  JSON_QUERY: ['json_extract(', ')'],
  GENERATE_UUID: ['CAST(gen_random_uuid(', ') AS VARCHAR)'],
  UNIX_MICROS: ['epoch_us(', ')'],
  UNIX_MILLIS: ['epoch_ms(', ')'],
  UNIX_SECONDS: ['CAST(epoch(', ') AS BIGINT)'],
  ARRAY_LENGTH: ['len(', ')'],
  GENERATE_ARRAY: ['generate_series(', ')'],
  TIMESTAMP: ['CAST((', ') AS TIMESTAMPTZ)'],
  DATETIME: ['CAST((', ') AS TIMESTAMP)'],
  DATE: ['CAST((', ') AS DATE)'],
};

/** Typed literals `TIMESTAMP '...'` and friends. */
const TYPED_LITERALS: Record<string, string> = {
  TIMESTAMP: 'TIMESTAMPTZ',
  DATETIME: 'TIMESTAMP',
  DATE: 'DATE',
  TIME: 'TIME',
  JSON: 'JSON',
  NUMERIC: 'DECIMAL(38,9)',
  BIGNUMERIC: 'DECIMAL(38,18)',
};

// Words DuckDB reserves but GoogleSQL does not: unquoted in GoogleSQL they can only be identifiers.
const DUCKDB_ONLY_RESERVED = new Set(
  (
    'analyse analyze anti asof asymmetric authorization binary bit both check collation concurrently dec deferrable ' +
    'describe freeze generated glob grouping_id ilike initially inout lambda leading map national nchar none notnull ' +
    'out overlaps overlay pivot pivot_longer pivot_wider placing positional precision real references semi setof show ' +
    'similar summarize symmetric trailing try_cast unique unpack unpivot variadic verbose'
  ).split(' '),
);

/** Reads an identifier path (`a.b.c`, `` `p.d.t` ``, `` `p`.d.t ``) starting at `i`. */
export function readPath(
  tokens: readonly SigToken[],
  i: number,
): { parts: string[]; quoted: boolean; next: number } {
  const parts: string[] = [];
  let quoted = false;
  let j = i;
  for (;;) {
    const t = tokens[j];
    if (!t || (t.kind !== 'word' && t.kind !== 'quoted')) break;
    if (t.kind === 'quoted') {
      quoted = true;
      parts.push(...t.value.split('.'));
    } else {
      parts.push(t.value);
    }
    j += 1;
    const dot = tokens[j];
    const after = tokens[j + 1];
    if (
      dot?.text === '.' &&
      !dot.spaceBefore &&
      after &&
      (after.kind === 'word' || after.kind === 'quoted')
    ) {
      j += 1;
      continue;
    }
    break;
  }
  return { parts, quoted, next: j };
}

/** Drops the project from `project.dataset.table` when it is the fake's project. */
export function stripProject(parts: readonly string[], projectId: string): string[] {
  return parts.length >= 3 && parts[0] === projectId ? parts.slice(1) : [...parts];
}

export const renderPath = (parts: readonly string[]): string => parts.map(quoteIdent).join('.');

/** Rewrites GoogleSQL tokens [from, to) into DuckDB SQL text. */
export function rewrite(tokens: readonly SigToken[], from: number, to: number, ctx: RewriteContext): string {
  let out = '';
  const emit = (t: SigToken, text: string) => {
    out += (t.spaceBefore && out !== '' ? ' ' : '') + text;
  };
  // Each open parenthesis remembers the text to add after its `)` and whether it is a CAST.
  const parens: { suffix: string; cast: boolean }[] = [];
  let pending: { suffix: string; cast: boolean } | undefined;
  let i = from;
  while (i < to) {
    const t = tokens[i] as SigToken;
    const next = tokens[i + 1];
    const upper = t.kind === 'word' ? t.value.toUpperCase() : '';
    if (t.kind === 'punct' && t.text === '(') {
      parens.push(pending ?? { suffix: '', cast: false });
      pending = undefined;
      emit(t, '(');
      i += 1;
      continue;
    }
    if (t.kind === 'punct' && t.text === ')') {
      const open = parens.pop();
      emit(t, `)${open?.suffix.slice(1) ?? ''}`);
      i += 1;
      continue;
    }
    if (upper === 'STRUCT' && next?.text === '(') {
      const close = matchingParen(tokens, i + 1);
      emit(t, structPack(tokens, i + 2, close, ctx));
      i = close + 1;
      continue;
    }
    if (upper === 'IN' && isWord(next, 'UNNEST') && tokens[i + 2]?.text === '(') {
      // `x IN UNNEST(array)` has no DuckDB equivalent; a subquery over the unnested list does the same.
      emit(t, 'IN (SELECT unnest');
      pending = { suffix: '))', cast: false };
      i += 2;
      continue;
    }
    if (t.kind === 'word' && upper === 'AS' && parens.at(-1)?.cast) {
      const type = parseType(tokens, i + 1);
      emit(t, `AS ${type.duckdb}`);
      i = type.next;
      continue;
    }
    if (t.kind === 'word' && next?.text === '(' && (upper === 'CAST' || upper === 'SAFE_CAST')) {
      emit(t, upper === 'CAST' ? 'CAST' : 'TRY_CAST');
      pending = { suffix: ')', cast: true };
      i += 1;
      continue;
    }
    if (t.kind === 'word' && next?.text === '(' && FUNCTIONS[upper] && !isQualified(tokens, i)) {
      const [prefix, suffix] = FUNCTIONS[upper] as [string, string];
      emit(t, prefix.slice(0, -1));
      pending = { suffix, cast: false };
      i += 1;
      continue;
    }
    if (t.kind === 'word' && TYPED_LITERALS[upper] && next?.kind === 'string') {
      emit(t, `CAST(${quoteString(next.value)} AS ${TYPED_LITERALS[upper]})`);
      i += 2;
      continue;
    }
    if (t.kind === 'word' && upper === 'INSERT' && isWord(next, 'ROW')) {
      // MERGE ... WHEN NOT MATCHED THEN INSERT ROW
      emit(t, 'INSERT *');
      i += 2;
      continue;
    }
    if (t.kind === 'quoted' || (t.kind === 'word' && next?.text === '.' && !next.spaceBefore)) {
      const path = readPath(tokens, i);
      const parts = stripProject(path.parts, ctx.projectId);
      emit(t, path.quoted || parts.length !== path.parts.length ? renderPath(parts) : path.parts.join('.'));
      i = path.next;
      continue;
    }
    if (t.kind === 'word' && next?.text !== '(' && DUCKDB_ONLY_RESERVED.has(t.value.toLowerCase())) {
      emit(t, quoteIdent(t.value));
      i += 1;
      continue;
    }
    switch (t.kind) {
      case 'string':
        emit(t, quoteString(t.value));
        break;
      case 'bytes':
        emit(
          t,
          bytesLiteral(
            Buffer.from(t.value, [...t.value].every((c) => c.charCodeAt(0) < 256) ? 'latin1' : 'utf8'),
          ),
        );
        break;
      case 'param':
        emit(t, namedParam(t, ctx));
        break;
      case 'positional':
        emit(t, positionalParam(ctx));
        break;
      default:
        emit(t, t.text);
    }
    i += 1;
  }
  return out;
}

/** Index of the `)` matching the `(` at `open`. */
function matchingParen(tokens: readonly SigToken[], open: number): number {
  let depth = 0;
  for (let j = open; j < tokens.length; j++) {
    if (tokens[j]?.text === '(') depth += 1;
    else if (tokens[j]?.text === ')') {
      depth -= 1;
      if (depth === 0) return j;
    }
  }
  throw invalidQuery('Syntax error: Unbalanced parentheses');
}

/** `STRUCT(a AS x, b)` → `struct_pack("x" := a, "_field_2" := b)` (DuckDB needs every field named). */
function structPack(tokens: readonly SigToken[], from: number, to: number, ctx: RewriteContext): string {
  const fields: string[] = [];
  let start = from;
  let depth = 0;
  for (let j = from; j <= to; j++) {
    const text = tokens[j]?.text;
    if (text === '(') depth += 1;
    else if (text === ')' && j < to) depth -= 1;
    if ((text === ',' && depth === 0) || j === to) {
      if (j > start) {
        const named = isWord(tokens[j - 2], 'AS');
        const name = named ? (tokens[j - 1]?.value ?? '') : `_field_${fields.length + 1}`;
        fields.push(`${quoteIdent(name)} := ${rewrite(tokens, start, named ? j - 2 : j, ctx)}`);
      }
      start = j + 1;
    }
  }
  return `struct_pack(${fields.join(', ')})`;
}

function isQualified(tokens: readonly SigToken[], i: number): boolean {
  return i > 0 && tokens[i - 1]?.text === '.';
}

function namedParam(t: Token, ctx: RewriteContext): string {
  if (t.value.startsWith('@')) {
    throw invalidQuery(`System variables (@${t.value}) are not supported by the BigQuery fake.`);
  }
  const literal = ctx.namedParams.get(t.value.toLowerCase());
  if (literal === undefined) throw invalidQuery(`Query parameter '${t.value}' not found at [${t.start}]`);
  return literal;
}

function positionalParam(ctx: RewriteContext): string {
  const literal = ctx.positionalParams[ctx.positionalCursor.next];
  if (literal === undefined) {
    throw invalidQuery(
      `Query has more positional parameters (?) than the ${ctx.positionalParams.length} given in queryParameters.`,
    );
  }
  ctx.positionalCursor.next += 1;
  return literal;
}
