import type { DataType, DestinationCapabilities } from '@sluice/loader-core';
import { DEFAULT_DECIMAL } from './schema/column-type.js';

const ALL_TYPES: readonly DataType[] = [
  'text',
  'bigint',
  'double',
  'decimal',
  'bool',
  'timestamp',
  'date',
  'time',
  'json',
  'binary',
];

/**
 * DuckDB stores every logical type natively and commits DDL and data in one transaction. It has no
 * practical identifier limit; 255 keeps names readable in clients and portable to other tools.
 */
export const DUCKDB_CAPABILITIES: DestinationCapabilities = {
  name: 'duckdb',
  maxIdentifierLength: 255,
  fileFormats: ['jsonl'],
  supportsTransactions: true,
  dataTypes: ALL_TYPES,
  decimal: DEFAULT_DECIMAL,
};
