import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type BigQueryFake, startBigQueryFake } from '@sluice/bigquery-fake';
import { E2E_BQ_TOKEN, type Query, type World } from './world.js';

export interface BigQueryWorld {
  readonly fake: BigQueryFake;
  /** The world's environment, pointed at the fake. */
  readonly env: Record<string, string>;
  /** SQL on the fake's backing DuckDB (a dataset is a schema), for the comparison. */
  readonly query: Query;
}

/**
 * The BigQuery fake for a world: strict (every statement analyzed by ZetaSQL, BigQuery's SQL front end), and
 * serving only requests that carry the test's access token, used through the real @google-cloud/bigquery
 * client inside the CLI.
 */
export async function startBigQueryWorld(world: World): Promise<BigQueryWorld> {
  const fake = await startBigQueryFake({
    port: 0,
    projectId: 'sluice-e2e',
    location: 'EU',
    zetasql: true,
    authorize: (authorization) => authorization === `Bearer ${E2E_BQ_TOKEN}`,
  });
  return {
    fake,
    env: {
      ...world.env,
      SLUICE_DESTINATION: 'bigquery',
      SLUICE_BQ_PROJECT: fake.projectId,
      SLUICE_BQ_DATASET: 'freshdesk',
      SLUICE_BQ_LOCATION: 'EU',
      SLUICE_BQ_API_ENDPOINT: fake.apiEndpoint,
      // A preset token: the client never asks Google's token host or a metadata server.
      SLUICE_BQ_ACCESS_TOKEN: E2E_BQ_TOKEN,
    },
    query: (text) => fake.duckdb(text),
  };
}

/**
 * Writes everything the fake holds (every table of every dataset, system tables included, the queries it
 * ran and its request log) into `dir`, so the secret scan after the suite searches it like the DuckDB files.
 */
export async function dumpBigQueryFake(fake: BigQueryFake, dir: string): Promise<void> {
  const tables = await fake.duckdb(
    "SELECT schema_name AS s, table_name AS t FROM duckdb_tables() WHERE schema_name NOT IN ('information_schema', 'pg_catalog')",
  );
  const rows: Record<string, unknown> = {};
  for (const { s, t } of tables) {
    const name = `"${String(s).replaceAll('"', '""')}"."${String(t).replaceAll('"', '""')}"`;
    rows[`${s}.${t}`] = await fake.duckdb(`SELECT * FROM ${name}`);
  }
  const dump = { tables: rows, queries: fake.receivedQueries(), requests: fake.requests() };
  await writeFile(
    join(dir, 'bigquery-fake-dump.json'),
    JSON.stringify(dump, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)),
  );
}
