import { getPath } from '../incremental/cursor.js';

/** Brands scope markers; `Symbol.for` so that two copies of loader-core in one process still agree. */
const SCOPE: unique symbol = Symbol.for('@sluice/loader-core/mergeKeyScope') as never;

/**
 * A declaration yielded by a resource among its records: "I have fully re-read the rows with this merge key".
 * See `mergeKeyScope`.
 */
export interface MergeKeyScope {
  readonly [SCOPE]: true;
  /** The merge key values, shaped like a record (`{ ticket_id: 42 }`, `{ a: { b: 1 } }`). */
  readonly key: Readonly<Record<string, unknown>>;
}

/**
 * Declares that a `merge` resource has fully re-read the rows with this merge key (else primary key), even
 * when it yields none of them: the load then deletes every row of the final table with that key (and their
 * child rows) before inserting this load's rows, in the same transaction. Yield it among the records, e.g.
 * once per parent in a transformer that re-reads a parent's children:
 *
 * ```ts
 * transformer(tickets, async function* (ticket) {
 *   yield* await fetchConversations(ticket.id);
 *   yield mergeKeyScope({ ticket_id: ticket.id }); // a ticket whose last note was deleted is emptied
 * }, { name: 'conversations', primaryKey: 'id', mergeKey: 'ticket_id', writeDisposition: 'merge' });
 * ```
 *
 * The key holds a value for every merge key path. Resources that do not merge (or merge without any key)
 * ignore scopes. The values are written to the load package, so a package resumed after a crash deletes the
 * same rows.
 */
export function mergeKeyScope(key: Readonly<Record<string, unknown>>): MergeKeyScope {
  if (key === null || typeof key !== 'object' || Array.isArray(key)) {
    throw new TypeError(
      `mergeKeyScope() takes an object with the merge key values, e.g. mergeKeyScope({ ticket_id: 42 }); got ${
        Array.isArray(key) ? 'an array' : String(key)
      }.`,
    );
  }
  return { [SCOPE]: true, key };
}

export function isMergeKeyScope(value: unknown): value is MergeKeyScope {
  return value !== null && typeof value === 'object' && (value as Partial<MergeKeyScope>)[SCOPE] === true;
}

/** Segments of a key path: `a.b` and `a__b` both reach `b` inside `a`, as for primary keys. */
export function keySegments(path: string): readonly string[] {
  return path.replaceAll('__', '.').split('.');
}

/**
 * The values of a scope in key-path order. Throws, naming the resource and the path, when one is missing or
 * is not a scalar (a key value cannot be an object or a list).
 */
export function scopeValues(scope: MergeKeyScope, keyPaths: readonly string[], resource: string): unknown[] {
  return keyPaths.map((path) => {
    const value = Object.hasOwn(scope.key, path)
      ? scope.key[path]
      : getPath(scope.key, keySegments(path).join('.'));
    if (value === null || value === undefined) {
      throw new Error(
        `mergeKeyScope() of resource "${resource}" has no value for its merge key "${path}" (it has ` +
          `${JSON.stringify(Object.keys(scope.key))}): pass a value for every key path, e.g. ` +
          `mergeKeyScope({ ${JSON.stringify(path)}: 42 }).`,
      );
    }
    if (typeof value === 'object' && !(value instanceof Date) && !(value instanceof Uint8Array)) {
      throw new Error(
        `mergeKeyScope() of resource "${resource}" has an object or list for its merge key "${path}": key values ` +
          'are scalars (numbers, strings, dates). Pass the value itself.',
      );
    }
    return value;
  });
}

/** The key paths a scope of this resource covers: the merge key, else the primary key; none unless it merges. */
export function scopeKeyPaths(options: {
  readonly writeDisposition?: string;
  readonly mergeKey?: readonly string[];
  readonly primaryKey?: readonly string[];
}): readonly string[] {
  if (options.writeDisposition !== 'merge') return [];
  if (options.mergeKey && options.mergeKey.length > 0) return options.mergeKey;
  return options.primaryKey ?? [];
}
