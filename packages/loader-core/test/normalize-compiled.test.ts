import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TableConfig } from '../src/normalize/options.js';
import { RecordNormalizer, RowIds } from '../src/normalize/record.js';
import { MAX_REPEATED_VALUES, remember, repeatedValues } from '../src/normalize/repeated-values.js';
import { fieldKeys } from '../src/normalize/row-text.js';
import { SchemaContractError } from '../src/schema/contract.js';
import { SchemaBuilder } from '../src/schema/evolve.js';
import type { Schema } from '../src/schema/types.js';
import { plainConfig } from './helpers.js';

/**
 * Walks compiled for a record shape (shape-compiler.ts) must give exactly what the general walk gives: the same
 * rows, byte for byte, in the same order, and the same schema, whatever the records do to the shape.
 */

type Row = Record<string, unknown>;

interface Output {
  readonly lines: string[];
  readonly schema: Schema;
  readonly discarded: Record<string, number>;
}

/** Normalizes `records` with walks compiled after `compileAfterRows` rows (Infinity: the general walk only). */
function normalizeAll(
  records: readonly Row[],
  compileAfterRows: number,
  config: TableConfig = plainConfig('t', { primaryKey: [] }),
  stored: Schema | null = null,
): Output {
  const lines: string[] = [];
  const schema = new SchemaBuilder('s', stored, 63);
  const n = new RecordNormalizer(
    schema,
    config,
    'l',
    new RowIds('l'),
    (table, line) => lines.push(`${table} ${line}`),
    undefined,
    compileAfterRows,
  );
  for (const record of records) n.normalize(structuredClone(record));
  return { lines, schema: schema.build(), discarded: Object.fromEntries(n.discarded) };
}

/** Both walks, which must agree; returns the compiled one's output. */
function agree(records: readonly Row[], config?: TableConfig, stored?: Schema | null): Output {
  const general = normalizeAll(records, Number.POSITIVE_INFINITY, config, stored);
  const compiled = normalizeAll(records, 1, config, stored);
  expect(compiled.lines).toEqual(general.lines);
  expect(compiled.schema).toEqual(general.schema);
  expect(compiled.discarded).toEqual(general.discarded);
  return compiled;
}

const KEYS = ['id', 'a', 'B c', 'ñandú', '"); throw 1; ("', '\u2028', '1', 'constructor', 'x__y'];

const anyLeaf = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('a"b', 'tab\t', 'ü', '😀', '\ud800', '', '2024-01-01', '2024-02-30', '10:00:00'),
  fc.constantFrom('2024-05-06T07:08:09Z', '2024-13-06T07:08:09Z', '2024-05-06T07:08:09+02:00'),
  fc.integer(),
  fc.constantFrom(0, -0, 127, 128, 2 ** 31, 77_000_000_001, 2 ** 53, 2 ** 63, 1e21, Number.NaN),
  fc.double(),
  fc.boolean(),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
);

/** A column's usual values: a few that repeat, some that do not. */
const usual = {
  text: fc.oneof(fc.constantFrom('open', 'closed', 'vip', 'say "hi"'), fc.string({ maxLength: 70 })),
  number: fc.oneof(fc.constantFrom(3, 200, 77_000_000_001, 12.5), fc.integer({ min: -1e6, max: 1e12 })),
  bool: fc.boolean(),
  timestamp: fc
    .date({ min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
    .map((d) => `${d.toISOString().slice(0, 19)}Z`),
  date: fc.constantFrom('2024-01-01', '2024-12-31', '2025-02-28'),
};
type Kind = keyof typeof usual | 'object' | 'list';

/** A value for a slot of `kind`: nearly always its usual kind, sometimes null, anything, an object or a list. */
function slotValue(kind: Kind): fc.Arbitrary<unknown> {
  const typical =
    kind === 'object'
      ? fc.dictionary(
          fc.constantFrom('p', 'q', 'r s'),
          fc.oneof(usual.text, usual.number, fc.constant(null)),
          {
            maxKeys: 3,
          },
        )
      : kind === 'list'
        ? fc.array(fc.oneof(usual.text, fc.record({ v: usual.number, w: fc.option(usual.text) })), {
            maxLength: 3,
          })
        : usual[kind];
  return fc.oneof(
    { weight: 12, arbitrary: typical },
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: anyLeaf },
    { weight: 1, arbitrary: fc.constant({ p: 1 }) },
    { weight: 1, arbitrary: fc.constant(['z']) },
  );
}

const shape = fc.uniqueArray(
  fc.tuple(
    fc.constantFrom(...KEYS),
    fc.constantFrom<Kind>('text', 'number', 'bool', 'timestamp', 'date', 'object', 'list'),
  ),
  { minLength: 1, maxLength: 7, selector: ([key]) => key },
);

/** Records of one shape, most in its key order, some with a key missing, added or moved. */
function recordsOf(slots: readonly (readonly [string, Kind])[]): fc.Arbitrary<Row[]> {
  const record = fc
    .tuple(
      fc.tuple(...slots.map(([, kind]) => slotValue(kind))),
      fc.oneof(
        { weight: 10, arbitrary: fc.constant('same' as const) },
        { weight: 1, arbitrary: fc.constant('drop' as const) },
        { weight: 1, arbitrary: fc.constant('extra' as const) },
        { weight: 1, arbitrary: fc.constant('move' as const) },
      ),
    )
    .map(([values, change]) => {
      const entries: [string, unknown][] = slots.map(([key], i) => [key, values[i]]);
      if (change === 'drop') entries.splice(entries.length - 1, 1);
      if (change === 'extra') entries.splice(1, 0, ['extra key', values[0]]);
      if (change === 'move') entries.push(entries.shift() as [string, unknown]);
      return Object.fromEntries(entries);
    });
  return fc.array(record, { minLength: 1, maxLength: 40 });
}

describe('compiled walks', () => {
  it('give the rows and schema of the general walk, whatever records do to their shape (property)', () => {
    fc.assert(
      fc.property(shape.chain(recordsOf), (records) => {
        agree(records);
      }),
      { numRuns: 300 },
    );
  });

  it('agree on Freshdesk-shaped tickets, child tables and repeated values included', () => {
    const tickets = Array.from({ length: 400 }, (_, i) => ({
      id: i + 1,
      subject: `Printer ${i % 12} is jammed (#${i})`,
      type: ['Question', 'Incident', null][i % 3],
      status: [2, 3, 4, 5][i % 4],
      group_id: i % 9 === 0 ? null : 77_000_200_000 + (i % 6),
      requester_id: 77_000_000_000 + i,
      is_escalated: i % 11 === 0,
      tags: i % 4 === 0 ? [] : ['billing', ['vip', 'api', 'login'][i % 3]],
      created_at: `2024-0${1 + (i % 9)}-1${i % 10}T0${i % 10}:00:00Z`,
      custom_fields: {
        cf_region: ['EMEA', 'AMER'][i % 2],
        cf_seats: i * 3,
        cf_renewal: i % 8 ? null : '2025-01-31',
      },
      stats: { resolved_at: i % 3 ? null : '2024-02-02T00:00:00Z', closed_at: null },
    }));
    const out = agree(tickets, plainConfig('tickets', { primaryKey: ['id'], writeDisposition: 'merge' }));
    expect(out.lines.filter((l) => l.startsWith('tickets '))).toHaveLength(400);
    expect(out.lines.filter((l) => l.startsWith('tickets__tags '))).toHaveLength(600);
  });

  it('fold values that repeat, and stop folding a column that takes more than a few', () => {
    // beyond MAX_REPEATED_VALUES distinct values a column is folded only while its values keep repeating
    const records = Array.from({ length: MAX_REPEATED_VALUES * 2 + 50 }, (_, i) => ({
      few: `v${i % 5}`,
      many: `v${i}`,
      big: 77_000_000_000 + (i % 7),
      cycle: 77_000_000_000 + (i % (MAX_REPEATED_VALUES + 10)),
      quote: i % 2 ? 'say "hi"' : 'ok',
    }));
    const out = agree(records);
    const last = records.length - 1;
    expect(JSON.parse((out.lines.at(-1) as string).slice(2))).toMatchObject(records[last] as Row);
  });

  it('follow a shape that changes for good, and records that keep changing it', () => {
    const before = Array.from({ length: 30 }, (_, i) => ({ a: i, b: 'x' }));
    const after = Array.from({ length: 30 }, (_, i) => ({ c: true, a: i, b: 'y', d: [i] }));
    // more shapes than walks are compiled for one table (MAX_COMPILES): the last walk takes the rest
    const churn = Array.from({ length: 60 }, (_, i) => ({ [`k${i % 20}`]: i, a: i }));
    agree([...before, ...after, ...churn]);
  });

  it('apply contracts as the general walk does: discarded rows and values, frozen columns', () => {
    const records = Array.from({ length: 20 }, (_, i) => ({ a: i, b: i % 5 === 0 ? `s${i}` : i }));
    const stored = normalizeAll([{ a: 1, b: 2 }], 1).schema;
    for (const contract of ['discard_row', 'discard_value'] as const) {
      const config = plainConfig('t', { schemaContract: { columns: contract, dataType: contract } });
      const out = agree([...records, { a: 1, c: 'new' }], config, stored);
      if (contract === 'discard_row') expect(out.discarded).toEqual({ t: 5 });
    }
    const frozen = plainConfig('t', { schemaContract: 'freeze' });
    for (const compileAfterRows of [1, Number.POSITIVE_INFINITY]) {
      expect(() => normalizeAll([...records], compileAfterRows, frozen, stored)).toThrow(SchemaContractError);
    }
  });

  it('require primary keys as the general walk does', () => {
    const config = plainConfig('t', { primaryKey: ['id'], writeDisposition: 'merge' });
    const records = Array.from({ length: 12 }, (_, i) => ({ id: i, v: 'x' }));
    agree(records, config);
    for (const compileAfterRows of [1, Number.POSITIVE_INFINITY]) {
      expect(() => normalizeAll([...records, { id: 'text', v: 'y' }], compileAfterRows, config)).toThrow(
        /without a value for "id"/,
      );
    }
  });

  it('are not needed where code cannot be generated at run time: normalization goes on in general', () => {
    const script = fileURLToPath(new URL('./fixtures/no-codegen.ts', import.meta.url));
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--disallow-code-generation-from-strings', script],
      {
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ rows: 20, compiled: false });
  });
});

describe('repeated values', () => {
  const keys = fieldKeys('c');

  it('are folded with their key in both forms, strings open and other values whole', () => {
    const memo = repeatedValues();
    remember(memo, keys, 'x', 'x', true);
    remember(memo, keys, 7, '7', false);
    expect(memo.values?.get('x')).toEqual({ afterClosed: ',"c":"x', afterString: '","c":"x', open: true });
    expect(memo.values?.get(7)).toEqual({ afterClosed: ',"c":7', afterString: '","c":7', open: false });
  });

  it('are dropped once a full column finds fewer values folded than not', () => {
    const memo = repeatedValues();
    for (let i = 0; i < MAX_REPEATED_VALUES; i++) remember(memo, keys, i, String(i), false);
    expect(memo.values?.size).toBe(MAX_REPEATED_VALUES);
    memo.hits = MAX_REPEATED_VALUES + 1; // found often: the column keeps its values, and takes no more
    remember(memo, keys, -1, '-1', false);
    expect(memo.values?.size).toBe(MAX_REPEATED_VALUES);
    remember(memo, keys, -2, '-2', false);
    expect(memo.values).toBeNull();
  });

  it('leave long strings out', () => {
    const memo = repeatedValues();
    remember(memo, keys, 'x'.repeat(65), 'x'.repeat(65), true);
    expect(memo.values?.size).toBe(0);
    expect(memo.misses).toBe(0);
  });
});
