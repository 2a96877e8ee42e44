import { compareCursor, type ResourceContext } from '@sluice/loader-core';

/** Free-form resource state: the newest cursor value a full refresh loaded. */
const KEY = 'fullRefreshThrough';

/**
 * Where an incremental read starts. A full refresh runs without a cursor (it replaces the table), so the
 * stored cursor stays where it was; the refresh records the newest value it loaded, and the next incremental
 * run starts there when that is later, instead of re-reading everything changed since the old cursor.
 */
export function readSince(context: ResourceContext, startDate: string): string {
  const start = String(context.incremental?.startValue ?? startDate);
  const carried = context.state[KEY];
  if (!context.incremental || typeof carried !== 'string') return start;
  // Committed with this run's cursor, so it is used exactly once.
  delete context.state[KEY];
  return compareCursor(carried, start) > 0 ? carried : start;
}

/** During a full refresh (a run without a cursor): records the newest cursor value read. */
export function refreshTracker(context: ResourceContext, field: string): (record: object) => void {
  if (context.incremental) return () => {};
  delete context.state[KEY];
  return (record) => {
    const value = (record as Record<string, unknown>)[field];
    if (typeof value !== 'string') return;
    const current = context.state[KEY];
    if (typeof current !== 'string' || compareCursor(value, current) > 0) context.state[KEY] = value;
  };
}
