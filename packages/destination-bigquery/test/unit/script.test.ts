import { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { toQueryParameters } from '../../src/bigquery/query-parameters.js';
import { renameParameters, transactionScript } from '../../src/bigquery/script.js';
import { BigQueryDialect } from '../../src/dialect/dialect.js';
import { stagingTableName } from '../../src/load-session.js';

const db = new Kysely<Record<string, Record<string, unknown>>>({ dialect: new BigQueryDialect() });

describe('renameParameters', () => {
  it('renames placeholders but not text inside strings or identifiers', () => {
    expect(renameParameters("select @p1, '@p1 \\' @p2', `@p3`, @p12 from t where a = @p2", 's1_p')).toBe(
      "select @s1_p1, '@p1 \\' @p2', `@p3`, @s1_p12 from t where a = @s1_p2",
    );
    expect(renameParameters('select @p1x, @p', 's_')).toBe('select @p1x, @p');
  });
});

describe('transactionScript', () => {
  it('wraps statements in one transaction with distinct parameter names', () => {
    const script = transactionScript([
      db.deleteFrom('ds.t').where('id', 'in', [1, 2]).compile(),
      db.insertInto('ds._sluice_loads').values({ load_id: 'L1', status: 'loaded' }).compile(),
    ]);
    expect(script.sql).toBe(
      [
        'BEGIN TRANSACTION;',
        'delete from `ds`.`t` where `id` in (@s1_p1, @s1_p2);',
        'insert into `ds`.`_sluice_loads` (`load_id`, `status`) values (@s2_p1, @s2_p2);',
        'COMMIT TRANSACTION;',
      ].join('\n'),
    );
    expect(script.parameters.map((p) => [p.name, p.parameterType?.type, p.parameterValue?.value])).toEqual([
      ['s1_p1', 'INT64', '1'],
      ['s1_p2', 'INT64', '2'],
      ['s2_p1', 'STRING', 'L1'],
      ['s2_p2', 'STRING', 'loaded'],
    ]);
  });
});

describe('toQueryParameters', () => {
  it('types every value, NULL included', () => {
    const parameters = toQueryParameters([
      'a',
      7,
      1.5,
      true,
      12345678901234567890n,
      null,
      new Date('2024-01-02T03:04:05.000Z'),
      new Uint8Array([1, 2]),
      { a: 1 },
      ['x', 'y'],
    ]);
    expect(parameters).toEqual([
      { name: 'p1', parameterType: { type: 'STRING' }, parameterValue: { value: 'a' } },
      { name: 'p2', parameterType: { type: 'INT64' }, parameterValue: { value: '7' } },
      { name: 'p3', parameterType: { type: 'FLOAT64' }, parameterValue: { value: '1.5' } },
      { name: 'p4', parameterType: { type: 'BOOL' }, parameterValue: { value: 'true' } },
      { name: 'p5', parameterType: { type: 'INT64' }, parameterValue: { value: '12345678901234567890' } },
      { name: 'p6', parameterType: { type: 'STRING' }, parameterValue: {} },
      {
        name: 'p7',
        parameterType: { type: 'TIMESTAMP' },
        parameterValue: { value: '2024-01-02T03:04:05.000Z' },
      },
      { name: 'p8', parameterType: { type: 'BYTES' }, parameterValue: { value: 'AQI=' } },
      { name: 'p9', parameterType: { type: 'JSON' }, parameterValue: { value: '{"a":1}' } },
      {
        name: 'p10',
        parameterType: { type: 'ARRAY', arrayType: { type: 'STRING' } },
        parameterValue: { arrayValues: [{ value: 'x' }, { value: 'y' }] },
      },
    ]);
  });
});

describe('stagingTableName', () => {
  it('is the table and the load id, as a valid table name', () => {
    expect(stagingTableName('tickets', '01795606001831.359c60')).toBe('tickets__01795606001831_359c60');
    expect(stagingTableName('t', 'a-b c')).toBe('t__a_b_c');
  });
});
