import type { FreshdeskClient, FreshdeskClientOptions } from '@sluice/freshdesk-client';
import type { Duration } from '@sluice/loader-core';

/** Embeds of the ticket list; each costs extra API credits per page. */
export type TicketInclude = 'description' | 'stats' | 'requester' | 'company';

export const TICKET_INCLUDES: readonly TicketInclude[] = ['description', 'stats', 'requester', 'company'];
export const DEFAULT_TICKET_INCLUDES: readonly TicketInclude[] = ['description', 'stats'];

/** What to load and how, independent of how the client connects. */
export interface FreshdeskSourceSettings {
  /** Resource names to load (see `RESOURCE_NAMES`); children bring their parents. Default: all. */
  readonly resources?: readonly string[];
  /** First `updated_at`/`created_at` loaded when a resource has no state yet. Default: all history. */
  readonly startDate?: string | Date;
  /** Resources reloaded from the start date and replaced, ignoring their cursors; `['*']` for all. */
  readonly fullRefresh?: readonly string[];
  /** Embeds of the ticket list. Default `['description', 'stats']`. */
  readonly ticketIncludes?: readonly TicketInclude[];
  /** Items per page, 1 to 100. Default 100 (the fewest requests). */
  readonly perPage?: number;
  /** Ticket child lists (conversations, time entries) read at once. Default 8. */
  readonly childConcurrency?: number;
  /** Satisfaction ratings re-read before the last seen `created_at`. Default 7 days. */
  readonly satisfactionRatingsLookback?: Duration;
}

/** Either a ready client (to share its rate limiter) or the options to create one. */
export type FreshdeskConnection = { readonly client: FreshdeskClient } | FreshdeskClientOptions;

export type FreshdeskSourceOptions = FreshdeskSourceSettings & FreshdeskConnection;
