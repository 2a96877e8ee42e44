/**
 * Freshdesk's "created in the last 30 days" window of lists without a since parameter. Its start moves every
 * second; keyed on that second, a cached list view would be rebuilt (a scan of every record) on every request.
 * So a view is built once per minute for a slightly wider window starting at the minute, and the few records
 * of that first minute that are already outside the exact window are dropped per request.
 */

const DAY = 86_400;
export const RECENT_WINDOW_SECONDS = 30 * DAY;
const BUCKET_SECONDS = 60;

export interface RecentWindow {
  /** Exact start: records created before it are hidden. */
  since: number;
  /** The minute `since` falls in (<= since): start of the cached, wider view; stable for a minute. */
  bucket: number;
}

export function recentWindow(nowSeconds: number): RecentWindow {
  const since = nowSeconds - RECENT_WINDOW_SECONDS;
  return { since, bucket: Math.floor(since / BUCKET_SECONDS) * BUCKET_SECONDS };
}

/** Positions of a view built from `bucket` whose records may fall before a later `since` of the same minute. */
export function edgePositions(
  view: Uint32Array,
  createdAt: (index: number) => number,
  bucket: number,
): Uint32Array {
  const out: number[] = [];
  for (let position = 0; position < view.length; position++) {
    if (createdAt(view[position] ?? 0) < bucket + BUCKET_SECONDS) out.push(position);
  }
  return Uint32Array.from(out);
}

/** Positions among `edge` whose records were created before `since`: the ones to hide now. */
export function positionsBefore(
  view: Uint32Array,
  edge: Uint32Array,
  createdAt: (index: number) => number,
  since: number,
): number[] {
  const out: number[] = [];
  for (const position of edge) if (createdAt(view[position] ?? 0) < since) out.push(position);
  return out;
}

/** A copy of the view without the given positions. */
export function withoutPositions(view: Uint32Array, positions: readonly number[]): Uint32Array {
  const drop = new Set(positions);
  const out = new Uint32Array(view.length - drop.size);
  let next = 0;
  for (let position = 0; position < view.length; position++) {
    if (!drop.has(position)) out[next++] = view[position] ?? 0;
  }
  return out;
}
