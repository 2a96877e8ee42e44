import { describe, expect, it } from 'vitest';
import { diffSchemas, orderTables, SchemaBuilder } from '../src/schema/evolve.js';
import { canonicalJson, hashTables } from '../src/schema/hash.js';

describe('schema versions and changes', () => {
  it('hashes content independent of key order and bumps the version only on change', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}],"b":1}');
    const first = new SchemaBuilder('s', null, 63);
    first.ensureTable({
      name: 't',
      resource: 't',
      writeDisposition: 'append',
      columns: [{ name: 'a', dataType: 'text', nullable: true }],
    });
    const v1 = first.build();
    expect(v1.version).toBe(1);
    expect(v1.versionHash).toBe(hashTables(v1.tables));

    const same = new SchemaBuilder('s', v1, 63).build();
    expect(same).toEqual(v1);

    const grown = new SchemaBuilder('s', v1, 63);
    grown.tables.get('t')?.columns.set('b', { name: 'b', dataType: 'bigint', nullable: true });
    grown.ensureTable({ name: 't__c', resource: 't', parent: 't', writeDisposition: 'append' });
    const v2 = grown.build();
    expect(v2.version).toBe(2);
    expect(v2.versionHash).not.toBe(v1.versionHash);
    expect(diffSchemas(v1, v2)).toEqual([
      { kind: 'add_columns', table: 't', columns: [{ name: 'b', dataType: 'bigint', nullable: true }] },
      { kind: 'create_table', table: v2.tables.t__c },
    ]);
    expect(Object.keys(v2.tables.t__c?.columns ?? {})).toEqual([
      '_sluice_id',
      '_sluice_load_id',
      '_sluice_parent_id',
      '_sluice_list_idx',
      '_sluice_root_id',
    ]);
  });

  it('orders parents before children', () => {
    const tables = [
      { name: 'a__b__c', parent: 'a__b' },
      { name: 'a__b', parent: 'a' },
      { name: 'a' },
      { name: 'z' },
    ];
    expect(orderTables(tables).map((t) => t.name)).toEqual(['a', 'z', 'a__b', 'a__b__c']);
  });
});
