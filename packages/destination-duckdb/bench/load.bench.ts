/**
 * Load speed of the DuckDB destination against DuckDB's own `read_json` of the same file.
 * Run: `npm run bench -w @sluice/destination-duckdb [-- rows]`. Goal (issue 5): ratio >= 0.70.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { ColumnSchema, DataType } from '@sluice/loader-core';
import { sql } from 'kysely';
import { openDuckDbDriver } from '../src/open-driver.js';
import { columnType } from '../src/schema/column-type.js';

const ROWS = Number(process.argv[2] ?? 100_000);
const RUNS = 3;

const TICKET_COLUMNS: readonly [string, DataType][] = [
  ['id', 'bigint'],
  ['subject', 'text'],
  ['description_text', 'text'],
  ['status', 'bigint'],
  ['priority', 'bigint'],
  ['source', 'bigint'],
  ['type', 'text'],
  ['requester_id', 'bigint'],
  ['responder_id', 'bigint'],
  ['group_id', 'bigint'],
  ['company_id', 'bigint'],
  ['is_escalated', 'bool'],
  ['fr_escalated', 'bool'],
  ['spam', 'bool'],
  ['due_by', 'timestamp'],
  ['fr_due_by', 'timestamp'],
  ['created_at', 'timestamp'],
  ['updated_at', 'timestamp'],
  ['custom_fields', 'json'],
  ['stats__resolved_at', 'timestamp'],
  ['_sluice_id', 'text'],
  ['_sluice_load_id', 'text'],
];

const COLUMNS: readonly ColumnSchema[] = TICKET_COLUMNS.map(([name, dataType]) => ({
  name,
  dataType,
  nullable: true,
}));

function iso(base: number, offsetSeconds: number): string {
  return new Date(base + offsetSeconds * 1000).toISOString();
}

/** A Freshdesk-shaped ticket row as loader-core writes it into a load file. */
function ticket(i: number): Record<string, unknown> {
  const created = Date.UTC(2024, 0, 1) + i * 60_000;
  return {
    id: 100_000 + i,
    subject: `Ticket ${i}: cannot log in to the portal`,
    description_text: `Hello team, since this morning user ${i} cannot log in. Steps: open the portal, enter the password, see an error. Thanks!`,
    status: 2 + (i % 4),
    priority: 1 + (i % 4),
    source: 1 + (i % 10),
    type: i % 3 === 0 ? 'Question' : 'Incident',
    requester_id: 77_000_000_000 + i,
    responder_id: i % 5 === 0 ? null : 77_000_100_000 + (i % 50),
    group_id: 77_000_200_000 + (i % 7),
    company_id: i % 4 === 0 ? null : 77_000_300_000 + (i % 100),
    is_escalated: i % 17 === 0,
    fr_escalated: i % 13 === 0,
    spam: false,
    due_by: iso(created, 3 * 86_400),
    fr_due_by: iso(created, 86_400),
    created_at: iso(created, 0),
    updated_at: iso(created, 3_600 + (i % 1000)),
    custom_fields: {
      cf_region: ['emea', 'amer', 'apac'][i % 3],
      cf_contract: i % 2 === 0,
      cf_seats: i % 500,
    },
    ...(i % 3 === 0 ? { stats__resolved_at: iso(created, 7_200) } : {}),
    _sluice_id: `k${i.toString(36).padStart(12, '0')}`,
    _sluice_load_id: '1732500000.000001',
  };
}

async function writeFile(path: string): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 0; i < ROWS; i += 1) {
    if (!out.write(`${JSON.stringify(ticket(i))}\n`)) {
      await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

async function throughDestination(dir: string, file: string, run: number): Promise<number> {
  const driver = await openDuckDbDriver({ path: join(dir, `destination-${run}.duckdb`) });
  try {
    await driver.ensureDataset('freshdesk');
    const definitions = COLUMNS.map((c) => sql`${sql.id(c.name)} ${sql.raw(columnType(c))}`);
    const create = sql`CREATE TABLE freshdesk.tickets (${sql.join(definitions)})`.compile(driver.db);
    const { size } = await stat(file);
    const started = performance.now();
    const session = await driver.beginLoad('bench');
    await session.migrate([create]);
    const rows = await session.loadFile(
      { table: 'tickets', path: file, format: 'jsonl', rows: ROWS, bytes: size },
      { dataset: 'freshdesk', table: 'tickets' },
      COLUMNS,
    );
    await session.commit();
    const seconds = (performance.now() - started) / 1000;
    if (rows !== ROWS) throw new Error(`loaded ${rows} rows, expected ${ROWS}`);
    return seconds;
  } finally {
    await driver.close();
  }
}

async function plainReadJson(dir: string, file: string, run: number): Promise<number> {
  const instance = await DuckDBInstance.create(join(dir, `plain-${run}.duckdb`));
  const connection = await instance.connect();
  try {
    const started = performance.now();
    const escaped = file.replaceAll("'", "''");
    await connection.run(
      `CREATE TABLE tickets AS SELECT * FROM read_json('${escaped}', format = 'newline_delimited')`,
    );
    const seconds = (performance.now() - started) / 1000;
    const count = await connection.runAndReadAll('SELECT count(*)::INTEGER AS n FROM tickets');
    if (count.getRowObjectsJS()[0]?.n !== ROWS) throw new Error('plain read_json loaded the wrong row count');
    return seconds;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'sluice-duckdb-bench-'));
  try {
    const file = join(dir, 'tickets.jsonl');
    await writeFile(file);
    const { size } = await stat(file);
    console.log(
      `${ROWS} Freshdesk-like tickets, ${(size / 1e6).toFixed(1)} MB of JSONL, best of ${RUNS} runs`,
    );
    let destination = Number.POSITIVE_INFINITY;
    let plain = Number.POSITIVE_INFINITY;
    for (let run = 0; run < RUNS; run += 1) {
      // Alternate so that caches and a busy machine affect both alike.
      plain = Math.min(plain, await plainReadJson(dir, file, run));
      destination = Math.min(destination, await throughDestination(dir, file, run));
    }
    const rate = (seconds: number) => Math.round(ROWS / seconds).toLocaleString('en-US');
    console.log(`plain read_json (CREATE TABLE AS): ${rate(plain)} rows/s (${plain.toFixed(3)} s)`);
    console.log(
      `destination-duckdb loadFile:       ${rate(destination)} rows/s (${destination.toFixed(3)} s)`,
    );
    const ratio = plain / destination;
    console.log(`ratio: ${ratio.toFixed(2)} (goal >= 0.70) ${ratio >= 0.7 ? 'OK' : 'BELOW GOAL'}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
