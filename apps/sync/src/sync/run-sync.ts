import { join } from 'node:path';
import {
  createFreshdeskClient,
  type FetchLike,
  type FreshdeskClient,
  type FreshdeskEvent,
  unwrap,
} from '@sluice/freshdesk-client';
import { createPipeline, type Destination, type PipelineEvent } from '@sluice/loader-core';
import { PIPELINE_NAME, type SyncSettings } from '../config/settings.js';
import { createDestination, describeDestination, destinationId } from '../destination/create.js';
import { checkWritable } from '../destination/preflight.js';
import { freshdeskSource } from '../source/freshdesk-source.js';
import { resourceForPath } from '../source/path-resolver.js';
import { selectEntries } from '../source/selection.js';
import { countingFetch } from './counting-fetch.js';
import { crashHook } from './crash-hook.js';
import type { SyncReporter } from './reporter.js';
import type { SyncSummary } from './summary.js';

export interface RunSyncOptions {
  readonly reporter: SyncReporter;
  /** Replaces the destination built from the settings (tests, custom destinations). */
  readonly destination?: Destination;
  /** The fetch under the Freshdesk client. Default `globalThis.fetch`. */
  readonly fetch?: FetchLike;
  readonly signal?: AbortSignal;
  /** TEST ONLY: see crash-hook.ts. */
  readonly crashAt?: string;
}

/** Checks that the API key works before anything is written, with one cheap request. */
async function checkAccess(client: FreshdeskClient, signal: AbortSignal | undefined): Promise<void> {
  unwrap(await client.GET('/agents/me', signal ? { signal } : {}));
}

/**
 * One sync: Freshdesk resources into the destination, incrementally. Validates access and the destination
 * first, so bad input fails before anything is written; the state lives in the destination, so a later run
 * (or a rerun after a crash) continues from the last commit.
 */
export async function runSync(settings: SyncSettings, options: RunSyncOptions): Promise<SyncSummary> {
  const { reporter } = options;
  const started = Date.now();
  const crash = crashHook(options.crashAt);
  const destinationText = describeDestination(settings.destination, settings.dataset);
  const entries = selectEntries(settings.resources);
  if (!options.destination) await checkWritable(settings.destination);

  let requests = 0;
  const pages: Record<string, number> = {};
  const extracted: Record<string, number> = {};
  const onFreshdesk = (event: FreshdeskEvent): void => {
    if (event.type === 'page') {
      const name = resourceForPath(event.path);
      if (name) pages[name] = (pages[name] ?? 0) + 1;
    }
    reporter.freshdesk(event);
    crash(event.type);
  };
  const client = createFreshdeskClient({
    ...(settings.freshdesk.baseUrl ? { baseUrl: settings.freshdesk.baseUrl } : {}),
    ...(settings.freshdesk.domain ? { domain: settings.freshdesk.domain } : {}),
    apiKey: settings.freshdesk.apiKey,
    ...(settings.plan ? { plan: settings.plan } : {}),
    ...(settings.requestsPerMinute ? { requestsPerMinute: settings.requestsPerMinute } : {}),
    fetch: countingFetch(options.fetch ?? ((request) => globalThis.fetch(request)), () => {
      requests += 1;
    }),
    onEvent: onFreshdesk,
  });

  reporter.start({
    destination: destinationText,
    resources: entries.map((e) => e.name),
    startDate: settings.startDate,
  });
  await checkAccess(client, options.signal);

  const destination = options.destination ?? createDestination(settings.destination, settings.dataset);
  const pipeline = createPipeline({
    name: PIPELINE_NAME,
    dataset: settings.dataset,
    destination,
    workingDir: join(settings.workingDir, destinationId(settings.destination, settings.dataset)),
    concurrency: settings.concurrency,
    keepLoadedPackages: settings.keepPackages ?? false,
    onEvent: (event: PipelineEvent) => {
      if (event.type === 'resource_completed') extracted[event.resource] = event.rows;
      reporter.pipeline(event);
      crash(event.type);
    },
  });
  const resources = freshdeskSource({
    client,
    ...(settings.resources ? { resources: settings.resources } : {}),
    startDate: settings.startDate,
    ...(settings.fullRefresh ? { fullRefresh: settings.fullRefresh } : {}),
    ticketIncludes: settings.ticketIncludes,
    perPage: settings.perPage,
  });
  const info = await pipeline.run(resources, options.signal ? { signal: options.signal } : {});
  const cursors = await readCursors(destination, settings.dataset);
  const summary: SyncSummary = {
    destination: destinationText,
    info,
    requests,
    pages,
    extracted,
    cursors,
    durationMs: Date.now() - started,
  };
  reporter.finish(summary);
  return summary;
}

/** Each resource's committed cursor, read back from the destination. */
export async function readCursors(
  destination: Destination,
  dataset: string,
): Promise<Record<string, unknown>> {
  const client = await destination.connect({ dataset, pipelineName: PIPELINE_NAME });
  try {
    const state = await client.getState(PIPELINE_NAME);
    const out: Record<string, unknown> = {};
    for (const [name, s] of Object.entries(state?.state.resources ?? {})) {
      if (s.incremental) out[name] = s.incremental.lastValue;
    }
    return out;
  } finally {
    await client.close();
  }
}
