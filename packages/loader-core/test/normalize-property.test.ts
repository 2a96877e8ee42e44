import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonSafe } from '../src/normalize/encode.js';
import type { TableConfig } from '../src/normalize/options.js';
import { isPlainObject } from '../src/normalize/plain-object.js';
import { RecordNormalizer, RowIds } from '../src/normalize/record.js';
import { orderTables, SchemaBuilder } from '../src/schema/evolve.js';
import { canonicalJson } from '../src/schema/hash.js';
import { isIsoDate, isIsoTimestamp } from '../src/schema/infer.js';
import { SYSTEM_COLUMNS } from '../src/schema/system-columns.js';
import type { DataType } from '../src/schema/types.js';
import { plainConfig } from './helpers.js';

type Row = Record<string, unknown>;

/**
 * "Normalization loses no value", checked per column path: every leaf of every record must come out exactly
 * once, at the row its list positions lead to, in the column its record path names (`sourcePath` of columns and
 * tables, variants through `variantOf`), with the same value. A value in the wrong column fails.
 */

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|z|[+-]\d{2}:?\d{2})?)?$/;

/** An ISO date or date-time as an instant to the nanosecond, independent of the code under test. */
function instant(text: string): string {
  const m = ISO_RE.exec(text);
  if (!m) throw new Error(`not an ISO date or date-time: ${text}`);
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone = 'Z'] = m;
  const date = new Date(0);
  date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  date.setUTCHours(Number(h), Number(mi), Number(s), Number(fraction.padEnd(3, '0').slice(0, 3)));
  let offset = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const digits = zone.replace(':', '');
    offset = (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * (digits[0] === '-' ? -1 : 1);
  }
  return `t:${date.getTime() - offset * 60_000}:${fraction.padEnd(9, '0').slice(3, 9)}`;
}

const isoLike = (text: string) => isIsoTimestamp(text) || isIsoDate(text);
// DECIMAL(38, 9): integers with more than 29 digits are stored as their digits (text)
const fitsDecimal = (digits: string) => digits.replace('-', '').length <= 29;

/** A record's leaf value, comparable with what comes out of a column of that type. */
function expected(value: unknown, type: DataType): string {
  // anything may go into a json column (also a scalar, when the column was made for a deeper value)
  if (type === 'json') return `j:${canonicalJson(jsonSafe(value))}`;
  if (typeof value === 'string') return isoLike(value) ? instant(value) : `s:${value}`;
  if (typeof value === 'boolean') return `b:${value}`;
  if (typeof value === 'bigint') return fitsDecimal(String(value)) ? `n:${value}` : `s:${value}`;
  if (typeof value === 'number') {
    // NaN and infinities are kept as their text
    if (!Number.isFinite(value)) return `s:${value}`;
    // a double is written as JavaScript prints it (the text a JSON source had); beyond 1e21 by its digits
    if (!Number.isInteger(value) || Math.abs(value) < 1e21) return `n:${value}`;
    const digits = BigInt(value).toString();
    return fitsDecimal(digits) ? `n:${digits}` : `s:${digits}`;
  }
  if (value instanceof Date) return instant(value.toISOString());
  if (value instanceof Uint8Array) return `x:${Buffer.from(value).toString('base64')}`;
  return `j:${canonicalJson(jsonSafe(value))}`;
}

/** A value of a data file, read per its column's type. */
function actual(value: unknown, type: DataType): string {
  switch (type) {
    case 'timestamp':
    case 'date':
      return instant(String(value));
    case 'text':
      return isoLike(String(value)) ? instant(String(value)) : `s:${value}`;
    case 'bigint':
    case 'double':
    case 'decimal':
      // JSON numbers print as they were encoded; strings hold bigints and decimals digit for digit
      return `n:${value}`;
    case 'bool':
      return `b:${value}`;
    case 'binary':
      return `x:${value}`;
    case 'json':
      return `j:${canonicalJson(value)}`;
    case 'time':
      return `s:${value}`;
  }
}

/** Every leaf of the records by `<row location>|<record path>`, walked as normalization walks them. */
function leavesIn(records: readonly Row[], maxDepth: number): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const fields = (source: Row, loc: string, prefix: readonly string[], depth: number): void => {
    for (const key in source) {
      const value = source[key];
      if (value === null || value === undefined) continue;
      const path = [...prefix, key];
      if (typeof value === 'object' && depth < maxDepth) {
        if (Array.isArray(value)) {
          value.forEach((item, i) => {
            fields(
              isPlainObject(item) ? item : { value: item },
              `${loc}/${JSON.stringify(path)}[${i}]`,
              [],
              depth + 1,
            );
          });
          continue;
        }
        if (isPlainObject(value)) {
          fields(value, loc, path, depth + 1);
          continue;
        }
      }
      out.set(`${loc}|${JSON.stringify(path)}`, value);
    }
  };
  records.forEach((r, i) => {
    fields(r, String(i), [], 0);
  });
  return out;
}

const config = (maxNestingDepth: number | undefined): TableConfig =>
  plainConfig('t', maxNestingDepth === undefined ? {} : { maxNestingDepth });

/** The same, read back from the rows and the schema: the value as written and its column's type. */
function leavesOut(
  records: readonly Row[],
  maxNestingDepth: number | undefined,
): Map<string, { value: unknown; type: DataType }> {
  const builder = new SchemaBuilder('s', null, 63);
  const rows: Record<string, Row[]> = {};
  const n = new RecordNormalizer(builder, config(maxNestingDepth), 'l', new RowIds('l'), (table, line) => {
    rows[table] ??= [];
    rows[table].push(JSON.parse(line) as Row);
  });
  for (const r of records) expect(n.normalize(r)).toBe(true);
  const schema = builder.build();
  const out = new Map<string, { value: unknown; type: DataType }>();
  const locations = new Map<unknown, string>();
  for (const table of orderTables(Object.values(schema.tables))) {
    const tableRows = rows[table.name] ?? [];
    tableRows.forEach((row, i) => {
      let loc = String(i);
      if (table.parent !== undefined) {
        const parent = locations.get(row[SYSTEM_COLUMNS.parentId]);
        expect(parent, `parent of a row of ${table.name}`).toBeDefined();
        loc = `${parent}/${JSON.stringify(table.sourcePath?.slice(1))}[${row[SYSTEM_COLUMNS.listIdx]}]`;
      }
      locations.set(row[SYSTEM_COLUMNS.id], loc);
      for (const [name, value] of Object.entries(row)) {
        if (name.startsWith('_sluice_') || value === null) continue;
        const column = table.columns[name];
        expect(column, `column ${table.name}.${name}`).toBeDefined();
        const path = column?.variantOf ? table.columns[column.variantOf]?.sourcePath : column?.sourcePath;
        const at = `${loc}|${JSON.stringify(path)}`;
        expect(out.has(at), `two values for ${at}`).toBe(false);
        out.set(at, { value, type: column!.dataType });
      }
    });
  }
  return out;
}

const two = (n: number) => String(n).padStart(2, '0');
const isoTimestamp = fc
  .record({
    date: fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2100-01-01T00:00:00Z'),
      noInvalidDate: true,
    }),
    separator: fc.constantFrom('T', ' '),
    fraction: fc.option(fc.stringMatching(/^[0-9]{1,9}$/), { nil: '' }),
    zone: fc.constantFrom('', 'Z', 'z', '+02:00', '-0530', '+23:59', '-00:00'),
  })
  .map(({ date, separator, fraction, zone }) => {
    const iso = date.toISOString();
    return `${iso.slice(0, 10)}${separator}${iso.slice(11, 19)}${fraction ? `.${fraction}` : ''}${zone}`;
  });
const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`);

const key = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom(
    'id',
    'Name',
    'name',
    'a b',
    'select',
    '__x',
    'value',
    'v_text',
    'v_bigint',
    'Größe',
    '日本語',
  ),
);
const scalar = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.bigInt({ min: -(2n ** 120n), max: 2n ** 120n }),
  fc.date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2100-01-01T00:00:00Z'),
    noInvalidDate: true,
  }),
  fc.uint8Array({ maxLength: 4 }),
  isoTimestamp,
  isoDate,
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
}));
const record = fc.dictionary(key, value, { maxKeys: 6 });

/** Both sides as `<row location>|<record path>=<value>` lines, the value read per the column's type. */
function compare(records: readonly Row[], maxNestingDepth: number | undefined) {
  const out = leavesOut(records, maxNestingDepth);
  const expectedLines = [...leavesIn(records, maxNestingDepth ?? Number.POSITIVE_INFINITY)].map(
    ([at, value]) => `${at}=${expected(value, out.get(at)?.type ?? 'text')}`,
  );
  const actualLines = [...out].map(([at, { value, type }]) => `${at}=${actual(value, type)}`);
  return { actual: actualLines.sort(), expected: expectedLines.sort() };
}

describe('property: normalization loses no value', () => {
  it('every leaf of every record comes out once, in the row and column its path names, with its value', () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 5 }),
        fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
        (records, maxNestingDepth) => {
          const result = compare(records, maxNestingDepth);
          expect(result.actual).toEqual(result.expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('the check itself fails when a value lands in another column', () => {
    // two keys with the same type: swapping their columns keeps every value, so only a per-path check sees it
    const result = compare([{ a: 1, b: 2 }], undefined);
    expect(result.actual).toEqual(result.expected);
    const swapped = result.actual.map((l) =>
      l.replace('=n:1', '=n:x').replace('=n:2', '=n:1').replace('=n:x', '=n:2'),
    );
    expect(swapped.sort()).not.toEqual(result.expected);
  });
});
