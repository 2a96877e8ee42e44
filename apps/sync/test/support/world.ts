import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { duckdb } from '@sluice/destination-duckdb';
import { type Simulator, type SimulatorOptions, startSimulator } from '@sluice/freshdesk-simulator';
import { sql } from 'kysely';

/**
 * The API key of every simulator in the e2e suite: the secret scan looks for it everywhere, also in the forms
 * it travels in (Basic auth, URL-encoded; its `/`, `+` and `=` make the latter differ).
 */
export const E2E_API_KEY = 'e2e/Secret+Key=7f3a9c1d5b';

/** The BigQuery access token of the e2e suite (the fake serves only requests carrying it). */
export const E2E_BQ_TOKEN = 'e2eBqToken-91c2d7e4a6';

/**
 * Where every e2e run of this vitest session writes (databases, working dirs, logs): scanned for the key at
 * the end, then removed. The session id (set by global-setup.ts) keeps concurrent sessions apart.
 */
export const E2E_ROOT_PREFIX = join(tmpdir(), `sluice-e2e-${process.env.SLUICE_E2E_SESSION ?? 'adhoc'}-`);

export interface World {
  readonly sim: Simulator;
  /** API requests the simulator served, in order (path below /api/v2, query string without `?`, status). */
  readonly requests: { path: string; query: string; status: number; fault: string | undefined }[];
  readonly dir: string;
  readonly dbPath: string;
  readonly env: Record<string, string>;
}

/** A simulator with seeded data, a temp folder and the environment that points the CLI at both. */
export async function startWorld(options: SimulatorOptions = {}): Promise<World> {
  const requests: World['requests'] = [];
  const sim = await startSimulator({
    seed: 'e2e',
    tickets: 120,
    contacts: 40,
    rateLimit: false,
    apiKey: E2E_API_KEY,
    ...options,
    onResponse: (r) => {
      requests.push({ path: r.path, query: r.query, status: r.status, fault: r.fault });
    },
  });
  const dir = await mkdtemp(E2E_ROOT_PREFIX);
  const dbPath = join(dir, 'freshdesk.duckdb');
  return {
    sim,
    requests,
    dir,
    dbPath,
    env: {
      FRESHDESK_API_KEY: sim.apiKey,
      SLUICE_FRESHDESK_BASE_URL: sim.baseUrl,
      SLUICE_DUCKDB_PATH: dbPath,
      SLUICE_WORKING_DIR: join(dir, 'work'),
      // Small pages: even a small data set spans several pages per list.
      SLUICE_PER_PAGE: '20',
      SLUICE_REQUESTS_PER_MINUTE: '1000000',
      SLUICE_LOG_FORMAT: 'json',
      SLUICE_KEEP_PACKAGES: '1',
    },
  };
}

export type Query = (text: string) => Promise<Record<string, unknown>[]>;

/** Runs `use` with a query function on a DuckDB file, opened once and closed after. */
export async function withDatabase<T>(dbPath: string, use: (query: Query) => Promise<T>): Promise<T> {
  const driver = await duckdb({ path: dbPath }).openDriver();
  try {
    return await use(
      async (text) => (await sql<Record<string, unknown>>`${sql.raw(text)}`.execute(driver.db)).rows,
    );
  } finally {
    await driver.close();
  }
}

/** Rows of one query on a DuckDB file (opened and closed around the query). */
export function query(dbPath: string, text: string): Promise<Record<string, unknown>[]> {
  return withDatabase(dbPath, (q) => q(text));
}

export function ms(value: unknown): number {
  return Date.parse(String(value));
}
