import type { ColumnSchema, DataType } from '@sluice/loader-core';
import { describe, expect, it } from 'vitest';
import { columnTypeSql, tableField } from '../../src/schema/column-type.js';
import { BIGQUERY_CAPABILITIES } from '../../src/sql-driver.js';

const column = (dataType: DataType, extra: Partial<ColumnSchema> = {}): ColumnSchema => ({
  name: 'c',
  dataType,
  nullable: true,
  ...extra,
});

describe('column types', () => {
  it.each([
    ['text', 'STRING'],
    ['bigint', 'INT64'],
    ['double', 'FLOAT64'],
    ['decimal', 'NUMERIC'],
    ['bool', 'BOOL'],
    ['timestamp', 'TIMESTAMP'],
    ['date', 'DATE'],
    ['time', 'TIME'],
    ['json', 'JSON'],
    ['binary', 'BYTES'],
  ] as const)('maps %s to %s', (dataType, expected) => {
    expect(columnTypeSql(column(dataType))).toBe(expected);
    expect(tableField(column(dataType))).toEqual({ name: 'c', type: expected, mode: 'NULLABLE' });
  });

  it('uses NUMERIC while precision and scale fit, BIGNUMERIC beyond', () => {
    expect(columnTypeSql(column('decimal', { precision: 12, scale: 2 }))).toBe('NUMERIC(12, 2)');
    expect(columnTypeSql(column('decimal', { precision: 38, scale: 9 }))).toBe('NUMERIC(38, 9)');
    expect(columnTypeSql(column('decimal', { precision: 30, scale: 0 }))).toBe('BIGNUMERIC(30, 0)');
    expect(columnTypeSql(column('decimal', { precision: 20, scale: 12 }))).toBe('BIGNUMERIC(20, 12)');
    expect(columnTypeSql(column('decimal', { precision: 76, scale: 38 }))).toBe('BIGNUMERIC(76, 38)');
    expect(tableField(column('decimal', { precision: 40, scale: 10 }))).toEqual({
      name: 'c',
      type: 'BIGNUMERIC',
      mode: 'NULLABLE',
      precision: '40',
      scale: '10',
    });
  });

  it('explains decimals BigQuery cannot hold', () => {
    expect(() => columnTypeSql(column('decimal', { precision: 80, scale: 2 }))).toThrow(
      /BIGNUMERIC\(76, 38\)/,
    );
    expect(() => columnTypeSql(column('decimal', { precision: 2, scale: 5 }))).toThrow(/not a valid decimal/);
  });
});

describe('column names', () => {
  it('declares the reserved prefixes as a capability, so loader-core names never start with them', () => {
    // BigQuery's documented pseudo-column prefixes.
    for (const prefix of [
      '_TABLE_',
      '_FILE_',
      '_PARTITION',
      '_ROW_TIMESTAMP',
      '__ROOT__',
      '_COLIDENTIFIER',
    ]) {
      expect(BIGQUERY_CAPABILITIES.reservedPrefixes?.map((p) => p.toUpperCase())).toContain(prefix);
    }
  });

  it('rejects the prefixes BigQuery reserves, with the fix', () => {
    expect(() => columnTypeSql({ name: '_PARTITIONTIME', dataType: 'timestamp', nullable: true })).toThrow(
      /reserves for its pseudo-columns.*Rename the field/,
    );
    expect(() => tableField({ name: '_table_suffix', dataType: 'text', nullable: true })).toThrow(
      /"_table_"/,
    );
    expect(columnTypeSql({ name: '_sluice_id', dataType: 'text', nullable: true })).toBe('STRING');
  });
});
