import { invalid } from '../errors.js';

// BigQuery's naming rules (https://cloud.google.com/bigquery/docs/datasets#dataset-naming,
// .../tables#table_naming, .../schemas#column_names), enforced so a destination cannot rely on names
// that the real service rejects.
const DATASET_RE = /^[A-Za-z0-9_]{1,1024}$/;
const TABLE_RE = /^[\p{L}\p{M}\p{N}\p{Pc}\p{Pd}\p{Zs}]+$/u;
const COLUMN_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RESERVED_COLUMN_PREFIXES = [
  '_table_',
  '_file_',
  '_partition',
  '_row_timestamp',
  '__root__',
  '_colidentifier',
];

export function validateDatasetId(datasetId: string): void {
  if (!DATASET_RE.test(datasetId)) {
    throw invalid(
      `Invalid dataset ID "${datasetId}". Dataset IDs must be alphanumeric (plus underscores) and must be at most 1024 characters long.`,
    );
  }
}

export function validateTableId(tableId: string): void {
  if (!TABLE_RE.test(tableId) || Buffer.byteLength(tableId, 'utf8') > 1024) {
    throw invalid(
      `Invalid table ID "${tableId}". Table IDs must be alphanumeric (plus underscores, dashes and spaces) and must be at most 1024 bytes long.`,
    );
  }
}

export function validateColumnName(name: string): void {
  if (!COLUMN_RE.test(name) || name.length > 300) {
    throw invalid(
      `Invalid field name "${name}". Fields must contain only letters, numbers, and underscores, start with a letter or underscore, and be at most 300 characters long.`,
    );
  }
  const lower = name.toLowerCase();
  const reserved = RESERVED_COLUMN_PREFIXES.find((prefix) => lower.startsWith(prefix));
  if (reserved) {
    throw invalid(
      `Invalid field name "${name}". Field names starting with ${reserved.toUpperCase()} are reserved.`,
    );
  }
}

/** Column names are case-insensitive in BigQuery: `id` and `ID` are the same column. */
export function validateUniqueColumnNames(names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    const key = name.toLowerCase();
    if (seen.has(key)) throw invalid(`Field ${name} already exists in schema`);
    seen.add(key);
  }
}
