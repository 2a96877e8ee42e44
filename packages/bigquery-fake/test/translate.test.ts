import { describe, expect, it } from 'vitest';
import { renderParameters } from '../src/sql/params.js';
import { translateStatement } from '../src/sql/statement.js';
import { splitStatements, tokenize } from '../src/sql/tokenize.js';

function translate(sql: string, params: Parameters<typeof renderParameters>[0] = []) {
  const rendered = renderParameters(params);
  const ctx = {
    projectId: 'proj',
    namedParams: rendered.named,
    positionalParams: rendered.positional,
    positionalCursor: { next: 0 },
  };
  return splitStatements(tokenize(sql)).map((tokens) => translateStatement(tokens, sql, ctx));
}
const duck = (sql: string, params?: Parameters<typeof renderParameters>[0]) =>
  translate(sql, params).flatMap((s) => s.duckdb);

describe('GoogleSQL to DuckDB translation', () => {
  it('maps project-qualified backtick paths to dataset schemas', () => {
    expect(duck('SELECT * FROM `proj.ds.t` AS x JOIN `proj`.`ds`.`u` ON x.id = u.id')).toEqual([
      'SELECT * FROM "ds"."t" AS x JOIN "ds"."u" ON x.id = u.id',
    ]);
    expect(duck('SELECT `weird col` FROM ds.t')).toEqual(['SELECT "weird col" FROM ds.t']);
  });

  it('decodes GoogleSQL string literals into DuckDB ones', () => {
    expect(duck(`SELECT "it's", 'a\\nb', r'\\d+', """multi "quoted" line"""`)).toEqual([
      `SELECT 'it''s', 'a\nb', '\\d+', 'multi "quoted" line'`,
    ]);
    expect(duck("SELECT b'\\x00\\xff'")).toEqual(["SELECT from_hex('00ff')"]);
  });

  it('translates BigQuery types in DDL and casts', () => {
    const [create] = translate(
      'CREATE OR REPLACE TABLE `proj.ds.t` (a INT64 NOT NULL, b NUMERIC(10, 2), c ARRAY<STRING>, d JSON OPTIONS(description="x")) PARTITION BY DATE(e) CLUSTER BY a, b OPTIONS(expiration_timestamp=TIMESTAMP "2030-01-01")',
    );
    expect(create?.duckdb).toEqual([
      'CREATE OR REPLACE TABLE "ds"."t" ("a" BIGINT NOT NULL, "b" DECIMAL(10,2), "c" VARCHAR[], "d" JSON)',
    ]);
    expect(create?.partitioning).toEqual({ field: 'e', type: 'DAY' });
    expect(create?.clustering).toEqual(['a', 'b']);
    expect(duck('SELECT SAFE_CAST(x AS INT64), CAST(y AS TIMESTAMP) FROM ds.t')).toEqual([
      'SELECT TRY_CAST(x AS BIGINT), CAST(y AS TIMESTAMPTZ) FROM ds.t',
    ]);
  });

  it('adds the keywords DuckDB requires and rewrites BigQuery-only functions', () => {
    expect(
      duck(
        'INSERT ds.t (a) VALUES (1); DELETE ds.t WHERE a = 1; MERGE ds.t USING ds.s ON t.a = s.a WHEN NOT MATCHED THEN INSERT ROW',
      ),
    ).toEqual([
      'INSERT INTO "ds"."t" (a) VALUES (1)',
      'DELETE FROM "ds"."t" WHERE a = 1',
      'MERGE INTO "ds"."t" USING ds.s ON t.a = s.a WHEN NOT MATCHED THEN INSERT *',
    ]);
    expect(duck('SELECT CURRENT_TIMESTAMP(), TO_JSON_STRING(t), GENERATE_UUID() FROM ds.t AS t')).toEqual([
      'SELECT get_current_timestamp(), CAST(to_json(t) AS VARCHAR), CAST(gen_random_uuid() AS VARCHAR) FROM ds.t AS t',
    ]);
    expect(
      duck('SELECT 1 FROM ds.t WHERE id IN UNNEST(@ids)', [
        {
          name: 'ids',
          parameterType: { type: 'ARRAY', arrayType: { type: 'INT64' } },
          parameterValue: { arrayValues: [{ value: '1' }, { value: '2' }] },
        },
      ]),
    ).toEqual([
      "SELECT 1 FROM ds.t WHERE id IN (SELECT unnest(CAST([CAST('1' AS BIGINT), CAST('2' AS BIGINT)] AS BIGINT[])))",
    ]);
  });

  it('inlines named and positional parameters as typed literals', () => {
    expect(
      duck('SELECT @Name, ?, ? FROM ds.t', [
        { name: 'name', parameterType: { type: 'STRING' }, parameterValue: { value: "O'Brien" } },
        { parameterType: { type: 'INT64' }, parameterValue: { value: '5' } },
        { parameterType: { type: 'TIMESTAMP' }, parameterValue: { value: null } },
      ]),
    ).toEqual([
      "SELECT CAST('O''Brien' AS VARCHAR), CAST('5' AS BIGINT), CAST(NULL AS TIMESTAMPTZ) FROM ds.t",
    ]);
    expect(() => duck('SELECT @missing')).toThrow("Query parameter 'missing' not found");
  });

  it('splits ALTER TABLE with several actions and classifies transactions', () => {
    expect(duck('ALTER TABLE ds.t ADD COLUMN IF NOT EXISTS a STRING, ADD COLUMN b TIMESTAMP')).toEqual([
      'ALTER TABLE "ds"."t" ADD COLUMN IF NOT EXISTS "a" VARCHAR',
      'ALTER TABLE "ds"."t" ADD COLUMN "b" TIMESTAMPTZ',
    ]);
    expect(translate('BEGIN TRANSACTION; SELECT 1; COMMIT TRANSACTION').map((s) => s.kind)).toEqual([
      'BEGIN_TRANSACTION',
      'SELECT',
      'COMMIT_TRANSACTION',
    ]);
  });

  it('does not split on semicolons inside strings or comments and rejects unsupported scripting', () => {
    expect(translate("SELECT ';' -- ; comment\n; SELECT 2 /* ; */").map((s) => s.source)).toEqual([
      "SELECT ';'",
      'SELECT 2',
    ]);
    expect(() => translate('DECLARE x INT64')).toThrow('does not support');
    expect(() => translate('DELETE FROM ds.t')).toThrow('DELETE must have a WHERE clause');
  });

  it('builds named structs from STRUCT(...)', () => {
    expect(duck('SELECT TO_JSON_STRING(STRUCT(a AS x, f(b, c), STRUCT(1 AS y) AS z)) FROM ds.t')).toEqual([
      'SELECT CAST(to_json(struct_pack("x" := a, "_field_2" := f(b, c), "z" := struct_pack("y" := 1))) AS VARCHAR) FROM ds.t',
    ]);
  });

  it('quotes words that DuckDB reserves but GoogleSQL does not', () => {
    expect(duck('SELECT summarize, pivot FROM ds.t')).toEqual(['SELECT "summarize", "pivot" FROM ds.t']);
  });
});
