import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ColumnSchema, DataType, LoadFile, TableSchema } from '@sluice/loader-core';

/** A fresh temporary directory, removed by the returned cleanup. */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'sluice-duckdb-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export function column(name: string, dataType: DataType, extra: Partial<ColumnSchema> = {}): ColumnSchema {
  return { name, dataType, nullable: true, ...extra };
}

export function table(name: string, columns: readonly ColumnSchema[]): TableSchema {
  return {
    name,
    resource: name,
    writeDisposition: 'append',
    columns: Object.fromEntries(columns.map((c) => [c.name, c])),
  };
}

/** Writes records as a JSONL load file. */
export async function jsonlFile(
  dir: string,
  name: string,
  tableName: string,
  records: readonly Record<string, unknown>[],
): Promise<LoadFile> {
  const path = join(dir, name);
  const text = records.map((record) => JSON.stringify(record)).join('\n');
  await writeFile(path, `${text}\n`);
  return { table: tableName, path, format: 'jsonl', rows: records.length, bytes: Buffer.byteLength(text) };
}

/** One column of every loader-core type. */
export const EVERY_TYPE: readonly ColumnSchema[] = [
  column('id', 'bigint', { nullable: false, primaryKey: true }),
  column('text_col', 'text'),
  column('bigint_col', 'bigint'),
  column('double_col', 'double'),
  column('decimal_col', 'decimal'),
  column('bool_col', 'bool'),
  column('timestamp_col', 'timestamp'),
  column('date_col', 'date'),
  column('time_col', 'time'),
  column('json_col', 'json'),
  column('binary_col', 'binary'),
];
