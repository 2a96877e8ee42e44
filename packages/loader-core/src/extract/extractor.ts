import type { PipelineEventListener } from '../events.js';
import { IncrementalCursor } from '../incremental/cursor.js';
import { RotatingJsonlWriter } from '../package/jsonl-writer.js';
import type { ExtractedResource } from '../package/manifest.js';
import type { PipelineState, ResourceState } from '../package/types.js';
import {
  type AnyResource,
  asArray,
  type DataRecord,
  type RecordStream,
  type Resource,
  type Transformer,
} from '../resource.js';
import { isMergeKeyScope, type MergeKeyScope, scopeKeyPaths, scopeValues } from './merge-key-scope.js';
import { runPool } from './pool.js';
import { encodeRecord } from './raw-json.js';
import { named, RecordRejected, ResourceError } from './resource-error.js';
import { tableConfig } from './table-config.js';

export interface ExtractOptions {
  /** Folder the raw record files go to. */
  readonly dir: string;
  readonly state: PipelineState | null;
  readonly concurrency: number;
  readonly fileMaxBytes: number;
  readonly signal: AbortSignal;
  readonly onEvent: PipelineEventListener;
  /**
   * Receives the records of each page a resource yields (or each record it yields alone) right after their
   * raw copies are written: normalization while they are still objects, a page at a time so that neither
   * step evicts the other's working set record by record. A promise it returns is awaited before the next
   * page; what it throws fails the extraction as itself (the data's error, not the resource's).
   */
  readonly onRecords?: (resource: string, records: readonly DataRecord[]) => Promise<void> | undefined;
}

export interface ExtractResult {
  readonly resources: ExtractedResource[];
  /** Resource states updated by this extraction. */
  readonly state: Record<string, ResourceState>;
  readonly records: number;
}

const PROGRESS_EVERY = 1000;

/** Orders resources so every transformer's parents are present; listing a transformer runs its parent. */
export function planResources(list: readonly AnyResource[]): { roots: Resource[]; all: AnyResource[] } {
  const all: AnyResource[] = [];
  const add = (r: AnyResource): void => {
    if (all.includes(r)) return;
    if (r.kind === 'transformer') add(r.parent);
    const clash = all.find((x) => x.name === r.name);
    if (clash)
      throw new Error(`Two resources are named "${r.name}": resource names must be unique in a run.`);
    all.push(r);
  };
  for (const r of list) add(r);
  return { roots: all.filter((r): r is Resource => r.kind === 'resource'), all };
}

/** Runs resources (roots in parallel under `concurrency`) and writes their raw records to files. */
export async function extract(list: readonly AnyResource[], options: ExtractOptions): Promise<ExtractResult> {
  const { roots, all } = planResources(list);
  // One failing resource stops the others at their next record.
  const stop = new AbortController();
  const signal = AbortSignal.any([options.signal, stop.signal]);
  const writers = new Map<AnyResource, RotatingJsonlWriter>();
  // Merge key scopes a resource declares (see mergeKeyScope), one file set per resource.
  const scopeWriters = new Map<AnyResource, RotatingJsonlWriter>();
  const counts = new Map<AnyResource, number>();
  all.forEach((r, i) => {
    const stem = String(i).padStart(3, '0');
    writers.set(r, new RotatingJsonlWriter(options.dir, `r${stem}`, options.fileMaxBytes));
    scopeWriters.set(r, new RotatingJsonlWriter(options.dir, `s${stem}`, options.fileMaxBytes));
    counts.set(r, 0);
  });
  const scopePaths = new Map(all.map((r) => [r, scopeKeyPaths(tableConfig(r))] as const));
  const childrenOf = new Map(
    all.map((r) => [r, all.filter((x): x is Transformer => x.kind === 'transformer' && x.parent === r)]),
  );
  const { onRecords } = options;
  const state: Record<string, ResourceState> = {};

  /** Writes a scope's key values (in key-path order); resources that do not merge by a key ignore scopes. */
  const emitScope = async (r: AnyResource, scope: MergeKeyScope): Promise<void> => {
    const paths = scopePaths.get(r) ?? [];
    if (paths.length === 0) return;
    const pending = scopeWriters.get(r)!.write(encodeRecord(scopeValues(scope, paths, r.name)));
    if (pending) await pending;
  };

  /**
   * Records and scope declarations in order: runs of records go out together (see `emitRecords`). With a
   * cursor, the records it skips are left out and the items end where it stops; returns true when it stopped.
   */
  const emitItems = async (
    r: AnyResource,
    items: Iterable<DataRecord>,
    cursor: IncrementalCursor | null = null,
  ): Promise<boolean> => {
    let batch: DataRecord[] = [];
    let stopped = false;
    for (const item of items) {
      if (isMergeKeyScope(item)) {
        if (batch.length > 0) await emitRecords(r, batch);
        batch = [];
        await emitScope(r, item);
        continue;
      }
      const decision = cursor ? cursor.decide(item) : 'keep';
      if (decision === 'stop') {
        stopped = true;
        break;
      }
      if (decision !== 'skip') batch.push(item);
    }
    if (batch.length > 0) await emitRecords(r, batch);
    return stopped;
  };

  const emitRecords = async (r: AnyResource, records: readonly DataRecord[]): Promise<void> => {
    const writer = writers.get(r)!;
    for (const record of records) {
      const pending = writer.write(encodeRecord(record));
      if (pending) await pending;
    }
    if (onRecords) {
      let accepted: Promise<void> | undefined;
      try {
        accepted = onRecords(r.name, records);
      } catch (error) {
        throw new RecordRejected(error);
      }
      if (accepted) await accepted;
    }
    const before = counts.get(r) ?? 0;
    const after = before + records.length;
    counts.set(r, after);
    for (
      let n = (Math.floor(before / PROGRESS_EVERY) + 1) * PROGRESS_EVERY;
      n <= after;
      n += PROGRESS_EVERY
    ) {
      options.onEvent({ type: 'rows_extracted', resource: r.name, rows: n });
    }
    const children = childrenOf.get(r)!;
    if (children.length === 0) return;
    for (const record of records) for (const child of children) await dispatch(child, record);
  };

  // Transformers with `concurrency` > 1 keep up to that many calls in flight while their parent streams on.
  const inflight = new Map<Transformer, Set<Promise<void>>>();
  const dispatch = async (t: Transformer, record: DataRecord): Promise<void> => {
    const limit = Math.max(1, Math.floor(t.options.concurrency ?? 1));
    if (limit === 1) return runTransformer(t, record);
    let running = inflight.get(t);
    if (!running) {
      running = new Set();
      inflight.set(t, running);
    }
    while (running.size >= limit) await Promise.race(running);
    const task: Promise<void> = runTransformer(t, record).finally(() => running.delete(task));
    // failures surface through race() above or drain() below
    task.catch(() => {});
    running.add(task);
  };
  /** Waits for the in-flight calls of a resource's transformers, parents before children. */
  const drain = async (r: AnyResource): Promise<void> => {
    for (const t of descendants(r, all)) {
      const running = inflight.get(t);
      while (running && running.size > 0) await Promise.all(running);
    }
  };

  const runTransformer = (t: Transformer, parent: DataRecord): Promise<void> =>
    named(t.name, () => transformOne(t, parent));

  const transformOne = async (t: Transformer, parent: DataRecord): Promise<void> => {
    const produced = await t.transform(parent, { signal });
    if (produced === undefined || produced === null) return;
    if (isStream(produced)) {
      for await (const item of produced as AsyncIterable<DataRecord | readonly DataRecord[]>) {
        await emitItems(t, recordsOf(item, t.name));
      }
      return;
    }
    // a page (an array: no stream) or one record
    await emitItems(t, recordsOf(produced as DataRecord | readonly DataRecord[], t.name));
  };

  const runRoot = async (r: Resource): Promise<void> => {
    options.onEvent({ type: 'resource_started', resource: r.name });
    const stored = options.state?.resources[r.name] ?? {};
    // The resource may keep free-form state between runs: it is committed with this run's data.
    const resourceState: Record<string, unknown> = structuredClone({ ...stored });
    delete resourceState.incremental;
    const cursor = r.options.incremental
      ? new IncrementalCursor(r.options.incremental, asArray(r.options.primaryKey), stored.incremental)
      : null;
    const stream =
      typeof r.source === 'function'
        ? await r.source({
            ...(cursor ? { incremental: cursor.context } : {}),
            state: resourceState,
            signal,
          })
        : r.source;
    for await (const item of stream as AsyncIterable<DataRecord | readonly DataRecord[]>) {
      signal.throwIfAborted();
      if (await emitItems(r, recordsOf(item, r.name), cursor)) break;
    }
    await drain(r);
    const incremental = cursor && !cursor.bounded ? cursor.state() : stored.incremental;
    state[r.name] = incremental ? { ...resourceState, incremental } : resourceState;
    options.onEvent({ type: 'rows_extracted', resource: r.name, rows: counts.get(r) ?? 0 });
    for (const x of [r, ...descendants(r, all)]) {
      options.onEvent({ type: 'resource_completed', resource: x.name, rows: counts.get(x) ?? 0 });
    }
  };

  try {
    await runPool(
      roots,
      Math.max(1, options.concurrency),
      (r) => named(r.name, () => runRoot(r)),
      (error) => stop.abort(error),
    );
  } catch (error) {
    // Release file handles; the next run clears the half-written package.
    await Promise.allSettled([...writers.values(), ...scopeWriters.values()].map((w) => w.close()));
    throw error instanceof RecordRejected ? error.error : error;
  }

  const resources: ExtractedResource[] = [];
  for (const r of all) {
    const files = await writers.get(r)!.close();
    const scopes = await scopeWriters.get(r)!.close();
    resources.push({
      config: tableConfig(r),
      files: files.map((f) => f.name),
      records: counts.get(r) ?? 0,
      ...(scopes.length > 0 ? { scopeFiles: scopes.map((f) => f.name) } : {}),
    });
  }
  let records = 0;
  for (const n of counts.values()) records += n;
  return { resources, state, records };
}

function descendants(r: AnyResource, all: readonly AnyResource[]): Transformer[] {
  const out: Transformer[] = [];
  for (const x of all) if (x.kind === 'transformer' && x.parent === r) out.push(x, ...descendants(x, all));
  return out;
}

function isStream(value: unknown): value is RecordStream {
  return (
    value !== null &&
    typeof value === 'object' &&
    (Symbol.asyncIterator in value || (Symbol.iterator in value && !Array.isArray(value)))
  );
}

function* recordsOf(item: DataRecord | readonly DataRecord[], resource: string): Iterable<DataRecord> {
  if (Array.isArray(item)) {
    for (const r of item as readonly DataRecord[]) yield assertRecord(r, resource);
  } else {
    yield assertRecord(item, resource);
  }
}

function assertRecord(value: unknown, resource: string): DataRecord {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ResourceError(
      resource,
      `Resource "${resource}" yielded ${value === null ? 'null' : typeof value} where a record (object) or a page ` +
        '(array of records) was expected. Wrap scalar values in an object, e.g. { value }.',
      undefined,
    );
  }
  return value as DataRecord;
}
