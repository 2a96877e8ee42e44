import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TableConfig } from '../src/normalize/options.js';
import { RecordNormalizer, RowIds } from '../src/normalize/record.js';
import { SchemaBuilder } from '../src/schema/evolve.js';
import type { Schema } from '../src/schema/types.js';

type Row = Record<string, unknown>;

const config = (tableName: string): TableConfig => ({
  resource: tableName,
  tableName,
  writeDisposition: 'append',
  primaryKey: [],
  mergeKey: [],
  columns: {},
});

/** One package: every resource's records normalized, in the order given. */
function run(resources: readonly (readonly [string, readonly Row[]])[], stored: Schema | null, max = 63) {
  const schema = new SchemaBuilder('s', stored, max);
  const rows: Record<string, Row[]> = {};
  for (const [name, records] of resources) {
    const n = new RecordNormalizer(schema, config(name), 'l', new RowIds('p'), (table, line) => {
      rows[table] ??= [];
      rows[table].push(JSON.parse(line) as Row);
    });
    for (const r of records) n.normalize(r);
  }
  return { schema: schema.build(), rows };
}

/** What names mean: raw table path → table, and per table raw column path (or variant) → column. */
function naming(schema: Schema): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of Object.values(schema.tables)) {
    const table = JSON.stringify(t.sourcePath);
    out.set(`table ${table}`, t.name);
    for (const c of Object.values(t.columns)) {
      if (c.sourcePath) out.set(`column ${table} ${JSON.stringify(c.sourcePath)}`, c.name);
      if (c.variantOf) out.set(`variant ${table} ${c.variantOf} ${c.dataType}`, c.name);
    }
  }
  return out;
}

describe('table names', () => {
  it('record the raw names they came from and keep them whatever order resources arrive in', () => {
    const first = run(
      [
        ['Tickets', [{ id: 1 }]],
        ['tickets', [{ id: 2 }]],
      ],
      null,
    );
    expect(first.schema.tables.tickets?.sourcePath).toEqual(['Tickets']);
    const other = Object.values(first.schema.tables).find((t) => t.sourcePath?.[0] === 'tickets');
    expect(other?.name).toMatch(/^tickets_[0-9a-f]{8}$/);
    const second = run(
      [
        ['tickets', [{ id: 3 }]],
        ['Tickets', [{ id: 4 }]],
      ],
      first.schema,
    );
    expect(second.rows.tickets?.map((r) => r.id)).toEqual([4]);
    expect(second.rows[other!.name]?.map((r) => r.id)).toEqual([3]);
  });

  it('keep child tables apart whose paths normalize alike (a list in a list, a list in an object)', () => {
    const listInList = { a: [{ b: ['in list'] }] };
    const listInObject = { a: { b: ['in object'] } };
    const first = run([['t', [listInList, listInObject]]], null);
    const tableOf = (rows: Record<string, Row[]>, value: string) =>
      Object.entries(rows).find(([, rs]) => rs.some((r) => r.value === value))?.[0];
    const a = tableOf(first.rows, 'in list');
    const b = tableOf(first.rows, 'in object');
    expect(a).toBe('t__a__b');
    expect(b).toMatch(/^t__a__b_[0-9a-f]{8}$/);
    expect(first.schema.tables[a!]?.sourcePath).toEqual(['t__a', 'b']);
    expect(first.schema.tables[b!]?.sourcePath).toEqual(['t', 'a', 'b']);
    const second = run([['t', [listInObject, listInList]]], first.schema);
    expect(tableOf(second.rows, 'in list')).toBe(a);
    expect(tableOf(second.rows, 'in object')).toBe(b);
  });

  it('a stored schema without raw table names (older versions) keeps its names and records them', () => {
    const first = run([['Tickets', [{ id: 1, tags: ['x'] }]]], null);
    const legacy: Schema = {
      ...first.schema,
      tables: Object.fromEntries(
        Object.entries(first.schema.tables).map(([k, { sourcePath: _dropped, ...t }]) => [k, t]),
      ),
    };
    const second = run([['Tickets', [{ id: 2, tags: ['y'] }]]], legacy);
    expect(Object.keys(second.rows).sort()).toEqual(['tickets', 'tickets__tags']);
    expect(second.schema.tables.tickets?.sourcePath).toEqual(['Tickets']);
    expect(second.schema.tables.tickets__tags?.sourcePath).toEqual(['tickets', 'tags']);
  });
});

describe('variant columns', () => {
  it('never share a column with a record key that normalizes to the same name, in any run order', () => {
    const records: Row[] = [{ priority: 1 }, { priority: 'high' }, { priority: { v_text: 'nested' } }];
    const first = run([['t', records]], null);
    const columns = first.schema.tables.t?.columns ?? {};
    const variant = Object.values(columns).find((c) => c.variantOf === 'priority');
    const nested = Object.values(columns).find((c) => c.sourcePath?.join('/') === 'priority/v_text');
    expect(variant?.name).toBe('priority__v_text');
    expect(nested?.name).toMatch(/^priority__v_text_[0-9a-f]{8}$/);
    const valueColumn = (rows: Row[] | undefined, value: string) =>
      Object.entries(rows?.find((r) => Object.values(r).includes(value)) ?? {}).find(
        ([, v]) => v === value,
      )?.[0];
    expect(valueColumn(first.rows.t, 'high')).toBe(variant?.name);
    expect(valueColumn(first.rows.t, 'nested')).toBe(nested?.name);
    // the other order in a fresh schema: the nested key comes first and keeps the plain name
    const fresh = run(
      [['t', [{ priority: { v_text: 'nested' } }, { priority: 1 }, { priority: 'high' }]]],
      null,
    );
    expect(valueColumn(fresh.rows.t, 'nested')).toBe('priority__v_text');
    expect(valueColumn(fresh.rows.t, 'high')).toMatch(/^priority__v_text_[0-9a-f]{8}$/);
    // the other order seeded from the first run: the first run's names
    const second = run([['t', [{ priority: { v_text: 'nested 2' } }, { priority: 'low' }]]], first.schema);
    expect(valueColumn(second.rows.t, 'nested 2')).toBe(nested?.name);
    expect(valueColumn(second.rows.t, 'low')).toBe(variant?.name);
    // a stored variant keeps its name when a new key that normalizes to it arrives first
    const onlyVariant = run([['t', [{ priority: 1 }, { priority: 'high' }]]], null);
    const later = run(
      [['t', [{ priority: { v_text: 'new key' } }, { priority: 'low' }]]],
      onlyVariant.schema,
    );
    expect(valueColumn(later.rows.t, 'low')).toBe('priority__v_text');
    expect(valueColumn(later.rows.t, 'new key')).toMatch(/^priority__v_text_[0-9a-f]{8}$/);
  });
});

describe('property: naming is stable across runs', () => {
  // Few distinct names, so that collisions after normalization are frequent.
  const name = fc.constantFrom(
    'Tickets',
    'tickets',
    'TICKETS',
    'ti ckets',
    'a',
    'A',
    'a__b',
    'A b',
    'v_text',
  );
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.oneof(fc.integer(), fc.string({ maxLength: 3 }), fc.boolean()),
      fc.array(tie('value'), { maxLength: 2 }),
      fc.dictionary(name, tie('value'), { maxKeys: 3 }),
    ),
  }));
  const record = fc.dictionary(name, value, { maxKeys: 4 });
  const resources = fc.uniqueArray(fc.tuple(name, fc.array(record, { maxLength: 4 })), {
    selector: ([n]) => n,
    maxLength: 4,
  });

  it('a second run seeded from the first, with names arriving in another order, gives every name the same identifier', () => {
    fc.assert(
      fc.property(
        resources,
        fc.integer({ min: 24, max: 63 }),
        fc.nat(),
        fc.option(fc.array(record, { minLength: 1, maxLength: 3 })),
        (list, max, seed, newcomers) => {
          const first = run(list, null, max);
          // another order: resources reversed, each resource's records rotated, each record's keys reversed;
          // optionally new records (new keys that may take names first) ahead of everything
          const reordered = [...list].reverse().map(([n, records], i) => {
            const k = records.length === 0 ? 0 : (seed + i) % records.length;
            const rotated = [...records.slice(k), ...records.slice(0, k)];
            const moved = rotated.map((r) => reverseKeys(r) as Row);
            return [n, [...(i === 0 ? (newcomers ?? []) : []), ...moved]] as const;
          });
          const second = run(reordered, first.schema, max);
          const before = naming(first.schema);
          const after = naming(second.schema);
          for (const [key, id] of before) expect(after.get(key), key).toBe(id);
          // the same data needs no new names
          if (newcomers === null) expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
          // identifiers stay unique: one meaning per column of a table
          for (const t of Object.values(second.schema.tables)) {
            const table = JSON.stringify(t.sourcePath);
            const meanings = [...after].filter(
              ([k]) => k.startsWith(`column ${table} `) || k.startsWith(`variant ${table} `),
            );
            expect(new Set(meanings.map(([, id]) => id)).size).toBe(meanings.length);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    );
  }
  return value;
}
