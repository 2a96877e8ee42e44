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

/** The forms an API key travels in: as is, as the Basic-auth credentials Freshdesk takes, URL-encoded. */
export function apiKeyForms(key: string): Record<string, string> {
  return {
    'API key': key,
    'Basic-auth credentials (base64 of key:X)': Buffer.from(`${key}:X`).toString('base64'),
    'URL-encoded API key': encodeURIComponent(key),
  };
}

export interface ScanResult {
  /** `path: what was found`, for each file or database that holds a secret. */
  readonly found: string[];
  /** Every file read (databases also opened and their rows read). */
  readonly scanned: string[];
}

/**
 * Files under `roots` whose bytes contain one of the secrets (named by the keys of `secrets`), and DuckDB
 * files whose table rows do (their pages may be compressed, so the bytes alone prove nothing).
 */
export async function scanForSecrets(
  roots: readonly string[],
  secrets: Readonly<Record<string, string>>,
): Promise<ScanResult> {
  const found: string[] = [];
  const scanned: string[] = [];
  const hits = (text: string | Buffer) =>
    Object.entries(secrets)
      .filter(([, secret]) => text.includes(secret))
      .map(([what]) => what);
  for (const root of roots) {
    if (!(await stat(root).catch(() => null))) continue;
    for await (const path of files(root)) {
      scanned.push(path);
      const inBytes = hits(await readFile(path));
      if (inBytes.length > 0) found.push(`${path}: ${inBytes.join(', ')}`);
      else if (!path.endsWith('.wal') && (await isDuckDb(path))) {
        const inRows = hits(await tableText(path));
        if (inRows.length > 0) found.push(`${path} (table rows): ${inRows.join(', ')}`);
      }
    }
  }
  return { found, scanned };
}
