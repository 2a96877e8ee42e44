import { createHash } from 'node:crypto';
import type { TableSchema } from './types.js';

/** JSON with object keys sorted, so equal content always hashes equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Content hash of a schema's tables. */
export function hashTables(tables: Readonly<Record<string, TableSchema>>): string {
  return createHash('sha256').update(canonicalJson(tables)).digest('base64url').slice(0, 32);
}
