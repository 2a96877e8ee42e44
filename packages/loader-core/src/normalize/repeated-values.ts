import { type FieldKeys, flatConcat } from './row-text.js';

/**
 * A value of one column folded with its key, as it goes into a row: made once for values that repeat. Many
 * columns of helpdesk data take few values (types, statuses, dropdown custom fields, agent and group ids,
 * tags), and such a value then costs one flat piece in the row instead of a key, a value and its checks.
 */
export interface FoldedValue {
  /** The key and value after a closed value. */
  readonly afterClosed: string;
  /** The key and value after string content (the key's text closes it). */
  readonly afterString: string;
  /** The value leaves the row in string content (a string that needed no escapes). */
  readonly open: boolean;
}

/**
 * Distinct values a column folds at most. Once it has that many, it keeps folding them while they are found
 * at least as often as values that are not (ids of agents, groups, companies qualify; requester ids and
 * free text do not, and their folded values are dropped).
 */
export const MAX_REPEATED_VALUES = 1024;
/** Longer strings are not folded: they rarely repeat, and a folded copy would hold their memory. */
export const MAX_REPEATED_LENGTH = 64;

/** The values of one column folded so far; `values` is null once the column has proved to hold many. */
export interface RepeatedValues {
  values: Map<string | number, FoldedValue> | null;
  /** Values found folded, and values not found (each was offered to `remember`). */
  hits: number;
  misses: number;
}

export function repeatedValues(): RepeatedValues {
  return { values: new Map(), hits: 0, misses: 0 };
}

/**
 * Remembers `value` of a column with `keys`, written as `text` (string content when `open`, else whole), if
 * the column still folds and the value is short. Call it for values not found folded.
 */
export function remember(
  memo: RepeatedValues,
  keys: FieldKeys,
  value: string | number,
  text: string,
  open: boolean,
): void {
  const values = memo.values;
  if (values === null || text.length > MAX_REPEATED_LENGTH) return;
  memo.misses++;
  if (values.size >= MAX_REPEATED_VALUES) {
    if (memo.hits < memo.misses) memo.values = null;
    return;
  }
  values.set(value, {
    afterClosed: flatConcat(open ? keys.open : keys.bare, text),
    afterString: flatConcat(open ? keys.closeOpen : keys.closeBare, text),
    open,
  });
}
