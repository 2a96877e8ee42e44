import {
  createFreshdeskClient,
  type FreshdeskClient,
  FreshdeskNotFoundError,
} from '@sluice/freshdesk-client';
import {
  type AnyResource,
  type DataRecord,
  mergeKeyScope,
  type Resource,
  type ResourceContext,
  type ResourceOptions,
  resource,
  type Transformer,
  transformer,
} from '@sluice/loader-core';
import { type CatalogEntry, catalogEntry } from './catalog.js';
import { ChildPrefetcher } from './child-prefetch.js';
import { contactSource } from './contacts.js';
import {
  DEFAULT_TICKET_INCLUDES,
  type FreshdeskSourceOptions,
  TICKET_INCLUDES,
  type TicketInclude,
} from './options.js';
import { createReader, type FreshdeskReader } from './reader.js';
import { fullRefreshSet, selectEntries } from './selection.js';
import { parseStartDate } from './start-date.js';
import { ticketSource } from './tickets.js';

function assertIncludes(includes: readonly string[]): readonly TicketInclude[] {
  const bad = includes.filter((i) => !(TICKET_INCLUDES as readonly string[]).includes(i));
  if (bad.length > 0) {
    throw new RangeError(
      `Unknown ticket include ${bad.map((b) => JSON.stringify(b)).join(', ')}: use any of ${TICKET_INCLUDES.join(', ')}.`,
    );
  }
  return includes as readonly TicketInclude[];
}

function assertPerPage(perPage: number): number {
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) {
    throw new RangeError(`perPage must be an integer from 1 to 100, got ${perPage}.`);
  }
  return perPage;
}

interface BuildContext {
  readonly client: FreshdeskClient;
  readonly reader: FreshdeskReader;
  readonly startDate: string;
  readonly includes: readonly TicketInclude[];
  readonly perPage: number;
  readonly refresh: ReadonlySet<string>;
  readonly options: FreshdeskSourceOptions;
  readonly prefetcher: ChildPrefetcher;
  /** The ticket children selected for this run. */
  readonly ticketChildren: readonly string[];
}

function resourceOptions(entry: CatalogEntry, ctx: BuildContext): ResourceOptions {
  const refresh = ctx.refresh.has(entry.name);
  const cursor = entry.cursor;
  const lookback =
    entry.name === 'satisfaction_ratings'
      ? (ctx.options.satisfactionRatingsLookback ?? cursor?.lookback)
      : cursor?.lookback;
  return {
    name: entry.name,
    primaryKey: entry.primaryKey,
    // A full refresh reloads everything from the start date and replaces the table (and its children).
    writeDisposition: refresh ? 'replace' : entry.writeDisposition,
    ...(entry.mergeKey && !refresh ? { mergeKey: entry.mergeKey } : {}),
    ...(cursor && !refresh
      ? {
          incremental: {
            cursor: cursor.field,
            initialValue: ctx.startDate,
            ...(lookback ? { lookback } : {}),
          },
        }
      : {}),
  };
}

function rootSource(entry: CatalogEntry, ctx: BuildContext) {
  switch (entry.kind) {
    case 'tickets':
      return ticketSource({
        client: ctx.client,
        startDate: ctx.startDate,
        includes: ctx.includes,
        perPage: ctx.perPage,
        ...(ctx.ticketChildren.length > 0
          ? { prefetch: { prefetcher: ctx.prefetcher, children: ctx.ticketChildren } }
          : {}),
      });
    case 'contacts':
      return contactSource(ctx.reader, ctx.startDate);
    case 'object':
      return async function* single(): AsyncGenerator<object> {
        yield await ctx.reader.object(entry.path);
      };
    default:
      return (context: ResourceContext) => {
        const param = entry.cursor?.param;
        const since = context.incremental?.startValue ?? ctx.startDate;
        return ctx.reader.list(entry.path, param ? { query: { [param]: String(since) } } : {});
      };
  }
}

function childTransform(entry: CatalogEntry, ctx: BuildContext, options: ResourceOptions) {
  const parentKey = entry.parentKey;
  // Ticket children merge per ticket (merge key `ticket_id`): a ticket whose list was read to its end declares
  // that it was, so rows gone at the source (a ticket's last note deleted) are deleted in the warehouse too,
  // not only rows replaced by new ones.
  const scopeKey =
    options.writeDisposition === 'merge' && typeof options.mergeKey === 'string' ? options.mergeKey : null;
  return async function* children(parent: DataRecord): AsyncGenerator<object> {
    const id = parent.id;
    if (typeof id !== 'number') return;
    const prefetched = entry.kind === 'ticket-child' ? ctx.prefetcher.take(entry.name, id) : undefined;
    try {
      const items = prefetched ? await prefetched : ctx.reader.list(entry.path, { id });
      for await (const item of items) {
        // The merge key must be present: some child lists leave out their parent's id.
        yield parentKey && (item as DataRecord)[parentKey] === undefined
          ? { ...item, [parentKey]: id }
          : item;
      }
    } catch (error) {
      // The parent disappeared between its page and this request: its children were not read, so nothing is
      // declared about them (and the rows already loaded stay).
      if (error instanceof FreshdeskNotFoundError) return;
      throw error;
    }
    if (scopeKey) yield mergeKeyScope({ [scopeKey]: id });
  };
}

/**
 * The Freshdesk source: one loader-core resource per Freshdesk list endpoint (see `CATALOG`), ready for
 * `createPipeline(...).run(freshdeskSource(options))` with any destination.
 *
 * ```ts
 * const resources = freshdeskSource({ domain: 'acme', apiKey: process.env.FRESHDESK_API_KEY!, resources: ['tickets'] });
 * await createPipeline({ name: 'freshdesk', destination: duckdb({ path: 'fd.duckdb' }) }).run(resources);
 * ```
 */
export function freshdeskSource(options: FreshdeskSourceOptions): AnyResource[] {
  const client = 'client' in options ? options.client : createFreshdeskClient(options);
  const perPage = assertPerPage(options.perPage ?? 100);
  const reader = createReader(client, perPage);
  const entries = selectEntries(options.resources);
  const collect = async (child: string, id: number): Promise<object[]> => {
    const path = catalogEntry(child)?.path ?? child;
    const out: object[] = [];
    // a 404 (the ticket is gone) reaches the transformer, which then declares nothing for the ticket
    for await (const item of reader.list(path, { id })) out.push(item);
    return out;
  };
  const ctx: BuildContext = {
    client,
    reader,
    startDate: parseStartDate(options.startDate),
    includes: assertIncludes(options.ticketIncludes ?? DEFAULT_TICKET_INCLUDES),
    perPage,
    refresh: fullRefreshSet(options.fullRefresh),
    options,
    prefetcher: new ChildPrefetcher(collect, options.childConcurrency ?? 8),
    ticketChildren: entries.filter((e) => e.kind === 'ticket-child').map((e) => e.name),
  };
  const built = new Map<string, Resource | Transformer>();
  for (const entry of entries) {
    const opts = resourceOptions(entry, ctx);
    if (entry.parent) {
      const parent = built.get(entry.parent);
      if (!parent)
        throw new Error(`Catalog error: "${entry.name}" is listed before its parent "${entry.parent}".`);
      const { incremental: _ignored, ...childOptions } = opts;
      built.set(entry.name, transformer(parent, childTransform(entry, ctx, childOptions), childOptions));
    } else {
      built.set(entry.name, resource(rootSource(entry, ctx), opts));
    }
  }
  return [...built.values()];
}
