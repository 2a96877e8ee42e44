import type { FreshdeskClient } from '@sluice/freshdesk-client';
import { compareCursor, type ResourceContext } from '@sluice/loader-core';
import type { ChildPrefetcher } from './child-prefetch.js';
import type { TicketInclude } from './options.js';
import { readSince, refreshTracker } from './refresh-cursor.js';

/** The three views of the ticket list: live tickets, then the deleted and spam ones Freshdesk lists apart. */
const PASSES = [
  { filter: undefined, mark: { deleted: false } },
  { filter: 'deleted', mark: { deleted: true } },
  { filter: 'spam', mark: { spam: true, deleted: false } },
] as const;

export interface TicketReadOptions {
  readonly client: FreshdeskClient;
  readonly startDate: string;
  readonly includes: readonly TicketInclude[];
  readonly perPage: number;
  /** Reads the selected ticket children ahead, a batch of tickets at a time. */
  readonly prefetch?: { readonly prefetcher: ChildPrefetcher; readonly children: readonly string[] };
}

interface ListedTicket {
  readonly id: number;
  readonly updated_at: string;
}

/**
 * Tickets at exactly the stored cursor were mostly loaded by the last run (`updated_since` is inclusive) and
 * the pipeline skips those: their children are not prefetched. The rare new one among them still gets its
 * children, read on demand when the pipeline keeps it.
 */
function atCursor(ticket: ListedTicket, context: ResourceContext): boolean {
  const last = context.incremental?.lastValue;
  return last !== undefined && last !== null && compareCursor(ticket.updated_at, last) === 0;
}

/**
 * Tickets updated since the cursor (or the start date), by `updated_at` ascending past the 300-page cap.
 *
 * The default list hides deleted and spam tickets. Deleting or spamming a ticket moves its `updated_at`, so
 * the same `updated_since` over `filter=deleted` and `filter=spam` finds every ticket deleted or spammed since
 * the last run; they are marked (`deleted`, `spam`) and merged by id, so the warehouse shows the deletion.
 * A restored ticket comes back through the first pass with `deleted: false`.
 */
export function ticketSource(options: TicketReadOptions) {
  return async function* tickets(context: ResourceContext): AsyncGenerator<object> {
    const since = readSince(context, options.startDate);
    const track = refreshTracker(context, 'updated_at');
    const batch: object[] = [];
    const flush = function* (): Generator<object> {
      if (options.prefetch) {
        const ids = (batch as ListedTicket[]).filter((t) => !atCursor(t, context)).map((t) => t.id);
        options.prefetch.prefetcher.prefetch(options.prefetch.children, ids);
      }
      yield* batch.splice(0);
    };
    try {
      for (const pass of PASSES) {
        const listing = options.client.listTicketsByUpdatedAt({
          updatedSince: since,
          perPage: options.perPage,
          signal: context.signal,
          ...(options.includes.length > 0 ? { include: [...options.includes] } : {}),
          ...(pass.filter ? { query: { filter: pass.filter } } : {}),
        });
        for await (const ticket of listing) {
          track(ticket);
          batch.push({ ...ticket, spam: ticket.spam ?? false, ...pass.mark });
          if (batch.length >= options.perPage) yield* flush();
        }
        yield* flush();
      }
    } finally {
      options.prefetch?.prefetcher.clear();
    }
  };
}
