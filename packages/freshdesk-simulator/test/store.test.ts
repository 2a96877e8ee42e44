import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PageCache } from '../src/store/page-cache.js';
import { Flag, RecordTable, type TableGenerator } from '../src/store/record-table.js';
import { ViewCache } from '../src/store/view-cache.js';

const generator: TableGenerator = {
  generate: (id) => ({ id, name: `record ${id}`, created_at: '', updated_at: '' }),
  finalize: (record, created, updated, flags) => ({
    ...record,
    created_at: created,
    updated_at: updated,
    flags,
  }),
};

function tableWith(updated: number[]): RecordTable {
  const table = new RecordTable('thing', 100, updated.length, generator, 10);
  for (const [i, u] of updated.entries()) table.initialize(i, 0, u, 0);
  return table;
}

describe('RecordTable', () => {
  it('orders by (updated_at, id), also after changes, for small and huge timestamps', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 60 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 5 }),
        (small, huge, touched) => {
          // Huge timestamps take the comparator path instead of the packed-float sort.
          const updated = small.map((u) => (huge ? 2 ** 33 + u : 1_700_000_000 + u));
          const table = tableWith(updated);
          const now = Math.max(...updated) + 1;
          for (const t of touched) table.update(table.idAt(t % updated.length), { name: 'changed' }, now);
          const order = [...table.sortedByUpdated()];
          const expected = [...order].sort((a, b) => table.updatedAt(a) - table.updatedAt(b) || a - b);
          expect(order).toEqual(expected);
          expect(new Set(order).size).toBe(updated.length);
        },
      ),
    );
  });

  it('keeps changes as overrides, moves updated_at forward only, and forgets hard-deleted records', () => {
    const table = tableWith([10, 20]);
    const id = table.idAt(0);
    table.update(id, { name: 'renamed' }, 5);
    expect(table.get(id)).toMatchObject({ id, name: 'renamed', updated_at: 10 });
    table.update(id, { extra: true }, 30);
    expect(table.get(id)).toMatchObject({ name: 'renamed', extra: true, updated_at: 30 });
    const json = table.json(id);
    expect(table.json(id)).toBe(json);
    table.setFlags(id, Flag.deleted, 0, 40);
    expect(table.json(id)).not.toBe(json);
    table.setFlags(id, Flag.gone, 0, 50);
    expect(table.get(id)).toBeUndefined();
    expect(table.exists(id)).toBe(false);
    const created = table.insert({ id: 0, name: 'new' }, 60);
    expect(table.get(created)).toMatchObject({ id: created, name: 'new', created_at: 60 });
    expect(table.indexOf(99)).toBeUndefined();
    expect(() => table.update(99, {}, 1)).toThrow(/No thing record with id 99/);
  });
});

describe('caches', () => {
  it('ViewCache evicts the least recently used view', () => {
    const cache = new ViewCache<number>(2);
    cache.getOrCompute('a', () => 1);
    cache.getOrCompute('b', () => 2);
    cache.getOrCompute('a', () => 0);
    cache.getOrCompute('c', () => 3);
    expect(cache.getOrCompute('a', () => -1)).toBe(1);
    expect(cache.getOrCompute('b', () => -2)).toBe(-2);
  });

  it('PageCache stays within its byte budget', () => {
    const cache = new PageCache(10);
    cache.set('a', Buffer.alloc(4));
    cache.set('b', Buffer.alloc(4));
    cache.set('c', Buffer.alloc(4));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')?.length).toBe(4);
    cache.set('huge', Buffer.alloc(11));
    expect(cache.get('huge')).toBeUndefined();
  });
});
