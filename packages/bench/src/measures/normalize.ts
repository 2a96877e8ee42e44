// Child process: normalization of Freshdesk-shaped tickets into load package files (no destination work).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPipeline, resource } from '@sluice/loader-core';
import { ticketPages } from '../data/tickets.js';
import { serveMeasurement } from '../harness/child.js';
import { phaseTimer } from '../harness/phase-timer.js';
import { emptyTally, sinkDestination } from '../harness/sink-destination.js';

export interface NormalizeInput {
  readonly records: number;
}

export interface NormalizeResult {
  readonly records: number;
  /** Size of the records as API JSON. */
  readonly inputBytes: number;
  /** Size of the package files written. */
  readonly outputBytes: number;
  readonly rowsOut: number;
  readonly tables: Record<string, number>;
  /**
   * The pipeline's own measure of its normalization (`PackageInfo.durations.normalizeMs`): the time spent
   * normalizing records on the main thread, while they were extracted, and completing the package.
   */
  readonly normalizeMs: number;
  /** Extraction without its normalization (`durations.extractMs`): the pages' JSON.parse, the raw copy. */
  readonly extractMs: number;
  /** Wall and whole-process CPU from the first resource started to the package normalized. */
  readonly extractNormalizeWallMs: number;
  readonly extractNormalizeCpuMs: number;
}

/** Distinct tickets generated (100 pages of 100). */
const POOL_TICKETS = 10_000;

async function measure(input: NormalizeInput): Promise<NormalizeResult> {
  const dir = await mkdtemp(join(tmpdir(), 'sluice-bench-normalize-'));
  try {
    // The pages as the API sends them (JSON text), generated once: the source then costs what a client's
    // JSON.parse of each page costs, not the generator's. Beyond POOL_TICKETS they repeat (ids too: the sink
    // destination does not deduplicate, and normalization does the same work for a repeated ticket).
    const pool = [...ticketPages(Math.min(input.records, POOL_TICKETS))].map((page) => JSON.stringify(page));
    let inputBytes = 0;
    const tickets = resource(
      function* () {
        for (let sent = 0, i = 0; sent < input.records; i++) {
          const text = pool[i % pool.length] as string;
          let page = JSON.parse(text) as Record<string, unknown>[];
          if (page.length <= input.records - sent) {
            inputBytes += Buffer.byteLength(text);
          } else {
            // the last page is cut short: the records count is exact
            page = page.slice(0, input.records - sent);
            inputBytes += Buffer.byteLength(JSON.stringify(page));
          }
          sent += page.length;
          yield page;
        }
      },
      { name: 'tickets', primaryKey: 'id', writeDisposition: 'merge' },
    );
    const tally = emptyTally();
    const both = phaseTimer('resource_started', 'package_normalized');
    const pipeline = createPipeline({
      name: 'bench_normalize',
      destination: sinkDestination(tally),
      workingDir: join(dir, 'work'),
      onEvent: both.onEvent,
    });
    const info = await pipeline.run([tickets]);
    const durations = info.packages[0]?.durations;
    if (!durations) throw new Error('the run produced no package');
    if (tally.tables.tickets !== input.records) {
      throw new Error(`normalized ${tally.tables.tickets} ticket rows, expected ${input.records}`);
    }
    return {
      records: input.records,
      inputBytes,
      outputBytes: tally.bytes,
      rowsOut: tally.rows,
      tables: tally.tables,
      normalizeMs: durations.normalizeMs,
      extractMs: durations.extractMs,
      extractNormalizeWallMs: both.timing.wallMs,
      extractNormalizeCpuMs: both.timing.cpuMs,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

serveMeasurement(measure);
