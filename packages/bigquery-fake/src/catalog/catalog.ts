import type { Database } from '../db.js';
import { BigQueryApiError, duplicate, invalid, notFound } from '../errors.js';
import { quoteIdent, quoteString } from '../sql/literals.js';
import {
  validateColumnName,
  validateDatasetId,
  validateTableId,
  validateUniqueColumnNames,
} from './names.js';
import { checkSchemaChange, type SchemaChange } from './schema-change.js';
import { bigQueryTypeOfDuckDb, duckDbType, requireCanonicalType, type TableFieldSchema } from './types.js';

export interface DatasetMeta {
  location: string;
  creationTime: number;
  lastModifiedTime: number;
  description?: string;
  labels?: Record<string, string>;
  defaultTableExpirationMs?: string;
}

/** REST-only table properties; the columns themselves live in DuckDB. */
export interface TableMeta {
  creationTime: number;
  lastModifiedTime: number;
  description?: string;
  labels?: Record<string, string>;
  expirationTime?: string;
  timePartitioning?: { type: string; field?: string; expirationMs?: string };
  clustering?: { fields: string[] };
  fieldDescriptions: Record<string, string>;
}

export interface TableRefFull {
  datasetId: string;
  tableId: string;
}

const SYSTEM_SCHEMAS = new Set(['main', 'information_schema', 'pg_catalog']);
const key = (datasetId: string, tableId: string) => `${datasetId}\u0000${tableId}`;

export interface CatalogOptions {
  projectId: string;
  location: string;
  /** Optional limit on table metadata updates (BigQuery allows 5 per 10 s per table). */
  metadataUpdateLimit?: { operations: number; windowMs: number };
}

/**
 * Datasets are DuckDB schemas and tables are DuckDB tables, so tables created by SQL and by the REST API are
 * the same objects. REST-only properties (location, labels, partitioning...) are kept alongside.
 * Callers hold the database's exclusive lock.
 */
export class Catalog {
  private readonly datasets = new Map<string, DatasetMeta>();
  private readonly tables = new Map<string, TableMeta>();
  private readonly metadataUpdates = new Map<string, number[]>();
  readonly metadataUpdateCounts = new Map<string, number>();

  constructor(
    private readonly db: Database,
    readonly options: CatalogOptions,
  ) {}

  get projectId(): string {
    return this.options.projectId;
  }

  // ---- datasets ----

  async datasetIds(): Promise<string[]> {
    const rows = await this.db.rowsJson(
      'SELECT schema_name FROM duckdb_schemas() WHERE database_name = current_database() ORDER BY schema_name',
    );
    return rows.map((r) => String(r.schema_name)).filter((s) => !SYSTEM_SCHEMAS.has(s));
  }

  async hasDataset(datasetId: string): Promise<boolean> {
    return (await this.datasetIds()).includes(datasetId);
  }

  async datasetMeta(datasetId: string): Promise<DatasetMeta> {
    if (!(await this.hasDataset(datasetId))) {
      this.datasets.delete(datasetId);
      throw notFound(`Not found: Dataset ${this.projectId}:${datasetId}`);
    }
    let meta = this.datasets.get(datasetId);
    if (!meta) {
      // Created by SQL (CREATE SCHEMA): give it the default location.
      const now = Date.now();
      meta = { location: this.options.location, creationTime: now, lastModifiedTime: now };
      this.datasets.set(datasetId, meta);
    }
    return meta;
  }

  /** Records a dataset created by `CREATE SCHEMA ... OPTIONS(location=..., labels=...)`. */
  recordCreatedDataset(
    datasetId: string,
    meta: Omit<DatasetMeta, 'creationTime' | 'lastModifiedTime'>,
  ): void {
    const now = Date.now();
    this.datasets.set(datasetId, { ...meta, creationTime: now, lastModifiedTime: now });
  }

  async createDataset(datasetId: string, meta: Partial<DatasetMeta>): Promise<DatasetMeta> {
    validateDatasetId(datasetId);
    if (await this.hasDataset(datasetId))
      throw duplicate(`Already Exists: Dataset ${this.projectId}:${datasetId}`);
    await this.db.run(`CREATE SCHEMA ${quoteIdent(datasetId)}`);
    const now = Date.now();
    const created: DatasetMeta = {
      ...meta,
      location: meta.location ?? this.options.location,
      creationTime: now,
      lastModifiedTime: now,
    };
    this.datasets.set(datasetId, created);
    return created;
  }

  async updateDataset(datasetId: string, patch: Partial<DatasetMeta>): Promise<DatasetMeta> {
    const meta = await this.datasetMeta(datasetId);
    if (patch.location && patch.location !== meta.location) {
      throw invalid(
        `Cannot change location of dataset ${this.projectId}:${datasetId} from ${meta.location} to ${patch.location}`,
      );
    }
    const updated = { ...meta, ...patch, location: meta.location, lastModifiedTime: Date.now() };
    this.datasets.set(datasetId, updated);
    return updated;
  }

  async deleteDataset(datasetId: string, deleteContents: boolean): Promise<void> {
    await this.datasetMeta(datasetId);
    const tables = await this.tableIds(datasetId);
    if (tables.length > 0 && !deleteContents) {
      throw new BigQueryApiError(
        400,
        'resourceInUse',
        `Dataset ${this.projectId}:${datasetId} is still in use`,
      );
    }
    await this.db.run(`DROP SCHEMA ${quoteIdent(datasetId)} CASCADE`);
    this.datasets.delete(datasetId);
    for (const t of tables) this.tables.delete(key(datasetId, t));
  }

  // ---- tables ----

  async tableIds(datasetId: string): Promise<string[]> {
    const rows = await this.db.rowsJson(
      `SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = ${quoteString(datasetId)} ORDER BY table_name`,
    );
    return rows.map((r) => String(r.table_name));
  }

  async hasTable(datasetId: string, tableId: string): Promise<boolean> {
    const rows = await this.db.rowsJson(
      `SELECT 1 FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = ${quoteString(datasetId)} AND table_name = ${quoteString(tableId)}`,
    );
    return rows.length > 0;
  }

  /** Throws BigQuery's 404 when the dataset or table is missing. */
  async requireTable(datasetId: string, tableId: string): Promise<TableMeta> {
    await this.datasetMeta(datasetId);
    if (!(await this.hasTable(datasetId, tableId))) {
      this.tables.delete(key(datasetId, tableId));
      throw notFound(`Not found: Table ${this.projectId}:${datasetId}.${tableId}`);
    }
    let meta = this.tables.get(key(datasetId, tableId));
    if (!meta) {
      const now = Date.now();
      meta = { creationTime: now, lastModifiedTime: now, fieldDescriptions: {} };
      this.tables.set(key(datasetId, tableId), meta);
    }
    return meta;
  }

  tableMeta(datasetId: string, tableId: string): TableMeta | undefined {
    return this.tables.get(key(datasetId, tableId));
  }

  setTableMeta(datasetId: string, tableId: string, meta: TableMeta): void {
    this.tables.set(key(datasetId, tableId), meta);
  }

  forgetTable(datasetId: string, tableId: string): void {
    this.tables.delete(key(datasetId, tableId));
  }

  /** The table's schema in BigQuery terms, read from DuckDB. */
  async schema(datasetId: string, tableId: string): Promise<TableFieldSchema[]> {
    const rows = await this.db.rowsJson(
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_catalog = current_database() AND table_schema = ${quoteString(datasetId)} AND table_name = ${quoteString(tableId)} ORDER BY ordinal_position`,
    );
    const descriptions = this.tables.get(key(datasetId, tableId))?.fieldDescriptions ?? {};
    return rows.map((r) => {
      const name = String(r.column_name);
      const bq = bigQueryTypeOfDuckDb(String(r.data_type));
      const description = descriptions[name.toLowerCase()];
      return {
        name,
        type: bq.type,
        mode: r.is_nullable === 'YES' ? 'NULLABLE' : 'REQUIRED',
        ...(bq.precision ? { precision: bq.precision, scale: bq.scale ?? '0' } : {}),
        ...(description ? { description } : {}),
      };
    });
  }

  async numRows(datasetId: string, tableId: string): Promise<number> {
    const rows = await this.db.rowsJson(
      `SELECT count(*) AS n FROM ${quoteIdent(datasetId)}.${quoteIdent(tableId)}`,
    );
    return Number(rows[0]?.n ?? 0);
  }

  async createTable(
    ref: TableRefFull,
    fields: readonly TableFieldSchema[],
    meta: Omit<TableMeta, 'creationTime' | 'lastModifiedTime' | 'fieldDescriptions'>,
  ): Promise<void> {
    validateTableId(ref.tableId);
    const dataset = await this.datasetMeta(ref.datasetId);
    if (await this.hasTable(ref.datasetId, ref.tableId)) {
      throw duplicate(`Already Exists: Table ${this.projectId}:${ref.datasetId}.${ref.tableId}`);
    }
    validateFields(fields);
    const columns = fields.map((f) => `${quoteIdent(f.name)} ${columnType(f)}`);
    // BigQuery allows tables without columns; DuckDB does not, so an empty schema gets no table until needed.
    if (columns.length === 0) {
      throw invalid(
        `The BigQuery fake cannot create table ${ref.datasetId}.${ref.tableId} without a schema; give at least one field.`,
      );
    }
    await this.db.run(
      `CREATE TABLE ${quoteIdent(ref.datasetId)}.${quoteIdent(ref.tableId)} (${columns.join(', ')})`,
    );
    const now = Date.now();
    const expirationTime =
      meta.expirationTime ??
      (dataset.defaultTableExpirationMs ? String(now + Number(dataset.defaultTableExpirationMs)) : undefined);
    this.tables.set(key(ref.datasetId, ref.tableId), {
      ...meta,
      ...(expirationTime ? { expirationTime } : {}),
      creationTime: now,
      lastModifiedTime: now,
      fieldDescriptions: descriptionsOf(fields),
    });
  }

  /**
   * Applies a new schema to an existing table with BigQuery's rules: columns may be added (NULLABLE only)
   * and relaxed from REQUIRED to NULLABLE; no type changes, no dropped columns.
   */
  async updateSchema(
    ref: TableRefFull,
    fields: readonly TableFieldSchema[],
    allowRelaxation = true,
  ): Promise<SchemaChange> {
    validateFields(fields);
    const current = await this.schema(ref.datasetId, ref.tableId);
    const change = checkSchemaChange(`${this.projectId}:${ref.datasetId}.${ref.tableId}`, current, fields, {
      allowRelaxation,
    });
    const table = `${quoteIdent(ref.datasetId)}.${quoteIdent(ref.tableId)}`;
    for (const f of change.added) {
      await this.db.run(`ALTER TABLE ${table} ADD COLUMN ${quoteIdent(f.name)} ${columnType(f)}`);
    }
    for (const name of change.relaxed) {
      await this.db.run(`ALTER TABLE ${table} ALTER COLUMN ${quoteIdent(name)} DROP NOT NULL`);
    }
    const meta = await this.requireTable(ref.datasetId, ref.tableId);
    meta.fieldDescriptions = { ...meta.fieldDescriptions, ...descriptionsOf(fields) };
    return change;
  }

  /** Counts a metadata update, failing like BigQuery when the configured rate is exceeded. */
  countMetadataUpdate(ref: TableRefFull): void {
    const k = key(ref.datasetId, ref.tableId);
    this.metadataUpdateCounts.set(
      `${ref.datasetId}.${ref.tableId}`,
      (this.metadataUpdateCounts.get(`${ref.datasetId}.${ref.tableId}`) ?? 0) + 1,
    );
    const limit = this.options.metadataUpdateLimit;
    if (!limit) return;
    const now = Date.now();
    const recent = (this.metadataUpdates.get(k) ?? []).filter((t) => now - t < limit.windowMs);
    if (recent.length >= limit.operations) {
      throw new BigQueryApiError(
        403,
        'rateLimitExceeded',
        `Exceeded rate limits: too many table update operations for this table. For more information, see https://cloud.google.com/bigquery/docs/troubleshoot-quotas`,
      );
    }
    recent.push(now);
    this.metadataUpdates.set(k, recent);
  }

  async deleteTable(ref: TableRefFull): Promise<void> {
    await this.requireTable(ref.datasetId, ref.tableId);
    await this.db.run(`DROP TABLE ${quoteIdent(ref.datasetId)}.${quoteIdent(ref.tableId)}`);
    this.tables.delete(key(ref.datasetId, ref.tableId));
  }

  /** Drops tables whose `expirationTime` has passed, as BigQuery does. */
  async dropExpiredTables(now = Date.now()): Promise<void> {
    for (const [k, meta] of this.tables) {
      if (meta.expirationTime && Number(meta.expirationTime) <= now) {
        const [datasetId = '', tableId = ''] = k.split('\u0000');
        await this.db.run(`DROP TABLE IF EXISTS ${quoteIdent(datasetId)}.${quoteIdent(tableId)}`);
        this.tables.delete(k);
      }
    }
  }

  /** Every table of every dataset with its schema (for the ZetaSQL catalog), in one catalog query. */
  async allTables(): Promise<{ datasetId: string; tableId: string; fields: TableFieldSchema[] }[]> {
    const rows = await this.db.rowsJson(
      "SELECT table_schema, table_name, column_name, data_type, is_nullable FROM information_schema.columns WHERE table_catalog = current_database() AND table_schema NOT IN ('main', 'information_schema', 'pg_catalog') ORDER BY table_schema, table_name, ordinal_position",
    );
    const tables = new Map<string, { datasetId: string; tableId: string; fields: TableFieldSchema[] }>();
    for (const r of rows) {
      const datasetId = String(r.table_schema);
      const tableId = String(r.table_name);
      const k = key(datasetId, tableId);
      let table = tables.get(k);
      if (!table) {
        table = { datasetId, tableId, fields: [] };
        tables.set(k, table);
      }
      table.fields.push({
        name: String(r.column_name),
        type: bigQueryTypeOfDuckDb(String(r.data_type)).type,
        mode: r.is_nullable === 'YES' ? 'NULLABLE' : 'REQUIRED',
      });
    }
    return [...tables.values()];
  }
}

export function validateFields(fields: readonly TableFieldSchema[]): void {
  for (const f of fields) {
    validateColumnName(f.name);
    if (f.mode === 'REPEATED' || f.type === 'RECORD' || f.type === 'STRUCT') {
      throw invalid(`Field ${f.name}: RECORD and REPEATED fields are not supported by the BigQuery fake.`);
    }
    requireCanonicalType(f.type, f.name);
  }
  validateUniqueColumnNames(fields.map((f) => f.name));
}

export function columnType(f: TableFieldSchema): string {
  const type = duckDbType(requireCanonicalType(f.type, f.name), f.precision, f.scale);
  return f.mode === 'REQUIRED' ? `${type} NOT NULL` : type;
}

function descriptionsOf(fields: readonly TableFieldSchema[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) if (f.description) out[f.name.toLowerCase()] = f.description;
  return out;
}
