import { Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { BigQueryDialect } from '../../src/dialect/dialect.js';

type Db = Record<string, Record<string, unknown>>;
const db = new Kysely<Db>({ dialect: new BigQueryDialect() });

describe('BigQuery dialect', () => {
  it('quotes identifiers with backticks and qualifies tables by dataset', () => {
    const query = db.withSchema('freshdesk').selectFrom('tickets').select(['id', 'subject']).compile();
    expect(query.sql).toBe('select `id`, `subject` from `freshdesk`.`tickets`');
  });

  it('escapes backticks, backslashes and newlines inside identifiers', () => {
    const query = db.selectFrom('we`ird\\name\nx').selectAll().compile();
    expect(query.sql).toBe('select * from `we\\`ird\\\\name\\nx`');
  });

  it('sends values as named @pN parameters in order', () => {
    const query = db
      .selectFrom('_sluice_loads')
      .selectAll()
      .where('load_id', '=', 'abc')
      .where('status', 'in', ['loaded', 'failed'])
      .limit(10)
      .compile();
    expect(query.sql).toBe(
      'select * from `_sluice_loads` where `load_id` = @p1 and `status` in (@p2, @p3) limit @p4',
    );
    expect(query.parameters).toEqual(['abc', 'loaded', 'failed', 10]);
  });

  it('escapes string literals with backslashes, as GoogleSQL reads them', () => {
    const query = db.selectFrom('t').select(sql.lit("it's a \\ path\nline").as('v')).compile();
    expect(query.sql).toBe("select 'it\\'s a \\\\ path\\nline' as `v` from `t`");
  });

  it('adds WHERE true to DELETE and UPDATE without a condition, which BigQuery requires', () => {
    expect(db.withSchema('ds').deleteFrom('t').compile().sql).toBe('delete from `ds`.`t` where true');
    expect(db.deleteFrom('t').where('a', '=', 1).compile().sql).toBe('delete from `t` where `a` = @p1');
    expect(db.updateTable('t').set({ a: 1 }).compile().sql).toBe('update `t` set `a` = @p1 where true');
  });

  it('compiles DDL with BigQuery type names passed as raw SQL', () => {
    const query = db.schema
      .withSchema('ds')
      .createTable('tickets')
      .ifNotExists()
      .addColumn('id', sql.raw('INT64'))
      .addColumn('amount', sql.raw('NUMERIC(12, 2)'))
      .compile();
    expect(query.sql).toBe('create table if not exists `ds`.`tickets` (`id` INT64, `amount` NUMERIC(12, 2))');
    const alter = db.schema
      .withSchema('ds')
      .alterTable('tickets')
      .addColumn('note', sql.raw('STRING'), (c) => c.ifNotExists())
      .compile();
    expect(alter.sql).toBe('alter table `ds`.`tickets` add column if not exists `note` STRING');
  });

  it('compiles MERGE into BigQuery syntax', () => {
    const query = db
      .mergeInto('ds.tickets as t')
      .using('ds_staging.tickets as s', 's.id', 't.id')
      .whenMatched()
      .thenUpdateSet((eb) => ({ subject: eb.ref('s.subject') }))
      .whenNotMatched()
      .thenInsertValues((eb) => ({ id: eb.ref('s.id'), subject: eb.ref('s.subject') }))
      .compile();
    expect(query.sql).toBe(
      'merge into `ds`.`tickets` as `t` using `ds_staging`.`tickets` as `s` on `s`.`id` = `t`.`id` ' +
        'when matched then update set `subject` = `s`.`subject` ' +
        'when not matched then insert (`id`, `subject`) values (`s`.`id`, `s`.`subject`)',
    );
  });

  it('refuses to execute: statements run as BigQuery jobs through the destination', async () => {
    await expect(db.selectFrom('t').selectAll().execute()).rejects.toThrow(/only compiles statements/);
  });
});
