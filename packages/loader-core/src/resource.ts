import type { IncrementalContext, IncrementalOptions } from './incremental/cursor.js';
import type { ColumnHint } from './normalize/options.js';
import type { SchemaContractOption } from './schema/contract.js';
import type { WriteDisposition } from './schema/types.js';

/** A record as sources yield it. */
export type DataRecord = Record<string, unknown>;

/** What a source yields: records (any object: interfaces need no index signature), or pages of records. */
export type RecordStream = AsyncIterable<object | readonly object[]> | Iterable<object | readonly object[]>;

export interface ResourceContext {
  /** The cursor of an incremental resource: ask the source for records since `startValue`. */
  readonly incremental?: IncrementalContext;
  /**
   * This resource's free-form state as committed by the last successful load. Changes made to this object
   * while the resource runs are committed together with the data of this run (JSON values only).
   */
  readonly state: Record<string, unknown>;
  readonly signal: AbortSignal;
}

export type ResourceSource =
  | RecordStream
  | ((context: ResourceContext) => RecordStream | Promise<RecordStream>);

export interface ResourceOptions {
  /** Unique within a pipeline; keys state and names the table by default. */
  readonly name: string;
  /** Root table name (normalized); defaults to `name`. */
  readonly tableName?: string;
  readonly primaryKey?: string | readonly string[];
  /** Delete-insert key for merge when it differs from the primary key (e.g. a partition date). */
  readonly mergeKey?: string | readonly string[];
  /** Default `append`. */
  readonly writeDisposition?: WriteDisposition;
  /** Column hints keyed by record path (`priority`, `stats.resolved_at`). */
  readonly columns?: Readonly<Record<string, ColumnHint>>;
  /** Levels of nested objects/lists expanded into columns and child tables; deeper data becomes json. */
  readonly maxNestingDepth?: number;
  readonly schemaContract?: SchemaContractOption;
  readonly incremental?: IncrementalOptions;
}

export interface Resource {
  readonly kind: 'resource';
  readonly name: string;
  readonly options: ResourceOptions;
  readonly source: ResourceSource;
}

/** Produces the records of a child resource from one parent record (e.g. conversations of a ticket). */
export type TransformFunction = (
  parent: DataRecord,
  context: { readonly signal: AbortSignal },
) => TransformResult | Promise<TransformResult>;

/** Records for one parent: a stream, one record, a page, or nothing. */
export type TransformResult = RecordStream | object | readonly object[] | undefined | null;

export interface TransformerOptions extends Omit<ResourceOptions, 'incremental'> {
  /**
   * How many parent records are transformed at once (e.g. concurrent API calls for conversations of
   * tickets). Default 1. Records of concurrent calls interleave in the output.
   */
  readonly concurrency?: number;
}

/** A resource fed by the records of a parent resource. Running it also runs (and loads) its parent. */
export interface Transformer {
  readonly kind: 'transformer';
  readonly name: string;
  readonly parent: Resource | Transformer;
  readonly options: TransformerOptions;
  readonly transform: TransformFunction;
}

export type AnyResource = Resource | Transformer;

export function resource(source: ResourceSource, options: ResourceOptions): Resource {
  assertName(options.name);
  return { kind: 'resource', name: options.name, options, source };
}

export function transformer(
  parent: Resource | Transformer,
  transform: TransformFunction,
  options: TransformerOptions,
): Transformer {
  assertName(options.name);
  return { kind: 'transformer', name: options.name, parent, options, transform };
}

function assertName(name: string): void {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new TypeError('A resource needs a non-empty `name` option: it keys the state and names the table.');
  }
}

export function asArray(value: string | readonly string[] | undefined): readonly string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
}
