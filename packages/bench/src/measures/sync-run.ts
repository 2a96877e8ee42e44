// Child process: the Freshdesk source (apps/sync) through loader-core into DuckDB, against a running simulator.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { duckdb } from '@sluice/destination-duckdb';
import { createFreshdeskClient, createScaledClock } from '@sluice/freshdesk-client';
import { createPipeline } from '@sluice/loader-core';
import { freshdeskSource, type TicketInclude } from '@sluice/sync';
import { type BudgetUse, budgetUse } from '../harness/budget.js';
import { serveMeasurement } from '../harness/child.js';
import { memorySampler, type PhaseMemory } from '../harness/memory-sampler.js';
import { emptyRequestLog, type RequestLog, recordingFetch } from '../harness/request-log.js';

export interface SyncRunInput {
  readonly baseUrl: string;
  readonly apiKey: string;
  /** Catalog resources to load; default all. */
  readonly resources?: readonly string[];
  /** Runs in a row against the same destination: the last is reported (2 = an incremental run). */
  readonly runs: number;
  /** Ticket list embeds (`freshdeskSource`'s `ticketIncludes`); default the source's. */
  readonly ticketIncludes?: readonly TicketInclude[];
  /** DuckDB configuration for the destination (`duckdb({ config })`), e.g. a `memory_limit`. */
  readonly duckdbConfig?: Readonly<Record<string, string>>;
  /** Client budget; omitted = unlimited (the simulator's limits are off too). */
  readonly rateLimit?: { readonly requestsPerMinute: number; readonly timeScale: number };
}

export interface SyncRunResult {
  readonly wallMs: number;
  /** Records extracted per resource in the reported run. */
  readonly extracted: Record<string, number>;
  /** Rows loaded per table in the reported run. */
  readonly rows: Record<string, number>;
  readonly requests: number;
  readonly requestsByResource: Record<string, number>;
  readonly status429: number;
  readonly status429ByResource: Record<string, number>;
  readonly creditsByResource: Record<string, number>;
  readonly budget?: BudgetUse;
  /** Wall time of the runs before the reported one. */
  readonly earlierRunsMs: readonly number[];
  /** Peak memory by phase of the reported run (sampled). */
  readonly memory: Record<string, PhaseMemory>;
}

async function measure(input: SyncRunInput): Promise<SyncRunResult> {
  const dir = await mkdtemp(join(tmpdir(), 'sluice-bench-sync-'));
  try {
    const clock = input.rateLimit ? createScaledClock(input.rateLimit.timeScale) : undefined;
    const destination = duckdb({
      path: join(dir, 'freshdesk.duckdb'),
      ...(input.duckdbConfig ? { config: input.duckdbConfig } : {}),
    });
    const earlierRunsMs: number[] = [];
    for (let run = 1; ; run++) {
      const log: RequestLog = emptyRequestLog();
      const extracted: Record<string, number> = {};
      const memory = memorySampler();
      const client = createFreshdeskClient({
        baseUrl: input.baseUrl,
        apiKey: input.apiKey,
        requestsPerMinute: input.rateLimit?.requestsPerMinute ?? 1_000_000_000,
        fetch: recordingFetch(log),
        ...(clock ? { clock } : {}),
      });
      const pipeline = createPipeline({
        name: 'freshdesk',
        destination,
        workingDir: join(dir, 'work'),
        onEvent: (event) => {
          memory.onEvent(event);
          if (event.type === 'resource_completed') extracted[event.resource] = event.rows;
        },
      });
      const started = performance.now();
      const info = await pipeline.run(
        freshdeskSource({
          client,
          ...(input.resources ? { resources: input.resources } : {}),
          ...(input.ticketIncludes ? { ticketIncludes: input.ticketIncludes } : {}),
        }),
      );
      const wallMs = performance.now() - started;
      const peaks = memory.stop();
      if (run < input.runs) {
        earlierRunsMs.push(wallMs);
        continue;
      }
      const status429 = log.status.filter((s) => s === 429).length;
      return {
        wallMs,
        extracted,
        rows: { ...info.rows },
        requests: log.at.length,
        requestsByResource: Object.fromEntries(log.byResource),
        status429,
        status429ByResource: Object.fromEntries(log.rejectedByResource),
        creditsByResource: Object.fromEntries(log.creditsByResource),
        ...(input.rateLimit
          ? {
              budget: budgetUse(log, input.rateLimit.requestsPerMinute, 60_000 / input.rateLimit.timeScale),
            }
          : {}),
        earlierRunsMs,
        memory: peaks,
      };
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

serveMeasurement(measure);
