/** How big each benchmark runs. `full` is what `npm run bench` measures; `smoke` proves the code in tests. */
export interface Sizes {
  /** Records normalized, each size in its own process. The last two are compared for flat memory. */
  readonly normalize: readonly number[];
  /**
   * Processes per normalize size: its rate is the fastest one's. On a shared machine other load only ever
   * slows a run down, so the fastest of a few is the nearest to what the code itself costs.
   */
  readonly normalizeRounds: number;
  readonly load: { readonly records: number; readonly rounds: number };
  /** Tickets, with their conversations, for the unthrottled end-to-end run. */
  readonly endToEnd: number;
  /**
   * Tickets only (one request per 100 tickets, so 1M stays minutes long), end to end, each size in its own
   * process: the last two are compared for flat memory.
   */
  readonly endToEndMemory: readonly number[];
  /**
   * When set, the memory runs are repeated with this DuckDB `memory_limit`, to show how much of the peak is
   * DuckDB's (the destination's default is 512MB).
   */
  readonly duckdbMemoryLimit?: string;
  readonly rateLimited: {
    readonly tickets: number;
    readonly requestsPerMinute: number;
    readonly timeScale: number;
  };
  readonly incremental: { readonly tickets: number };
  readonly pages: {
    readonly tickets: number;
    readonly pages: number;
    readonly durationMs: number;
    readonly connections: number;
  };
}

export const FULL: Sizes = {
  normalize: [10_000, 100_000, 1_000_000],
  normalizeRounds: 3,
  load: { records: 100_000, rounds: 2 },
  endToEnd: 100_000,
  // 1M tickets are about 10,000 ticket pages, re-windowed past the 300-page cap every 30,000 tickets.
  endToEndMemory: [100_000, 1_000_000],
  // 400 requests per simulated minute (the Pro plan) with a minute of 2 s: 200 requests/s for about 20 s.
  rateLimited: { tickets: 4_000, requestsPerMinute: 400, timeScale: 30 },
  incremental: { tickets: 2_000 },
  pages: { tickets: 100_000, pages: 300, durationMs: 5_000, connections: 8 },
};

export const SMOKE: Sizes = {
  normalize: [200, 500],
  normalizeRounds: 2,
  load: { records: 300, rounds: 1 },
  endToEnd: 40,
  endToEndMemory: [100, 300],
  duckdbMemoryLimit: '128MB',
  rateLimited: { tickets: 30, requestsPerMinute: 600, timeScale: 60 },
  incremental: { tickets: 30 },
  pages: { tickets: 500, pages: 5, durationMs: 200, connections: 2 },
};
