import type { BigQueryFake } from '@sluice/bigquery-fake';
import { createPipeline, type Destination, resource } from '@sluice/loader-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BigQueryDestinationError } from '../../src/errors.js';
import { fakeClient, fakeDestination, startFake, strictAnalyzer, workingDir } from '../support/fake.js';
import { destinationWithCommitHook } from '../support/hooks.js';

let fake: BigQueryFake;
const cleanups: (() => Promise<void>)[] = [];
beforeAll(async () => {
  fake = await startFake();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  await fake.reset();
});
afterAll(async () => {
  await fake?.stop();
});

type Ticket = { id: number; subject: string; tags: string[] };

/** A merge resource whose records the test swaps between runs. */
function ticketsSource(initial: Ticket[]) {
  const source = { batch: initial };
  const tickets = resource(
    async function* () {
      yield source.batch;
    },
    { name: 'tickets', primaryKey: 'id', writeDisposition: 'merge' },
  );
  return { source, tickets };
}

async function pipelineFor(destination: Destination, dataset: string) {
  const dir = await workingDir();
  cleanups.push(dir.remove);
  return createPipeline({ name: 'load_test', dataset, destination, workingDir: dir.path });
}

const tickets = async (dataset: string) =>
  (await fake.readTable(dataset, 'tickets', { orderBy: ['id'] })).map((r) => [r.id, r.subject]);
const tags = async (dataset: string) =>
  (await fake.readTable(dataset, 'tickets__tags')).map((r) => r.value).sort();

describe('loading', () => {
  it('uploads files with load jobs into staging and commits everything in one transaction script', async () => {
    const { tickets: resourceOf } = ticketsSource([
      { id: 1, subject: 'a', tags: ['x', 'y'] },
      { id: 2, subject: 'b', tags: ['z'] },
    ]);
    const pipeline = await pipelineFor(fakeDestination(fake), 'loads');
    await pipeline.run([resourceOf]);

    expect(await tickets('loads')).toEqual([
      ['1', 'a'],
      ['2', 'b'],
    ]);
    const requests = fake.requests();
    const uploads = requests.filter(
      (r) => r.method === 'POST' && r.path.startsWith('/upload/bigquery/v2/projects/'),
    );
    expect(uploads).toHaveLength(2); // one file per table
    expect(requests.some((r) => r.path.includes('insertAll'))).toBe(false);

    const scripts = fake.receivedQueries().filter((q) => q.sql.startsWith('BEGIN TRANSACTION;'));
    expect(scripts).toHaveLength(1);
    const script = scripts[0]?.sql ?? '';
    expect(script.endsWith('COMMIT TRANSACTION;')).toBe(true);
    expect(script).toContain('`loads_staging`.`tickets__');
    expect(script).toMatch(/insert into `loads`\.`_sluice_pipeline_state`/i);
    expect(script).toMatch(/insert into `loads`\.`_sluice_loads`/i);

    // Staging tables are dropped once committed.
    const [staging] = await fakeClient(fake).dataset('loads_staging').getTables();
    expect(staging).toEqual([]);
  });

  it('leaves previous data, child rows, state and loads in place when the transaction fails midway', async () => {
    const { source, tickets: resourceOf } = ticketsSource([{ id: 1, subject: 'a', tags: ['x'] }]);
    let sabotage = false;
    const destination = destinationWithCommitHook(fake, async (dataset) => {
      if (!sabotage) return;
      sabotage = false;
      // The child staging table vanishes (as if it expired): the script fails after it already deleted and
      // re-inserted the parent rows.
      const [tables] = await fakeClient(fake).dataset(`${dataset}_staging`).getTables();
      await tables.find((t) => t.id?.startsWith('tickets__tags__'))?.delete();
    });
    const pipeline = await pipelineFor(destination, 'atomic');
    await pipeline.run([resourceOf]);
    const client = await destination.connect({ dataset: 'atomic', pipelineName: 'load_test' });
    const stateBefore = await client.getState('load_test');

    source.batch = [
      { id: 1, subject: 'a2', tags: ['x2', 'y2'] },
      { id: 2, subject: 'b', tags: ['z'] },
    ];
    sabotage = true;
    const error = await pipeline.run([resourceOf]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BigQueryDestinationError);
    // BigQuery's answer (and the fake's): the table the statement reads is gone.
    expect((error as BigQueryDestinationError).kind).toBe('not_found');
    expect((error as BigQueryDestinationError).googleMessage).toMatch(
      /^Not found: Table sluice-test:atomic_staging\.tickets__tags__\S+ was not found in location EU$/,
    );
    const failed = fake.receivedQueries().filter((q) => q.sql.startsWith('BEGIN TRANSACTION;') && !q.ok);
    expect(failed).toHaveLength(1);
    // Statements run one by one (each checked, analyzed, then executed): the parent rows were already deleted
    // and re-inserted inside the transaction when the statement reading the vanished staging table failed.
    const analyzer = await strictAnalyzer();
    expect(analyzer.rejected).toEqual([]);
    expect(analyzer.analyzed.slice(-3).join('\n')).toMatch(
      /DELETE FROM `atomic`\.`tickets` AS `f`[\s\S]*INSERT INTO `atomic`\.`tickets`/,
    );

    expect(await tickets('atomic')).toEqual([['1', 'a']]);
    expect(await tags('atomic')).toEqual(['x']);
    expect(await client.getState('load_test')).toEqual(stateBefore);
    expect(await client.listLoads('load_test', 10)).toHaveLength(1);

    // The next run finishes the pending package, exactly once.
    await pipeline.run([resourceOf]);
    expect(await tickets('atomic')).toEqual([
      ['1', 'a2'],
      ['2', 'b'],
    ]);
    expect(await tags('atomic')).toEqual(['x2', 'y2', 'z']);
    await client.close();
  });

  it('runs a commit that failed transiently again under a new job id, once', async () => {
    const { tickets: resourceOf } = ticketsSource([{ id: 1, subject: 'a', tags: ['x'] }]);
    const destination = destinationWithCommitHook(fake, async () => {
      fake.failNextJobs({ reason: 'backendError', times: 2, jobType: 'QUERY' });
    });
    const pipeline = await pipelineFor(destination, 'retried');
    await pipeline.run([resourceOf]);
    expect(await tickets('retried')).toEqual([['1', 'a']]);
    expect(await tags('retried')).toEqual(['x']);
    const scripts = fake.receivedQueries().filter((q) => q.sql.startsWith('BEGIN TRANSACTION;') && q.ok);
    expect(scripts).toHaveLength(1);
    const [jobs] = await fakeClient(fake).getJobs();
    const failedIds = jobs
      .filter((j) => j.metadata?.status?.errorResult?.reason === 'backendError')
      .map((j) => j.id);
    expect(failedIds).toHaveLength(2);
    expect(new Set(failedIds).size).toBe(2);
  });

  it('retries rate-limited API calls and a failed upload without loading a row twice', async () => {
    fake.injectError({ reason: 'rateLimitExceeded', method: 'GET', path: '/tables/', times: 2 });
    fake.injectError({ reason: 'backendError', method: 'POST', path: '/upload/', times: 1 });
    const { tickets: resourceOf } = ticketsSource([
      { id: 1, subject: 'a', tags: [] },
      { id: 2, subject: 'b', tags: [] },
    ]);
    const pipeline = await pipelineFor(fakeDestination(fake), 'retry_api');
    await pipeline.run([resourceOf]);
    expect(await tickets('retry_api')).toEqual([
      ['1', 'a'],
      ['2', 'b'],
    ]);
    const statuses = fake.requests().map((r) => r.status);
    expect(statuses.filter((s) => s === 403)).toHaveLength(2);
    expect(statuses.filter((s) => s === 503)).toHaveLength(1);
  });
});
