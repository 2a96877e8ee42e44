import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeRecord } from '../extract/raw-json.js';
import { readLines } from '../package/jsonl-reader.js';
import { RotatingJsonlWriter } from '../package/jsonl-writer.js';
import {
  EXTRACTED_DIR,
  type ExtractManifest,
  NORMALIZED_DIR,
  type NormalizedFile,
  type NormalizedManifest,
} from '../package/manifest.js';
import { diffSchemas, orderTables, SchemaBuilder } from '../schema/evolve.js';
import type { Schema } from '../schema/types.js';
import type { DecimalBounds } from './hinted-value.js';
import type { TableConfig } from './options.js';
import { RecordNormalizer, RowIds } from './record.js';

/** Flushes that may be in flight while normalization goes on (CPU and disk overlap); memory stays bounded. */
const MAX_IN_FLIGHT = 8;

export interface PackageNormalizerOptions {
  /** The package folder: `normalized/` is (re)written inside it; scope files are read from `extracted/`. */
  readonly dir: string;
  readonly loadId: string;
  /** The resources' table options, in run order (their root tables are named in this order). */
  readonly resources: readonly TableConfig[];
  /** The schema stored in the destination (or the previous package's), null on a fresh dataset. */
  readonly storedSchema: Schema | null;
  readonly schemaName: string;
  readonly maxIdentifierLength: number;
  readonly fileMaxBytes: number;
  /** The destination's decimal range: integers beyond it are kept as text. Default DECIMAL(38, 9). */
  readonly decimal?: DecimalBounds;
  /** Column name prefixes the destination rejects (see `DestinationCapabilities.reservedPrefixes`). */
  readonly reservedPrefixes?: readonly string[];
}

/**
 * Normalizes the records of one package into per-table JSONL files and the schema they need, one record at a
 * time with bounded write buffers per table. It is fed either while the records are extracted (still objects:
 * no JSON round trip) or from a package's extracted files (a package left pending by a crash).
 */
export class PackageNormalizer {
  readonly #options: PackageNormalizerOptions;
  readonly #out: string;
  readonly #schema: SchemaBuilder;
  readonly #normalizers = new Map<string, RecordNormalizer>();
  readonly #writers = new Map<string, RotatingJsonlWriter>();
  /** Merge key scope rows per root table (see `TableLoad.mergeKeyScope`). */
  readonly #scopeWriters = new Map<string, RotatingJsonlWriter>();
  #pending: Promise<void>[] = [];
  #ms = 0;

  private constructor(options: PackageNormalizerOptions) {
    this.#options = options;
    this.#out = join(options.dir, NORMALIZED_DIR);
    this.#schema = new SchemaBuilder(
      options.schemaName,
      options.storedSchema,
      options.maxIdentifierLength,
      options.reservedPrefixes,
    );
    const ids = new RowIds(options.loadId);
    const sink = (table: string, line: string): void => this.#write(this.#writers, 't', table, line);
    // Created in run order, before any record: root table names do not depend on which resource yields first.
    for (const config of options.resources) {
      this.#normalizers.set(
        config.resource,
        new RecordNormalizer(this.#schema, config, options.loadId, ids, sink, options.decimal),
      );
    }
  }

  /** Starts a package's normalization; files of an earlier attempt (a crash) are removed first. */
  static async open(options: PackageNormalizerOptions): Promise<PackageNormalizer> {
    const out = join(options.dir, NORMALIZED_DIR);
    await rm(out, { recursive: true, force: true });
    await mkdir(out, { recursive: true });
    return new PackageNormalizer(options);
  }

  /** Time spent normalizing so far (this thread's time in `record` and `finish`; writes overlap with it). */
  get elapsedMs(): number {
    return this.#ms;
  }

  /**
   * Normalizes records of `resource`, in order. Returns a promise only when write buffers must drain first:
   * await it before the next records. Throws what the data breaks (a frozen contract, a missing key).
   */
  records(resource: string, records: readonly Record<string, unknown>[]): Promise<void> | undefined {
    const started = performance.now();
    const normalizer = this.#normalizer(resource);
    for (const record of records) normalizer.normalize(record);
    this.#ms += performance.now() - started;
    return this.#pending.length >= MAX_IN_FLIGHT ? this.#drain() : undefined;
  }

  /**
   * Completes the package: the merge key scopes the resources declared (read from the extraction's scope
   * files: a scope row needs its key columns, which exist once the data has been normalized), then the
   * schema and the manifest. The caller writes the manifest.
   */
  async finish(manifest: ExtractManifest): Promise<NormalizedManifest> {
    const started = performance.now();
    const discarded: Record<string, number> = {};
    const resourceTables = new Map<string, string>();
    try {
      for (const extracted of manifest.resources) {
        const normalizer = this.#normalizer(extracted.config.resource);
        const root = normalizer.rootTable;
        if (root) resourceTables.set(extracted.config.resource, root);
        for (const file of extracted.scopeFiles ?? []) {
          for await (const line of readLines(join(this.#options.dir, EXTRACTED_DIR, file))) {
            const row = normalizer.scopeRow(decodeRecord(line) as readonly unknown[]);
            if (row !== null && root) this.#write(this.#scopeWriters, 'k', root, row);
            if (this.#pending.length >= MAX_IN_FLIGHT) await this.#drain();
          }
        }
        this.#schema.alignDisposition(extracted.config.resource, extracted.config.writeDisposition);
        for (const [table, n] of normalizer.discarded) discarded[table] = (discarded[table] ?? 0) + n;
      }
      await this.#drain();
    } catch (error) {
      await this.abort();
      throw error;
    }
    const files = await this.#closeAll(this.#writers);
    const scopes = await this.#closeAll(this.#scopeWriters);
    const hasData = (table: string): boolean => files.has(table) || scopes.has(table);

    const built = this.#schema.build();
    const tables = orderTables(Object.values(built.tables))
      .filter((t) => {
        const config = manifest.resources.find((r) => r.config.resource === t.resource)?.config;
        if (!config) return false;
        if (config.writeDisposition === 'replace') return true;
        // Child tables of merged parents are listed even without rows: their old rows must still be replaced.
        const root = resourceTables.get(t.resource);
        return (
          hasData(t.name) || (config.writeDisposition === 'merge' && root !== undefined && hasData(root))
        );
      })
      .map((t) => {
        const tableFiles = files.get(t.name) ?? [];
        const scope = scopes.get(t.name);
        return {
          table: t.name,
          writeDisposition: t.writeDisposition,
          rows: tableFiles.reduce((n, f) => n + f.rows, 0),
          files: tableFiles,
          ...(scope ? { mergeKeyScope: scope } : {}),
        };
      });
    this.#ms += performance.now() - started;
    return {
      loadId: manifest.loadId,
      pipelineName: manifest.pipelineName,
      schema: built,
      schemaChanges: diffSchemas(this.#options.storedSchema, built),
      tables,
      state: manifest.state,
      discardedRows: discarded,
    };
  }

  /** Releases file handles after a failure; the caller removes the package folder. */
  async abort(): Promise<void> {
    await Promise.allSettled(
      [...this.#writers.values(), ...this.#scopeWriters.values()].map((w) => w.close()),
    );
  }

  #normalizer(resource: string): RecordNormalizer {
    const normalizer = this.#normalizers.get(resource);
    if (!normalizer) throw new Error(`Resource "${resource}" is not part of this package (internal error).`);
    return normalizer;
  }

  #write(map: Map<string, RotatingJsonlWriter>, stem: string, table: string, line: string): void {
    let writer = map.get(table);
    if (!writer) {
      writer = new RotatingJsonlWriter(
        this.#out,
        `${stem}${String(map.size).padStart(4, '0')}`,
        this.#options.fileMaxBytes,
      );
      map.set(table, writer);
    }
    const flushed = writer.write(line);
    if (flushed) {
      // observed by #drain; the no-op keeps an early failure from being "unhandled"
      flushed.catch(() => {});
      this.#pending.push(flushed);
    }
  }

  async #drain(): Promise<void> {
    const pending = this.#pending;
    this.#pending = [];
    await Promise.all(pending);
  }

  async #closeAll(map: Map<string, RotatingJsonlWriter>): Promise<Map<string, NormalizedFile[]>> {
    // All at once: each close waits for its file's last writes and sync, and those overlap.
    const results = await Promise.allSettled(
      [...map].map(async ([table, writer]) => [table, await writer.close()] as const),
    );
    const closed = new Map<string, NormalizedFile[]>();
    for (const result of results) {
      if (result.status === 'rejected') throw result.reason;
      const [table, written] = result.value;
      closed.set(
        table,
        written.map((f) => ({
          path: `${NORMALIZED_DIR}/${f.name}`,
          format: 'jsonl' as const,
          rows: f.rows,
          bytes: f.bytes,
        })),
      );
    }
    return closed;
  }
}
