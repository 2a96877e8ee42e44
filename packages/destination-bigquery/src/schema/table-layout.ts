import type { ColumnSchema, DataType, TableSchema } from '@sluice/loader-core';
import { quoteIdentifier, quoteString } from '../dialect/query-compiler.js';

export type PartitionGranularity = 'HOUR' | 'DAY' | 'MONTH' | 'YEAR';

/** Types BigQuery can cluster by (among those Sluice writes). */
const CLUSTERABLE: ReadonlySet<DataType> = new Set([
  'text',
  'bigint',
  'decimal',
  'bool',
  'timestamp',
  'date',
]);
const MAX_CLUSTER_COLUMNS = 4;

export interface TableLayout {
  readonly partition?: {
    readonly column: string;
    readonly dataType: 'timestamp' | 'date';
    readonly granularity: PartitionGranularity;
  };
  readonly cluster?: readonly string[];
}

/**
 * Partitioning and clustering of a new final table from its column hints: time-unit column partitioning on the
 * one `partition` column (timestamp or date), clustering by the `cluster` columns in schema order (at most 4).
 * Both are fixed at creation: BigQuery cannot add partitioning to an existing table.
 */
export function tableLayout(table: TableSchema, granularity: PartitionGranularity): TableLayout {
  const columns = Object.values(table.columns);
  const layout: { -readonly [K in keyof TableLayout]: TableLayout[K] } = {};
  const partition = columns.filter((column) => column.partition);
  if (partition.length > 1) {
    throw new Error(
      `Table "${table.name}" has partition hints on ${names(partition)}; BigQuery partitions by one column. ` +
        'Keep the hint on one timestamp or date column.',
    );
  }
  const [partitionColumn] = partition;
  if (partitionColumn) {
    if (partitionColumn.dataType !== 'timestamp' && partitionColumn.dataType !== 'date') {
      throw new Error(
        `Table "${table.name}" column "${partitionColumn.name}" has a partition hint but type ` +
          `${partitionColumn.dataType}; BigQuery time-unit partitioning needs a timestamp or date column. ` +
          'Move the hint, or set the column type to timestamp or date with a column hint.',
      );
    }
    if (granularity === 'HOUR' && partitionColumn.dataType === 'date') {
      throw new Error(
        `Table "${table.name}" is partitioned by date column "${partitionColumn.name}", which cannot use HOUR ` +
          'partitions. Use partitionGranularity DAY, MONTH or YEAR.',
      );
    }
    layout.partition = { column: partitionColumn.name, dataType: partitionColumn.dataType, granularity };
  }
  const cluster = columns.filter((column) => column.cluster);
  if (cluster.length > MAX_CLUSTER_COLUMNS) {
    throw new Error(
      `Table "${table.name}" has cluster hints on ${cluster.length} columns (${names(cluster)}); BigQuery ` +
        `clusters by at most ${MAX_CLUSTER_COLUMNS}. Keep the hint on the ${MAX_CLUSTER_COLUMNS} columns queries filter by most.`,
    );
  }
  const unclusterable = cluster.filter((column) => !CLUSTERABLE.has(column.dataType));
  if (unclusterable.length > 0) {
    throw new Error(
      `Table "${table.name}" has cluster hints on ${names(unclusterable)}, whose types BigQuery cannot cluster by ` +
        '(float, json, binary and time cannot). Remove those hints.',
    );
  }
  if (cluster.length > 0) {
    layout.cluster = cluster.map((column) => column.name);
  }
  return layout;
}

function names(columns: readonly ColumnSchema[]): string {
  return columns.map((column) => `"${column.name}"`).join(', ');
}

/**
 * The CREATE TABLE tail for a layout and labels: `PARTITION BY ... CLUSTER BY ... OPTIONS(labels=...)`. A date
 * column partitions by day as is; other granularities truncate.
 */
export function tableLayoutSql(
  layout: TableLayout,
  labels: Readonly<Record<string, string>>,
): string | undefined {
  const parts: string[] = [];
  const { partition, cluster } = layout;
  if (partition) {
    const column = quoteIdentifier(partition.column);
    if (partition.dataType === 'date') {
      parts.push(
        partition.granularity === 'DAY'
          ? `PARTITION BY ${column}`
          : `PARTITION BY DATE_TRUNC(${column}, ${partition.granularity})`,
      );
    } else {
      parts.push(`PARTITION BY TIMESTAMP_TRUNC(${column}, ${partition.granularity})`);
    }
  }
  if (cluster && cluster.length > 0) {
    parts.push(`CLUSTER BY ${cluster.map(quoteIdentifier).join(', ')}`);
  }
  const entries = Object.entries(labels);
  if (entries.length > 0) {
    const list = entries.map(([k, v]) => `(${quoteString(k)}, ${quoteString(v)})`).join(', ');
    parts.push(`OPTIONS(labels=[${list}])`);
  }
  return parts.length > 0 ? parts.join(' ') : undefined;
}
