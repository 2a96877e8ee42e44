import type { ColumnSchema, TableSchema } from '@sluice/loader-core';
import { Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { BigQueryDialect } from '../../src/dialect/dialect.js';
import { columnTypeSql } from '../../src/schema/column-type.js';
import { planMigration } from '../../src/schema/migration-plan.js';
import { tableLayout } from '../../src/schema/table-layout.js';

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
  it('groups CREATE TABLE and ADD COLUMN per table, so each table gets one metadata update', () => {
    const plan = planMigration([
      db.schema
        .withSchema('ds')
        .createTable('tickets')
        .ifNotExists()
        .addColumn('id', type(col('id', 'bigint')))
        .addColumn('amount', type(col('amount', 'decimal', { precision: 12, scale: 2 })))
        .compile(),
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
        .alterTable('tickets')
        .addColumn('note', type(col('note', 'json')))
        .compile(),
      db.schema.withSchema('ds').dropTable('old').compile(),
    ]);
    expect(plan.tables).toEqual([
      {
        dataset: 'ds',
        table: 'tickets',
        create: true,
        fields: [
          { name: 'id', type: 'INT64', mode: 'NULLABLE' },
          { name: 'amount', type: 'NUMERIC', mode: 'NULLABLE', precision: '12', scale: '2' },
          { name: 'note', type: 'JSON', mode: 'NULLABLE' },
        ],
      },
      {
        dataset: 'ds',
        table: 'contacts',
        create: false,
        fields: [
          { name: 'email', type: 'STRING', mode: 'NULLABLE' },
          { name: 'seen', type: 'TIMESTAMP', mode: 'NULLABLE' },
        ],
      },
    ]);
    expect(plan.other.map((q) => q.sql)).toEqual(['drop table `ds`.`old`']);
  });
});

describe('tableLayout', () => {
  const table = (columns: ColumnSchema[]): TableSchema => ({
    name: 'tickets',
    resource: 'tickets',
    writeDisposition: 'merge',
    columns: Object.fromEntries(columns.map((c) => [c.name, c])),
  });
  const all = (t: TableSchema) => new Set(Object.keys(t.columns));

  it('partitions by the timestamp or date column with the partition hint and clusters by cluster hints', () => {
    const t = table([
      col('id', 'bigint', { cluster: true }),
      col('created_at', 'timestamp', { partition: true }),
      col('status', 'text', { cluster: true }),
    ]);
    expect(tableLayout(t, all(t), 'DAY')).toEqual({
      timePartitioning: { type: 'DAY', field: 'created_at' },
      clustering: { fields: ['id', 'status'] },
    });
    expect(tableLayout(table([col('id', 'bigint')]), new Set(['id']), 'DAY')).toEqual({});
  });

  it('explains hints BigQuery cannot honor', () => {
    const two = table([col('a', 'date', { partition: true }), col('b', 'timestamp', { partition: true })]);
    expect(() => tableLayout(two, all(two), 'DAY')).toThrow(/partitions by one column/);
    const text = table([col('a', 'text', { partition: true })]);
    expect(() => tableLayout(text, all(text), 'DAY')).toThrow(/needs a timestamp or date column/);
    const five = table(['a', 'b', 'c', 'd', 'e'].map((n) => col(n, 'text', { cluster: true })));
    expect(() => tableLayout(five, all(five), 'DAY')).toThrow(/at most 4/);
    const json = table([col('a', 'json', { cluster: true })]);
    expect(() => tableLayout(json, all(json), 'DAY')).toThrow(/cannot cluster by/);
    const hourly = table([col('d', 'date', { partition: true })]);
    expect(() => tableLayout(hourly, all(hourly), 'HOUR')).toThrow(/cannot use HOUR/);
  });
});
