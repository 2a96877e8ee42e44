import { invalid } from '../errors.js';
import { canonicalType, type TableFieldSchema } from './types.js';

export interface SchemaChange {
  added: TableFieldSchema[];
  /** Columns relaxed from REQUIRED to NULLABLE. */
  relaxed: string[];
}

const modeOf = (f: TableFieldSchema) => f.mode ?? 'NULLABLE';

/**
 * Checks a requested schema against the current one with BigQuery's rules and returns what to change.
 * Errors use BigQuery's wording ("Provided Schema does not match Table ...").
 */
export function checkSchemaChange(
  tableName: string,
  current: readonly TableFieldSchema[],
  requested: readonly TableFieldSchema[],
  options: { allowAddition?: boolean; allowRelaxation?: boolean },
): SchemaChange {
  const prefix = `Provided Schema does not match Table ${tableName}.`;
  const byName = new Map(requested.map((f) => [f.name.toLowerCase(), f]));
  const relaxed: string[] = [];
  for (const existing of current) {
    const wanted = byName.get(existing.name.toLowerCase());
    if (!wanted) throw invalid(`${prefix} Field ${existing.name} is missing in new schema`);
    const from = canonicalType(existing.type);
    const to = canonicalType(wanted.type);
    if (from !== to)
      throw invalid(`${prefix} Field ${existing.name} has changed type from ${from} to ${to ?? wanted.type}`);
    const fromMode = modeOf(existing);
    const toMode = modeOf(wanted);
    if (fromMode !== toMode) {
      if (fromMode === 'REQUIRED' && toMode === 'NULLABLE' && options.allowRelaxation !== false) {
        relaxed.push(existing.name);
      } else {
        throw invalid(`${prefix} Field ${existing.name} has changed mode from ${fromMode} to ${toMode}`);
      }
    }
  }
  const currentNames = new Set(current.map((f) => f.name.toLowerCase()));
  const added = requested.filter((f) => !currentNames.has(f.name.toLowerCase()));
  if (added.length > 0 && options.allowAddition === false) {
    throw invalid(`${prefix} Cannot add fields (field: ${added[0]?.name})`);
  }
  const required = added.find((f) => modeOf(f) === 'REQUIRED');
  if (required) {
    throw invalid(`${prefix} Cannot add required fields to an existing schema. (field: ${required.name})`);
  }
  return { added, relaxed };
}
