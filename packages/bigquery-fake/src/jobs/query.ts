import type { DuckDBValue } from '@duckdb/node-api';
import type { Catalog } from '../catalog/catalog.js';
import { validateColumnName, validateTableId, validateUniqueColumnNames } from '../catalog/names.js';
import { canonicalType, type TableFieldSchema } from '../catalog/types.js';
import type { Database } from '../db.js';
import { BigQueryApiError, invalidQuery, notFound } from '../errors.js';
import { fieldOfColumn } from '../rows/encode.js';
import type { DdlOptions } from '../sql/ddl-options.js';
import { quoteIdent } from '../sql/literals.js';
import { type QueryParameter, renderParameters } from '../sql/params.js';
import { type Statement, type StatementKind, translateStatement } from '../sql/statement.js';
import { splitStatements, tokenize } from '../sql/tokenize.js';
import type { CatalogTable, SqlAnalyzer } from '../zetasql/types.js';

export interface QueryJobConfiguration {
  query: string;
  useLegacySql?: boolean;
  queryParameters?: QueryParameter[];
  parameterMode?: string;
  defaultDataset?: { projectId?: string; datasetId: string };
  dryRun?: boolean;
}

export interface QueryOutcome {
  statementType: StatementKind | 'SCRIPT';
  schema: TableFieldSchema[];
  rows: DuckDBValue[][];
  numDmlAffectedRows?: number;
  /** The DuckDB statements that ran, for test inspection. */
  executed: string[];
}

export interface QueryContext {
  db: Database;
  catalog: Catalog;
  analyzer?: SqlAnalyzer;
  /** The job's location; datasets elsewhere are "not found" as in BigQuery. */
  location: string;
}

const DML: ReadonlySet<StatementKind> = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'TRUNCATE_TABLE']);
const ALLOWED_IN_TRANSACTION: ReadonlySet<StatementKind> = new Set([
  'SELECT',
  'INSERT',
  'UPDATE',
  'DELETE',
  'MERGE',
  'TRUNCATE_TABLE',
  'COMMIT_TRANSACTION',
  'ROLLBACK_TRANSACTION',
]);

/** Runs a GoogleSQL query or script against DuckDB (caller holds the database lock). */
export async function runQuery(ctx: QueryContext, config: QueryJobConfiguration): Promise<QueryOutcome> {
  if (config.useLegacySql === true) {
    throw invalidQuery('The BigQuery fake supports GoogleSQL only; set useLegacySql: false.');
  }
  if (!config.query?.trim()) throw invalidQuery('Syntax error: Unexpected end of script at [1:1]');
  const script = config.query;
  const statementsTokens = splitStatements(tokenize(script));
  const params = renderParameters(config.queryParameters);
  const rewriteCtx = {
    projectId: ctx.catalog.projectId,
    namedParams: params.named,
    positionalParams: params.positional,
    positionalCursor: { next: 0 },
  };
  const defaultDataset = config.defaultDataset?.datasetId;
  if (defaultDataset) await requireDataset(ctx, defaultDataset);
  await ctx.db.run(
    `SET search_path = '${defaultDataset ? quoteIdent(defaultDataset).replaceAll("'", "''") : 'main'}'`,
  );

  const outcome: QueryOutcome = {
    statementType: statementsTokens.length > 1 ? 'SCRIPT' : 'SELECT',
    schema: [],
    rows: [],
    executed: [],
  };
  let inTransaction = false;
  let affected = 0;
  try {
    for (const tokens of statementsTokens) {
      const statement = translateStatement(tokens, script, rewriteCtx);
      if (statementsTokens.length === 1) outcome.statementType = statement.kind;
      await checkStatement(ctx, statement, inTransaction, defaultDataset);
      // A dry run executes nothing, so tables created earlier in the script do not exist yet.
      if (!config.dryRun) await checkReads(ctx, statement, defaultDataset);
      if (ctx.analyzer) await analyze(ctx, statement, script, config, defaultDataset);
      if (config.dryRun) continue;
      if (statement.kind === 'BEGIN_TRANSACTION') {
        if (inTransaction)
          throw invalidQuery('Transaction is already in progress; nested transactions are not supported');
        inTransaction = true;
      } else if (statement.kind === 'COMMIT_TRANSACTION' || statement.kind === 'ROLLBACK_TRANSACTION') {
        if (!inTransaction) throw invalidQuery(`${statement.source} without an active transaction`);
        inTransaction = false;
      }
      const existed = statement.ifNotExists ? await targetExists(ctx, statement) : false;
      let last: Awaited<ReturnType<Database['run']>> | undefined;
      for (const sql of statement.duckdb) {
        outcome.executed.push(sql);
        last = await runDuckDb(ctx, sql, statement);
      }
      await afterStatement(ctx, statement, existed);
      if (statement.kind === 'SELECT' && last) {
        outcome.schema = last.columns.map((c) => fieldOfColumn(c.name, c.type));
        outcome.rows = last.rows;
      } else {
        outcome.schema = [];
        outcome.rows = [];
      }
      if (DML.has(statement.kind) && statement.kind !== 'TRUNCATE_TABLE' && last) {
        affected += Number(last.rows[0]?.[0] ?? 0);
        outcome.numDmlAffectedRows = affected;
      }
    }
    // BigQuery rolls back a transaction the script did not commit.
    if (inTransaction) await ctx.db.run('ROLLBACK');
    inTransaction = false;
  } catch (error) {
    if (inTransaction) await ctx.db.run('ROLLBACK');
    throw error;
  } finally {
    await dropTempTables(ctx.db);
  }
  return outcome;
}

async function requireDataset(ctx: QueryContext, datasetId: string): Promise<void> {
  const meta = await ctx.catalog.datasetMeta(datasetId).catch((error: unknown) => {
    if (error instanceof BigQueryApiError && error.reason === 'notFound') {
      throw notFound(
        `Not found: Dataset ${ctx.catalog.projectId}:${datasetId} was not found in location ${ctx.location}`,
      );
    }
    throw error;
  });
  if (meta.location !== ctx.location) {
    throw notFound(
      `Not found: Dataset ${ctx.catalog.projectId}:${datasetId} was not found in location ${ctx.location}`,
    );
  }
}

async function checkStatement(
  ctx: QueryContext,
  s: Statement,
  inTransaction: boolean,
  defaultDataset: string | undefined,
): Promise<void> {
  if (
    inTransaction &&
    !ALLOWED_IN_TRANSACTION.has(s.kind) &&
    !(s.temporary && s.kind.startsWith('CREATE_TABLE'))
  ) {
    throw invalidQuery(
      `${s.kind.replaceAll('_', ' ')} is not supported inside a transaction: only SELECT, DML and temporary-table DDL are allowed (statement: ${s.source.slice(0, 60)})`,
    );
  }
  if (s.kind === 'CREATE_SCHEMA' || s.kind === 'DROP_SCHEMA') return;
  const target = s.target;
  if (target && !s.temporary) {
    const datasetId = target.datasetId ?? defaultDataset;
    if (datasetId) {
      await requireDataset(ctx, datasetId);
    } else if (!(await isTempTable(ctx.db, target.tableId))) {
      throw invalidQuery(
        `Table "${target.tableId}" must be qualified with a dataset (e.g. dataset.table) or a default dataset must be set.`,
      );
    }
  }
  if (s.kind === 'CREATE_TABLE' || s.kind === 'CREATE_TABLE_AS_SELECT') {
    if (target) validateTableId(target.tableId);
    for (const c of s.columns ?? []) validateColumnName(c.name);
    validateUniqueColumnNames((s.columns ?? []).map((c) => c.name));
  }
  for (const action of s.alter ?? []) {
    if (action.kind === 'addColumn') {
      validateColumnName(action.column.name);
      if (action.column.notNull) {
        throw invalidQuery(
          `ALTER TABLE ADD COLUMN cannot add a REQUIRED (NOT NULL) column: ${action.column.name}`,
        );
      }
    }
    if (action.kind === 'setDataType' && target) {
      await checkTypeWidening(
        ctx,
        target.datasetId ?? defaultDataset ?? '',
        target.tableId,
        action.name,
        action.type,
      );
    }
  }
}

/**
 * Every dataset-qualified table a statement reads must exist, in the job's location: BigQuery fails the job
 * with 404 notFound naming the missing dataset or table before it analyzes the query.
 */
async function checkReads(
  ctx: QueryContext,
  s: Statement,
  defaultDataset: string | undefined,
): Promise<void> {
  const target = s.target;
  for (const read of s.reads ?? []) {
    if (!read.datasetId) continue;
    await requireDataset(ctx, read.datasetId);
    const isTarget =
      (target?.datasetId ?? defaultDataset) === read.datasetId && target?.tableId === read.tableId;
    if (!isTarget && !(await ctx.catalog.hasTable(read.datasetId, read.tableId))) {
      throw notFound(
        `Not found: Table ${ctx.catalog.projectId}:${read.datasetId}.${read.tableId} was not found in location ${ctx.location}`,
      );
    }
  }
}

// BigQuery only lets ALTER COLUMN SET DATA TYPE widen: INT64 → NUMERIC/BIGNUMERIC/FLOAT64, NUMERIC → BIGNUMERIC/FLOAT64.
const WIDENINGS: Record<string, string[]> = {
  INTEGER: ['NUMERIC', 'BIGNUMERIC', 'FLOAT'],
  NUMERIC: ['BIGNUMERIC', 'FLOAT'],
};

async function checkTypeWidening(
  ctx: QueryContext,
  datasetId: string,
  tableId: string,
  column: string,
  to: string,
) {
  const fields = await ctx.catalog.schema(datasetId, tableId);
  const field = fields.find((f) => f.name.toLowerCase() === column.toLowerCase());
  if (!field) return;
  const from = canonicalType(field.type) ?? field.type;
  if (from !== to && !WIDENINGS[from]?.includes(to)) {
    throw invalidQuery(
      `ALTER TABLE ALTER COLUMN SET DATA TYPE requires that the existing column type (${from}) is assignable to the new type (${to})`,
    );
  }
}

async function isTempTable(db: Database, tableId: string): Promise<boolean> {
  const rows = await db.rowsJson(
    `SELECT 1 FROM duckdb_tables() WHERE temporary AND table_name = '${tableId.replaceAll("'", "''")}'`,
  );
  return rows.length > 0;
}

async function dropTempTables(db: Database): Promise<void> {
  const rows = await db.rowsJson('SELECT table_name FROM duckdb_tables() WHERE temporary');
  for (const r of rows) await db.run(`DROP TABLE IF EXISTS temp.main.${quoteIdent(String(r.table_name))}`);
}

async function runDuckDb(ctx: QueryContext, sql: string, s: Statement) {
  try {
    return await ctx.db.run(sql);
  } catch (error) {
    throw translateDuckDbError(ctx, error, s);
  }
}

/** Maps a DuckDB failure onto the BigQuery error a real job would report. */
function translateDuckDbError(ctx: QueryContext, error: unknown, s: Statement): BigQueryApiError {
  const message = error instanceof Error ? error.message : String(error);
  const missingTable = /Table with name (\S+) does not exist/.exec(message);
  if (missingTable) {
    return notFound(
      `Not found: Table ${ctx.catalog.projectId}:${missingTable[1]} was not found in location ${ctx.location}`,
    );
  }
  const missingSchema = /Schema with name (\S+) does not exist/.exec(message);
  if (missingSchema) return notFound(`Not found: Dataset ${ctx.catalog.projectId}:${missingSchema[1]}`);
  if (/already exists/i.test(message)) {
    return new BigQueryApiError(409, 'duplicate', `Already Exists: ${message.split('\n')[0]}`);
  }
  const notNull = /NOT NULL constraint failed: (\S+)/.exec(message);
  if (notNull) return invalidQuery(`Required field ${notNull[1]?.split('.').at(-1)} cannot be null`);
  return invalidQuery(
    `${message.split('\n')[0]} (DuckDB backend of the BigQuery fake; statement: ${s.source.slice(0, 120)})`,
  );
}

/** For `CREATE ... IF NOT EXISTS`: whether the object is already there (and keeps its metadata). */
async function targetExists(ctx: QueryContext, s: Statement): Promise<boolean> {
  const target = s.target;
  if (!target || s.temporary) return false;
  if (s.kind === 'CREATE_SCHEMA') return target.datasetId ? ctx.catalog.hasDataset(target.datasetId) : false;
  const datasetId = target.datasetId ?? (await currentSchema(ctx.db));
  return ctx.catalog.hasTable(datasetId, target.tableId);
}

/** Keeps the REST-only metadata in step with DDL: location, labels, expiration, partitioning, clustering. */
async function afterStatement(ctx: QueryContext, s: Statement, existed: boolean): Promise<void> {
  const target = s.target;
  const options = s.options ?? {};
  if (s.kind === 'CREATE_SCHEMA' && target?.datasetId) {
    if (existed) return;
    ctx.catalog.recordCreatedDataset(target.datasetId, {
      location: options.location ?? ctx.location,
      ...(options.labels ? { labels: options.labels } : {}),
      ...(options.description !== undefined ? { description: options.description } : {}),
      ...(options.defaultTableExpirationMs !== undefined
        ? { defaultTableExpirationMs: String(options.defaultTableExpirationMs) }
        : {}),
    });
    return;
  }
  if (!target || s.temporary) return;
  const datasetId = target.datasetId ?? (await currentSchema(ctx.db));
  if (s.kind === 'CREATE_TABLE' || s.kind === 'CREATE_TABLE_AS_SELECT') {
    if (existed) return;
    const now = Date.now();
    // Like BigQuery, a table without its own expiration gets the dataset's default.
    const defaultMs = (await ctx.catalog.datasetMeta(datasetId)).defaultTableExpirationMs;
    const expirationTime = options.expirationTime ?? (defaultMs ? now + Number(defaultMs) : undefined);
    ctx.catalog.setTableMeta(datasetId, target.tableId, {
      creationTime: now,
      lastModifiedTime: now,
      fieldDescriptions: {},
      ...(s.partitioning ? { timePartitioning: s.partitioning } : {}),
      ...(s.clustering ? { clustering: { fields: s.clustering } } : {}),
      ...(options.labels ? { labels: options.labels } : {}),
      ...(options.description !== undefined ? { description: options.description } : {}),
      ...(expirationTime !== undefined ? { expirationTime: String(expirationTime) } : {}),
    });
  } else if (s.kind === 'DROP_TABLE') {
    ctx.catalog.forgetTable(datasetId, target.tableId);
  } else if (s.kind === 'ALTER_TABLE') {
    ctx.catalog.countMetadataUpdate({ datasetId, tableId: target.tableId });
    for (const action of s.alter ?? []) {
      if (action.kind === 'setOptions')
        await applyTableOptions(ctx, datasetId, target.tableId, action.options);
    }
  }
}

/** `ALTER TABLE ... SET OPTIONS`: the given labels replace the table's labels, as in BigQuery. */
async function applyTableOptions(
  ctx: QueryContext,
  datasetId: string,
  tableId: string,
  options: DdlOptions,
): Promise<void> {
  const meta = { ...(await ctx.catalog.requireTable(datasetId, tableId)), lastModifiedTime: Date.now() };
  if (options.labels) meta.labels = options.labels;
  if (options.description !== undefined) meta.description = options.description;
  if (options.expirationTime !== undefined) meta.expirationTime = String(options.expirationTime);
  ctx.catalog.setTableMeta(datasetId, tableId, meta);
}

async function currentSchema(db: Database): Promise<string> {
  const rows = await db.rowsJson('SELECT current_schema() AS s');
  return String(rows[0]?.s ?? 'main');
}

async function analyze(
  ctx: QueryContext,
  s: Statement,
  script: string,
  config: QueryJobConfiguration,
  defaultDataset: string | undefined,
): Promise<void> {
  const analyzer = ctx.analyzer as SqlAnalyzer;
  const catalogTables: CatalogTable[] = (await ctx.catalog.allTables()).map((t) => ({
    projectId: ctx.catalog.projectId,
    ...t,
  }));
  for (const temp of await ctx.db.rowsJson('SELECT table_name FROM duckdb_tables() WHERE temporary')) {
    const tableId = String(temp.table_name);
    const cols = await ctx.db.run(`SELECT * FROM temp.main.${quoteIdent(tableId)} LIMIT 0`);
    catalogTables.push({ tableId, fields: cols.columns.map((c) => fieldOfColumn(c.name, c.type)) });
  }
  const parameters = (config.queryParameters ?? []).map((p) => ({
    ...(p.name ? { name: p.name } : {}),
    type:
      p.parameterType.type === 'ARRAY'
        ? `ARRAY<${p.parameterType.arrayType?.type ?? 'STRING'}>`
        : p.parameterType.type,
  }));
  const result = await analyzer.analyze(s.source, {
    catalogTables,
    ...(defaultDataset ? { defaultDataset } : {}),
    parameters,
  });
  if (!result.ok) {
    const before = script.slice(0, s.sourceStart);
    const lineOffset = before.split('\n').length - 1;
    const line = (result.line ?? 1) + lineOffset;
    const column =
      (result.line ?? 1) === 1
        ? (result.column ?? 1) + (before.length - before.lastIndexOf('\n') - 1)
        : (result.column ?? 1);
    throw invalidQuery(`${result.message} at [${line}:${column}]`);
  }
}
