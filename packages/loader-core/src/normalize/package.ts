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
import { RecordNormalizer, RowIds } from './record.js';

const MAX_IN_FLIGHT = 8;

export interface NormalizeOptions {
  /** The package folder (holding `extracted/`); `normalized/` is (re)written inside it. */
  readonly dir: string;
  readonly manifest: ExtractManifest;
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
 * Turns a package's extracted records into per-table JSONL files and the schema they need. Streams: one record
 * at a time, with bounded write buffers per table.
 */
export async function normalizePackage(options: NormalizeOptions): Promise<NormalizedManifest> {
  const { dir, manifest } = options;
  const out = join(dir, NORMALIZED_DIR);
  // A crash during an earlier attempt may have left partial files: start over.
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });

  const schema = new SchemaBuilder(
    options.schemaName,
    options.storedSchema,
    options.maxIdentifierLength,
    options.reservedPrefixes,
  );
  const ids = new RowIds(manifest.loadId);
  const writers = new Map<string, RotatingJsonlWriter>();
  /** Merge key scope rows per root table (see `TableLoad.mergeKeyScope`). */
  const scopeWriters = new Map<string, RotatingJsonlWriter>();
  const pending: Promise<void>[] = [];
  const write = (map: Map<string, RotatingJsonlWriter>, stem: string, table: string, line: string): void => {
    let writer = map.get(table);
    if (!writer) {
      writer = new RotatingJsonlWriter(
        out,
        `${stem}${String(map.size).padStart(4, '0')}`,
        options.fileMaxBytes,
      );
      map.set(table, writer);
    }
    const p = writer.write(line);
    if (p) {
      // observed by the Promise.all below; the no-op keeps an early failure from being "unhandled"
      p.catch(() => {});
      pending.push(p);
    }
  };
  const sink = (table: string, line: string): void => write(writers, 't', table, line);
  /** A few flushes may be in flight while normalization goes on (CPU and disk overlap); memory stays bounded. */
  const drain = async (): Promise<void> => {
    if (pending.length >= MAX_IN_FLIGHT) {
      await Promise.all(pending);
      pending.length = 0;
    }
  };

  const discarded: Record<string, number> = {};
  const resourceTables = new Map<string, string>();
  try {
    for (const extracted of manifest.resources) {
      const normalizer = new RecordNormalizer(
        schema,
        extracted.config,
        manifest.loadId,
        ids,
        sink,
        options.decimal,
      );
      if (normalizer.rootTable) resourceTables.set(extracted.config.resource, normalizer.rootTable);
      for (const file of extracted.files) {
        for await (const line of readLines(join(dir, EXTRACTED_DIR, file))) {
          normalizer.normalize(decodeRecord(line) as Record<string, unknown>);
          // bounded by MAX_IN_FLIGHT buffers of about 1 MiB
          await drain();
        }
      }
      // Scopes after the data: the key columns then exist if any row of this package has them.
      for (const file of extracted.scopeFiles ?? []) {
        for await (const line of readLines(join(dir, EXTRACTED_DIR, file))) {
          const row = normalizer.scopeRow(decodeRecord(line) as readonly unknown[]);
          if (row !== null && normalizer.rootTable) write(scopeWriters, 'k', normalizer.rootTable, row);
          await drain();
        }
      }
      schema.alignDisposition(extracted.config.resource, extracted.config.writeDisposition);
      for (const [table, n] of normalizer.discarded) discarded[table] = (discarded[table] ?? 0) + n;
    }
    await Promise.all(pending);
  } catch (error) {
    // Release file handles; the caller removes the package folder.
    await Promise.allSettled([...writers.values(), ...scopeWriters.values()].map((w) => w.close()));
    throw error;
  }
  const closeAll = async (map: Map<string, RotatingJsonlWriter>) => {
    const closed = new Map<string, NormalizedFile[]>();
    for (const [table, writer] of map) {
      const written = await writer.close();
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
  };
  const files = await closeAll(writers);
  const scopes = await closeAll(scopeWriters);
  const hasData = (table: string): boolean => files.has(table) || scopes.has(table);

  const built = schema.build();
  const tables = orderTables(Object.values(built.tables))
    .filter((t) => {
      const config = manifest.resources.find((r) => r.config.resource === t.resource)?.config;
      if (!config) return false;
      if (config.writeDisposition === 'replace') return true;
      // Child tables of merged parents are listed even without rows: their old rows must still be replaced.
      const root = resourceTables.get(t.resource);
      return hasData(t.name) || (config.writeDisposition === 'merge' && root !== undefined && hasData(root));
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

  return {
    loadId: manifest.loadId,
    pipelineName: manifest.pipelineName,
    schema: built,
    schemaChanges: diffSchemas(options.storedSchema, built),
    tables,
    state: manifest.state,
    discardedRows: discarded,
  };
}
