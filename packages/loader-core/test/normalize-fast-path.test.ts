import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeValue, integerText } from '../src/normalize/encode.js';
import { DEFAULT_DECIMAL, fitsDecimal } from '../src/normalize/hinted-value.js';
import { RecordNormalizer, RowIds } from '../src/normalize/record.js';
import { SchemaBuilder } from '../src/schema/evolve.js';
import { inferType, isCoercible, isIsoTimestamp, isUtcSecondsTimestamp } from '../src/schema/infer.js';
import { SYSTEM_COLUMNS } from '../src/schema/system-columns.js';
import type { DataType } from '../src/schema/types.js';
import { plainConfig } from './helpers.js';

/**
 * The shortcuts of the hot path (a character check for the common timestamp form, integer texts, row ids, the
 * cached per-position leaves, values appended without inference) must give exactly what the general code gives.
 */

/** The timestamp grammar of `infer.ts` (TIMESTAMP_RE), the reference the character check must agree with. */
const TIMESTAMP_GRAMMAR =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[T ]([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)(\.\d{1,9})?(Z|z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?$/;

/** What the character check claims: the grammar, restricted to the `YYYY-MM-DDTHH:MM:SSZ` form. */
const exactForm = (text: string) =>
  text.length === 20 && text[10] === 'T' && text[19] === 'Z' && TIMESTAMP_GRAMMAR.test(text);

describe('isUtcSecondsTimestamp', () => {
  it.each([
    ['2024-01-02T03:04:05Z', true],
    ['0000-01-01T00:00:00Z', true],
    ['9999-12-31T23:59:59Z', true],
    ['2024-02-31T00:00:00Z', true], // the grammar does not know month lengths
    ['2024-06-30T23:59:60Z', true], // a leap second
    ['2024-00-10T00:00:00Z', false],
    ['2024-13-10T00:00:00Z', false],
    ['2024-10-00T00:00:00Z', false],
    ['2024-10-32T00:00:00Z', false],
    ['2024-10-10T24:00:00Z', false],
    ['2024-10-10T00:60:00Z', false],
    ['2024-10-10T00:00:61Z', false],
    ['2024-10-10T00:00:00z', false],
    ['2024-10-10 00:00:00Z', false],
    ['2024-10-10t00:00:00Z', false],
    ['2024-10-10T00:00:00.5Z', false],
    ['2024-10-10T00:00:00+00:00', false],
    ['2024-10-10T00:00:00', false],
    ['2024-10-10T00:00:0Z', false],
    ['2024-10-10T00:00:000Z', false],
    ['2024-1a-10T00:00:00Z', false],
    ['202a-10-10T00:00:00Z', false],
    ['2024/10/10T00:00:00Z', false],
    ['2024-10-10T00.00:00Z', false],
    ['２０２４-10-10T00:00:00Z', false], // full-width digits are no digits to the grammar
    ['+2024-10-10T00:00:00Z', false],
    ['2024-10-10T0:00:00ZZ', false],
    ['', false],
  ])('%s: %s, as the grammar says', (text, expected) => {
    expect(isUtcSecondsTimestamp(text)).toBe(expected);
    expect(exactForm(text)).toBe(expected);
    if (expected) expect(isIsoTimestamp(text)).toBe(true);
  });

  // valid timestamps of the form with up to two parts replaced: at or past a range's end, no digits, another
  // separator, zone or length
  const two = (min: number, max: number) => fc.integer({ min, max }).map((n) => String(n).padStart(2, '0'));
  const validParts = fc
    .tuple(fc.stringMatching(/^[0-9]{4}$/), two(1, 12), two(1, 31), two(0, 23), two(0, 59), two(0, 60))
    .map(([y, mo, d, h, mi, s]) => [y, '-', mo, '-', d, 'T', h, ':', mi, ':', s, 'Z']);
  const notDigits = ['0a', 'a0', ' 1', '1 ', '٠١', '２２', '+1', '-1', '1', '123'];
  const replacements: readonly (readonly string[])[] = [
    ['0000', '9999', '20a4', '２０２４', '202', '20245', '+2024'],
    ['/', '.', ':', ' ', ''],
    ['00', '01', '12', '13', '19', ...notDigits],
    ['/', '.', ':', ' ', ''],
    ['00', '01', '31', '32', '39', ...notDigits],
    [' ', 't', 'z', '-', '', 'TT'],
    ['00', '23', '24', '29', ...notDigits],
    ['.', '-', ' ', ''],
    ['00', '59', '60', '99', ...notDigits],
    ['.', '-', ' ', ''],
    ['00', '59', '60', '61', '99', ...notDigits],
    ['z', '', '.5Z', '.123456789Z', '+02:00', '-0530', 'ZZ', '0Z', ' '],
  ];
  const change = fc
    .nat({ max: 11 })
    .chain((at) => fc.tuple(fc.constant(at), fc.constantFrom(...(replacements[at] as string[]))));
  const nearTimestamp = fc.tuple(validParts, fc.array(change, { maxLength: 2 })).map(([parts, changes]) => {
    for (const [at, text] of changes) parts[at] = text;
    return parts.join('');
  });
  const anyShape = fc.oneof(
    { weight: 6, arbitrary: nearTimestamp },
    {
      weight: 1,
      arbitrary: fc.string({ unit: fc.constantFrom(...'0123456789-:TZz .+'), minLength: 18, maxLength: 22 }),
    },
    { weight: 1, arbitrary: fc.string({ minLength: 19, maxLength: 21 }) },
  );

  it('agrees with the grammar on generated strings (property)', () => {
    fc.assert(
      fc.property(anyShape, (text) => {
        expect(isUtcSecondsTimestamp(text)).toBe(exactForm(text));
        // and the timestamp check as a whole is still exactly the grammar
        expect(isIsoTimestamp(text)).toBe(TIMESTAMP_GRAMMAR.test(text));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('integerText', () => {
  it.each([
    0,
    -0,
    1,
    -1,
    999_999_999,
    1e9,
    1e9 + 1,
    2 ** 31 - 1,
    2 ** 31,
    2 ** 31 + 1,
    5e9,
    77_000_000_000,
    77_000_000_001,
    77_000_400_001,
    1_733_000_000_000,
    1e15,
    Number.MAX_SAFE_INTEGER - 1,
    Number.MAX_SAFE_INTEGER,
    2 ** 53,
    2 ** 53 + 2,
    2 ** 63,
    1e21,
    -77_000_000_000,
    -Number.MAX_SAFE_INTEGER,
  ])('%d is written as String() writes it', (value) => {
    expect(integerText(value)).toBe(String(value));
  });

  it('writes every integer as String() does (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.maxSafeInteger(),
          fc.integer({ min: 2 ** 31, max: 2 ** 31 + 1e9 }),
          // low nine digits with leading zeros
          fc
            .tuple(fc.integer({ min: 1, max: 9_007_198 }), fc.integer({ min: 0, max: 999 }))
            .map(([high, low]) => high * 1e9 + low),
          // just below a multiple of 1e9, where a rounded quotient would carry into the next integer
          fc
            .tuple(fc.integer({ min: 3, max: 9_007_199 }), fc.integer({ min: 1, max: 999 }))
            .map(([high, below]) => high * 1e9 - below)
            .filter((value) => value <= Number.MAX_SAFE_INTEGER),
          fc.double({ noNaN: true }).filter(Number.isInteger),
        ),
        (value) => {
          expect(integerText(value)).toBe(String(value));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('RowIds', () => {
  it('counts in base 36, eight digits, also past 36^4 ids', () => {
    const ids = new RowIds('L');
    const boundary = 36 ** 4;
    for (let n = 0; n < boundary + 1300; n++) {
      const id = ids.next();
      if (n < 1300 || n > boundary - 1300) expect(id).toBe(`L.${n.toString(36).padStart(8, '0')}`);
    }
    expect(ids.next()).toBe(`L.${(boundary + 1300).toString(36).padStart(8, '0')}`);
  });

  it('escapes the load id as JSON string content', () => {
    expect(new RowIds('a"b\\c\u0001').next()).toBe('a\\"b\\\\c\\u0001.00000000');
  });
});

type Row = Record<string, unknown>;

const config = plainConfig();

/** Normalizes the records in order; returns the text of each row of `table` (all tables: null). */
function rowTexts(records: readonly Row[], table: string | null = 't', ids = new RowIds('l')): string[] {
  const lines: string[] = [];
  const n = new RecordNormalizer(new SchemaBuilder('s', null, 63), config, 'l', ids, (t, line) => {
    if (table === null || t === table) lines.push(line);
  });
  for (const r of records) n.normalize(r);
  return lines;
}

/** One value per column type: the first record creates the columns, later values find them in place. */
const COLUMNS: Record<string, unknown> = {
  text: 'x',
  timestamp: '2024-01-01T00:00:00Z',
  date: '2024-01-01',
  bigint: 1,
  double: 1.5,
  decimal: 2 ** 64,
  bool: true,
};

/**
 * Where the general rules put `value` for a column of `target` (inferred type, coercion, decimal bounds;
 * no hints): its encoded value in that column, or nothing (it goes to a variant column).
 */
function generalRule(value: unknown, target: DataType): { encoded: unknown } | null {
  let type = inferType(value) as DataType;
  if (type === 'decimal' && !fitsDecimal(value, DEFAULT_DECIMAL)) type = 'text';
  if (type !== target && !isCoercible(type, target, value)) return null;
  if (target === 'decimal' && !fitsDecimal(value, DEFAULT_DECIMAL)) return null;
  return { encoded: encodeValue(value, target) };
}

const leafValue = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 6 }), // lone surrogates, control characters
  fc.constantFrom('a"b', 'a\\b', 'tab\t', 'ü', '😀', '\ud800', '', '2024-01-01', '2024-02-30', '10:00:00'),
  fc.constantFrom(
    '2024-05-06T07:08:09Z',
    '2024-13-06T07:08:09Z',
    '2024-05-06T24:08:09Z',
    '2024-05-06T07:08:60Z',
    '2024-05-06t07:08:09Z',
    '2024-05-06 07:08:09Z',
    '2024-05-06T07:08:09z',
    '2024-05-06T07:08:09.5Z',
    '2024-05-06T07:08:09+02:00',
    '2024-05-06T07:08:09',
  ),
  fc.integer(),
  fc.maxSafeInteger(),
  fc.constantFrom(0, -0, 2 ** 31, 77_000_000_001, 2 ** 53, 2 ** 63, 1e21, 1e300, -1e21),
  fc.double(),
  fc.boolean(),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
);

/** Records over the column keys and an extra key, in any order and any subset, nulls included. */
const laterRecord = fc
  .tuple(
    fc.shuffledSubarray([...Object.keys(COLUMNS), 'extra'], { minLength: 0 }),
    fc.array(fc.option(leafValue, { nil: null }), { minLength: 8, maxLength: 8 }),
  )
  .map(([keys, values]) => Object.fromEntries(keys.map((k, i) => [k, values[i]])));

describe('values appended to known columns', () => {
  it('are written as the general rules write them, in any key order (property)', () => {
    fc.assert(
      fc.property(fc.array(laterRecord, { minLength: 1, maxLength: 6 }), (later) => {
        const lines = rowTexts([COLUMNS, ...later]);
        expect(lines).toHaveLength(later.length + 1);
        later.forEach((record, i) => {
          const line = lines[i + 1] as string;
          const row = JSON.parse(line) as Row;
          for (const [key, value] of Object.entries(record)) {
            if (value === null || key === 'extra') continue;
            const rule = generalRule(value, inferType(COLUMNS[key]) as DataType);
            if (rule === null) {
              expect(row, `${key}: ${String(value)} goes to a variant`).not.toHaveProperty(key);
              expect(Object.keys(row).some((k) => k.startsWith(`${key}__v_`))).toBe(true);
              continue;
            }
            // the exact text JSON.stringify gives, followed by the next field or the row's end
            const text = `"${key}":${JSON.stringify(rule.encoded)}`;
            expect(line.includes(`${text},`) || line.endsWith(`${text}}`), `${text} in ${line}`).toBe(true);
          }
        });
      }),
      { numRuns: 500 },
    );
  });

  it('find their column by key when keys change places or the same key sits at another depth', () => {
    const lines = rowTexts([
      { a: 'x', n: 1, o: { a: 2, n: 'y' } },
      { o: { n: 'z', a: 3 }, n: 4, a: 'w' },
      { n: 5, o: { b: true }, a: 'v"' },
      { a: 'u', n: 6, o: { a: 7, n: 'q' } },
    ]);
    expect(
      lines
        .map((l) => JSON.parse(l) as Row)
        .map(({ a, n, o__a, o__n, o__b }) => ({ a, n, o__a, o__n, o__b })),
    ).toEqual([
      { a: 'x', n: 1, o__a: 2, o__n: 'y', o__b: undefined },
      { a: 'w', n: 4, o__a: 3, o__n: 'z', o__b: undefined },
      { a: 'v"', n: 5, o__a: undefined, o__n: undefined, o__b: true },
      { a: 'u', n: 6, o__a: 7, o__n: 'q', o__b: undefined },
    ]);
  });

  it("give rows the ids of their parent and root where the ids' high digits change within a record", () => {
    const boundary = 36 ** 4;
    const record = { a: 1, list: [{ b: 1, inner: ['x', 'y'] }, 'z', 'w'] };
    const rows = rowTexts([record], null, new RowIds('l', boundary - 3)).map(
      (line) => JSON.parse(line) as Row,
    );
    const id = (k: number) => `l.${(boundary - 3 + k).toString(36).padStart(8, '0')}`;
    const by = (k: number) => rows.find((r) => r._sluice_id === id(k));
    // depth first: the root, the first item, the first item's own list, then the other items
    const expected = [
      { a: 1 },
      { _sluice_parent_id: id(0), _sluice_root_id: id(0), _sluice_list_idx: 0, b: 1 },
      { _sluice_parent_id: id(1), _sluice_root_id: id(0), _sluice_list_idx: 0, value: 'x' },
      { _sluice_parent_id: id(1), _sluice_root_id: id(0), _sluice_list_idx: 1, value: 'y' },
      { _sluice_parent_id: id(0), _sluice_root_id: id(0), _sluice_list_idx: 1, value: 'z' },
      { _sluice_parent_id: id(0), _sluice_root_id: id(0), _sluice_list_idx: 2, value: 'w' },
    ];
    for (const [k, row] of expected.entries()) expect(by(k)).toMatchObject(row);
    expect(rows).toHaveLength(6);
    expect(id(3)).toBe('l.00010000');
  });

  it('give child rows their list index and root id past the precomputed first 64 items', () => {
    const items = Array.from({ length: 70 }, (_, i) => (i % 2 ? `item ${i}` : { name: `item ${i}` }));
    const records = [
      { id: 1, items },
      { id: 2, items },
    ];
    const children = rowTexts(records, 't__items').map((line) => JSON.parse(line) as Row);
    expect(children).toHaveLength(140);
    children.forEach((row, k) => {
      expect(row[SYSTEM_COLUMNS.listIdx]).toBe(k % 70);
      expect(row[SYSTEM_COLUMNS.rootId]).toBe(
        k < 70 ? 'l.00000000' : `l.${(71).toString(36).padStart(8, '0')}`,
      );
    });
  });

  it('write booleans and small integers with their key as one piece, exactly as JSON.stringify does', () => {
    // each value after a string and after a number (the two forms of its key), around the 0..127 boundary
    const records: Row[] = [];
    for (const n of [0, -0, 1, 2, 127, 128, 129, -1, 1.5, 2 ** 40]) {
      for (const flag of [true, false]) {
        records.push({ s: 'a', n, f: flag, d: n, e: 7 });
        records.push({ e: 7, f: flag, n, s: 'b', d: n });
      }
    }
    // the first record fixes n as bigint, d as double (from 1.5 below, moved first)
    records.unshift({ s: 'x', n: 1, f: true, d: 1.5, e: 7 });
    const texts = rowTexts(records);
    const parsed = texts.map((t) => JSON.parse(t) as Row);
    records.forEach((record, i) => {
      const row = parsed[i] as Row;
      for (const [key, value] of Object.entries(record)) {
        if (key === 'n' && !Number.isInteger(value)) expect(row.n__v_double).toBe(value);
        else expect(row[key], `${key}=${String(value)} in row ${i}`).toBe(Object.is(value, -0) ? 0 : value);
      }
    });
    // the same text as the general path gives, after a number and after a string ("b","d":0)
    expect(texts[1]).toContain(',"n":0,"f":true,"d":0,"e":7}');
    expect(texts[2]).toContain(',"f":true,"n":0,"s":"b","d":0}');
  });

  it('keep the row valid JSON whether a string value, a number, an escaped string or a variant comes last', () => {
    const lines = rowTexts([
      { s: 'a', n: 1 },
      { n: 2, s: 'b' },
      { s: 'c', n: 3.5 },
      { n: 4, s: 'd\n' },
      { s: 'e' },
      { n: 'six' },
      {},
    ]);
    expect(
      lines
        .map((l) => JSON.parse(l) as Row)
        .map(({ s, n, n__v_double, n__v_text }) => ({ s, n, n__v_double, n__v_text })),
    ).toEqual([
      { s: 'a', n: 1, n__v_double: undefined, n__v_text: undefined },
      { s: 'b', n: 2, n__v_double: undefined, n__v_text: undefined },
      { s: 'c', n: undefined, n__v_double: 3.5, n__v_text: undefined },
      { s: 'd\n', n: 4, n__v_double: undefined, n__v_text: undefined },
      { s: 'e', n: undefined, n__v_double: undefined, n__v_text: undefined },
      { s: undefined, n: undefined, n__v_double: undefined, n__v_text: 'six' },
      { s: undefined, n: undefined, n__v_double: undefined, n__v_text: undefined },
    ]);
  });
});
