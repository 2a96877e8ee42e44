import type {
  ColumnSchema,
  DestinationCapabilities,
  DynamicDatabase,
  QualifiedTable,
  SqlDriver,
  SqlLoadSession,
  TableSchema,
} from '@sluice/loader-core';
import { type CompiledQuery, Kysely } from 'kysely';
import type { BigQueryApi } from './bigquery/api.js';
import { toQueryParameters } from './bigquery/query-parameters.js';
import { BigQueryDialect } from './dialect/dialect.js';
import { BigQueryLoadSession } from './load-session.js';
import { columnTypeSql, RESERVED_PREFIXES } from './schema/column-type.js';
import { type PartitionGranularity, tableLayout, tableLayoutSql } from './schema/table-layout.js';

export const BIGQUERY_CAPABILITIES: DestinationCapabilities = {
  name: 'bigquery',
  // Column names may have 300 characters (table names 1024): the shorter bound serves both.
  maxIdentifierLength: 300,
  fileFormats: ['jsonl'],
  // No transaction spans jobs: loads go to staging and one multi-statement transaction commits them.
  supportsTransactions: false,
  dataTypes: ['text', 'bigint', 'double', 'decimal', 'bool', 'timestamp', 'date', 'time', 'json', 'binary'],
  // NUMERIC's range; precision/scale hints beyond it become BIGNUMERIC.
  decimal: { precision: 38, scale: 9 },
  reservedPrefixes: RESERVED_PREFIXES,
};

export interface BigQuerySqlDriverConfig {
  readonly api: BigQueryApi;
  /** The dataset final tables live in. */
  readonly dataset: string;
  readonly stagingDataset: string;
  readonly stagingTableExpirationMs: number;
  readonly labels: Readonly<Record<string, string>>;
  readonly partitionGranularity: PartitionGranularity;
}

/** loader-core's SqlDriver for BigQuery: statements run as query jobs, files load with load jobs. */
export class BigQuerySqlDriver implements SqlDriver {
  readonly capabilities = BIGQUERY_CAPABILITIES;
  readonly db = new Kysely<DynamicDatabase>({ dialect: new BigQueryDialect() });
  readonly #config: BigQuerySqlDriverConfig;

  constructor(config: BigQuerySqlDriverConfig) {
    this.#config = config;
  }

  columnType(column: ColumnSchema): string {
    return columnTypeSql(column);
  }

  /** Partitioning and clustering from the column hints, and the labels: fixed when BigQuery creates a table. */
  createTableSuffix(table: TableSchema): string | undefined {
    return tableLayoutSql(tableLayout(table, this.#config.partitionGranularity), this.#config.labels);
  }

  query(query: CompiledQuery): Promise<readonly Record<string, unknown>[]> {
    return this.#config.api.query(query.sql, toQueryParameters(query.parameters), 'reading from BigQuery');
  }

  async getTableColumns(table: QualifiedTable): Promise<readonly string[] | null> {
    const metadata = await this.#config.api.getTable(table.dataset, table.table);
    return metadata ? (metadata.schema?.fields ?? []).map((field) => field.name ?? '') : null;
  }

  async ensureDataset(dataset: string): Promise<void> {
    const { api, labels } = this.#config;
    await api.ensureDataset(dataset, { labels });
    await api.ensureDataset(this.#stagingDataset(dataset), {
      labels,
      defaultTableExpirationMs: this.#config.stagingTableExpirationMs,
    });
  }

  #stagingDataset(dataset: string): string {
    return dataset === this.#config.dataset ? this.#config.stagingDataset : `${dataset}_staging`;
  }

  async beginLoad(loadId: string): Promise<SqlLoadSession> {
    const { api, dataset, stagingTableExpirationMs, labels } = this.#config;
    return new BigQueryLoadSession({
      api,
      loadId,
      dataset,
      stagingDataset: (name) => this.#stagingDataset(name),
      stagingTableExpirationMs,
      labels,
    });
  }

  async close(): Promise<void> {}
}
