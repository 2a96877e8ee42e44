import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BigQueryWorld, dumpBigQueryFake, startBigQueryWorld } from '../support/bigquery.js';
import { runCli, summaryOf } from '../support/cli.js';
import { compare } from '../support/compare.js';
import { changeHelpdesk, expectChangesVisible } from '../support/helpdesk.js';
import { requestsByPath, sorted, Truth } from '../support/truth.js';
import { startWorld, type World } from '../support/world.js';

/** The BigQuery side of every e2e case of DuckDB: the same cycle, a SIGKILL and a flaky Freshdesk. */
describe('simulator → sluice-sync run → BigQuery (the local fake of its REST API)', () => {
  let world: World;
  let bq: BigQueryWorld;
  let truth: Truth;

  const made = (from: number) => sorted(requestsByPath(world.requests.slice(from)));

  beforeAll(async () => {
    world = await startWorld({ seed: 'bigquery', tickets: 50, contacts: 20 });
    bq = await startBigQueryWorld(world);
    truth = new Truth(world.sim);
  });
  afterAll(async () => {
    // What the fake holds goes to a file the secret scan searches (test/e2e/secret-scan.test.ts).
    if (bq) await dumpBigQueryFake(bq.fake, world.dir);
    await bq?.fake.stop();
    await world?.sim.stop();
  });

  it('loads everything, then exactly the changes, and the tables equal the helpdesk', async () => {
    const first = await runCli(['run'], bq.env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(made(0)).toEqual(sorted(truth.synced()));
    await compare(bq.query, truth);
    // Loads went through load jobs, not streaming inserts.
    const paths = bq.fake.requests().map((r) => r.path);
    expect(paths.some((p) => p.includes('/upload/bigquery/v2/projects/sluice-e2e/jobs'))).toBe(true);
    expect(paths.some((p) => p.includes('insertAll'))).toBe(false);

    // Updates, new tickets, a new custom field, a value-type change, deletes, spam; contacts deleted, blocked.
    const changes = await changeHelpdesk(world.sim);
    const before = world.requests.length;
    const second = await runCli(['run'], bq.env);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(made(before)).toEqual(sorted(truth.synced()));
    expect(summaryOf(second.stdout).extracted.tickets).toBe(changes.changedTickets.length);
    await compare(bq.query, truth);
    await expectChangesVisible(bq.query, changes);

    // Nothing changed: one request per view of each incremental list, no ticket children.
    const idle = world.requests.length;
    expect((await runCli(['run'], bq.env)).code).toBe(0);
    const idleRequests = made(idle);
    expect(idleRequests).toEqual(sorted(truth.synced()));
    expect(idleRequests['/tickets']).toBe(3);
    expect(idleRequests['/contacts']).toBe(3);
    expect(Object.keys(idleRequests).filter((p) => /^\/tickets\/\d+\//.test(p))).toEqual([]);
    await compare(bq.query, truth);

    const status = await runCli(['status', '--log-format', 'json'], bq.env);
    expect(status.code).toBe(0);
    const parsed = JSON.parse(status.stdout) as { loads: unknown[]; tables: Record<string, number> };
    expect(parsed.loads.length).toBeGreaterThanOrEqual(3);
    expect(parsed.tables.tickets).toBe(world.sim.control.snapshot('tickets').length);
  });

  it('killed with SIGKILL inside the load, then rerun: nothing lost, nothing doubled', async () => {
    const control = world.sim.control;
    control.advanceClock(600_000);
    control.mutate({ resource: 'tickets', count: 6 });
    control.deleteTickets(1);
    control.spamTickets(1);
    control.mutate({ resource: 'contacts', count: 2 });
    const killed = await runCli(['run'], { ...bq.env, SLUICE_TEST_CRASH_AT: 'table_loaded:3' });
    expect(killed.signal, killed.stderr).toBe('SIGKILL');

    const rerun = await runCli(['run'], bq.env);
    expect(rerun.stderr).toBe('');
    expect(rerun.code).toBe(0);
    // The rerun finished the package the killed run had extracted, then read what changed since.
    expect(summaryOf(rerun.stdout).packages.some((p) => p.resumed)).toBe(true);
    truth.synced();
    await compare(bq.query, truth);
  });

  it('a flaky Freshdesk and transient BigQuery errors: completes, and the tables equal the helpdesk', async () => {
    const control = world.sim.control;
    const faultsFrom = world.requests.length;
    control.configureFaults({
      probabilities: { '500': 0.01, '503': 0.03, reset: 0.03, truncate: 0.03, malformed: 0.01, '429': 0.02 },
      stormLength: 3,
      stormRetryAfter: 1,
    });
    bq.fake.failNextJobs({ reason: 'backendError', times: 1, jobType: 'LOAD' });
    bq.fake.injectError({ reason: 'backendError', times: 2 });
    control.advanceClock(3_600_000);
    control.mutate({ resource: 'tickets', count: 10 });
    control.deleteTickets(2);
    control.mutate({ resource: 'contacts', count: 3 });
    try {
      const run = await runCli(['run', '--full-refresh', 'conversations'], bq.env);
      const failed = run.stdout.split('\n').filter((l) => l.includes('run_failed'));
      expect(run.stderr, failed.join('\n')).toBe('');
      expect(run.code, failed.join('\n')).toBe(0);
      expect(run.stdout).toContain('"event":"freshdesk_retry"');
    } finally {
      control.configureFaults({});
    }
    const kinds = new Set(world.requests.slice(faultsFrom).flatMap((r) => (r.fault ? [r.fault] : [])));
    expect(kinds.size).toBeGreaterThanOrEqual(2);
    expect(bq.fake.requests().some((r) => r.status === 503)).toBe(true);
    truth.synced({ fullRefresh: ['conversations'] });
    await compare(bq.query, truth);
  });
});
