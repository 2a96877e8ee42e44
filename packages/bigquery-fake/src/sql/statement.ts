import { invalidQuery } from '../errors.js';
import { type DdlOptions, isOptions, parseDdlOptions } from './ddl-options.js';
import { quoteIdent } from './literals.js';
import {
  type RewriteContext,
  readPath,
  renderPath,
  rewrite,
  type SigToken,
  stripProject,
} from './rewrite.js';
import { tablesRead } from './table-reads.js';
import { isSignificant, isWord, type Token } from './tokenize.js';
import { parseType } from './types.js';

export type StatementKind =
  | 'SELECT'
  | 'INSERT'
  | 'UPDATE'
  | 'DELETE'
  | 'MERGE'
  | 'TRUNCATE_TABLE'
  | 'CREATE_TABLE'
  | 'CREATE_TABLE_AS_SELECT'
  | 'DROP_TABLE'
  | 'ALTER_TABLE'
  | 'CREATE_SCHEMA'
  | 'DROP_SCHEMA'
  | 'BEGIN_TRANSACTION'
  | 'COMMIT_TRANSACTION'
  | 'ROLLBACK_TRANSACTION';

/** `dataset.table` as written; `datasetId` is absent for unqualified names (default dataset or temp table). */
export interface TableRef {
  datasetId?: string;
  tableId: string;
}

export interface ColumnDefinition {
  name: string;
  /** BigQuery type (canonical REST name, or ARRAY<...>/STRUCT<...>). */
  type: string;
  duckdb: string;
  notNull: boolean;
}

export type AlterAction =
  | { kind: 'addColumn'; column: ColumnDefinition; ifNotExists: boolean }
  | { kind: 'dropColumn'; name: string; ifExists: boolean }
  | { kind: 'dropNotNull'; name: string }
  | { kind: 'setDataType'; name: string; type: string; duckdb: string }
  | { kind: 'renameTable'; to: string }
  | { kind: 'renameColumn'; from: string; to: string }
  | { kind: 'setOptions'; options: DdlOptions }
  | { kind: 'setColumnOptions' };

export interface Statement {
  kind: StatementKind;
  /** The GoogleSQL text of the statement. */
  source: string;
  /** Offset of the statement in the whole script (for error positions). */
  sourceStart: number;
  /** DuckDB statements to run, in order. */
  duckdb: string[];
  target?: TableRef;
  temporary?: boolean;
  columns?: ColumnDefinition[];
  alter?: AlterAction[];
  partitioning?: { field?: string; type: string };
  clustering?: string[];
  /** `OPTIONS(...)` of CREATE TABLE / CREATE SCHEMA (labels, description, expiration, location). */
  options?: DdlOptions;
  /** CREATE ... IF NOT EXISTS: an existing object keeps its metadata. */
  ifNotExists?: boolean;
  /** Dataset-qualified tables the statement reads (FROM, JOIN, USING). */
  reads?: TableRef[];
}

const sig = (tokens: readonly Token[]): SigToken[] => {
  const out: SigToken[] = [];
  let space = false;
  for (const t of tokens) {
    if (isSignificant(t)) {
      out.push({ ...t, spaceBefore: space });
      space = false;
    } else {
      space = true;
    }
  }
  return out;
};

/** Parses and translates one GoogleSQL statement (tokens from `splitStatements`). */
export function translateStatement(tokens: readonly Token[], script: string, ctx: RewriteContext): Statement {
  const statement = translate(tokens, script, ctx);
  const reads = tablesRead(sig(tokens), ctx.projectId);
  return reads.length > 0 ? { ...statement, reads } : statement;
}

function translate(tokens: readonly Token[], script: string, ctx: RewriteContext): Statement {
  const t = sig(tokens);
  const first = tokens.find(isSignificant) as Token;
  const last = [...tokens].reverse().find(isSignificant) as Token;
  const base = {
    source: script.slice(first.start, last.start + last.text.length),
    sourceStart: first.start,
  };
  const w = (i: number, word: string) => isWord(t[i], word);
  const head = t[0]?.value.toUpperCase();
  switch (head) {
    case 'SELECT':
    case 'WITH':
      return { ...base, kind: 'SELECT', duckdb: [rewrite(t, 0, t.length, ctx)] };
    case '(':
      return { ...base, kind: 'SELECT', duckdb: [rewrite(t, 0, t.length, ctx)] };
    case 'BEGIN':
    case 'START':
      if (t.length === 1 || (t.length === 2 && w(1, 'TRANSACTION'))) {
        return { ...base, kind: 'BEGIN_TRANSACTION', duckdb: ['BEGIN TRANSACTION'] };
      }
      throw unsupported(base.source, 'BEGIN ... END blocks and exception handlers');
    case 'COMMIT':
      return { ...base, kind: 'COMMIT_TRANSACTION', duckdb: ['COMMIT'] };
    case 'ROLLBACK':
      return { ...base, kind: 'ROLLBACK_TRANSACTION', duckdb: ['ROLLBACK'] };
    case 'INSERT': {
      const at = w(1, 'INTO') ? 2 : 1;
      const path = tablePath(t, at, ctx);
      return {
        ...base,
        kind: 'INSERT',
        target: path.ref,
        duckdb: [`INSERT INTO ${path.sql} ${rewrite(t, path.next, t.length, ctx)}`],
      };
    }
    case 'DELETE': {
      const at = w(1, 'FROM') ? 2 : 1;
      const path = tablePath(t, at, ctx);
      requireWhere(t, path.next, 'DELETE');
      return {
        ...base,
        kind: 'DELETE',
        target: path.ref,
        duckdb: [`DELETE FROM ${path.sql} ${rewrite(t, path.next, t.length, ctx)}`],
      };
    }
    case 'UPDATE': {
      const path = tablePath(t, 1, ctx);
      requireWhere(t, path.next, 'UPDATE');
      return {
        ...base,
        kind: 'UPDATE',
        target: path.ref,
        duckdb: [`UPDATE ${path.sql} ${rewrite(t, path.next, t.length, ctx)}`],
      };
    }
    case 'MERGE': {
      const at = w(1, 'INTO') ? 2 : 1;
      const path = tablePath(t, at, ctx);
      return {
        ...base,
        kind: 'MERGE',
        target: path.ref,
        duckdb: [`MERGE INTO ${path.sql} ${rewrite(t, path.next, t.length, ctx)}`],
      };
    }
    case 'TRUNCATE': {
      if (!w(1, 'TABLE')) throw invalidQuery('Syntax error: Expected keyword TABLE after TRUNCATE');
      const path = tablePath(t, 2, ctx);
      return { ...base, kind: 'TRUNCATE_TABLE', target: path.ref, duckdb: [`TRUNCATE TABLE ${path.sql}`] };
    }
    case 'DROP':
      return translateDrop(t, base, ctx);
    case 'CREATE':
      return translateCreate(t, base, ctx);
    case 'ALTER':
      return translateAlter(t, base, ctx);
    default:
      throw unsupported(base.source, `statements starting with ${t[0]?.text ?? ''}`);
  }
}

function unsupported(source: string, what: string) {
  return invalidQuery(
    `The BigQuery fake does not support ${what} (statement: ${source.slice(0, 80)}). Supported: SELECT, INSERT, UPDATE, DELETE, MERGE, TRUNCATE TABLE, CREATE/DROP/ALTER TABLE, CREATE/DROP SCHEMA, BEGIN/COMMIT/ROLLBACK TRANSACTION.`,
  );
}

function requireWhere(t: readonly SigToken[], from: number, verb: string): void {
  let depth = 0;
  for (let i = from; i < t.length; i++) {
    const tok = t[i] as SigToken;
    if (tok.text === '(') depth += 1;
    else if (tok.text === ')') depth -= 1;
    else if (depth === 0 && isWord(tok, 'WHERE')) return;
  }
  throw invalidQuery(`${verb} must have a WHERE clause at [1:1]`);
}

function tablePath(
  t: readonly SigToken[],
  at: number,
  ctx: RewriteContext,
): { ref: TableRef; sql: string; next: number } {
  const path = readPath(t, at);
  if (path.parts.length === 0)
    throw invalidQuery(`Syntax error: Expected a table name at "${t[at]?.text ?? ''}"`);
  const parts = stripProject(path.parts, ctx.projectId);
  if (parts.length > 2)
    throw invalidQuery(`Not found: Project ${parts[0]} (the fake serves only ${ctx.projectId})`);
  const ref: TableRef =
    parts.length === 2
      ? { datasetId: parts[0] as string, tableId: parts[1] as string }
      : { tableId: parts[0] as string };
  return { ref, sql: renderPath(parts), next: path.next };
}

type Base = Pick<Statement, 'source' | 'sourceStart'>;

function translateDrop(t: readonly SigToken[], base: Base, ctx: RewriteContext): Statement {
  const isSchema = isWord(t[1], 'SCHEMA');
  if (!isWord(t[1], 'TABLE') && !isSchema) throw unsupported(base.source, `DROP ${t[1]?.text ?? ''}`);
  const ifExists = isWord(t[2], 'IF') && isWord(t[3], 'EXISTS');
  const at = ifExists ? 4 : 2;
  if (isSchema) {
    const path = readPath(t, at);
    const parts = stripProject(path.parts, ctx.projectId);
    const cascade = isWord(t[path.next], 'CASCADE') ? ' CASCADE' : '';
    return {
      ...base,
      kind: 'DROP_SCHEMA',
      target: { datasetId: parts.at(-1) as string, tableId: '' },
      duckdb: [`DROP SCHEMA ${ifExists ? 'IF EXISTS ' : ''}${quoteIdent(parts.at(-1) as string)}${cascade}`],
    };
  }
  const path = tablePath(t, at, ctx);
  return {
    ...base,
    kind: 'DROP_TABLE',
    target: path.ref,
    duckdb: [`DROP TABLE ${ifExists ? 'IF EXISTS ' : ''}${path.sql}`],
  };
}

function translateCreate(t: readonly SigToken[], base: Base, ctx: RewriteContext): Statement {
  let i = 1;
  const orReplace = isWord(t[i], 'OR') && isWord(t[i + 1], 'REPLACE');
  if (orReplace) i += 2;
  const temporary = isWord(t[i], 'TEMP') || isWord(t[i], 'TEMPORARY');
  if (temporary) i += 1;
  if (isWord(t[i], 'SCHEMA')) return translateCreateSchema(t, i + 1, base, ctx);
  if (!isWord(t[i], 'TABLE')) throw unsupported(base.source, `CREATE ${t[i]?.text ?? ''}`);
  i += 1;
  const ifNotExists = isWord(t[i], 'IF') && isWord(t[i + 1], 'NOT') && isWord(t[i + 2], 'EXISTS');
  if (ifNotExists) i += 3;
  const path = tablePath(t, i, ctx);
  i = path.next;
  const columns: ColumnDefinition[] = [];
  if (t[i]?.text === '(' && !isWord(t[i + 1], 'SELECT') && !isWord(t[i + 1], 'WITH')) {
    i = parseColumnList(t, i + 1, columns);
  }
  let partitioning: Statement['partitioning'];
  let clustering: string[] | undefined;
  let options: DdlOptions | undefined;
  let asQuery: string | undefined;
  while (i < t.length) {
    if (isWord(t[i], 'PARTITION') && isWord(t[i + 1], 'BY')) {
      const end = clauseEnd(t, i + 2);
      partitioning = parsePartitioning(t.slice(i + 2, end));
      i = end;
    } else if (isWord(t[i], 'CLUSTER') && isWord(t[i + 1], 'BY')) {
      const end = clauseEnd(t, i + 2);
      clustering = t
        .slice(i + 2, end)
        .filter((x) => x.kind === 'word' || x.kind === 'quoted')
        .map((x) => x.value);
      if (clustering.length > 4) throw invalidQuery('Too many clustering columns: at most 4 are allowed');
      i = end;
    } else if (isOptions(t, i)) {
      const parsed = parseDdlOptions(t, i + 1);
      options = parsed.options;
      i = parsed.next;
    } else if (isWord(t[i], 'DEFAULT') && isWord(t[i + 1], 'COLLATE')) {
      i += 3;
    } else if (isWord(t[i], 'AS')) {
      asQuery = rewrite(t, i + 1, t.length, ctx);
      i = t.length;
    } else {
      throw unsupported(base.source, `CREATE TABLE clause "${t[i]?.text ?? ''}"`);
    }
  }
  const head = `CREATE ${orReplace ? 'OR REPLACE ' : ''}${temporary ? 'TEMP ' : ''}TABLE ${ifNotExists ? 'IF NOT EXISTS ' : ''}${path.sql}`;
  const duckdb: string[] = [];
  if (asQuery && columns.length === 0) {
    duckdb.push(`${head} AS ${asQuery}`);
  } else {
    if (columns.length === 0) throw invalidQuery('CREATE TABLE needs a column list or AS query');
    duckdb.push(`${head} (${columns.map(renderColumn).join(', ')})`);
    if (asQuery) duckdb.push(`INSERT INTO ${path.sql} ${asQuery}`);
  }
  return {
    ...base,
    kind: asQuery ? 'CREATE_TABLE_AS_SELECT' : 'CREATE_TABLE',
    target: path.ref,
    temporary,
    columns,
    duckdb,
    ...(partitioning ? { partitioning } : {}),
    ...(clustering ? { clustering } : {}),
    ...(options ? { options } : {}),
    ...(ifNotExists ? { ifNotExists } : {}),
  };
}

const renderColumn = (c: ColumnDefinition): string =>
  `${quoteIdent(c.name)} ${c.duckdb}${c.notNull ? ' NOT NULL' : ''}`;

function translateCreateSchema(
  t: readonly SigToken[],
  at: number,
  base: Base,
  ctx: RewriteContext,
): Statement {
  let i = at;
  const ifNotExists = isWord(t[i], 'IF') && isWord(t[i + 1], 'NOT') && isWord(t[i + 2], 'EXISTS');
  if (ifNotExists) i += 3;
  const path = readPath(t, i);
  const parts = stripProject(path.parts, ctx.projectId);
  const datasetId = parts.at(-1) as string;
  let options: DdlOptions | undefined;
  for (let j = path.next; j < t.length; j++) {
    if (isOptions(t, j)) options = parseDdlOptions(t, j + 1).options;
  }
  return {
    ...base,
    kind: 'CREATE_SCHEMA',
    target: { datasetId, tableId: '' },
    duckdb: [`CREATE SCHEMA ${ifNotExists ? 'IF NOT EXISTS ' : ''}${quoteIdent(datasetId)}`],
    ...(options ? { options } : {}),
    ...(ifNotExists ? { ifNotExists } : {}),
  };
}

function translateAlter(t: readonly SigToken[], base: Base, ctx: RewriteContext): Statement {
  if (!isWord(t[1], 'TABLE')) throw unsupported(base.source, `ALTER ${t[1]?.text ?? ''}`);
  let i = 2;
  if (isWord(t[i], 'IF') && isWord(t[i + 1], 'EXISTS')) i += 2;
  const path = tablePath(t, i, ctx);
  i = path.next;
  const actions: AlterAction[] = [];
  while (i < t.length) {
    const end = clauseEndAtComma(t, i);
    actions.push(parseAlterAction(t.slice(i, end), base.source));
    i = end + 1;
  }
  const duckdb = actions.flatMap((a) => renderAlter(path.sql, a));
  return { ...base, kind: 'ALTER_TABLE', target: path.ref, alter: actions, duckdb };
}

function parseAlterAction(a: readonly SigToken[], source: string): AlterAction {
  const w = (i: number, word: string) => isWord(a[i], word);
  if (w(0, 'ADD') && w(1, 'COLUMN')) {
    const ifNotExists = w(2, 'IF') && w(3, 'NOT') && w(4, 'EXISTS');
    const columns: ColumnDefinition[] = [];
    parseColumn(a, ifNotExists ? 5 : 2, a.length, columns);
    return { kind: 'addColumn', column: columns[0] as ColumnDefinition, ifNotExists };
  }
  if (w(0, 'DROP') && w(1, 'COLUMN')) {
    const ifExists = w(2, 'IF') && w(3, 'EXISTS');
    return { kind: 'dropColumn', name: a[ifExists ? 4 : 2]?.value ?? '', ifExists };
  }
  if (w(0, 'RENAME') && w(1, 'TO')) return { kind: 'renameTable', to: a[2]?.value ?? '' };
  if (w(0, 'RENAME') && w(1, 'COLUMN'))
    return { kind: 'renameColumn', from: a[2]?.value ?? '', to: a[4]?.value ?? '' };
  if (w(0, 'SET') && isOptions(a, 1)) return { kind: 'setOptions', options: parseDdlOptions(a, 2).options };
  if (w(0, 'ALTER') && w(1, 'COLUMN')) {
    const name = a[2]?.value ?? '';
    if (w(3, 'DROP') && w(4, 'NOT') && w(5, 'NULL')) return { kind: 'dropNotNull', name };
    if (w(3, 'SET') && w(4, 'DATA') && w(5, 'TYPE')) {
      const type = parseType(a, 6);
      return { kind: 'setDataType', name, type: type.bigquery, duckdb: type.duckdb };
    }
    if (w(3, 'SET') && w(4, 'OPTIONS')) return { kind: 'setColumnOptions' };
  }
  throw unsupported(source, `ALTER TABLE action "${a.map((x) => x.text).join(' ')}"`);
}

function renderAlter(table: string, a: AlterAction): string[] {
  switch (a.kind) {
    case 'addColumn':
      return [
        `ALTER TABLE ${table} ADD COLUMN ${a.ifNotExists ? 'IF NOT EXISTS ' : ''}${quoteIdent(a.column.name)} ${a.column.duckdb}`,
      ];
    case 'dropColumn':
      return [`ALTER TABLE ${table} DROP COLUMN ${a.ifExists ? 'IF EXISTS ' : ''}${quoteIdent(a.name)}`];
    case 'dropNotNull':
      return [`ALTER TABLE ${table} ALTER COLUMN ${quoteIdent(a.name)} DROP NOT NULL`];
    case 'setDataType':
      return [`ALTER TABLE ${table} ALTER COLUMN ${quoteIdent(a.name)} SET DATA TYPE ${a.duckdb}`];
    case 'renameTable':
      return [`ALTER TABLE ${table} RENAME TO ${quoteIdent(a.to)}`];
    case 'renameColumn':
      return [`ALTER TABLE ${table} RENAME COLUMN ${quoteIdent(a.from)} TO ${quoteIdent(a.to)}`];
    case 'setOptions':
    case 'setColumnOptions':
      return [];
  }
}

/** Parses `name TYPE [NOT NULL] [OPTIONS(...)], ...)` from `i` (after the `(`); returns the index after `)`. */
function parseColumnList(t: readonly SigToken[], i: number, out: ColumnDefinition[]): number {
  let j = i;
  while (j < t.length && t[j]?.text !== ')') {
    const end = clauseEndAtComma(t, j, true);
    if (!isWord(t[j], 'PRIMARY') && !isWord(t[j], 'FOREIGN') && !isWord(t[j], 'CONSTRAINT')) {
      parseColumn(t, j, end, out);
    }
    j = t[end]?.text === ',' ? end + 1 : end;
  }
  return j + 1;
}

function parseColumn(t: readonly SigToken[], i: number, end: number, out: ColumnDefinition[]): void {
  const name = t[i];
  if (!name || (name.kind !== 'word' && name.kind !== 'quoted')) {
    throw invalidQuery(`Syntax error: Expected a column name at "${name?.text ?? 'end of statement'}"`);
  }
  const type = parseType(t, i + 1);
  let notNull = false;
  for (let j = type.next; j < end; j++) {
    if (isWord(t[j], 'NOT') && isWord(t[j + 1], 'NULL')) notNull = true;
  }
  out.push({ name: name.value, type: type.bigquery, duckdb: type.duckdb, notNull });
}

/** Index of the next top-level `,` (or `)` closing the list when `inList`), or the end. */
function clauseEndAtComma(t: readonly SigToken[], i: number, inList = false): number {
  let depth = 0;
  for (let j = i; j < t.length; j++) {
    const x = t[j]?.text;
    if (x === '(' || x === '<') depth += 1;
    else if (x === ')' || x === '>') {
      if (depth === 0 && inList && x === ')') return j;
      depth -= 1;
    } else if (x === ',' && depth === 0) return j;
  }
  return t.length;
}

const CREATE_CLAUSES = ['CLUSTER', 'OPTIONS', 'AS', 'PARTITION'];

function clauseEnd(t: readonly SigToken[], i: number): number {
  let depth = 0;
  for (let j = i; j < t.length; j++) {
    const x = t[j] as SigToken;
    if (x.text === '(') depth += 1;
    else if (x.text === ')') depth -= 1;
    else if (depth === 0 && x.kind === 'word' && CREATE_CLAUSES.includes(x.value.toUpperCase())) return j;
  }
  return t.length;
}

/** `DATE(col)`, `TIMESTAMP_TRUNC(col, MONTH)`, `col`, `_PARTITIONDATE` → timePartitioning. */
function parsePartitioning(p: readonly SigToken[]): { field?: string; type: string } {
  const words = p.filter((x) => x.kind === 'word' || x.kind === 'quoted');
  const fn = words[0]?.value.toUpperCase() ?? '';
  if (fn === '_PARTITIONDATE' || fn === '_PARTITIONTIME') return { type: 'DAY' };
  if (p[1]?.text === '(') {
    const field = words[1]?.value;
    const unit = fn.endsWith('_TRUNC') ? (words[2]?.value.toUpperCase() ?? 'DAY') : 'DAY';
    return field ? { field, type: unit } : { type: unit };
  }
  const field = words[0]?.value;
  return field ? { field, type: 'DAY' } : { type: 'DAY' };
}
