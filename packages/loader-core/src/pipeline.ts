import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Destination, DestinationClient } from './destination/types.js';
import { fromDestinationEvent, type PipelineEvent, type PipelineEventListener } from './events.js';
import { extract, planResources } from './extract/extractor.js';
import { tableConfig } from './extract/table-config.js';
import { normalizePackage } from './normalize/package.js';
import { PackageNormalizer, type PackageNormalizerOptions } from './normalize/package-normalizer.js';
import { DEFAULT_FILE_MAX_BYTES } from './package/jsonl-writer.js';
import { acquireRunLock } from './package/lock.js';
import {
  EXTRACTED_DIR,
  type ExtractManifest,
  MANIFEST_FILE,
  NORMALIZED_MANIFEST_FILE,
  type NormalizedFile,
  type NormalizedManifest,
} from './package/manifest.js';
import {
  newLoadId,
  type PackageState,
  PackageStorage,
  type PendingPackage,
  readJson,
  writeJsonAtomic,
} from './package/storage.js';
import type { NormalizedPackage, PipelineState } from './package/types.js';
import type { AnyResource } from './resource.js';
import { normalizeName } from './schema/naming.js';
import type { DataType, Schema } from './schema/types.js';

export interface PipelineOptions {
  /** Names the pipeline: its state, its schema and its working folder. */
  readonly name: string;
  /** Dataset (schema) in the destination; normalized to a valid identifier. Defaults to the pipeline name. */
  readonly dataset?: string;
  readonly destination: Destination;
  /** Where load packages live. Default `.sluice/<name>` under the current directory. */
  readonly workingDir?: string;
  /** Root resources extracted at once. Default 4. */
  readonly concurrency?: number;
  /** Size bound of one data file before rotation. Default 64 MiB. */
  readonly fileMaxBytes?: number;
  /** Keep loaded packages under `<workingDir>/loaded` instead of deleting them. Default false. */
  readonly keepLoadedPackages?: boolean;
  /**
   * Receives progress events, synchronously at the point they happen. An exception it throws is caught and
   * reported once per run with `console.warn`: a progress renderer bug never aborts a load.
   */
  readonly onEvent?: PipelineEventListener;
  /**
   * TEST ONLY, not part of the supported API: the run throws a `SimulatedCrashError` right after emitting the
   * first event of this type, leaving its packages where a process killed at that point would leave them.
   */
  readonly __testCrashAt?: PipelineEvent['type'];
}

/** Thrown by the test-only `__testCrashAt` pipeline option. */
export class SimulatedCrashError extends Error {
  override readonly name = 'SimulatedCrashError';
}

export interface RunOptions {
  readonly signal?: AbortSignal;
}

export interface NewColumn {
  readonly table: string;
  readonly column: string;
  readonly dataType: DataType;
}

export interface PackageInfo {
  readonly loadId: string;
  /** The package was left pending by an earlier run and finished by this one. */
  readonly resumed: boolean;
  /** The destination had already committed it (crash after commit): it was not loaded again. */
  readonly alreadyLoaded: boolean;
  readonly rows: Readonly<Record<string, number>>;
  readonly newTables: readonly string[];
  readonly newColumns: readonly NewColumn[];
  readonly discardedRows: Readonly<Record<string, number>>;
  readonly schemaVersion: number;
  readonly durations: { readonly extractMs: number; readonly normalizeMs: number; readonly loadMs: number };
}

export interface LoadInfo {
  readonly pipelineName: string;
  readonly dataset: string;
  /** Packages finished by this run: resumed ones first, then the new one. */
  readonly packages: readonly PackageInfo[];
  /** Rows loaded per table over all packages. */
  readonly rows: Readonly<Record<string, number>>;
  readonly durationMs: number;
}

export interface Pipeline {
  readonly name: string;
  readonly dataset: string;
  readonly workingDir: string;
  /**
   * Finishes pending packages, then extracts, normalizes and loads the resources. With no resources it only
   * finishes pending packages.
   */
  run(resources: readonly AnyResource[], options?: RunOptions): Promise<LoadInfo>;
  /** Packages on disk that a run has not finished yet, oldest first. */
  pendingPackages(): Promise<readonly { readonly loadId: string; readonly state: PackageState }[]>;
  /**
   * Deletes pending packages that cannot be loaded (e.g. a destination that keeps rejecting them). Their
   * state was never committed, so the next run extracts their data again. Returns the load ids removed.
   */
  dropPendingPackages(): Promise<readonly string[]>;
}

export function createPipeline(options: PipelineOptions): Pipeline {
  if (!options.name) throw new TypeError('createPipeline needs a `name`.');
  const dataset = normalizeName(options.dataset ?? options.name);
  // The name may hold any characters: the default folder uses its normalized form.
  const workingDir = resolve(options.workingDir ?? join('.sluice', normalizeName(options.name)));
  const storage = new PackageStorage(workingDir);
  const emit = isolatedEmitter(options);
  const fileMaxBytes = options.fileMaxBytes ?? DEFAULT_FILE_MAX_BYTES;
  let running = false;

  const run = async (resources: readonly AnyResource[], runOptions: RunOptions = {}): Promise<LoadInfo> => {
    if (running)
      throw new Error(`Pipeline "${options.name}" is already running: await the current run first.`);
    running = true;
    emit.reset();
    const started = Date.now();
    const signal = runOptions.signal ?? new AbortController().signal;
    const finish = (packages: PackageInfo[]): LoadInfo => {
      const rows: Record<string, number> = {};
      for (const p of packages) for (const [t, n] of Object.entries(p.rows)) rows[t] = (rows[t] ?? 0) + n;
      const durationMs = Date.now() - started;
      emit({ type: 'run_completed', pipelineName: options.name, durationMs });
      return { pipelineName: options.name, dataset, packages, rows, durationMs };
    };
    let release: (() => Promise<void>) | null = null;
    let client: DestinationClient | null = null;
    try {
      await storage.init();
      release = await acquireRunLock(workingDir, options.name);
      client = await options.destination.connect({ dataset, pipelineName: options.name, signal });
      const ctx: RunContext = {
        client,
        storage,
        pipelineName: options.name,
        fileMaxBytes,
        keep: options.keepLoadedPackages ?? false,
        emit,
        schema: (await client.getStoredSchema(options.name))?.schema ?? null,
      };
      const packages: PackageInfo[] = [];
      const pending = await storage.pending();
      emit({ type: 'run_started', pipelineName: options.name, pendingPackages: pending.length });
      for (const p of pending) {
        emit({ type: 'package_resumed', loadId: p.loadId, state: p.state });
        packages.push(await finishPackage(ctx, { ...p, extractMs: 0 }, true));
      }

      if (resources.length === 0) return finish(packages);

      const state = (await client.getState(options.name))?.state ?? null;
      const extracted = await extractPackage(ctx, resources, {
        state,
        concurrency: options.concurrency ?? 4,
        signal,
      });
      packages.push(await finishPackage(ctx, extracted, false));

      return finish(packages);
    } finally {
      running = false;
      try {
        await client?.close();
      } finally {
        await release?.();
      }
    }
  };

  const pendingPackages = async () =>
    (await storage.pending()).map((p) => ({ loadId: p.loadId, state: p.state }));

  const dropPendingPackages = async (): Promise<readonly string[]> => {
    if (running)
      throw new Error(`Pipeline "${options.name}" is running: drop pending packages between runs.`);
    const release = await acquireRunLock(workingDir, options.name);
    try {
      const pending = await storage.pending();
      for (const p of pending) await storage.remove(p.state, p.loadId);
      return pending.map((p) => p.loadId);
    } finally {
      await release();
    }
  };

  return { name: options.name, dataset, workingDir, run, pendingPackages, dropPendingPackages };
}

/**
 * Calls the user's listener, isolating its errors: the first one of a run is reported with console.warn (not as
 * an event, so a broken listener cannot recurse), later ones are dropped. Also fires the test-only crash hook.
 */
function isolatedEmitter(options: PipelineOptions): ((event: PipelineEvent) => void) & { reset(): void } {
  let warned = false;
  let crashArmed = options.__testCrashAt !== undefined;
  const emit = (event: PipelineEvent): void => {
    if (options.onEvent) {
      try {
        options.onEvent(event);
      } catch (error) {
        if (!warned) {
          warned = true;
          const message = error instanceof Error ? error.message : String(error);
          console.warn(
            `sluice: the onEvent listener of pipeline "${options.name}" threw at "${event.type}" (${message}); ` +
              'the run goes on and further listener errors of this run are not reported. Fix the listener.',
          );
        }
      }
    }
    if (crashArmed && event.type === options.__testCrashAt) {
      crashArmed = false;
      throw new SimulatedCrashError(`simulated crash at ${event.type}`);
    }
  };
  return Object.assign(emit, {
    reset: () => {
      warned = false;
      crashArmed = options.__testCrashAt !== undefined;
    },
  });
}

/** A package to drive to loaded, with what its extraction measured (and normalized, when it ran in this process). */
interface PackageToFinish extends PendingPackage {
  readonly extractMs: number;
  readonly normalized?: { readonly manifest: NormalizedManifest; readonly ms: number };
}

/**
 * Extracts the resources into a new package, normalizing each record as it is extracted (still an object: no
 * JSON round trip through the files), and moves the package into `extracted/`. Its raw records stay in the
 * package: if the process dies before the package is marked normalized, the next run normalizes it again
 * from them.
 */
async function extractPackage(
  ctx: RunContext,
  resources: readonly AnyResource[],
  options: {
    readonly state: PipelineState | null;
    readonly concurrency: number;
    readonly signal: AbortSignal;
  },
): Promise<PackageToFinish> {
  const { storage, emit } = ctx;
  const { state } = options;
  const started = performance.now();
  const loadId = newLoadId();
  const temp = await storage.createTemp(loadId);
  await mkdir(join(temp, EXTRACTED_DIR), { recursive: true });
  let normalizer: PackageNormalizer | null = null;
  let committed: { dir: string; records: number; normalized: NormalizedManifest };
  try {
    const opened = await PackageNormalizer.open({
      ...normalizerOptions(ctx, temp, loadId),
      resources: planResources(resources).all.map(tableConfig),
    });
    normalizer = opened;
    const extracted = await extract(resources, {
      dir: join(temp, EXTRACTED_DIR),
      state,
      concurrency: options.concurrency,
      fileMaxBytes: ctx.fileMaxBytes,
      signal: options.signal,
      onEvent: emit,
      onRecords: (resource, records) => opened.records(resource, records),
    });
    const manifest: ExtractManifest = {
      loadId,
      pipelineName: ctx.pipelineName,
      createdAt: new Date().toISOString(),
      resources: extracted.resources,
      // The state this package commits: the stored one with this extraction's changes.
      state: {
        version: (state?.version ?? 0) + 1,
        resources: { ...(state?.resources ?? {}), ...extracted.state },
      },
    };
    const normalized = await opened.finish(manifest);
    await writeJsonAtomic(join(temp, MANIFEST_FILE), manifest);
    await writeJsonAtomic(join(temp, NORMALIZED_MANIFEST_FILE), normalized);
    committed = { dir: await storage.commitTemp(loadId), records: extracted.records, normalized };
  } catch (error) {
    // Nothing of it can be loaded, and its state was not committed: the next run extracts the data again.
    await normalizer?.abort();
    await storage.remove('tmp', loadId);
    throw error;
  }
  emit({ type: 'package_extracted', loadId, records: committed.records });
  const ms = normalizer.elapsedMs;
  return {
    loadId,
    state: 'extracted',
    dir: committed.dir,
    extractMs: Math.max(0, performance.now() - started - ms),
    normalized: { manifest: committed.normalized, ms },
  };
}

function normalizerOptions(
  ctx: RunContext,
  dir: string,
  loadId: string,
): Omit<PackageNormalizerOptions, 'resources'> {
  const { capabilities } = ctx.client;
  return {
    dir,
    loadId,
    storedSchema: ctx.schema,
    schemaName: ctx.pipelineName,
    maxIdentifierLength: capabilities.maxIdentifierLength,
    fileMaxBytes: ctx.fileMaxBytes,
    decimal: capabilities.decimal,
    ...(capabilities.reservedPrefixes ? { reservedPrefixes: capabilities.reservedPrefixes } : {}),
  };
}

interface RunContext {
  readonly client: DestinationClient;
  readonly storage: PackageStorage;
  readonly pipelineName: string;
  readonly fileMaxBytes: number;
  readonly keep: boolean;
  readonly emit: (event: PipelineEvent) => void;
  /** The schema as of the last loaded package. */
  schema: Schema | null;
}

/** Drives one package from its current state to loaded. */
async function finishPackage(ctx: RunContext, pkg: PackageToFinish, resumed: boolean): Promise<PackageInfo> {
  const { storage, client, emit } = ctx;
  const { extractMs } = pkg;
  let state = pkg.state;
  let dir = pkg.dir;
  let normalizeMs = 0;
  /** The manifest when this run normalized the package (else it is read from the package). */
  let normalized: NormalizedManifest | undefined;
  if (state === 'extracted') {
    const t = performance.now();
    if (pkg.normalized) {
      normalized = pkg.normalized.manifest;
    } else {
      const manifest = await readJson<ExtractManifest>(join(dir, MANIFEST_FILE));
      try {
        normalized = await normalizePackage({ ...normalizerOptions(ctx, dir, pkg.loadId), manifest });
      } catch (error) {
        // The data cannot be normalized (e.g. it breaks a frozen contract): keeping the package would block
        // every later run. Nothing of it was loaded and its state was not committed, so the next run extracts
        // the same data again once the cause is fixed.
        await storage.remove('extracted', pkg.loadId);
        throw error;
      }
      await writeJsonAtomic(join(dir, NORMALIZED_MANIFEST_FILE), normalized);
    }
    dir = await storage.move(pkg.loadId, 'extracted', 'normalized');
    state = 'normalized';
    normalizeMs = (pkg.normalized?.ms ?? 0) + performance.now() - t;
    const rows = Object.fromEntries(normalized.tables.map((t) => [t.table, t.rows]));
    emit({
      type: 'package_normalized',
      loadId: pkg.loadId,
      rows,
      schemaChanges: normalized.schemaChanges.length,
    });
  }
  const manifest = normalized ?? (await readJson<NormalizedManifest>(join(dir, NORMALIZED_MANIFEST_FILE)));
  if (state === 'normalized') {
    dir = await storage.move(pkg.loadId, 'normalized', 'loading');
    state = 'loading';
  }
  const t = Date.now();
  const committed = await client.getLoad(pkg.loadId);
  let rows: Record<string, number>;
  if (committed) {
    rows = { ...committed.rows };
  } else {
    const normalized: NormalizedPackage = {
      loadId: manifest.loadId,
      pipelineName: manifest.pipelineName,
      schema: manifest.schema,
      schemaChanges: manifest.schemaChanges,
      state: manifest.state,
      tables: manifest.tables.map((table) => {
        const located = (f: NormalizedFile) => ({ ...f, table: table.table, path: join(dir, f.path) });
        const { mergeKeyScope, ...rest } = table;
        return {
          ...rest,
          files: table.files.map(located),
          ...(mergeKeyScope ? { mergeKeyScope: mergeKeyScope.map(located) } : {}),
        };
      }),
    };
    const result = await client.loadPackage(normalized, (event) => {
      emit(fromDestinationEvent(pkg.loadId, event));
    });
    rows = Object.fromEntries(result.tables.map((r) => [r.table, r.rows]));
  }
  const loadMs = Date.now() - t;
  if (ctx.keep) await storage.move(pkg.loadId, 'loading', 'loaded');
  else await storage.remove('loading', pkg.loadId);
  emit({ type: 'package_loaded', loadId: pkg.loadId, alreadyLoaded: committed !== null });
  ctx.schema = manifest.schema;

  const newTables = manifest.schemaChanges.filter((c) => c.kind === 'create_table').map((c) => c.table.name);
  const newColumns: NewColumn[] = [];
  for (const change of manifest.schemaChanges) {
    if (change.kind !== 'add_columns') continue;
    for (const c of change.columns)
      newColumns.push({ table: change.table, column: c.name, dataType: c.dataType });
  }
  return {
    loadId: pkg.loadId,
    resumed,
    alreadyLoaded: committed !== null,
    rows,
    newTables,
    newColumns,
    discardedRows: manifest.discardedRows,
    schemaVersion: manifest.schema.version,
    durations: { extractMs, normalizeMs, loadMs },
  };
}
