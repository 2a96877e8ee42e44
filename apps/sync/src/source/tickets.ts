import type { FreshdeskClient } from '@sluice/freshdesk-client';
import type { ResourceContext } from '@sluice/loader-core';
import type { TicketInclude } from './options.js';

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
    const since = String(context.incremental?.startValue ?? options.startDate);
    for (const pass of PASSES) {
      const listing = options.client.listTicketsByUpdatedAt({
        updatedSince: since,
        perPage: options.perPage,
        signal: context.signal,
        ...(options.includes.length > 0 ? { include: [...options.includes] } : {}),
        ...(pass.filter ? { query: { filter: pass.filter } } : {}),
      });
      for await (const ticket of listing) yield { ...ticket, spam: ticket.spam ?? false, ...pass.mark };
    }
  };
}
