import { type BigQueryFake, startBigQueryFake } from '@sluice/bigquery-fake';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, summaryOf } from '../support/cli.js';
import { compare } from '../support/compare.js';
import { startWorld, type World } from '../support/world.js';

describe('simulator → sluice-sync run → BigQuery (the local fake of its REST API)', () => {
  let world: World;
  let fake: BigQueryFake;
  let env: Record<string, string>;

  beforeAll(async () => {
    world = await startWorld({ seed: 'bigquery', tickets: 50, contacts: 20 });
    // Strict: every statement is analyzed by ZetaSQL, BigQuery's SQL front end; invalid GoogleSQL fails the job.
    fake = await startBigQueryFake({ port: 0, projectId: 'sluice-e2e', location: 'EU', zetasql: true });
    env = {
      ...world.env,
      SLUICE_DESTINATION: 'bigquery',
      SLUICE_BQ_PROJECT: fake.projectId,
      SLUICE_BQ_DATASET: 'freshdesk',
      SLUICE_BQ_LOCATION: 'EU',
      SLUICE_BQ_API_ENDPOINT: fake.apiEndpoint,
      // A preset token: the client never asks Google's token host or a metadata server.
      SLUICE_BQ_ACCESS_TOKEN: 'e2e-test-token',
    };
  });
  afterAll(async () => {
    await fake?.stop();
    await world?.sim.stop();
  });

  it('loads everything, then only the changes, and the tables equal the helpdesk', async () => {
    const first = await runCli(['run'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    await compare((text) => fake.duckdb(text), world.sim);
    // Loads went through load jobs, not streaming inserts.
    expect(fake.requests().some((r) => r.path.includes('/upload/bigquery/v2/projects/sluice-e2e/jobs'))).toBe(
      true,
    );
    expect(fake.requests().some((r) => r.path.includes('insertAll'))).toBe(false);

    world.sim.control.advanceClock(3_600_000);
    const updated = world.sim.control.mutate({ resource: 'tickets', count: 5 });
    const deleted = world.sim.control.deleteTickets(2);
    world.sim.control.addCustomField({ resource: 'tickets', name: 'cf_bq_drift', type: 'text' });
    const second = await runCli(['run'], env);
    expect(second.code).toBe(0);
    expect(summaryOf(second.stdout).extracted.tickets).toBeGreaterThanOrEqual(
      updated.length + deleted.length,
    );
    await compare((text) => fake.duckdb(text), world.sim);

    const status = await runCli(['status', '--log-format', 'json'], env);
    expect(status.code).toBe(0);
    const parsed = JSON.parse(status.stdout) as { loads: unknown[]; tables: Record<string, number> };
    expect(parsed.loads.length).toBeGreaterThanOrEqual(2);
    expect(parsed.tables.tickets).toBe(world.sim.control.snapshot('tickets').length);
  });
});
