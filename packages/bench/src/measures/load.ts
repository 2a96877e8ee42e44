// Child process: destination-duckdb's load of a package beside DuckDB's own read_json of the same files.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { duckdb } from '@sluice/destination-duckdb';
import { createPipeline, resource } from '@sluice/loader-core';
import { ticketPages } from '../data/tickets.js';
import { serveMeasurement } from '../harness/child.js';
import { type KeptTable, type LoadTiming, timedDestination } from '../harness/timed-destination.js';

export interface LoadInput {
  readonly records: number;
  /** Rounds, alternating both loaders; the best of each counts. */
  readonly rounds: number;
}

export interface LoadResult {
  readonly records: number;
  /** Rows over all tables (tickets and their child tables). */
  readonly rows: number;
  readonly destinationMs: number;
  readonly readJsonMs: number;
  readonly tables: number;
}

function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Plain DuckDB: one `CREATE TABLE … AS SELECT * FROM read_json(files)` per table, in one transaction. */
async function readJsonLoad(path: string, tables: readonly KeptTable[]): Promise<number> {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  try {
    const started = performance.now();
    await connection.run('BEGIN');
    for (const [i, table] of tables.entries()) {
      if (table.files.length === 0) continue;
      const files = `[${table.files.map(sqlString).join(', ')}]`;
      await connection.run(
        `CREATE TABLE t${i} AS SELECT * FROM read_json(${files}, format = 'newline_delimited')`,
      );
    }
    await connection.run('COMMIT');
    const ms = performance.now() - started;
    let rows = 0;
    for (const [i, table] of tables.entries()) {
      if (table.files.length === 0) continue;
      const reader = await connection.runAndReadAll(`SELECT count(*)::BIGINT AS n FROM t${i}`);
      rows += Number(reader.getRowObjectsJS()[0]?.n ?? 0);
    }
    const expected = tables.reduce((s, t) => s + t.rows, 0);
    if (rows !== expected) throw new Error(`read_json loaded ${rows} rows, expected ${expected}`);
    return ms;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function destinationLoad(dir: string, round: number, records: number): Promise<LoadTiming> {
  const timing: LoadTiming = { loadMs: 0, rows: 0, tables: [] };
  const tickets = resource(() => ticketPages(records), {
    name: 'tickets',
    primaryKey: 'id',
    writeDisposition: 'append',
  });
  const destination = timedDestination(
    duckdb({ path: join(dir, `destination-${round}.duckdb`) }),
    join(dir, `files-${round}`),
    timing,
  );
  const pipeline = createPipeline({
    name: 'bench_load',
    destination,
    workingDir: join(dir, `work-${round}`),
  });
  const info = await pipeline.run([tickets]);
  if (info.rows.tickets !== records)
    throw new Error(`loaded ${info.rows.tickets} tickets, expected ${records}`);
  return timing;
}

async function measure(input: LoadInput): Promise<LoadResult> {
  const dir = await mkdtemp(join(tmpdir(), 'sluice-bench-load-'));
  try {
    let destinationMs = Number.POSITIVE_INFINITY;
    let readJsonMs = Number.POSITIVE_INFINITY;
    let rows = 0;
    let tables = 0;
    for (let round = 0; round < input.rounds; round++) {
      const timing = await destinationLoad(dir, round, input.records);
      destinationMs = Math.min(destinationMs, timing.loadMs);
      rows = timing.rows;
      tables = timing.tables.length;
      // The same files, right after, so that a busy machine weighs on both alike.
      readJsonMs = Math.min(
        readJsonMs,
        await readJsonLoad(join(dir, `plain-${round}.duckdb`), timing.tables),
      );
    }
    return { records: input.records, rows, destinationMs, readJsonMs, tables };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

serveMeasurement(measure);
