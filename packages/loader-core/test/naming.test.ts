import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordNormalizer, RowIds } from '../src/normalize/record.js';
import { SchemaBuilder } from '../src/schema/evolve.js';
import {
  avoidReservedPrefixes,
  Namespace,
  normalizeName,
  shortenIdentifier,
  shortHash,
} from '../src/schema/naming.js';
import { plainConfig } from './helpers.js';

describe('normalizeName', () => {
  it.each([
    ['Custom Field ñ', 'custom_field_n'],
    ['updatedAt', 'updated_at'],
    ['HTTPStatus', 'http_status'],
    ['1st place', '_1st_place'],
    ['select', 'select'],
    ['quote"d', 'quote_d'],
    ["it's", 'it_s'],
    ['Crème Brûlée', 'creme_brulee'],
    ['日本語', `u_${shortHash('日本語')}`],
    ['Größe', 'grosse'],
    ['Ærø', 'aero'],
    ['___', '_'],
    ['__private', 'private'],
    ['a--b..c', 'a_b_c'],
    ['', `u_${shortHash('')}`],
  ])('%j → %j', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  it('always yields a valid identifier', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        expect(normalizeName(s)).toMatch(/^[a-z_][a-z0-9_]*$/);
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const once = normalizeName(s);
        expect(normalizeName(once)).toBe(once);
      }),
    );
  });
});

describe('shortenIdentifier', () => {
  it('keeps short names and shortens long ones with a stable hash suffix', () => {
    expect(shortenIdentifier('short', 10)).toBe('short');
    const long = 'a'.repeat(300);
    const shortened = shortenIdentifier(long, 63);
    expect(shortened).toHaveLength(63);
    expect(shortenIdentifier(long, 63)).toBe(shortened);
    expect(shortenIdentifier(`${'a'.repeat(299)}b`, 63)).not.toBe(shortened);
  });
});

describe('Namespace', () => {
  it('resolves collisions with a suffix derived from the raw name', () => {
    const ns = new Namespace(63);
    expect(ns.resolve('Name', normalizeName('Name'))).toBe('name');
    const second = ns.resolve('name', 'name');
    expect(second).toMatch(/^name_[0-9a-f]{8}$/);
    expect(ns.resolve('Name', 'name')).toBe('name');
    expect(ns.resolve('name', 'name')).toBe(second);
  });

  it('never hands out reserved identifiers', () => {
    const ns = new Namespace(63);
    ns.reserve('_sluice_id');
    expect(ns.resolve('_sluice_id', '_sluice_id')).not.toBe('_sluice_id');
  });

  it('is stable and collision-free for any set of raw names and any length limit', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ maxLength: 80 }), { maxLength: 30 }),
        fc.integer({ min: 16, max: 128 }),
        (raws, max) => {
          const ns = new Namespace(max);
          const ids = raws.map((r) => ns.resolve(r, normalizeName(r)));
          expect(new Set(ids).size).toBe(raws.length);
          for (const id of ids) expect(id.length).toBeLessThanOrEqual(max);
          // stable: asking again gives the same answers, and a second namespace fed the same order agrees
          expect(raws.map((r) => ns.resolve(r, normalizeName(r)))).toEqual(ids);
          const again = new Namespace(max);
          expect(raws.map((r) => again.resolve(r, normalizeName(r)))).toEqual(ids);
        },
      ),
    );
  });
});

describe('destination-reserved prefixes', () => {
  const BIGQUERY = ['_PARTITION', '_TABLE_', '_FILE_', '_ROW_TIMESTAMP', '__ROOT__', '_COLIDENTIFIER'];

  it('moves names out of reserved prefixes, case-insensitively and deterministically', () => {
    expect(avoidReservedPrefixes('_partitiontime', BIGQUERY)).toBe('x_partitiontime');
    expect(avoidReservedPrefixes('_TABLE_SUFFIX', BIGQUERY)).toBe('x_TABLE_SUFFIX');
    expect(avoidReservedPrefixes('__root__x', BIGQUERY)).toBe('x__root__x');
    expect(avoidReservedPrefixes('partition', BIGQUERY)).toBe('partition');
    expect(avoidReservedPrefixes('sys_id', ['SYS_', 'X_SYS'])).toBe('x_x_sys_id');
    const ns = new Namespace(300, BIGQUERY);
    expect(ns.resolve('_FILE_NAME', '_file_name')).toBe('x_file_name');
    // a key that normalizes to the moved name itself does not collide with it
    expect(ns.resolve('x_file_name', 'x_file_name')).toMatch(/^x_file_name_[0-9a-f]{8}$/);
    expect(new Namespace(300, BIGQUERY).resolve('_FILE_NAME', '_file_name')).toBe('x_file_name');
  });

  it('column names of normalized records never start with a reserved prefix', () => {
    const schema = new SchemaBuilder('s', null, 63, ['SYS_', 'meta__']);
    const rows: Record<string, unknown>[] = [];
    const config = plainConfig();
    const n = new RecordNormalizer(schema, config, 'l', new RowIds('p'), (_t, line) =>
      rows.push(JSON.parse(line)),
    );
    n.normalize({ SYS_ID: 1, meta: { a: 'x' }, other: 2 });
    n.normalize({ SYS_ID: 'text' });
    const columns = Object.keys(schema.build().tables.t?.columns ?? {});
    expect(columns).toEqual(expect.arrayContaining(['x_sys_id', 'x_meta__a', 'other', 'x_sys_id__v_text']));
    expect(columns.filter((c) => /^(sys_|meta__)/i.test(c))).toEqual([]);
    expect(rows[0]).toMatchObject({ x_sys_id: 1, x_meta__a: 'x', other: 2 });
  });
});
