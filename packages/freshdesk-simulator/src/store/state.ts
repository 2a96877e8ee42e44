import type { SimClock } from '../clock.js';
import { type Catalog, generateCatalog } from '../data/catalog.js';
import { companyGenerator } from '../data/companies.js';
import { companyOfContact, contactGenerator, initialContactFlags } from '../data/contacts.js';
import { Stream } from '../data/random.js';
import { initialTicketFlags, ticketGenerator } from '../data/tickets.js';
import { createdAtFor, updatedAtFor } from '../data/timeline.js';
import { IdBase, World, type WorldSizes } from '../data/world.js';
import { PageCache } from './page-cache.js';
import { RecordTable } from './record-table.js';
import type { TicketView } from './ticket-view.js';
import { ViewCache } from './view-cache.js';

export interface StateOptions {
  seed: string;
  sizes: WorldSizes;
  clock: SimClock;
  /** How many serialized records to keep per table. */
  jsonCacheSize: number;
}

/**
 * All simulated data of one account: the generated world plus every change made through the API or the
 * control handle. Route handlers read and write only through this object.
 */
export class SimulatorState {
  readonly world: World;
  readonly clock: SimClock;
  readonly tickets: RecordTable;
  readonly contacts: RecordTable;
  readonly companies: RecordTable;
  readonly catalog: Catalog;
  /** Conversations added through the API, per ticket. */
  readonly addedConversations = new Map<number, Record<string, unknown>[]>();
  /** Edited (object) or deleted (null) conversations by id. */
  readonly conversationEdits = new Map<number, Record<string, unknown> | null>();
  readonly addedTimeEntries = new Map<number, Record<string, unknown>[]>();
  readonly timeEntryEdits = new Map<number, Record<string, unknown> | null>();
  readonly watchers = new Map<number, Set<number>>();
  /** Descriptions set through the API (generated ones are derived from the seed). */
  readonly ticketDescriptions = new Map<number, { description: string; description_text: string }>();
  readonly views = new ViewCache<Uint32Array>(12);
  /** Ticket list views (ordered indices plus their created-window edge), see routes/ticket-list.ts. */
  readonly ticketViews = new ViewCache<TicketView>(12);
  /** Encoded list pages, so hot pages are served without re-encoding (64 MB at most). */
  readonly pages = new PageCache(64 * 1024 * 1024);
  /** Cached lists of child records (time entries, ratings) across all tickets. */
  readonly recordViews = new ViewCache<Record<string, unknown>[]>(4);
  /** Bumped whenever a conversation or time entry changes. */
  childVersion = 0;
  /** Satisfaction ratings edited through the control API: the changed fields, by rating id. */
  readonly ratingEdits = new Map<number, Record<string, unknown>>();
  /** Bumped whenever a satisfaction rating is edited. */
  ratingVersion = 0;
  private nextConversationId = 1_000_000_000_000;
  private nextTimeEntryId = 2_000_000_000_000;

  constructor(options: StateOptions) {
    this.clock = options.clock;
    this.world = new World(options.seed, options.sizes, options.clock.generatedAtSeconds);
    const world = this.world;
    const { tickets, contacts, companies } = options.sizes;
    const cache = options.jsonCacheSize;

    this.companies = new RecordTable('company', IdBase.company, companies, companyGenerator(world), cache);
    this.contacts = new RecordTable('contact', IdBase.contact, contacts, contactGenerator(world), cache);
    this.tickets = new RecordTable(
      'ticket',
      IdBase.ticket,
      tickets,
      ticketGenerator(world, (index) => companyOfContact(world, index)),
      cache,
    );
    initializeTimes(world, this.companies, companies, Stream.companyTimes, () => 0);
    initializeTimes(world, this.contacts, contacts, Stream.contactTimes, (i) =>
      initialContactFlags(world, i),
    );
    initializeTimes(world, this.tickets, tickets, Stream.ticketTimes, (i) =>
      initialTicketFlags(world, this.tickets.idAt(i)),
    );
    this.catalog = generateCatalog(world);
  }

  now(): number {
    return this.clock.nowSeconds();
  }

  allocateConversationId(): number {
    return this.nextConversationId++;
  }

  allocateTimeEntryId(): number {
    return this.nextTimeEntryId++;
  }

  /** Drops cached JSON and list views after a custom field schema change. */
  schemaChanged(): void {
    this.tickets.clearJsonCache();
    this.contacts.clearJsonCache();
    this.companies.clearJsonCache();
    this.views.clear();
    this.ticketViews.clear();
  }
}

function initializeTimes(
  world: World,
  table: RecordTable,
  count: number,
  stream: number,
  flagsOf: (index: number) => number,
): void {
  for (let i = 0; i < count; i++) {
    const id = table.idAt(i);
    const created = createdAtFor(i, count, world.generatedAt);
    const updated = updatedAtFor(world.seedHash, stream, id, created, world.generatedAt);
    table.initialize(i, created, updated, flagsOf(i));
  }
}
