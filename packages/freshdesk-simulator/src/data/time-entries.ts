import { isoSeconds } from '../clock.js';
import type { RecordData } from '../store/record-table.js';
import { Rng, Stream, unitFloat } from './random.js';
import { SENTENCES } from './text.js';
import type { World } from './world.js';

export const TIME_ENTRY_SLOTS = 8;

/** Generated time entries per ticket: 0 to 2. */
export function timeEntryCount(world: World, ticketId: number): number {
  const r = unitFloat(world.seedHash, Stream.timeEntry, ticketId);
  return r < 0.6 ? 0 : r < 0.9 ? 1 : 2;
}

export function timeEntryId(ticketId: number, k: number): number {
  return ticketId * TIME_ENTRY_SLOTS + k;
}

export function generateTimeEntry(
  world: World,
  ticketId: number,
  created: number,
  updated: number,
  k: number,
): RecordData {
  const id = timeEntryId(ticketId, k);
  const rng = Rng.for(world.seedHash, Stream.timeEntry, id);
  const executed = created + Math.floor((updated - created) * rng.next());
  const minutes = rng.int(5, 240);
  return {
    billable: rng.bool(0.6),
    note: rng.bool(0.7) ? rng.pick(SENTENCES) : null,
    timer_running: false,
    id,
    agent_id: world.agentId(rng.int(0, world.sizes.agents - 1)),
    ticket_id: ticketId,
    time_spent: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
    executed_at: isoSeconds(executed),
    start_time: isoSeconds(executed),
    created_at: isoSeconds(executed),
    updated_at: isoSeconds(executed),
  };
}
