import { readFile } from 'node:fs/promises';
import { mergePlan } from '../destination/merge-plan.js';
import type {
  Destination,
  DestinationCapabilities,
  DestinationClient,
  DestinationEvent,
  PackageLoadResult,
  StoredLoad,
  StoredSchema,
  StoredState,
} from '../destination/types.js';
import { compareCursor } from '../incremental/cursor.js';
import type { LoadFile, NormalizedPackage, TableLoad } from '../package/types.js';
import { SYSTEM_COLUMNS } from '../schema/system-columns.js';
import type { TableSchema } from '../schema/types.js';

type Row = Record<string, unknown>;

interface MemoryDataset {
  tables: Map<string, { columns: string[]; rows: Row[] }>;
  versions: StoredSchema[];
  states: (StoredState & { pipelineName: string })[];
  loads: StoredLoad[];
}

/** A step of `loadPackage` at which a test can inject a failure. */
export type MemoryLoadStep = 'migrate' | 'table' | 'commit';

export interface MemoryDestinationOptions {
  readonly capabilities?: Partial<DestinationCapabilities>;
  /** Return true to throw at this step (the package is then not applied at all). */
  readonly failAt?: (step: MemoryLoadStep, pkg: NormalizedPackage, table?: string) => boolean;
}

export const MEMORY_CAPABILITIES: DestinationCapabilities = {
  name: 'memory',
  maxIdentifierLength: 63,
  fileFormats: ['jsonl'],
  supportsTransactions: true,
  dataTypes: ['text', 'bigint', 'double', 'decimal', 'bool', 'timestamp', 'date', 'time', 'json', 'binary'],
  decimal: { precision: 38, scale: 9 },
};

/**
 * An in-memory destination for tests: records every package it is given and applies it to in-memory tables
 * with the same semantics as the SQL client (append, replace, merge with dedup, child rows, hard delete), all or
 * nothing. Values stay as encoded in the data files.
 */
export class MemoryDestination implements Destination {
  readonly capabilities: DestinationCapabilities;
  /** Every package passed to `loadPackage`, in order (also failed ones). */
  readonly packages: NormalizedPackage[] = [];
  readonly #datasets = new Map<string, MemoryDataset>();
  #failAt: MemoryDestinationOptions['failAt'];

  constructor(options: MemoryDestinationOptions = {}) {
    this.capabilities = { ...MEMORY_CAPABILITIES, ...options.capabilities };
    this.#failAt = options.failAt;
  }

  /** Replaces the failure injection (undefined: no failures). */
  setFailAt(failAt: MemoryDestinationOptions['failAt']): void {
    this.#failAt = failAt;
  }

  /** Rows of a table in order of insertion, or null when it does not exist. */
  readTable(dataset: string, table: string): Row[] | null {
    return (
      this.#datasets
        .get(dataset)
        ?.tables.get(table)
        ?.rows.map((r) => ({ ...r })) ?? null
    );
  }

  tableColumns(dataset: string, table: string): string[] | null {
    return this.#datasets.get(dataset)?.tables.get(table)?.columns.slice() ?? null;
  }

  async connect(options: {
    readonly dataset: string;
    readonly pipelineName: string;
  }): Promise<DestinationClient> {
    const name = options.dataset;
    const dataset = (): MemoryDataset | undefined => this.#datasets.get(name);
    const capabilities = this.capabilities;
    return {
      capabilities,
      getStoredSchema: async (schemaName) =>
        dataset()
          ?.versions.filter((v) => v.schema.name === schemaName)
          .at(-1) ?? null,
      getState: async (pipelineName) => {
        const s = dataset()
          ?.states.filter((x) => x.pipelineName === pipelineName)
          .at(-1);
        return s ? { state: s.state, loadId: s.loadId, insertedAt: s.insertedAt } : null;
      },
      getLoad: async (loadId) => dataset()?.loads.find((l) => l.loadId === loadId) ?? null,
      listLoads: async (pipelineName, limit) =>
        (dataset()?.loads ?? [])
          .filter((l) => l.pipelineName === pipelineName)
          .reverse()
          .slice(0, limit),
      countRows: async (table) => dataset()?.tables.get(table)?.rows.length ?? null,
      loadPackage: async (pkg, onEvent) => {
        this.packages.push(pkg);
        const current = dataset() ?? { tables: new Map(), versions: [], states: [], loads: [] };
        const next = cloneDataset(current);
        const result = await applyPackage(
          next,
          pkg,
          (step, table) => this.#failAt?.(step, pkg, table) ?? false,
          onEvent,
        );
        this.#datasets.set(name, next);
        onEvent?.({ type: 'committed', loadId: pkg.loadId });
        return result;
      },
      close: async () => {},
    };
  }
}

function cloneDataset(d: MemoryDataset): MemoryDataset {
  return {
    tables: new Map(
      [...d.tables].map(([k, t]) => [k, { columns: [...t.columns], rows: t.rows.map((r) => ({ ...r })) }]),
    ),
    versions: [...d.versions],
    states: [...d.states],
    loads: [...d.loads],
  };
}

async function readRows(load: TableLoad): Promise<Row[]> {
  return readFiles(load.files);
}

async function readFiles(files: readonly LoadFile[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const file of files) {
    const text = await readFile(file.path, 'utf8');
    for (const line of text.split('\n')) if (line !== '') rows.push(JSON.parse(line) as Row);
  }
  return rows;
}

async function applyPackage(
  d: MemoryDataset,
  pkg: NormalizedPackage,
  fail: (step: MemoryLoadStep, table?: string) => boolean,
  onEvent?: (event: DestinationEvent) => void,
): Promise<PackageLoadResult> {
  const injected = (step: MemoryLoadStep, table?: string): void => {
    if (fail(step, table))
      throw new Error(`Injected failure at ${step}${table ? ` (${table})` : ''} of ${pkg.loadId}`);
  };
  injected('migrate');
  for (const change of pkg.schemaChanges) {
    const name = change.kind === 'create_table' ? change.table.name : change.table;
    const columns =
      change.kind === 'create_table' ? Object.keys(change.table.columns) : change.columns.map((c) => c.name);
    const table = d.tables.get(name) ?? { columns: [], rows: [] };
    for (const c of columns) if (!table.columns.includes(c)) table.columns.push(c);
    d.tables.set(name, table);
  }
  if (pkg.schemaChanges.length > 0) onEvent?.({ type: 'schema_migrated', changes: pkg.schemaChanges.length });

  const staged = new Map<string, Row[]>();
  for (const load of pkg.tables) staged.set(load.table, await readRows(load));
  const results: { table: string; rows: number; writeDisposition: TableLoad['writeDisposition'] }[] = [];
  const loaded = new Map<string, Row[]>();

  for (const load of pkg.tables) {
    injected('table', load.table);
    const schema = pkg.schema.tables[load.table] as TableSchema;
    const table = d.tables.get(load.table)!;
    let rows = staged.get(load.table) ?? [];
    if (load.writeDisposition === 'replace') {
      table.rows = [];
    } else if (load.writeDisposition === 'merge') {
      const root = rootOf(pkg, schema);
      const plan = mergePlan(root);
      if (plan && schema.parent === undefined) {
        rows = dedup(rows, plan.primaryKey, plan.sort, root);
        // keys of staged rows, and keys the resource declared fully re-read (mergeKeyScope)
        const scope = await readFiles(load.mergeKeyScope ?? []);
        const keyOfRow = (r: Row) => keyOf(r, plan.deleteKey, root);
        const keys = new Set([...rows, ...scope].map(keyOfRow));
        const replaced = new Set(
          table.rows.filter((r) => keys.has(keyOfRow(r))).map((r) => r[SYSTEM_COLUMNS.id]),
        );
        table.rows = table.rows.filter((r) => !replaced.has(r[SYSTEM_COLUMNS.id]));
        for (const other of Object.values(pkg.schema.tables)) {
          if (other.parent === undefined || rootOf(pkg, other).name !== root.name) continue;
          const child = d.tables.get(other.name);
          if (child) child.rows = child.rows.filter((r) => !replaced.has(r[SYSTEM_COLUMNS.rootId]));
        }
        const hd = plan.hardDelete;
        if (hd) rows = rows.filter((r) => !isDeleted(r[hd.name], hd.dataType));
      } else if (plan) {
        const roots = new Set((loaded.get(root.name) ?? []).map((r) => r[SYSTEM_COLUMNS.id]));
        rows = rows.filter((r) => roots.has(r[SYSTEM_COLUMNS.rootId]));
      }
    }
    table.rows.push(...rows);
    loaded.set(load.table, rows);
    for (const file of load.files) onEvent?.({ type: 'file_loaded', table: load.table, rows: file.rows });
    onEvent?.({ type: 'table_completed', table: load.table, rows: rows.length });
    results.push({ table: load.table, rows: rows.length, writeDisposition: load.writeDisposition });
  }
  injected('commit');
  const now = new Date().toISOString();
  d.states.push({ pipelineName: pkg.pipelineName, state: pkg.state, loadId: pkg.loadId, insertedAt: now });
  if (d.versions.at(-1)?.schema.versionHash !== pkg.schema.versionHash)
    d.versions.push({ schema: pkg.schema, insertedAt: now });
  d.loads.push({
    loadId: pkg.loadId,
    pipelineName: pkg.pipelineName,
    status: 'loaded',
    insertedAt: now,
    schemaVersionHash: pkg.schema.versionHash,
    rows: Object.fromEntries(results.map((r) => [r.table, r.rows])),
  });
  return { loadId: pkg.loadId, tables: results };
}

function rootOf(pkg: NormalizedPackage, table: TableSchema): TableSchema {
  let t = table;
  while (t.parent !== undefined) t = pkg.schema.tables[t.parent] as TableSchema;
  return t;
}

/** A key as SQL compares it: timestamps by instant (files hold `…:00Z` and `…:00.000Z` alike). */
function keyOf(row: Row, columns: readonly string[], table: TableSchema): string {
  return JSON.stringify(
    columns.map((c) => {
      const value = row[c] ?? null;
      return table.columns[c]?.dataType === 'timestamp' && typeof value === 'string' ? instant(value) : value;
    }),
  );
}

/** A UTC ISO timestamp (as data files hold them) in one form: `T`, `Z` and no trailing zeros of the fraction. */
function instant(text: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?[Zz]$/.exec(text);
  if (!m) return text;
  const fraction = (m[3] ?? '').replace(/0+$/, '');
  return `${m[1]}T${m[2]}${fraction ? `.${fraction}` : ''}Z`;
}

/** One row per key: the best by sort, ties (and no sort) going to the last row. */
function dedup(
  rows: Row[],
  key: readonly string[],
  sort: { column: string; order: 'asc' | 'desc' } | null,
  table: TableSchema,
): Row[] {
  if (key.length === 0) return rows;
  const best = new Map<string, Row>();
  for (const row of rows) {
    const k = keyOf(row, key, table);
    const current = best.get(k);
    if (!current || !sort) {
      best.set(k, row);
      continue;
    }
    const a = row[sort.column];
    const b = current[sort.column];
    // as in SQL (NULLS LAST, ties to the later row): a null never beats a value
    const aNull = a === null || a === undefined;
    const bNull = b === null || b === undefined;
    if (aNull || bNull) {
      if (!aNull || bNull) best.set(k, row);
      continue;
    }
    const cmp = compareCursor(a, b);
    if ((sort.order === 'desc' && cmp >= 0) || (sort.order === 'asc' && cmp <= 0)) best.set(k, row);
  }
  return [...best.values()];
}

export function isDeleted(value: unknown, dataType: string): boolean {
  return dataType === 'bool' ? value === true : value !== null && value !== undefined;
}
