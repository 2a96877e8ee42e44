import { open, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { duckdb } from '@sluice/destination-duckdb';
import { sql } from 'kysely';

/** Every file below `root`. */
async function* files(root: string): AsyncGenerator<string> {
  for (const entry of await readdir(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

async function isDuckDb(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const header = Buffer.alloc(16);
    await handle.read(header, 0, 16, 0);
    return header.subarray(8, 12).toString('latin1') === 'DUCK';
  } finally {
    await handle.close();
  }
}

/** Every row of every table (system tables included: state, schema versions, loads) as JSON text. */
async function tableText(path: string): Promise<string> {
  const driver = await duckdb({ path }).openDriver();
  try {
    const tables = await sql<{ s: string; t: string }>`
      SELECT table_schema AS s, table_name AS t FROM information_schema.tables`.execute(driver.db);
    let text = '';
    for (const { s, t } of tables.rows) {
      const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.id(s, t)}`.execute(driver.db);
      text += JSON.stringify(rows.rows, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
    }
    return text;
  } finally {
    await driver.close();
  }
}

/** Paths under `roots` whose bytes, or whose DuckDB tables, contain `secret`. */
export async function findSecret(roots: readonly string[], secret: string): Promise<string[]> {
  const found: string[] = [];
  for (const root of roots) {
    if (!(await stat(root).catch(() => null))) continue;
    for await (const path of files(root)) {
      if ((await readFile(path)).includes(secret)) found.push(path);
      else if (!path.endsWith('.wal') && (await isDuckDb(path)) && (await tableText(path)).includes(secret))
        found.push(`${path} (table rows)`);
    }
  }
  return found;
}
