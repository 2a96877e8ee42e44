import type { TableField } from '@google-cloud/bigquery';
import type {
  ColumnSchema,
  LoadFile,
  QualifiedTable,
  SqlLoadSession,
  TableSchema,
} from '@sluice/loader-core';
import type { CompiledQuery } from 'kysely';
import type { BigQueryApi } from './bigquery/api.js';
import { multiStatementScript, transactionScript } from './bigquery/script.js';
import { BigQueryDestinationError } from './errors.js';
import { tableField } from './schema/column-type.js';
import { type ColumnAdditions, planMigration } from './schema/migration-plan.js';

export interface LoadSessionConfig {
  readonly api: BigQueryApi;
  readonly loadId: string;
  readonly stagingDataset: (dataset: string) => string;
  readonly stagingTableExpirationMs: number;
  readonly labels: Readonly<Record<string, string>>;
  /** The dataset final tables live in (staging lives in `stagingDataset(dataset)`). */
  readonly dataset: string;
}

const key = (target: QualifiedTable): string => `${target.dataset}.${target.table}`;

/** Staging table names: the table, then the load id, so concurrent loads never share one. */
export function stagingTableName(table: string, loadId: string): string {
  const tag = loadId.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 100);
  return `${table}__${tag}`.slice(0, 1024);
}

/**
 * One package applied to BigQuery, which has no transaction spanning jobs: schema changes and staging loads run
 * at once (both are harmless to a failed load: new NULLABLE columns and expiring staging tables), and the data
 * statements are queued and sent in `commit` as one multi-statement transaction.
 */
export class BigQueryLoadSession implements SqlLoadSession {
  readonly #config: LoadSessionConfig;
  readonly #staging = new Map<string, { target: QualifiedTable; fields: readonly TableField[] }>();
  readonly #queue: CompiledQuery[] = [];
  #finished = false;

  constructor(config: LoadSessionConfig) {
    this.#config = config;
  }

  async migrate(statements: readonly CompiledQuery[]): Promise<void> {
    const { api } = this.#config;
    const plan = planMigration(statements);
    if (plan.ddl.length > 0) {
      // One job for all new tables, not one per table: jobs take seconds each. Not a transaction (BigQuery runs
      // no DDL on permanent tables inside one), but every statement is idempotent, so a rerun completes it.
      const script = multiStatementScript(plan.ddl);
      await api.query(
        script.sql,
        script.parameters,
        `changing the schema (${plan.ddl.length} statements)`,
        false,
      );
    }
    for (const additions of plan.additions) {
      await this.#addColumns(additions);
    }
  }

  /** One metadata update per table: a patch with every new column (those already there are skipped). */
  async #addColumns(additions: ColumnAdditions): Promise<void> {
    const { api } = this.#config;
    const dataset = additions.dataset ?? this.#config.dataset;
    const existing = await api.getTable(dataset, additions.table);
    if (!existing) {
      throw new Error(
        `Cannot add columns to ${dataset}.${additions.table}: the table does not exist. This is a bug: please report it.`,
      );
    }
    const current = existing.schema?.fields ?? [];
    const names = new Set(current.map((field) => field.name?.toLowerCase()));
    const missing = additions.fields.filter((field) => !names.has(field.name?.toLowerCase()));
    if (missing.length > 0) {
      await api.patchTableSchema(dataset, additions.table, [...current, ...missing]);
    }
  }

  async createStagingTable(table: TableSchema): Promise<QualifiedTable> {
    const { api, loadId } = this.#config;
    const target = {
      dataset: this.#config.stagingDataset(this.#config.dataset),
      table: stagingTableName(table.name, loadId),
    };
    const fields = Object.values(table.columns).map(tableField);
    // Fresh and empty: a retried load must not see rows of an earlier attempt.
    await api.deleteTable(target.dataset, target.table);
    await api.createTable(target.dataset, target.table, {
      schema: { fields },
      expirationTime: String(Date.now() + this.#config.stagingTableExpirationMs),
      ...(Object.keys(this.#config.labels).length > 0 ? { labels: { ...this.#config.labels } } : {}),
    });
    this.#staging.set(key(target), { target, fields });
    return target;
  }

  async loadFile(file: LoadFile, target: QualifiedTable, columns: readonly ColumnSchema[]): Promise<number> {
    if (file.format !== 'jsonl') {
      throw new Error(
        `The BigQuery destination loads jsonl files; got ${file.format} for table ${file.table}.`,
      );
    }
    const fields = this.#staging.get(key(target))?.fields ?? (await this.#tableFields(target));
    const known = new Set(fields.map((field) => field.name?.toLowerCase()));
    const unknown = columns.filter((column) => !known.has(column.name.toLowerCase()));
    if (unknown.length > 0) {
      throw new Error(
        `Table ${key(target)} lacks columns ${unknown.map((c) => c.name).join(', ')} of file ${file.path}; ` +
          'the schema migration did not run. This is a bug: please report it.',
      );
    }
    if (file.rows === 0) return 0;
    const rows = await this.#config.api.loadJsonl(
      file.path,
      target.dataset,
      target.table,
      fields,
      `loading ${file.rows} rows of table ${file.table} into ${key(target)}`,
    );
    if (rows !== file.rows) {
      throw new BigQueryDestinationError(
        {
          reason: 'invalid',
          message: `the load job of ${file.path} wrote ${rows} rows, but the file has ${file.rows}`,
        },
        this.#config.api.context(`loading table ${file.table}`),
      );
    }
    return rows;
  }

  async #tableFields(target: QualifiedTable): Promise<readonly TableField[]> {
    const table = await this.#config.api.getTable(target.dataset, target.table);
    if (!table) {
      throw new Error(
        `Cannot load into ${key(target)}: the table does not exist. This is a bug: please report it.`,
      );
    }
    return table.schema?.fields ?? [];
  }

  async execute(statements: readonly CompiledQuery[]): Promise<void> {
    this.#queue.push(...statements);
  }

  async commit(): Promise<void> {
    if (this.#finished) throw new Error('This load session already finished.');
    if (this.#queue.length > 0) {
      const script = transactionScript(this.#queue);
      await this.#config.api.query(
        script.sql,
        script.parameters,
        `committing load ${this.#config.loadId} (${this.#queue.length} statements in one transaction)`,
        false,
      );
    }
    this.#finished = true;
    await this.#dropStaging();
  }

  async rollback(): Promise<void> {
    this.#finished = true;
    this.#queue.length = 0;
    await this.#dropStaging();
  }

  /** Best effort: staging tables that cannot be dropped now expire by themselves. */
  async #dropStaging(): Promise<void> {
    const tables = [...this.#staging.values()];
    this.#staging.clear();
    for (const { target } of tables) {
      await this.#config.api.deleteTable(target.dataset, target.table).catch(() => undefined);
    }
  }
}
