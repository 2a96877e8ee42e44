import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Catalog, columnType, validateFields } from '../catalog/catalog.js';
import { validateDatasetId, validateTableId } from '../catalog/names.js';
import { checkSchemaChange } from '../catalog/schema-change.js';
import { bigQueryTypeOfDuckDb, canonicalType, duckDbType, type TableFieldSchema } from '../catalog/types.js';
import type { Database } from '../db.js';
import { BigQueryApiError, invalid, notFound } from '../errors.js';
import { quoteIdent, quoteString } from '../sql/literals.js';
import { parseNdjson } from './ndjson.js';

export interface LoadJobConfiguration {
  destinationTable: { projectId?: string; datasetId: string; tableId: string };
  sourceFormat?: string;
  schema?: { fields?: TableFieldSchema[] };
  createDisposition?: 'CREATE_IF_NEEDED' | 'CREATE_NEVER';
  writeDisposition?: 'WRITE_APPEND' | 'WRITE_TRUNCATE' | 'WRITE_EMPTY';
  schemaUpdateOptions?: string[];
  ignoreUnknownValues?: boolean;
  maxBadRecords?: number;
  sourceUris?: string[];
  timePartitioning?: { type: string; field?: string; expirationMs?: string };
  clustering?: { fields: string[] };
  destinationTableProperties?: { description?: string; labels?: Record<string, string> };
}

export interface LoadOutcome {
  outputRows: number;
  inputFileBytes: number;
  badRecords: number;
}

export interface LoadContext {
  db: Database;
  catalog: Catalog;
  location: string;
}

const FORMATS = new Set(['NEWLINE_DELIMITED_JSON', 'PARQUET']);

/** Runs a load job atomically: schema changes, truncation and inserted rows commit together or not at all. */
export async function runLoad(
  ctx: LoadContext,
  config: LoadJobConfiguration,
  data: Buffer,
): Promise<LoadOutcome> {
  const { datasetId, tableId } = config.destinationTable ?? {};
  if (!datasetId || !tableId)
    throw invalid('Load configuration must specify destinationTable.datasetId and tableId');
  if (config.destinationTable.projectId && config.destinationTable.projectId !== ctx.catalog.projectId) {
    throw notFound(`Not found: Project ${config.destinationTable.projectId}`);
  }
  validateDatasetId(datasetId);
  validateTableId(tableId);
  const format = config.sourceFormat ?? 'CSV';
  if (!FORMATS.has(format)) {
    throw invalid(
      `The BigQuery fake loads NEWLINE_DELIMITED_JSON and PARQUET only, not ${format}; set sourceFormat.`,
    );
  }
  const dataset = await ctx.catalog.datasetMeta(datasetId).catch((error: unknown) => {
    throw error instanceof BigQueryApiError && error.reason === 'notFound'
      ? notFound(`Not found: Dataset ${ctx.catalog.projectId}:${datasetId}`)
      : error;
  });
  if (dataset.location !== ctx.location) {
    throw notFound(
      `Not found: Dataset ${ctx.catalog.projectId}:${datasetId} was not found in location ${ctx.location}`,
    );
  }
  const file = join(tmpdir(), `bigquery-fake-${randomUUID()}.${format === 'PARQUET' ? 'parquet' : 'json'}`);
  await ctx.db.run('BEGIN TRANSACTION');
  try {
    const outcome = await loadInTransaction(ctx, config, format, data, file);
    await ctx.db.run('COMMIT');
    return outcome;
  } catch (error) {
    await ctx.db.run('ROLLBACK');
    throw error;
  } finally {
    await rm(file, { force: true });
  }
}

async function loadInTransaction(
  ctx: LoadContext,
  config: LoadJobConfiguration,
  format: string,
  data: Buffer,
  file: string,
): Promise<LoadOutcome> {
  const { datasetId, tableId } = config.destinationTable;
  const ref = { datasetId, tableId };
  const table = `${quoteIdent(datasetId)}.${quoteIdent(tableId)}`;
  const tableName = `${ctx.catalog.projectId}:${datasetId}.${tableId}`;
  const options = new Set(config.schemaUpdateOptions ?? []);
  const write = config.writeDisposition ?? 'WRITE_APPEND';
  if (format === 'PARQUET') await writeFile(file, data);
  let jobFields = config.schema?.fields;
  if (!jobFields?.length && format === 'PARQUET') jobFields = await parquetSchema(ctx.db, file);
  if (jobFields?.length) validateFields(jobFields);

  const exists = await ctx.catalog.hasTable(datasetId, tableId);
  if (!exists) {
    if (config.createDisposition === 'CREATE_NEVER') throw notFound(`Not found: Table ${tableName}`);
    if (!jobFields?.length) throw invalid(`No schema specified on job or table ${tableName}.`);
    await ctx.catalog.createTable(ref, jobFields, {
      ...(config.timePartitioning ? { timePartitioning: config.timePartitioning } : {}),
      ...(config.clustering ? { clustering: config.clustering } : {}),
      ...(config.destinationTableProperties?.description
        ? { description: config.destinationTableProperties.description }
        : {}),
      ...(config.destinationTableProperties?.labels
        ? { labels: config.destinationTableProperties.labels }
        : {}),
    });
  } else {
    await ctx.catalog.requireTable(datasetId, tableId);
    ctx.catalog.countMetadataUpdate(ref);
    if (write === 'WRITE_EMPTY' && (await ctx.catalog.numRows(datasetId, tableId)) > 0) {
      throw new BigQueryApiError(
        409,
        'duplicate',
        `Already Exists: Table ${tableName} (WRITE_EMPTY needs an empty table)`,
      );
    }
    if (jobFields?.length && write === 'WRITE_TRUNCATE') {
      // WRITE_TRUNCATE replaces the data and the schema, keeping table properties.
      const meta = ctx.catalog.tableMeta(datasetId, tableId);
      await ctx.db.run(`DROP TABLE ${table}`);
      await ctx.db.run(
        `CREATE TABLE ${table} (${jobFields.map((f) => `${quoteIdent(f.name)} ${columnType(f)}`).join(', ')})`,
      );
      if (meta) ctx.catalog.setTableMeta(datasetId, tableId, { ...meta, lastModifiedTime: Date.now() });
    } else if (jobFields?.length) {
      const current = await ctx.catalog.schema(datasetId, tableId);
      const change = checkSchemaChange(tableName, current, completeLoadSchema(current, jobFields, format), {
        allowAddition: options.has('ALLOW_FIELD_ADDITION'),
        allowRelaxation: options.has('ALLOW_FIELD_RELAXATION'),
      });
      for (const f of change.added)
        await ctx.db.run(`ALTER TABLE ${table} ADD COLUMN ${quoteIdent(f.name)} ${columnType(f)}`);
      for (const name of change.relaxed)
        await ctx.db.run(`ALTER TABLE ${table} ALTER COLUMN ${quoteIdent(name)} DROP NOT NULL`);
    }
    if (write === 'WRITE_TRUNCATE') await ctx.db.run(`DELETE FROM ${table}`);
  }
  const fields = await ctx.catalog.schema(datasetId, tableId);
  return format === 'PARQUET'
    ? loadParquet(ctx, config, table, fields, file, data.length)
    : loadNdjson(ctx, config, table, fields, data, file);
}

/** Parquet files carry only their own columns: the table's other columns stay as they are. */
function completeLoadSchema(
  current: readonly TableFieldSchema[],
  job: readonly TableFieldSchema[],
  format: string,
): TableFieldSchema[] {
  if (format !== 'PARQUET') return [...job];
  const names = new Set(job.map((f) => f.name.toLowerCase()));
  return [...current.filter((f) => !names.has(f.name.toLowerCase())), ...job];
}

async function loadNdjson(
  ctx: LoadContext,
  config: LoadJobConfiguration,
  table: string,
  fields: readonly TableFieldSchema[],
  data: Buffer,
  file: string,
): Promise<LoadOutcome> {
  const parsed = parseNdjson(data, fields, {
    ...(config.ignoreUnknownValues ? { ignoreUnknownValues: true } : {}),
  });
  if (parsed.badRecords > (config.maxBadRecords ?? 0)) {
    throw new BigQueryApiError(
      400,
      'invalid',
      `Error while reading data, error message: JSON table encountered too many errors, giving up. Rows: ${parsed.rows.length + parsed.badRecords}; errors: ${parsed.badRecords}. Please look into the errors[] collection for more details.`,
      parsed.errors.slice(0, 5).map((message) => ({ reason: 'invalid', message })),
    );
  }
  if (parsed.rows.length > 0) {
    const keys = fields.map((_, i) => `c${i}`);
    await writeFile(
      file,
      parsed.rows
        .map((row) => JSON.stringify(Object.fromEntries(keys.map((k, i) => [k, row[i] ?? null]))))
        .join('\n'),
    );
    const columns = keys.map((k) => `${k}: 'VARCHAR'`).join(', ');
    const selects = fields.map((f, i) => castFrom(`c${i}`, f));
    await ctx.db.run(
      `INSERT INTO ${table} (${fields.map((f) => quoteIdent(f.name)).join(', ')}) SELECT ${selects.join(', ')} FROM read_json(${quoteString(file)}, format = 'newline_delimited', columns = {${columns}})`,
    );
  }
  return { outputRows: parsed.rows.length, inputFileBytes: data.length, badRecords: parsed.badRecords };
}

function castFrom(column: string, f: TableFieldSchema): string {
  const type = canonicalType(f.type);
  if (type === 'BYTES') return `from_base64(${column})`;
  if (type === 'TIMESTAMP') return `CAST(${column} AS TIMESTAMPTZ)`;
  return `CAST(${column} AS ${duckDbType(type ?? 'STRING', f.precision, f.scale)})`;
}

async function parquetSchema(db: Database, file: string): Promise<TableFieldSchema[]> {
  const result = await db.run(`SELECT * FROM read_parquet(${quoteString(file)}) LIMIT 0`);
  return result.columns.map((c) => ({
    name: c.name,
    type: c.type.alias === 'JSON' ? 'JSON' : bigQueryTypeOfDuckDb(c.type.toString()).type,
    mode: 'NULLABLE',
  }));
}

async function loadParquet(
  ctx: LoadContext,
  config: LoadJobConfiguration,
  table: string,
  fields: readonly TableFieldSchema[],
  file: string,
  bytes: number,
): Promise<LoadOutcome> {
  const source = await parquetSchema(ctx.db, file);
  const known = new Map(fields.map((f) => [f.name.toLowerCase(), f]));
  const unknown = source.filter((c) => !known.has(c.name.toLowerCase()));
  if (unknown.length > 0 && !config.ignoreUnknownValues) {
    throw invalid(
      `Error while reading data, error message: Parquet file has a column not in the table schema: ${unknown[0]?.name}`,
    );
  }
  const columns = source.filter((c) => known.has(c.name.toLowerCase()));
  const target = columns.map((c) => known.get(c.name.toLowerCase()) as TableFieldSchema);
  try {
    const result = await ctx.db.run(
      `INSERT INTO ${table} (${target.map((f) => quoteIdent(f.name)).join(', ')}) SELECT ${columns
        .map((c, i) => castFrom(quoteIdent(c.name), target[i] as TableFieldSchema))
        .join(', ')} FROM read_parquet(${quoteString(file)})`,
    );
    return { outputRows: Number(result.rows[0]?.[0] ?? 0), inputFileBytes: bytes, badRecords: 0 };
  } catch (error) {
    throw invalid(`Error while reading data, error message: ${(error as Error).message.split('\n')[0]}`);
  }
}
