import { describe, expect, it } from 'vitest';
import type { TableConfig } from '../src/normalize/options.js';
import { RecordNormalizer, RowIds } from '../src/normalize/record.js';
import { SchemaContractError, type SchemaContractOption } from '../src/schema/contract.js';
import { SchemaBuilder } from '../src/schema/evolve.js';
import { SYSTEM_COLUMNS } from '../src/schema/system-columns.js';
import type { Schema } from '../src/schema/types.js';

type Row = Record<string, unknown>;

function config(extra: Partial<TableConfig> = {}): TableConfig {
  return {
    resource: 'tickets',
    tableName: 'tickets',
    writeDisposition: 'append',
    primaryKey: [],
    mergeKey: [],
    columns: {},
    ...extra,
  };
}

function normalize(records: Row[], extra: Partial<TableConfig> = {}, stored: Schema | null = null, max = 63) {
  const schema = new SchemaBuilder('test', stored, max);
  const rows: Record<string, Row[]> = {};
  const n = new RecordNormalizer(schema, config(extra), 'load1', new RowIds('p'), (table, line) => {
    rows[table] ??= [];
    rows[table].push(JSON.parse(line) as Row);
  });
  const kept = records.map((r) => n.normalize(r));
  return { rows, schema: schema.build(), kept, discarded: n.discarded };
}

const data = (row: Row | undefined): Row =>
  Object.fromEntries(Object.entries(row ?? {}).filter(([k]) => !k.startsWith('_sluice_')));

describe('nesting', () => {
  it('flattens objects with __ and turns lists into linked child tables', () => {
    const { rows, schema } = normalize([
      {
        id: 1,
        stats: { resolved_at: '2024-01-01T00:00:00Z', first: { at: null } },
        tags: ['a', 'b'],
        conversations: [{ body: 'hi', attachments: [{ name: 'f.txt' }] }],
        empty: [],
      },
    ]);
    expect(data(rows.tickets?.[0])).toEqual({ id: 1, stats__resolved_at: '2024-01-01T00:00:00Z' });
    const root = rows.tickets?.[0] as Row;
    expect(rows.tickets__tags?.map((r) => [r.value, r[SYSTEM_COLUMNS.listIdx]])).toEqual([
      ['a', 0],
      ['b', 1],
    ]);
    for (const r of rows.tickets__tags ?? []) {
      expect(r[SYSTEM_COLUMNS.parentId]).toBe(root[SYSTEM_COLUMNS.id]);
      expect(r[SYSTEM_COLUMNS.rootId]).toBe(root[SYSTEM_COLUMNS.id]);
      expect(r[SYSTEM_COLUMNS.loadId]).toBe('load1');
    }
    const conv = rows.tickets__conversations?.[0] as Row;
    const att = rows.tickets__conversations__attachments?.[0] as Row;
    expect(att.name).toBe('f.txt');
    expect(att[SYSTEM_COLUMNS.parentId]).toBe(conv[SYSTEM_COLUMNS.id]);
    expect(att[SYSTEM_COLUMNS.rootId]).toBe(root[SYSTEM_COLUMNS.id]);
    expect(schema.tables.tickets__conversations__attachments?.parent).toBe('tickets__conversations');
    // nulls never create a column; empty lists create no table
    expect(schema.tables.tickets?.columns.stats__first__at).toBeUndefined();
    expect(schema.tables.tickets__empty).toBeUndefined();
  });

  it('lists of lists become nested child tables through a value column', () => {
    const { rows } = normalize([{ id: 1, matrix: [[1, 2], [3]] }]);
    expect(rows.tickets__matrix?.length).toBe(2);
    expect(rows.tickets__matrix__value?.map((r) => r.value)).toEqual([1, 2, 3]);
  });

  it('turns data deeper than maxNestingDepth into json columns', () => {
    const { rows, schema } = normalize([{ id: 1, a: { b: { c: 1 } }, tags: ['x'] }], { maxNestingDepth: 1 });
    expect(data(rows.tickets?.[0])).toEqual({ id: 1, a__b: { c: 1 } });
    expect(schema.tables.tickets?.columns.a__b?.dataType).toBe('json');
    expect(rows.tickets__tags?.length).toBe(1);
    const flat = normalize([{ id: 1, a: { b: 1 }, tags: ['x'] }], { maxNestingDepth: 0 });
    expect(data(flat.rows.tickets?.[0])).toEqual({ id: 1, a: { b: 1 }, tags: ['x'] });
    expect(flat.rows.tickets__tags).toBeUndefined();
  });

  it('counts nesting levels from the record, also through a list inside an object', () => {
    const { rows, schema } = normalize([{ id: 1, a: { b: [{ c: { d: 1 } }] } }], { maxNestingDepth: 2 });
    // a (1) and its list b (2) expand; c is a third level: one json value in the child table
    expect(rows.tickets__a__b?.map(data)).toEqual([{ c: { d: 1 } }]);
    expect(schema.tables.tickets__a__b?.columns.c?.dataType).toBe('json');
  });

  it('keeps an object or list whole when a type hint names its path', () => {
    const { rows } = normalize([{ id: 1, doc: { a: [1] }, tags: ['x'], deep: { list: [1, 2] } }], {
      columns: { doc: { dataType: 'json' }, tags: { dataType: 'json' }, 'deep.list': { dataType: 'json' } },
    });
    expect(data(rows.tickets?.[0])).toEqual({ id: 1, doc: { a: [1] }, tags: ['x'], deep__list: [1, 2] });
    expect(Object.keys(rows)).toEqual(['tickets']);
  });

  it('a json hint keeps a whole subtree, lists inside it included, as one value: no child table', () => {
    const records = [
      { id: 1, custom_fields: { cf_list: [1, 2], cf_obj: { deep: [{ a: 1 }] } }, links: [{ href: 'x' }] },
      { id: 2, custom_fields: { cf_list: [] }, links: [] },
    ];
    const { rows, schema } = normalize(records, {
      columns: { custom_fields: { dataType: 'json' }, links: { dataType: 'json' } },
    });
    expect(rows.tickets?.map(data)).toEqual([
      { id: 1, custom_fields: { cf_list: [1, 2], cf_obj: { deep: [{ a: 1 }] } }, links: [{ href: 'x' }] },
      { id: 2, custom_fields: { cf_list: [] }, links: [] },
    ]);
    expect(Object.keys(schema.tables)).toEqual(['tickets']);
    expect(schema.tables.tickets?.columns.custom_fields?.dataType).toBe('json');
    expect(schema.tables.tickets?.columns.links?.dataType).toBe('json');
  });

  it('a json hint on a path inside list items applies in the child table', () => {
    const { rows, schema } = normalize(
      [{ id: 1, conversations: [{ body: 'hi', meta: { cc: ['a@x'], n: 1 } }] }],
      { columns: { 'conversations.meta': { dataType: 'json' } } },
    );
    expect(rows.tickets__conversations?.map(data)).toEqual([{ body: 'hi', meta: { cc: ['a@x'], n: 1 } }]);
    expect(schema.tables.tickets__conversations?.columns.meta?.dataType).toBe('json');
    expect(schema.tables.tickets__conversations__meta__cc).toBeUndefined();
    // the hint is not also declared as a column of the parent table
    expect(Object.keys(schema.tables.tickets?.columns ?? {}).filter((c) => !c.startsWith('_sluice'))).toEqual(
      ['id'],
    );
    expect(rows.tickets__conversations__meta__cc).toBeUndefined();
  });

  it('writes valid JSON for any text: quotes, backslashes, control characters, surrogates', () => {
    const texts = ['say "hi"', 'C:\\path', 'line\nbreak\u0000', 'lone \ud800 half', 'emoji 😀', 'plain'];
    const { rows } = normalize([{ t: texts, 'k"ey\\': 'v' }]);
    expect(rows.tickets__t?.map((r) => r.value)).toEqual(texts);
    expect(data(rows.tickets?.[0])).toEqual({ k_ey: 'v' });
  });

  it('gives every row a distinct, arrival-ordered _sluice_id', () => {
    const { rows } = normalize([{ id: 1, tags: ['a', 'b'] }, { id: 2 }]);
    const ids = [...(rows.tickets ?? []), ...(rows.tickets__tags ?? [])].map((r) =>
      String(r[SYSTEM_COLUMNS.id]),
    );
    expect(new Set(ids).size).toBe(4);
    const roots = (rows.tickets ?? []).map((r) => String(r[SYSTEM_COLUMNS.id]));
    expect([...roots].sort()).toEqual(roots);
  });
});

describe('_sluice_id', () => {
  it('is `<load id>.<counter>`: unique across packages, arrival-ordered within one, the same when renormalized', () => {
    const ids = new RowIds('00001712345678901.abcdef');
    expect([ids.next(), ids.next()]).toEqual([
      '00001712345678901.abcdef.00000000',
      '00001712345678901.abcdef.00000001',
    ]);
    const many = new RowIds('L');
    const seq = Array.from({ length: 2000 }, () => many.next());
    expect([...seq].sort()).toEqual(seq);
    // a load id that JSON must escape still gives valid rows
    const rows: string[] = [];
    const schema = new SchemaBuilder('s', null, 63);
    new RecordNormalizer(schema, config(), 'q"\\', new RowIds('q"\\'), (_t, line) =>
      rows.push(line),
    ).normalize({
      a: 1,
    });
    expect(JSON.parse(rows[0] ?? '')._sluice_id).toBe('q"\\.00000000');
  });
});

describe('types, hints and variants', () => {
  it('infers types, applies hints and records keys and cursor flags', () => {
    const { schema, rows } = normalize(
      [{ id: 1, price: '9.99', at: '2024-01-01T00:00:00Z', big: 2n ** 70n }],
      {
        primaryKey: ['id'],
        cursorPath: 'at',
        columns: { price: { dataType: 'text' }, 'stats.score': { dataType: 'double' } },
      },
    );
    const cols = schema.tables.tickets?.columns ?? {};
    expect(cols.id).toMatchObject({ dataType: 'bigint', primaryKey: true, nullable: false });
    expect(cols.price?.dataType).toBe('text');
    expect(cols.at).toMatchObject({ dataType: 'timestamp', cursor: true });
    expect(cols.big?.dataType).toBe('decimal');
    expect(cols.stats__score?.dataType).toBe('double');
    expect(rows.tickets?.[0]?.big).toBe('1180591620717411303424');
  });

  it('a hinted column takes every value representable in its type, only the rest goes to variants', () => {
    const columns = {
      dec: { dataType: 'decimal' },
      bin: { dataType: 'binary' },
      ts: { dataType: 'timestamp' },
      day: { dataType: 'date' },
      big: { dataType: 'bigint' },
      dbl: { dataType: 'double' },
      flag: { dataType: 'bool' },
      txt: { dataType: 'text' },
    } as const;
    const { rows, schema } = normalize(
      [
        {
          dec: '12.50',
          bin: 'aGVsbG8=',
          ts: '2024-01-02T03:04:05+02:00',
          day: '2024-01-02',
          big: '9007199254740993',
          dbl: '1.5e3',
          flag: 'TRUE',
          txt: 42,
        },
        {
          dec: 7,
          bin: 'aGVsbG8',
          ts: '2024-01-02T03:04Z',
          day: '2024-01-02T00:00:00Z',
          big: '-12',
          dbl: 2n,
          flag: 0,
          txt: false,
        },
        {
          dec: 'twelve',
          bin: 'not base64!',
          ts: 'yesterday',
          day: '2024-01-02T10:00:00Z',
          big: '9223372036854775808',
          dbl: 'x',
          flag: 'yes',
          txt: { a: 1 },
        },
        { dec: '1.1234567891' },
        // the ISO grammar allows a leap second, Date does not: not a date, and no crash
        { day: '2024-01-02T00:00:60Z' },
      ],
      { columns },
    );
    const cols = schema.tables.tickets?.columns ?? {};
    for (const [name, hint] of Object.entries(columns)) expect(cols[name]?.dataType).toBe(hint.dataType);
    expect(rows.tickets?.map(data)).toEqual([
      {
        dec: '12.50',
        bin: 'aGVsbG8=',
        ts: '2024-01-02T01:04:05Z',
        day: '2024-01-02',
        big: '9007199254740993',
        dbl: 1500,
        flag: true,
        txt: '42',
      },
      {
        dec: '7',
        bin: 'aGVsbG8=',
        ts: '2024-01-02T03:04:00Z',
        day: '2024-01-02',
        big: -12,
        dbl: 2,
        flag: false,
        txt: 'false',
      },
      {
        dec__v_text: 'twelve',
        bin__v_text: 'not base64!',
        ts__v_text: 'yesterday',
        day__v_timestamp: '2024-01-02T10:00:00Z',
        big__v_text: '9223372036854775808',
        dbl__v_text: 'x',
        flag__v_text: 'yes',
        txt__v_json: { a: 1 },
      },
      // more fraction digits than the destination's scale (9) would be rounded: kept whole in a variant
      { dec__v_text: '1.1234567891' },
      { day__v_timestamp: '2024-01-02T00:00:60Z' },
    ]);
  });

  it('an integer beyond the destination decimal range is text, never a decimal that cannot load', () => {
    const huge = 10n ** 29n; // 30 digits: DECIMAL(38,9) holds 29
    const { rows, schema } = normalize([{ a: 2n ** 70n, b: huge, c: 1e300 }, { a: -huge }]);
    const cols = schema.tables.tickets?.columns ?? {};
    expect(cols.a?.dataType).toBe('decimal');
    expect(cols.b?.dataType).toBe('text');
    expect(cols.c?.dataType).toBe('text');
    expect(cols.a__v_text).toMatchObject({ dataType: 'text', variantOf: 'a' });
    expect(rows.tickets?.map(data)).toEqual([
      { a: '1180591620717411303424', b: huge.toString(), c: BigInt(1e300).toString() },
      { a__v_text: (-huge).toString() },
    ]);
    // a narrower hinted decimal keeps its own bound
    const narrow = normalize([{ p: 123.45 }, { p: 123456 }], {
      columns: { p: { dataType: 'decimal', precision: 6, scale: 2 } },
    });
    expect(narrow.rows.tickets?.map(data)).toEqual([{ p: '123.45' }, { p__v_bigint: 123456 }]);
  });

  it('sends conflicting values to variant columns and keeps safe widenings', () => {
    const { rows, schema } = normalize([
      { priority: 1, score: 1.5 },
      { priority: 'high', score: 2 },
      { priority: 2.5 },
    ]);
    const cols = schema.tables.tickets?.columns ?? {};
    expect(cols.priority?.dataType).toBe('bigint');
    expect(cols.priority__v_text).toMatchObject({ dataType: 'text', variantOf: 'priority' });
    expect(cols.priority__v_double?.dataType).toBe('double');
    expect(cols.score__v_bigint).toBeUndefined();
    expect(rows.tickets?.map(data)).toEqual([
      { priority: 1, score: 1.5 },
      { priority__v_text: 'high', score: 2 },
      { priority__v_double: 2.5 },
    ]);
  });

  it('keeps colliding keys on their columns across runs, whatever order they arrive in', () => {
    const first = normalize([{ Name: 'upper', name: 'lower', nested: { 'A b': 1, a_b: 2 } }]);
    const second = normalize(
      [{ nested: { a_b: 20, 'A b': 10 }, name: 'lower2', Name: 'upper2' }],
      {},
      first.schema,
    );
    const a = data(first.rows.tickets?.[0]);
    const b = data(second.rows.tickets?.[0]);
    const columnOf = (row: Row, value: unknown) => Object.entries(row).find(([, v]) => v === value)?.[0];
    expect(columnOf(b, 'upper2')).toBe(columnOf(a, 'upper'));
    expect(columnOf(b, 'lower2')).toBe(columnOf(a, 'lower'));
    expect(columnOf(b, 10)).toBe(columnOf(a, 1));
    expect(columnOf(b, 20)).toBe(columnOf(a, 2));
    expect(Object.keys(second.schema.tables.tickets?.columns ?? {})).toEqual(
      Object.keys(first.schema.tables.tickets?.columns ?? {}),
    );
    expect(first.schema.tables.tickets?.columns.nested__a_b?.sourcePath).toEqual(['nested', 'A b']);
  });

  it('resolves key collisions deterministically', () => {
    const { rows } = normalize([{ Name: 'a', name: 'b', 'na me': 'c' }]);
    const row = data(rows.tickets?.[0]);
    expect(Object.values(row).sort()).toEqual(['a', 'b', 'c']);
    expect(row.name).toBe('a');
    expect(new Set(Object.keys(row)).size).toBe(3);
  });
});

describe('columns that may not be null', () => {
  it('a record without its primary key fails, whatever the write disposition', () => {
    expect(() => normalize([{ id: 1 }, { name: 'x' }], { primaryKey: ['id'] })).toThrow(
      /Resource "tickets" yielded a record without a value for its key "id": a primary key may not be null/,
    );
    expect(() => normalize([{ id: null }], { primaryKey: ['id'], writeDisposition: 'merge' })).toThrow(
      /merge deduplicates and replaces rows by it/,
    );
  });

  it('a `nullable: false` hint fails a row without a value of the column type, naming the column', () => {
    const columns = { status: { nullable: false } } as const;
    const ok = normalize([{ id: 1, status: 2 }], { columns });
    expect(ok.schema.tables.tickets?.columns.status).toMatchObject({ dataType: 'bigint', nullable: false });
    expect(() => normalize([{ id: 1, status: 2 }, { id: 2 }], { columns })).toThrow(
      /without a value for "status" in table "tickets", which may not be null/,
    );
    // a value of another type goes to a variant column and leaves the column null
    expect(() =>
      normalize(
        [
          { id: 1, status: 2 },
          { id: 2, status: 'open' },
        ],
        { columns },
      ),
    ).toThrow(/"status"/);
    // stored as not nullable: enforced in later packages too, also for its first row
    expect(() => normalize([{ id: 3 }], {}, ok.schema)).toThrow(/"status"/);
    // with a type hint the column is declared up front; a hint through a list applies in the child table
    const child = normalize([{ id: 1, conversations: [{ body: 'b' }] }], {
      columns: { 'conversations.body': { nullable: false, dataType: 'text' } },
    });
    expect(child.schema.tables.tickets__conversations?.columns.body).toMatchObject({ nullable: false });
    expect(() =>
      normalize([{ id: 1, conversations: [{ body: 'b' }, { other: 1 }] }], {
        columns: { 'conversations.body': { nullable: false } },
      }),
    ).toThrow(/"body" in table "tickets__conversations"/);
  });
});

describe('contracts', () => {
  const first = normalize([{ id: 1, name: 'a' }]).schema;
  const run = (contract: SchemaContractOption, record: Row) =>
    normalize([record], { schemaContract: contract }, first);

  it('evolve adds columns and variants', () => {
    const { schema } = run('evolve', { id: 2, name: 3, extra: true });
    expect(Object.keys(schema.tables.tickets?.columns ?? {})).toEqual(
      expect.arrayContaining(['extra', 'name__v_bigint']),
    );
  });

  it('freeze names the table, the column and the type', () => {
    expect(() => run({ columns: 'freeze' }, { id: 2, extra: true })).toThrow(SchemaContractError);
    expect(() => run({ columns: 'freeze' }, { id: 2, extra: true })).toThrow(
      /table "tickets" would get the new column "extra" \(bool\).*schemaContract\.columns/,
    );
    expect(() => run({ dataType: 'freeze' }, { id: 2, name: 3 })).toThrow(
      /"tickets"\."name" is text .* bigint/,
    );
    const fresh = () => normalize([{ id: 1 }], { schemaContract: { tables: 'freeze' } });
    expect(fresh).toThrow(/new table "tickets"/);
  });

  it.each(['discard_row', 'discard_value'] as const)(
    'tables: %s drops the rows of a new table, and only those (a new child table of a stored parent)',
    (mode) => {
      const fresh = normalize([{ id: 1 }, { id: 2 }], { schemaContract: { tables: mode } });
      expect(fresh.rows).toEqual({});
      expect(fresh.kept).toEqual([false, false]);
      expect(fresh.discarded.get('tickets')).toBe(2);
      expect(fresh.schema.tables.tickets).toBeUndefined();
      const child = run({ tables: mode }, { id: 2, name: 'b', tags: ['x', 'y'] });
      expect(child.rows.tickets?.map(data)).toEqual([{ id: 2, name: 'b' }]);
      expect(child.rows.tickets__tags).toBeUndefined();
      expect(child.schema.tables.tickets__tags).toBeUndefined();
      expect(child.discarded.get('tickets__tags')).toBe(2);
      // new columns and types on stored tables are not what `tables` governs
      expect(data(run({ tables: mode }, { id: 3, name: 4, extra: true }).rows.tickets?.[0])).toEqual({
        id: 3,
        name__v_bigint: 4,
        extra: true,
      });
    },
  );

  it('dataType: discard_row drops a row with a value of another type, with its child rows; discard_value the value', () => {
    const dr = run({ dataType: 'discard_row' }, { id: 2, name: 3, tags: ['x'] });
    expect(dr.rows.tickets).toBeUndefined();
    expect(dr.rows.tickets__tags).toBeUndefined();
    expect(dr.kept).toEqual([false]);
    expect(dr.discarded.get('tickets')).toBe(1);
    expect(dr.schema.tables.tickets?.columns.name__v_bigint).toBeUndefined();
    const fine = run({ dataType: 'discard_row' }, { id: 3, name: 'c', extra: 1 });
    expect(fine.rows.tickets?.map(data)).toEqual([{ id: 3, name: 'c', extra: 1 }]);
    const dv = run({ dataType: 'discard_value' }, { id: 4, name: 5 });
    expect(dv.rows.tickets?.map(data)).toEqual([{ id: 4 }]);
    expect(dv.kept).toEqual([true]);
  });

  it('discard_value drops the value, discard_row the row', () => {
    const dv = run({ columns: 'discard_value', dataType: 'discard_value' }, { id: 2, name: 3, extra: true });
    expect(data(dv.rows.tickets?.[0])).toEqual({ id: 2 });
    expect(dv.schema.tables.tickets?.columns.extra).toBeUndefined();
    const dr = run({ columns: 'discard_row' }, { id: 2, extra: true, tags: ['x'] });
    expect(dr.rows.tickets).toBeUndefined();
    expect(dr.rows.tickets__tags).toBeUndefined();
    expect(dr.kept).toEqual([false]);
    expect(dr.discarded.get('tickets')).toBe(1);
  });
});
