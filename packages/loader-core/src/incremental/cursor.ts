import { createHash } from 'node:crypto';
import type { IncrementalState } from '../package/types.js';
import { isIsoDate, isIsoTimestamp } from '../schema/infer.js';

/** A time span for `lookback` on timestamp or date cursors. */
export interface Duration {
  readonly days?: number;
  readonly hours?: number;
  readonly minutes?: number;
  readonly seconds?: number;
  readonly milliseconds?: number;
}

export interface IncrementalOptions {
  /** Path of the cursor field in a record: `updated_at`, `stats.resolved_at`. */
  readonly cursor: string;
  /** The last value used when no state exists yet. */
  readonly initialValue?: unknown;
  /**
   * Records with a cursor at or beyond this value are not loaded (exclusive). A run with an end value is a
   * backfill window: it starts at `initialValue` and neither reads nor advances the stored cursor.
   */
  readonly endValue?: unknown;
  /**
   * Reload a window before the last value, for records edited after the fact: a Duration (or milliseconds)
   * for timestamp and date cursors, a number subtracted from numeric cursors.
   */
  readonly lookback?: Duration | number;
  /** Records without a cursor value: loaded (`include`, default), skipped (`exclude`) or an error (`raise`). */
  readonly onCursorMissing?: 'include' | 'exclude' | 'raise';
  /**
   * The order the source yields records in: lets extraction stop early (`desc`: at the first record before
   * the start value; `asc`: at the first record at or beyond `endValue`).
   */
  readonly rowOrder?: 'asc' | 'desc';
}

/** What a resource function sees of its cursor, so it can ask the source for changes only. */
export interface IncrementalContext {
  readonly cursorPath: string;
  /** The highest cursor value loaded so far (or the initial value). */
  readonly lastValue: unknown;
  /** `lastValue` minus the lookback: request records updated since this value. */
  readonly startValue: unknown;
  readonly endValue: unknown;
}

export type CursorDecision = 'keep' | 'skip' | 'stop';

/** Reads a dotted path from a record. */
export function getPath(record: unknown, path: string): unknown {
  let current: unknown = record;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** Orders cursor values: numbers and bigints numerically, ISO timestamps by instant, other values as text. */
export function compareCursor(a: unknown, b: unknown): number {
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) {
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (a instanceof Date || b instanceof Date || (isTimeLike(a) && isTimeLike(b))) {
    const x = toMillis(a);
    const y = toMillis(b);
    if (x !== y) return x < y ? -1 : 1;
    // Same millisecond: microseconds and nanoseconds decide (zone offsets are whole minutes).
    const u = subMillis(a);
    const v = subMillis(b);
    return u < v ? -1 : u > v ? 1 : 0;
  }
  const sa = a instanceof Date ? a.toISOString() : String(a);
  const sb = b instanceof Date ? b.toISOString() : String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function isTimeLike(v: unknown): v is string {
  return typeof v === 'string' && (isIsoTimestamp(v) || isIsoDate(v));
}

function subMillis(v: unknown): number {
  if (v instanceof Date) return 0;
  const fraction = /^\.(\d+)/.exec(String(v).slice(19));
  return fraction ? Number((fraction[1] ?? '').padEnd(9, '0').slice(3, 9)) : 0;
}

function toMillis(v: unknown): number {
  if (v instanceof Date) return v.getTime();
  const text = String(v);
  // A timestamp without zone is UTC, as in normalization.
  return Date.parse(text.length === 10 || /[zZ]|[+-]\d\d:?\d\d$/.test(text.slice(19)) ? text : `${text}Z`);
}

function durationMs(lookback: Duration | number): number {
  if (typeof lookback === 'number') return lookback;
  return (
    (lookback.days ?? 0) * 86_400_000 +
    (lookback.hours ?? 0) * 3_600_000 +
    (lookback.minutes ?? 0) * 60_000 +
    (lookback.seconds ?? 0) * 1000 +
    (lookback.milliseconds ?? 0)
  );
}

/** `value` moved back by the lookback, keeping its kind (ISO string, Date, number, bigint). */
export function subtractLookback(value: unknown, lookback: Duration | number | undefined): unknown {
  if (lookback === undefined || value === undefined || value === null) return value;
  if (typeof value === 'number' && typeof lookback === 'number') return value - lookback;
  if (typeof value === 'bigint' && typeof lookback === 'number') return value - BigInt(lookback);
  if (value instanceof Date) return new Date(value.getTime() - durationMs(lookback));
  if (isTimeLike(value)) return new Date(toMillis(value) - durationMs(lookback)).toISOString();
  throw new Error(
    `Incremental lookback cannot be applied to the cursor value ${JSON.stringify(String(value))}: use a number for ` +
      'numeric cursors or a duration for ISO timestamp and date cursors.',
  );
}

/** Hash of a record's primary key (or of the whole record without one): identifies it at the boundary. */
export function boundaryKey(record: unknown, primaryKey: readonly string[]): string {
  return hashMaterial(boundaryMaterial(record, primaryKey));
}

function boundaryMaterial(record: unknown, primaryKey: readonly string[]): string {
  return primaryKey.length > 0
    ? JSON.stringify(primaryKey.map((p) => String(getPath(record, p))))
    : stableText(record);
}

function hashMaterial(material: string): string {
  return createHash('sha256').update(material).digest('base64url').slice(0, 22);
}

function stableText(record: unknown): string {
  return JSON.stringify(record, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
}

/**
 * The cursor of one resource during one extraction: filters records against the stored last value and tracks
 * the new last value and the keys of the records that carry it.
 */
export class IncrementalCursor {
  readonly lastValue: unknown;
  readonly startValue: unknown;
  readonly #seen: ReadonlySet<string>;
  #max: unknown;
  #maxKeys: Set<string>;
  #unhashed: string[] = [];
  #hasMax: boolean;

  constructor(
    readonly options: IncrementalOptions,
    readonly primaryKey: readonly string[],
    state: IncrementalState | undefined,
  ) {
    // A window with an end value (a backfill) runs from the initial value and leaves the state alone.
    const stateValid = state !== undefined && state.cursorPath === options.cursor && !this.bounded;
    this.lastValue = stateValid ? state.lastValue : options.initialValue;
    const back = subtractLookback(this.lastValue, options.lookback);
    // The lookback never reaches before the initial value.
    const initial = options.initialValue;
    this.startValue =
      initial !== undefined &&
      initial !== null &&
      back !== undefined &&
      back !== null &&
      compareCursor(back, initial) < 0
        ? initial
        : back;
    // With a lookback the window before the last value is re-read on purpose (records edited after the fact),
    // so a record at the last value is re-read too, however often it was loaded: merge makes that harmless.
    const rereads = options.lookback !== undefined && durationMs(options.lookback) > 0;
    this.#seen = new Set(stateValid && !rereads ? state.boundaryKeys : []);
    this.#hasMax = this.lastValue !== undefined && this.lastValue !== null;
    this.#max = this.lastValue;
    // Records at the stored last value that were loaded before stay boundary keys while it stays the max.
    this.#maxKeys = new Set(this.#seen);
  }

  /** Whether an end value bounds the window: such runs neither read nor advance the stored state. */
  get bounded(): boolean {
    return this.options.endValue !== undefined && this.options.endValue !== null;
  }

  get context(): IncrementalContext {
    return {
      cursorPath: this.options.cursor,
      lastValue: this.lastValue,
      startValue: this.startValue,
      endValue: this.options.endValue,
    };
  }

  decide(record: unknown): CursorDecision {
    const value = getPath(record, this.options.cursor);
    if (value === undefined || value === null) {
      const missing = this.options.onCursorMissing ?? 'include';
      if (missing === 'raise') {
        throw new Error(
          `A record has no value at the incremental cursor "${this.options.cursor}". Fix the cursor path, or set ` +
            "incremental.onCursorMissing to 'include' (load such records) or 'exclude' (skip them).",
        );
      }
      return missing === 'include' ? 'keep' : 'skip';
    }
    const { endValue, rowOrder } = this.options;
    if (endValue !== undefined && endValue !== null && compareCursor(value, endValue) >= 0) {
      return rowOrder === 'asc' ? 'stop' : 'skip';
    }
    if (this.startValue !== undefined && this.startValue !== null) {
      const c = compareCursor(value, this.startValue);
      if (c < 0) return rowOrder === 'desc' ? 'stop' : 'skip';
    }
    const atLast = this.#seen.size > 0 && compareCursor(value, this.lastValue) === 0;
    let key: string | undefined;
    if (atLast) {
      key = boundaryKey(record, this.primaryKey);
      if (this.#seen.has(key)) return 'skip';
    }
    this.#track(value, record, key);
    return 'keep';
  }

  #track(value: unknown, record: unknown, key: string | undefined): void {
    const c = this.#hasMax ? compareCursor(value, this.#max) : 1;
    if (c > 0) {
      this.#max = value;
      this.#hasMax = true;
      this.#maxKeys = new Set();
      this.#unhashed = [];
    } else if (c < 0) {
      return;
    }
    // Hashing waits for state(): with rising cursors most records stop being the max right away.
    if (key !== undefined) this.#maxKeys.add(key);
    else this.#unhashed.push(boundaryMaterial(record, this.primaryKey));
    // Many records at one value: hash now, so memory holds short hashes rather than whole records' text.
    if (this.#unhashed.length >= 10_000) {
      for (const m of this.#unhashed) this.#maxKeys.add(hashMaterial(m));
      this.#unhashed = [];
    }
  }

  /** The state to commit with the data extracted. */
  state(): IncrementalState {
    const lastValue = this.#max instanceof Date ? this.#max.toISOString() : this.#max;
    return {
      cursorPath: this.options.cursor,
      lastValue: typeof lastValue === 'bigint' ? lastValue.toString() : (lastValue ?? null),
      boundaryKeys: [...new Set([...this.#maxKeys, ...this.#unhashed.map(hashMaterial)])].sort(),
    };
  }
}
