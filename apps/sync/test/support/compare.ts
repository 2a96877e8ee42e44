import type { Simulator } from '@sluice/freshdesk-simulator';
import { SYSTEM_COLUMNS, SYSTEM_TABLE_NAMES } from '@sluice/loader-core';
import { expect } from 'vitest';
import { CATALOG } from '../../src/source/catalog.js';
import { type ExpectedRow, expectedRow } from './flatten.js';
import { Truth } from './truth.js';
import { type Query, withDatabase } from './world.js';

type Rec = Record<string, unknown>;

const SCHEMA = 'freshdesk';
const SYSTEM = new Set<string>(Object.values(SYSTEM_COLUMNS));
const VARIANT = /^(.+)__v_(text|bigint|double|decimal|bool|timestamp|date|time|json|binary)$/;

interface Table {
  readonly name: string;
  /** Column → SQL type, system columns left out. */
  readonly types: ReadonlyMap<string, string>;
  /** Columns that are not variants, each with its variant columns (`<column>__v_<type>`). */
  readonly logical: ReadonlyMap<string, readonly string[]>;
  readonly rows: readonly Rec[];
  /** Child rows by `_sluice_parent_id`, in `_sluice_list_idx` order. */
  readonly byParent: ReadonlyMap<string, readonly Rec[]>;
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Every data table of the dataset with its columns and rows. */
async function readWarehouse(query: Query): Promise<Map<string, Table>> {
  const columns = await query(
    `SELECT table_name AS t, column_name AS c, data_type AS type FROM information_schema.columns WHERE table_schema = '${SCHEMA}'`,
  );
  const types = new Map<string, Map<string, string>>();
  for (const { t, c, type } of columns) {
    const name = String(t);
    if (SYSTEM_TABLE_NAMES.includes(name)) continue;
    const map = types.get(name) ?? new Map<string, string>();
    if (!SYSTEM.has(String(c))) map.set(String(c), String(type));
    types.set(name, map);
  }
  const tables = new Map<string, Table>();
  for (const [name, columnTypes] of types) {
    const rows = await query(`SELECT * FROM ${quote(SCHEMA)}.${quote(name)}`);
    const logical = new Map<string, string[]>();
    for (const column of columnTypes.keys()) {
      const base = VARIANT.exec(column)?.[1];
      if (base === undefined || !columnTypes.has(base)) logical.set(column, logical.get(column) ?? []);
    }
    for (const column of columnTypes.keys()) {
      const base = VARIANT.exec(column)?.[1];
      if (base !== undefined && columnTypes.has(base)) logical.get(base)?.push(column);
    }
    const byParent = new Map<string, Rec[]>();
    for (const row of rows) {
      const parent = row[SYSTEM_COLUMNS.parentId];
      if (parent === null || parent === undefined) continue;
      const list = byParent.get(String(parent)) ?? [];
      list.push(row);
      byParent.set(String(parent), list);
    }
    for (const list of byParent.values()) {
      list.sort((a, b) => Number(a[SYSTEM_COLUMNS.listIdx]) - Number(b[SYSTEM_COLUMNS.listIdx]));
    }
    tables.set(name, { name, types: columnTypes, logical, rows, byParent });
  }
  return tables;
}

/** An instant as ISO text, from the forms destinations return (ISO, `2024-01-01 10:00:00+00`, Date). */
function iso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  let text = String(value).trim().replace(' ', 'T');
  if (text.length === 10) text += 'T00:00:00Z';
  text = text.replace(/([+-]\d\d)$/, '$1:00');
  if (!/(Z|[+-]\d\d:?\d\d)$/i.test(text)) text += 'Z';
  const at = Date.parse(text);
  return Number.isNaN(at) ? String(value) : new Date(at).toISOString();
}

/** A stored value in a comparable form, by its column's SQL type. */
function stored(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  const t = type.toUpperCase();
  if (t.startsWith('TIMESTAMP')) return iso(value);
  if (t === 'DATE')
    return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
  if (t.includes('INT') || t.startsWith('DOUBLE') || t.startsWith('FLOAT') || t.startsWith('DECIMAL')) {
    return Number(value);
  }
  if (t === 'BOOLEAN') return value === true || value === 'true';
  if (t === 'JSON' && typeof value === 'string') return JSON.parse(value);
  return value;
}

/** A source value as the column type it landed in stores it (timestamps lose their textual form). */
function asStored(value: unknown, type: string): unknown {
  return type.toUpperCase().startsWith('TIMESTAMP') ? iso(value) : value;
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** What the Freshdesk source adds to records before loading them (see src/source/). */
function shaped(resource: string, record: Rec): Rec {
  if (resource === 'tickets')
    return { ...record, deleted: record.deleted === true, spam: record.spam === true };
  if (resource === 'contacts') {
    return { ...record, deleted: record.deleted === true, blocked: record.blocked === true };
  }
  return record;
}

class Comparison {
  readonly diffs: string[] = [];
  readonly #visited = new Map<string, Set<Rec>>();

  constructor(readonly tables: ReadonlyMap<string, Table>) {}

  #visit(table: string, row: Rec): void {
    const set = this.#visited.get(table) ?? new Set<Rec>();
    set.add(row);
    this.#visited.set(table, set);
  }

  /** One root table against the expected records, matched by id (or by position without a key). */
  root(name: string, keyed: boolean, records: readonly Rec[]): void {
    const table = this.tables.get(name);
    if (!table) {
      if (records.length > 0) this.diffs.push(`${name}: no table (expected ${records.length} rows)`);
      return;
    }
    const byId = new Map<string, Rec[]>();
    table.rows.forEach((row, i) => {
      const key = keyed ? String(stored(row.id, table.types.get('id') ?? 'BIGINT')) : String(i);
      byId.set(key, [...(byId.get(key) ?? []), row]);
    });
    records.forEach((record, i) => {
      const key = keyed ? String(record.id) : String(i);
      const found = byId.get(key) ?? [];
      byId.delete(key);
      if (found.length !== 1) {
        this.diffs.push(`${name}[${key}]: ${found.length} rows, expected 1`);
        for (const row of found) this.#visit(name, row);
        return;
      }
      const row = found[0] as Rec;
      this.#visit(name, row);
      this.row(name, row, expectedRow(name, shaped(name, record)), `${name}[${key}]`, row);
    });
    for (const [key, rows] of byId) {
      this.diffs.push(`${name}[${key}]: ${rows.length} row(s) the source does not hold`);
      for (const row of rows) this.#visit(name, row);
    }
  }

  row(name: string, row: Rec, expected: ExpectedRow, where: string, root: Rec): void {
    const table = this.tables.get(name) as Table;
    for (const [column, value] of expected.values) {
      if (!table.logical.has(column)) this.diffs.push(`${where}: no column ${column} for ${show(value)}`);
    }
    for (const [column, variants] of table.logical) {
      const present = [column, ...variants]
        .map((c) => ({ column: c, value: stored(row[c], table.types.get(c) as string) }))
        .filter((x) => x.value !== null);
      const want = expected.values.get(column);
      if (present.length > 1) {
        this.diffs.push(`${where}: values in ${present.map((p) => p.column).join(' and ')}`);
        continue;
      }
      const got = present[0];
      if (want === undefined) {
        if (got) this.diffs.push(`${where}.${got.column}: ${show(got.value)}, expected null`);
        continue;
      }
      if (!got) {
        this.diffs.push(`${where}.${column}: null, expected ${show(want)}`);
        continue;
      }
      const wanted = asStored(want, table.types.get(got.column) as string);
      if (JSON.stringify(wanted) !== JSON.stringify(got.value)) {
        this.diffs.push(`${where}.${got.column}: ${show(got.value)}, expected ${show(wanted)}`);
      }
    }
    const childTables = new Set([
      ...expected.children.keys(),
      ...[...this.tables.keys()].filter((t) => t.startsWith(`${name}__`)),
    ]);
    for (const child of childTables) {
      const want = expected.children.get(child) ?? [];
      const table = this.tables.get(child);
      if (!table) {
        this.diffs.push(`${where}: no table ${child} for ${want.length} list items`);
        continue;
      }
      const rows = table.byParent.get(String(row[SYSTEM_COLUMNS.id])) ?? [];
      for (const r of rows) this.#visit(child, r);
      if (rows.length !== want.length) {
        this.diffs.push(`${where} → ${child}: ${rows.length} rows, expected ${want.length}`);
        continue;
      }
      rows.forEach((r, i) => {
        const at = `${where}.${child}[${i}]`;
        if (Number(r[SYSTEM_COLUMNS.listIdx]) !== i)
          this.diffs.push(`${at}: list index ${r[SYSTEM_COLUMNS.listIdx]}`);
        if (r[SYSTEM_COLUMNS.rootId] !== root[SYSTEM_COLUMNS.id]) this.diffs.push(`${at}: wrong root id`);
        this.row(child, r, want[i] as ExpectedRow, at, root);
      });
    }
  }

  /** Rows no expected record accounts for: orphans, leftovers of replaced versions, unknown tables. */
  leftovers(): void {
    for (const [name, table] of this.tables) {
      const seen = this.#visited.get(name)?.size ?? 0;
      if (table.rows.length > seen) {
        this.diffs.push(`${name}: ${table.rows.length - seen} row(s) that belong to no expected record`);
      }
    }
  }
}

/**
 * The warehouse equals the source exactly: every table the sync loaded, every column of every row (after the
 * documented flattening: nested objects as `a__b` columns, lists as child tables in order, normalized custom
 * field names, the `deleted`/`spam`/`blocked` flags; a value in a variant column counts as its column's), no
 * row missing, doubled or left over. Pass a `Truth` that followed the runs when records changed without moving
 * their cursor (new custom fields, type changes); a bare simulator means "its current data, all of it".
 */
export function expectWarehouseEqualsSimulator(dbPath: string, source: Simulator | Truth): Promise<void> {
  return withDatabase(dbPath, (query) => compare(query, source));
}

/** The same comparison over any SQL access to the loaded dataset (DuckDB, or the BigQuery fake's backing DB). */
export async function compare(query: Query, source: Simulator | Truth): Promise<void> {
  const diffs = await differences(query, source);
  expect(diffs.slice(0, 40), `${diffs.length} differences between the warehouse and the simulator`).toEqual(
    [],
  );
}

/** The differences `compare` reports, as lines. */
export async function differences(query: Query, source: Simulator | Truth): Promise<string[]> {
  const truth = source instanceof Truth ? source : currentTruth(source);
  const comparison = new Comparison(await readWarehouse(query));
  for (const entry of CATALOG) {
    const keyed = !(Array.isArray(entry.primaryKey) && entry.primaryKey.length === 0);
    comparison.root(entry.name, keyed, truth.loaded(entry.name) ? truth.records(entry.name) : []);
  }
  comparison.leftovers();
  return comparison.diffs;
}

/** Everything the simulator holds now, as one full run would load it. */
function currentTruth(sim: Simulator): Truth {
  const truth = new Truth(sim);
  truth.synced();
  return truth;
}
