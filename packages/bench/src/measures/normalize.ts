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
  readonly normalizeWallMs: number;
  readonly normalizeCpuMs: number;
  readonly extractWallMs: number;
}

async function measure(input: NormalizeInput): Promise<NormalizeResult> {
  const dir = await mkdtemp(join(tmpdir(), 'sluice-bench-normalize-'));
  try {
    let inputBytes = 0;
    const tickets = resource(
      function* () {
        for (const page of ticketPages(input.records)) {
          // Counted as the API would have sent it; this cost falls in extraction, not in normalization.
          inputBytes += Buffer.byteLength(JSON.stringify(page));
          yield page;
        }
      },
      { name: 'tickets', primaryKey: 'id', writeDisposition: 'merge' },
    );
    const tally = emptyTally();
    const normalize = phaseTimer('package_extracted', 'package_normalized');
    const extract = phaseTimer('resource_started', 'package_extracted');
    const pipeline = createPipeline({
      name: 'bench_normalize',
      destination: sinkDestination(tally),
      workingDir: join(dir, 'work'),
      onEvent: (event) => {
        normalize.onEvent(event);
        extract.onEvent(event);
      },
    });
    await pipeline.run([tickets]);
    if (tally.tables.tickets !== input.records) {
      throw new Error(`normalized ${tally.tables.tickets} ticket rows, expected ${input.records}`);
    }
    return {
      records: input.records,
      inputBytes,
      outputBytes: tally.bytes,
      rowsOut: tally.rows,
      tables: tally.tables,
      normalizeWallMs: normalize.timing.wallMs,
      normalizeCpuMs: normalize.timing.cpuMs,
      extractWallMs: extract.timing.wallMs,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

serveMeasurement(measure);
