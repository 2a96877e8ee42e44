import { type ChildReport, type RunChildOptions, runChild } from './harness/child.js';
import type { PhaseMemory } from './harness/memory-sampler.js';
import { startSimulatorProcess } from './harness/simulator-process.js';
import type { LoadInput, LoadResult } from './measures/load.js';
import type { NormalizeInput, NormalizeResult } from './measures/normalize.js';
import type { PagesInput, PagesResult, Rate } from './measures/pages.js';
import type { SyncRunInput, SyncRunResult } from './measures/sync-run.js';
import { type Figure, figure, unmeasured } from './report/figure.js';
import { formatNumber } from './report/markdown.js';
import type { Sizes } from './sizes.js';

export const BENCHMARKS = [
  'normalize',
  'load',
  'e2e',
  'e2e-memory',
  'rate-limit',
  'incremental',
  'pages',
] as const;
export type Benchmark = (typeof BENCHMARKS)[number];

export interface SuiteOptions {
  readonly sizes: Sizes;
  /** Which benchmarks to run; default all. */
  readonly only?: readonly Benchmark[];
  /** CPU-profile every measurement child into this folder. */
  readonly cpuProfileDir?: string;
  readonly heapProfileDir?: string;
  /** Progress lines (to stderr in the CLI). */
  readonly log?: (line: string) => void;
}

/** Everything measured: the figures, and the raw results they came from. */
export interface SuiteResult {
  readonly figures: Figure[];
  readonly raw: Record<string, unknown>;
}

const MB = 1e6;
const PEAK_RSS_GROWTH = 1.5;
/** Goal of issue 4: records normalized per second per core. */
const NORMALIZE_GOAL = 100_000;
/** The smallest run the normalization goal applies to (see the figure). */
const NORMALIZE_GOAL_FROM = 100_000;
const LOAD_RATIO_GOAL = 0.7;
const BUDGET_SHARE_GOAL = 0.95;
const SIMULATOR_PAGES_GOAL = 2_000;
/** One simulator seed and clock for every run, so that data (and so numbers) repeat. */
const SIMULATOR_BASE = { seed: 'bench', now: '2025-06-01T00:00:00Z' } as const;

const perSecond = (count: number, ms: number) => (ms > 0 ? (count * 1000) / ms : 0);
const mb = (bytes: number) => bytes / MB;
const sum = (values: Record<string, number>) => Object.values(values).reduce((s, n) => s + n, 0);
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const k = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));

function describe(counts: Record<string, number>): string {
  const entries = Object.entries(counts);
  return entries.length === 0 ? 'none' : entries.map(([key, n]) => `${key} ${formatNumber(n)}`).join(', ');
}

function describeMemory(memory: Record<string, PhaseMemory>): string {
  return Object.entries(memory)
    .map(([phase, m]) => `${phase} ${formatNumber(mb(m.rss))} MB (JS heap ${formatNumber(mb(m.heapUsed))})`)
    .join(', ');
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}

export async function runSuite(options: SuiteOptions): Promise<SuiteResult> {
  const { sizes } = options;
  const log = options.log ?? (() => {});
  const only = new Set<Benchmark>(options.only ?? BENCHMARKS);
  const childOptions: RunChildOptions = {
    // Generous: the largest measurement takes a few minutes; a hang must not stall the suite for ever.
    timeoutMs: 20 * 60_000,
    ...(options.cpuProfileDir ? { cpuProfileDir: options.cpuProfileDir } : {}),
    ...(options.heapProfileDir ? { heapProfileDir: options.heapProfileDir } : {}),
  };
  const figures: Figure[] = [];
  const raw: Record<string, unknown> = {};

  /** Runs one benchmark; a failure becomes an error row instead of ending the suite. */
  const attempt = async (name: Benchmark, section: number, body: () => Promise<void>) => {
    if (!only.has(name)) return;
    log(`bench: ${name}…`);
    const started = performance.now();
    try {
      await body();
    } catch (error) {
      figures.push(unmeasured({ id: `${name}.error`, section, name, unit: '' }, 'error', errorText(error)));
      raw[`${name}.error`] = error instanceof Error ? (error.stack ?? error.message) : String(error);
    }
    log(`bench: ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };

  // 1 and 6: normalization, one process per size and round so each peak RSS is its own. The rounds take
  // turns over the sizes, so that a slow spell of the machine does not fall on every round of one size.
  await attempt('normalize', 1, async () => {
    const rounds = new Map(sizes.normalize.map((records) => [records, [] as ChildReport<NormalizeResult>[]]));
    for (let round = 0; round < sizes.normalizeRounds; round++) {
      for (const [records, reports] of rounds) {
        reports.push(
          await runChild<NormalizeInput, NormalizeResult>('measures/normalize', { records }, childOptions),
        );
      }
    }
    const rss: number[] = [];
    for (const [records, reports] of rounds) {
      const fastest = reports.reduce((a, b) => (b.result.normalizeMs < a.result.normalizeMs ? b : a));
      const r = fastest.result;
      const rates = reports.map((x) => perSecond(records, x.result.normalizeMs));
      // memory is not a matter of luck: the largest peak of the rounds
      const peakRss = Math.max(...reports.map((x) => x.peakRssBytes));
      raw[`normalize.${records}`] = { ...fastest, rounds: reports };
      rss.push(peakRss);
      const size = k(records);
      const roundsNote =
        reports.length > 1
          ? `fastest of ${reports.length} rounds, each its own process (${rates.map((v) => formatNumber(v)).join(', ')} rec/s; median ${formatNumber(median(rates))})`
          : '';
      const firstNote =
        records === sizes.normalize[0]
          ? `${formatNumber(r.rowsOut)} rows into ${Object.keys(r.tables).length} tables; input is the API JSON of the tickets${records < NORMALIZE_GOAL_FROM ? `; below ${formatNumber(NORMALIZE_GOAL_FROM)} records JIT warm-up dominates, so the goal applies from there` : ''}`
          : '';
      const note = [firstNote, roundsNote].filter((n) => n !== '').join('; ');
      figures.push(
        figure({
          id: `normalize.${records}.records_per_s`,
          section: 1,
          name: `normalize ${size} tickets: records per second of normalization (one core)`,
          value: perSecond(records, r.normalizeMs),
          unit: 'rec/s',
          // a rate is a property of a sustained run: below NORMALIZE_GOAL_FROM records JIT warm-up dominates
          ...(records >= NORMALIZE_GOAL_FROM ? { goal: { op: '>=' as const, value: NORMALIZE_GOAL } } : {}),
          note: note === '' ? undefined : `${note}.`,
        }),
        figure({
          id: `normalize.${records}.mb_per_s`,
          section: 1,
          name: `normalize ${size} tickets: input MB/s (out MB/s) per second of normalization`,
          value: mb(r.inputBytes) / (r.normalizeMs / 1000),
          unit: `MB/s (${formatNumber(mb(r.outputBytes) / (r.normalizeMs / 1000))})`,
        }),
        figure({
          id: `normalize.${records}.extract_normalize_per_cpu_s`,
          section: 1,
          name: `extract + normalize ${size} tickets: records per CPU-second (whole process: page parse and raw copy included)`,
          value: perSecond(records, r.extractNormalizeCpuMs),
          unit: 'rec/s',
        }),
        figure({
          id: `normalize.${records}.peak_rss_mb`,
          section: 1,
          name: `normalize ${size} tickets: peak RSS (extract + normalize${reports.length > 1 ? ', largest of the rounds' : ''})`,
          value: mb(peakRss),
          unit: 'MB',
        }),
      );
    }
    const [small, large] = [rss.at(-2), rss.at(-1)];
    const [smallN, largeN] = [sizes.normalize.at(-2), sizes.normalize.at(-1)];
    if (small && large && smallN && largeN) {
      figures.push(
        figure({
          id: 'memory.normalize.rss_growth',
          section: 6,
          name: `flat memory, normalize: peak RSS ${k(largeN)} ÷ ${k(smallN)}`,
          value: large / small,
          unit: '×',
          goal: { op: '<=', value: PEAK_RSS_GROWTH },
          limit: `${formatNumber(mb(small))} MB at ${k(smallN)}`,
        }),
      );
    }
  });

  // 2: the destination's load beside DuckDB's own read_json of the same files.
  await attempt('load', 2, async () => {
    const report = await runChild<LoadInput, LoadResult>('measures/load', sizes.load, childOptions);
    const r = report.result;
    raw.load = report;
    const destination = perSecond(r.rows, r.destinationMs);
    const plain = perSecond(r.rows, r.readJsonMs);
    figures.push(
      figure({
        id: 'load.destination_rows_per_s',
        section: 2,
        name: `load ${k(r.records)} tickets (${formatNumber(r.rows)} rows, ${r.tables} tables): destination-duckdb`,
        value: destination,
        unit: 'rows/s',
        limit: `read_json ${formatNumber(plain)} rows/s`,
      }),
      figure({
        id: 'load.ratio_to_read_json',
        section: 2,
        name: 'load: destination-duckdb ÷ DuckDB read_json, same files',
        value: destination / plain,
        unit: '×',
        goal: { op: '>=', value: LOAD_RATIO_GOAL },
        note: `best of ${sizes.load.rounds} alternating rounds; read_json is CREATE TABLE AS SELECT * FROM read_json(files) per table in one transaction; the destination's time is its whole loadPackage (migration, data, state, commit).`,
      }),
    );
  });

  /** One unthrottled sync of `resources` against a fresh simulator of `tickets` tickets. */
  const syncOnce = async (
    tickets: number,
    resources: readonly string[],
    duckdbConfig?: Readonly<Record<string, string>>,
  ) => {
    const sim = await startSimulatorProcess({ ...SIMULATOR_BASE, tickets, rateLimit: false });
    try {
      return await runChild<SyncRunInput, SyncRunResult>(
        'measures/sync-run',
        {
          baseUrl: sim.baseUrl,
          apiKey: sim.apiKey,
          resources,
          runs: 1,
          ...(duckdbConfig ? { duckdbConfig } : {}),
        },
        childOptions,
      );
    } finally {
      await sim.stop();
    }
  };

  // 3: end to end, unthrottled, tickets with their conversations.
  await attempt('e2e', 3, async () => {
    const tickets = sizes.endToEnd;
    const report = await syncOnce(tickets, ['tickets', 'conversations']);
    const r = report.result;
    raw.e2e = report;
    const records = sum(r.extracted);
    figures.push(
      figure({
        id: 'e2e.records_per_s',
        section: 3,
        name: `end to end ${k(tickets)} tickets + conversations, limits off: records/s`,
        value: perSecond(records, r.wallMs),
        unit: 'rec/s',
        limit: `${formatNumber(r.requests)} requests at ${formatNumber(perSecond(r.requests, r.wallMs))}/s`,
        note: `${formatNumber(records)} records (${Object.entries(r.extracted)
          .map(([name, n]) => `${name} ${formatNumber(n)}`)
          .join(', ')}), ${formatNumber(sum(r.rows))} rows loaded in ${formatNumber(r.wallMs / 1000)} s.`,
      }),
      figure({
        id: 'e2e.peak_rss_mb',
        section: 3,
        name: `end to end ${k(tickets)} tickets + conversations: peak RSS of the sync process`,
        value: mb(report.peakRssBytes),
        unit: 'MB',
        note: `peak RSS by phase (sampled): ${describeMemory(r.memory)}.`,
      }),
    );
  });

  // 6: flat memory end to end, tickets only, one process per size; then again with a DuckDB memory limit.
  await attempt('e2e-memory', 6, async () => {
    const variants: { key: string; label: string; config: Record<string, string> | undefined }[] = [
      { key: 'default', label: '', config: undefined },
    ];
    if (sizes.duckdbMemoryLimit !== undefined) {
      variants.push({
        key: 'limited',
        label: `, DuckDB memory_limit ${sizes.duckdbMemoryLimit}`,
        config: { memory_limit: sizes.duckdbMemoryLimit },
      });
    }
    for (const variant of variants) {
      const rss: number[] = [];
      for (const tickets of sizes.endToEndMemory) {
        const report = await syncOnce(tickets, ['tickets'], variant.config);
        const r = report.result;
        raw[`e2eMemory.${variant.key}.${tickets}`] = report;
        rss.push(report.peakRssBytes);
        const loadPeak = r.memory.load?.rss ?? 0;
        const heapPeak = Math.max(...Object.values(r.memory).map((m) => m.heapUsed));
        figures.push(
          figure({
            id: `e2e_memory.${variant.key}.${tickets}.peak_rss_mb`,
            section: 6,
            name: `end to end ${k(tickets)} tickets (no conversations${variant.label}): peak RSS`,
            value: mb(report.peakRssBytes),
            unit: 'MB',
            limit: `JS heap ≤ ${formatNumber(mb(heapPeak))} MB; ${formatNumber(perSecond(sum(r.extracted), r.wallMs))} tickets/s`,
            note:
              variant.key === 'default' && tickets === sizes.endToEndMemory.at(-1)
                ? `peak RSS by phase (sampled): ${Object.entries(r.memory)
                    .map(
                      ([phase, m]) =>
                        `${phase} ${formatNumber(mb(m.rss))} MB (heap ${formatNumber(mb(m.heapUsed))})`,
                    )
                    .join(
                      ', ',
                    )}; the load phase (${formatNumber(mb(loadPeak))} MB) is DuckDB's native memory.`
                : undefined,
          }),
        );
      }
      const [small, large] = [rss.at(-2), rss.at(-1)];
      const [smallN, largeN] = [sizes.endToEndMemory.at(-2), sizes.endToEndMemory.at(-1)];
      if (small && large && smallN && largeN) {
        figures.push(
          figure({
            id: `memory.e2e.${variant.key}.rss_growth`,
            section: 6,
            name: `flat memory, end to end${variant.label}: peak RSS ${k(largeN)} ÷ ${k(smallN)} tickets`,
            value: large / small,
            unit: '×',
            goal: { op: '<=', value: PEAK_RSS_GROWTH },
            limit: `${formatNumber(mb(small))} MB at ${k(smallN)}`,
          }),
        );
      }
    }
  });

  // 3: end to end under a time-scaled rate limit: budget use and 429s.
  await attempt('rate-limit', 3, async () => {
    const { tickets, requestsPerMinute, timeScale } = sizes.rateLimited;
    const sim = await startSimulatorProcess({
      ...SIMULATOR_BASE,
      tickets,
      plan: 'pro',
      requestsPerMinute,
      timeScale,
    });
    let report: Awaited<ReturnType<typeof runChild<SyncRunInput, SyncRunResult>>>;
    try {
      report = await runChild<SyncRunInput, SyncRunResult>(
        'measures/sync-run',
        {
          baseUrl: sim.baseUrl,
          apiKey: sim.apiKey,
          resources: ['tickets', 'conversations'],
          runs: 1,
          rateLimit: { requestsPerMinute, timeScale },
        },
        childOptions,
      );
    } finally {
      await sim.stop();
    }
    raw.rateLimited = report;
    const budget = report.result.budget;
    if (!budget) throw new Error('the rate-limited run reported no budget use');
    const setting = `${requestsPerMinute}/min, a minute lasting ${formatNumber(60 / timeScale)} s`;
    figures.push(
      figure({
        id: 'rate_limit.budget_share',
        section: 3,
        name: `rate limit on (${setting}): share of the budget used, steady state`,
        value: budget.share,
        unit: '',
        goal: { op: '>=', value: BUDGET_SHARE_GOAL },
        note: `${formatNumber(budget.requests)} requests over ${formatNumber(report.result.wallMs / 1000)} s; steady state = the run without its first and last simulated minute (${formatNumber(budget.steadyMinutes)} minutes); credits as charged by the simulator (X-RateLimit-Used-CurrentRequest).`,
      }),
      figure({
        id: 'rate_limit.steady_429',
        section: 3,
        name: 'rate limit on: 429 responses in steady state',
        value: budget.steady429,
        unit: '',
        goal: { op: '<=', value: 0 },
        limit: `${budget.total429} over the whole run`,
        note: `429s by resource: ${describe(report.result.status429ByResource)}; credits per granted request: ${Object.entries(
          report.result.creditsByResource,
        )
          .map(([name, credits]) => {
            const granted =
              (report.result.requestsByResource[name] ?? 0) - (report.result.status429ByResource[name] ?? 0);
            return `${name} ${formatNumber(granted > 0 ? credits / granted : 0)}`;
          })
          .join(', ')}.`,
      }),
    );
  });

  // 4: a second run with nothing changed.
  await attempt('incremental', 4, async () => {
    const { tickets } = sizes.incremental;
    const sim = await startSimulatorProcess({ ...SIMULATOR_BASE, tickets, rateLimit: false });
    let report: Awaited<ReturnType<typeof runChild<SyncRunInput, SyncRunResult>>>;
    try {
      report = await runChild<SyncRunInput, SyncRunResult>(
        'measures/sync-run',
        { baseUrl: sim.baseUrl, apiKey: sim.apiKey, runs: 2 },
        childOptions,
      );
    } finally {
      await sim.stop();
    }
    raw.incremental = report;
    figures.push(...incrementalFigures(report.result, tickets));
  });

  // 5: pages per second, the client beside the raw serving rate of the simulator.
  await attempt('pages', 5, async () => {
    const { tickets, ...input } = sizes.pages;
    const sim = await startSimulatorProcess({ ...SIMULATOR_BASE, tickets, rateLimit: false });
    let report: Awaited<ReturnType<typeof runChild<PagesInput, PagesResult>>>;
    try {
      report = await runChild<PagesInput, PagesResult>(
        'measures/pages',
        { baseUrl: sim.baseUrl, apiKey: sim.apiKey, ...input },
        childOptions,
      );
    } finally {
      await sim.stop();
    }
    raw.pages = report;
    const r = report.result;
    const rate = (x: Rate) => perSecond(x.pages, x.ms);
    const warm = rate(r.rawWarm);
    figures.push(
      figure({
        id: 'pages.simulator_warm',
        section: 5,
        name: `simulator serving pages of 100 tickets (${input.connections} raw keep-alive connections, repeated reads)`,
        value: warm,
        unit: `pages/s (${formatNumber(mb(r.rawWarm.bytes ?? 0) / (r.rawWarm.ms / 1000))} MB/s)`,
        goal: { op: '>=', value: SIMULATOR_PAGES_GOAL },
        note: 'the load generator runs in its own process beside the simulator on the same 2 cores; bodies are read, not parsed.',
      }),
      figure({
        id: 'pages.simulator_cold',
        section: 5,
        name: `simulator, first read of ${input.pages} pages (records generated and encoded)`,
        value: rate(r.rawCold),
        unit: 'pages/s',
      }),
      figure({
        id: 'pages.client_concurrent',
        section: 5,
        name: `freshdesk-client, ${input.connections} concurrent GET /tickets pages`,
        value: rate(r.clientConcurrent),
        unit: 'pages/s',
        limit: `raw ${formatNumber(warm)} pages/s`,
      }),
      figure({
        id: 'pages.client_sequential',
        section: 5,
        name: 'freshdesk-client, paginatePages (one page after the other, by Link)',
        value: rate(r.clientSequential),
        unit: 'pages/s',
        limit: `raw ${formatNumber(warm)} pages/s`,
      }),
    );
  });

  return { figures, raw };
}

/**
 * A run right after a full run, with nothing changed: every incremental resource should ask once per list
 * view it reads; ticket children (one list per changed ticket) should not be read at all.
 */
function incrementalFigures(r: SyncRunResult, tickets: number): Figure[] {
  const figures: Figure[] = [];
  const by = r.requestsByResource;
  const views = (name: string) =>
    Object.entries(by).filter(([key]) => key === name || key.startsWith(`${name} (`));
  for (const name of ['tickets', 'contacts', 'satisfaction_ratings']) {
    const list = views(name);
    const total = list.reduce((s, [, n]) => s + n, 0);
    figures.push(
      figure({
        id: `incremental.${name}.requests`,
        section: 4,
        name: `no-change run: requests for ${name}`,
        value: total,
        unit: '',
        goal: { op: '<=', value: Math.max(1, list.length) },
        limit:
          list.length > 1
            ? `1 per list view: ${list.map(([key, n]) => `${key} ${n}`).join(', ')}`
            : undefined,
      }),
    );
  }
  const children = ['conversations', 'time_entries'].reduce((s, name) => s + (by[name] ?? 0), 0);
  figures.push(
    figure({
      id: 'incremental.ticket_children.requests',
      section: 4,
      name: 'no-change run: requests for conversations and time entries',
      value: children,
      unit: '',
      goal: { op: '<=', value: 0 },
    }),
    figure({
      id: 'incremental.total_requests',
      section: 4,
      name: `no-change run over all resources (${k(tickets)} tickets): requests`,
      value: r.requests,
      unit: '',
      limit: `${Object.keys(by).length} list views; first run ${formatNumber(r.earlierRunsMs[0] ?? 0)} ms`,
      note: `requests by resource: ${Object.entries(by)
        .map(([key, n]) => `${key} ${n}`)
        .join(', ')}.`,
    }),
    figure({
      id: 'incremental.wall_ms',
      section: 4,
      name: 'no-change run: wall time',
      value: r.wallMs,
      unit: 'ms',
    }),
  );
  return figures;
}
