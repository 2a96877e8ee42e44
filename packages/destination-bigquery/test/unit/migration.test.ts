import type { ColumnSchema, TableSchema } from '@sluice/loader-core';
import { Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { BigQueryDialect } from '../../src/dialect/dialect.js';
import { columnTypeSql } from '../../src/schema/column-type.js';
import { planMigration } from '../../src/schema/migration-plan.js';
import { tableLayout, tableLayoutSql } from '../../src/schema/table-layout.js';

const db = new Kysely<Record<string, Record<string, unknown>>>({ dialect: new BigQueryDialect() });
const col = (
  name: string,
  dataType: ColumnSchema['dataType'],
  extra: Partial<ColumnSchema> = {},
): ColumnSchema => ({
  name,
  dataType,
  nullable: true,
  ...extra,
});
const type = (c: ColumnSchema) => sql.raw(columnTypeSql(c));

describe('planMigration', () => {
  it('groups ADD COLUMN per table, so each table gets one schema patch, and keeps other DDL in order', () => {
    const create = sql`CREATE TABLE IF NOT EXISTS ${sql.id('ds', 'tickets')} (${sql.id('id')} INT64)`.compile(
      db,
    );
    const plan = planMigration([
      create,
      db.schema
        .withSchema('ds')
        .alterTable('contacts')
        .addColumn('email', type(col('email', 'text')))
        .compile(),
      db.schema
        .withSchema('ds')
        .alterTable('contacts')
        .addColumn('seen', type(col('seen', 'timestamp')))
        .compile(),
      db.schema
        .withSchema('ds')
        .alterTable('orders')
        .addColumn('amount', type(col('amount', 'decimal', { precision: 12, scale: 2 })))
        .compile(),
      db.schema
        .withSchema('ds')
        .alterTable('contacts')
        .addColumn('email', type(col('email', 'text')))
        .compile(),
    ]);
    expect(plan.ddl).toEqual([create]);
    expect(plan.additions).toEqual([
      {
        dataset: 'ds',
        table: 'contacts',
        fields: [
          { name: 'email', type: 'STRING', mode: 'NULLABLE' },
          { name: 'seen', type: 'TIMESTAMP', mode: 'NULLABLE' },
        ],
      },
      {
        dataset: 'ds',
        table: 'orders',
        fields: [{ name: 'amount', type: 'NUMERIC', mode: 'NULLABLE', precision: '12', scale: '2' }],
      },
    ]);
  });
});

describe('tableLayout', () => {
  const table = (columns: ColumnSchema[]): TableSchema => ({
    name: 'tickets',
    resource: 'tickets',
    writeDisposition: 'merge',
    columns: Object.fromEntries(columns.map((c) => [c.name, c])),
  });

  it('partitions by the timestamp or date column with the partition hint and clusters by cluster hints', () => {
    const t = table([
      col('id', 'bigint', { cluster: true }),
      col('created_at', 'timestamp', { partition: true }),
      col('status', 'text', { cluster: true }),
    ]);
    const layout = tableLayout(t, 'DAY');
    expect(layout).toEqual({
      partition: { column: 'created_at', dataType: 'timestamp', granularity: 'DAY' },
      cluster: ['id', 'status'],
    });
    expect(tableLayoutSql(layout, { team: 'data' })).toBe(
      "PARTITION BY TIMESTAMP_TRUNC(`created_at`, DAY) CLUSTER BY `id`, `status` OPTIONS(labels=[('team', 'data')])",
    );
    expect(tableLayout(table([col('id', 'bigint')]), 'DAY')).toEqual({});
    expect(tableLayoutSql({}, {})).toBeUndefined();
    const byDate = tableLayout(table([col('day', 'date', { partition: true })]), 'MONTH');
    expect(tableLayoutSql(byDate, {})).toBe('PARTITION BY DATE_TRUNC(`day`, MONTH)');
    expect(tableLayoutSql(tableLayout(table([col('day', 'date', { partition: true })]), 'DAY'), {})).toBe(
      'PARTITION BY `day`',
    );
  });

  it('explains hints BigQuery cannot honor', () => {
    const two = table([col('a', 'date', { partition: true }), col('b', 'timestamp', { partition: true })]);
    expect(() => tableLayout(two, 'DAY')).toThrow(/partitions by one column/);
    const text = table([col('a', 'text', { partition: true })]);
    expect(() => tableLayout(text, 'DAY')).toThrow(/needs a timestamp or date column/);
    const five = table(['a', 'b', 'c', 'd', 'e'].map((n) => col(n, 'text', { cluster: true })));
    expect(() => tableLayout(five, 'DAY')).toThrow(/at most 4/);
    const json = table([col('a', 'json', { cluster: true })]);
    expect(() => tableLayout(json, 'DAY')).toThrow(/cannot cluster by/);
    const hourly = table([col('d', 'date', { partition: true })]);
    expect(() => tableLayout(hourly, 'HOUR')).toThrow(/cannot use HOUR/);
  });
});
