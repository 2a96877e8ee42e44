import { unitFloat } from './random.js';

const DAY = 86_400;
/** Generated records span about three years before the simulator's start. */
export const HISTORY_SECONDS = 3 * 365 * DAY;

/**
 * created_at of the index-th of `count` records: increasing with the index (ids grow with time, as in
 * Freshdesk) and denser towards "now", so the last 30 days always hold a good share of the records.
 */
export function createdAtFor(index: number, count: number, generatedAt: number): number {
  const u = (index + 0.5) / Math.max(1, count);
  return Math.floor(generatedAt - HISTORY_SECONDS * (1 - u) ** 2);
}

/** updated_at: some records never change after creation, others were touched days or weeks later. */
export function updatedAtFor(
  seedHash: number,
  stream: number,
  id: number,
  created: number,
  generatedAt: number,
): number {
  const r = unitFloat(seedHash, stream, id);
  if (r < 0.2) return created;
  const age = generatedAt - created;
  return created + Math.min(age, Math.floor(r * r * 60 * DAY));
}
