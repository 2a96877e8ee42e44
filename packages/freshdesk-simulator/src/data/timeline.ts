import { unitFloat } from './random.js';

const DAY = 86_400;
/** Generated records span about three years before the simulator's start. */
export const HISTORY_SECONDS = 3 * 365 * DAY;
/** Share of the history laid out evenly by index; the rest is quadratic, denser towards "now". */
const EVEN_SHARE = 0.02;
/** Generated updates fall at most this long after creation. */
const UPDATE_SPREAD_SECONDS = 60 * DAY;

/**
 * created_at of the index-th of `count` records: increasing with the index (ids grow with time, as in
 * Freshdesk) and denser towards "now", so the last 30 days always hold a good share of the records. The even
 * share keeps a minimum gap between neighbours (about 1.9 s at a million records): a purely quadratic curve
 * flattens at "now" and would stack the newest hundred records of a million onto one second.
 */
export function createdAtFor(index: number, count: number, generatedAt: number): number {
  const remaining = 1 - (index + 0.5) / Math.max(1, count);
  const share = (1 - EVEN_SHARE) * remaining ** 2 + EVEN_SHARE * remaining;
  return Math.floor(generatedAt - HISTORY_SECONDS * share);
}

/**
 * updated_at: some records never change after creation, others were touched days or weeks later, always
 * within their age. The delay scales with the age instead of being cut off at "now": cutting off would put
 * every recent record whose delay exceeds its age on the very same second (a tenth of all records), more than
 * an `updated_since` listing can page past.
 */
export function updatedAtFor(
  seedHash: number,
  stream: number,
  id: number,
  created: number,
  generatedAt: number,
): number {
  const r = unitFloat(seedHash, stream, id);
  if (r < 0.2) return created;
  const span = Math.max(0, Math.min(generatedAt - created, UPDATE_SPREAD_SECONDS));
  return created + Math.floor(r * r * span);
}
