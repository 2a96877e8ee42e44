import { mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { duckdb } from '@sluice/destination-duckdb';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { apiKeyForms, scanForSecrets } from '../support/secret-scan.js';
import { E2E_API_KEY, E2E_BQ_TOKEN, E2E_ROOT_PREFIX } from '../support/world.js';
import { sessionRoots } from './global-setup.js';

const SECRETS = { ...apiKeyForms(E2E_API_KEY), 'BigQuery access token': E2E_BQ_TOKEN };

/** Runs after every other e2e file (see test/sequencer.ts). */
describe('after the whole e2e suite', () => {
  it('no secret in any log line, load package file, state row, table or the BigQuery fake', async () => {
    // The session's folders: the CLI's logs, and per test its DuckDB files, working dirs (packages kept with
    // SLUICE_KEEP_PACKAGES=1) and the BigQuery fake's dump (test/support/bigquery.ts).
    const logs = process.env.SLUICE_E2E_LOGS as string;
    const roots = await sessionRoots(process.env.SLUICE_E2E_SESSION as string);
    expect(roots).toContain(logs);
    const { found, scanned } = await scanForSecrets(roots, SECRETS);
    expect(
      scanned.some((path) => path.startsWith(logs)),
      'CLI logs were scanned',
    ).toBe(true);
    expect(found).toEqual([]);
  });

  it('the scan finds each form of each secret, in files and in DuckDB rows', async () => {
    // Guards the scan itself.
    const dir = await mkdtemp(E2E_ROOT_PREFIX);
    for (const [what, secret] of Object.entries(SECRETS)) {
      const file = join(dir, `${what.replace(/\W+/g, '-')}.log`);
      await writeFile(file, `x ${secret} y`);
      expect((await scanForSecrets([dir], { [what]: secret })).found).toEqual([`${file}: ${what}`]);
    }
    expect(apiKeyForms(E2E_API_KEY)['URL-encoded API key']).not.toBe(E2E_API_KEY);
    const db = join(dir, 'planted.duckdb');
    const driver = await duckdb({ path: db }).openDriver();
    try {
      await sql`CREATE TABLE state (v VARCHAR)`.execute(driver.db);
      await sql`INSERT INTO state VALUES (${`{"key":"${E2E_BQ_TOKEN}"}`})`.execute(driver.db);
    } finally {
      await driver.close();
    }
    const { found } = await scanForSecrets([dir], { token: E2E_BQ_TOKEN });
    expect(found.filter((f) => f.startsWith(`${db}:`) || f.startsWith(`${db} (`))).toHaveLength(1);
  });
});
