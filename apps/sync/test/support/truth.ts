import { LIST_ENDPOINTS } from '@sluice/freshdesk-client';
import type { Simulator, SnapshotResource } from '@sluice/freshdesk-simulator';
import { CATALOG } from '../../src/source/catalog.js';
import { fullRefreshSet, selectEntries } from '../../src/source/selection.js';

type Rec = Record<string, unknown>;

/** The simulator's snapshot name of each catalog resource. */
export const SNAPSHOT_OF: Readonly<Record<string, SnapshotResource>> = Object.fromEntries(
  CATALOG.map((e) => [
    e.name,
    (
      {
        email_mailboxes: 'mailboxes',
        discussion_forums: 'forums',
        discussion_topics: 'topics',
        discussion_comments: 'comments',
        helpdesk_settings: 'settings',
      } as Record<string, SnapshotResource>
    )[e.name] ?? (e.name as SnapshotResource),
  ]),
);

const DAY_MS = 86_400_000;

/** Whether Freshdesk answers a list whole, in one response without pages (the spec says so per endpoint). */
function unpaged(path: string): boolean {
  const spec = (LIST_ENDPOINTS as Record<string, { paginated: boolean } | undefined>)[path];
  return spec === undefined || !spec.paginated;
}

function ms(value: unknown): number {
  return Date.parse(String(value));
}

function id(record: Rec): number {
  return Number(record.id);
}

function groupBy(records: readonly Rec[], key: string): Map<number, Rec[]> {
  const out = new Map<number, Rec[]>();
  for (const r of records) {
    const list = out.get(Number(r[key])) ?? [];
    list.push(r);
    out.set(Number(r[key]), list);
  }
  return out;
}

/** The pages a plain `Link`-paged list of `n` items takes (one page even when empty). */
export function pagesOf(n: number, perPage: number): number {
  return Math.max(1, Math.ceil(n / perPage));
}

/**
 * The requests one pass of the ticket list takes: every page starts a new `updated_since` window at the
 * newest `updated_at` read so far (inclusive), so tickets sharing that second are listed again; a window
 * goes on to its next page only while the page did not move past the window's start.
 */
export function ticketPassPages(updatedAt: readonly number[], since: number, perPage: number): number {
  const times = updatedAt.filter((t) => t >= since).sort((a, b) => a - b);
  let requests = 0;
  let from = since;
  let edge = Number.NEGATIVE_INFINITY;
  for (;;) {
    const listed = times.filter((t) => t >= from);
    for (let page = 0; ; page++) {
      requests += 1;
      const items = listed.slice(page * perPage, (page + 1) * perPage);
      edge = Math.max(edge, items[items.length - 1] ?? edge);
      if (listed.length <= (page + 1) * perPage) return requests;
      if (edge > from) break;
    }
    from = edge;
  }
}

/**
 * What loader-core keeps of a cursor between runs (see IncrementalCursor): the last value, the ids loaded at
 * exactly that value (skipped when listed again), and the sync's `fullRefreshThrough` carried after a full
 * refresh (see src/source/refresh-cursor.ts).
 */
class CursorModel {
  last: number | undefined;
  seen = new Set<number>();
  carried: number | undefined;

  constructor(
    readonly field: string,
    readonly startMs: number,
    readonly lookbackMs = 0,
  ) {}

  /** The start value loader-core hands the source: the last value minus the lookback, never before the start. */
  startValue(): number {
    return this.last === undefined ? this.startMs : Math.max(this.startMs, this.last - this.lookbackMs);
  }

  /** What the next incremental read asks for (a carried refresh value wins when later). */
  since(): number {
    const start = this.startValue();
    return this.carried !== undefined && this.carried > start ? this.carried : start;
  }

  keeps(record: Rec): boolean {
    const t = ms(record[this.field]);
    if (t < this.startValue()) return false;
    // Under a lookback loader-core re-reads the record at the last value too: no boundary dedup.
    if (this.lookbackMs > 0) return true;
    return !(this.seen.size > 0 && t === this.last && this.seen.has(id(record)));
  }

  /** After an incremental run that kept `kept`: the max moves on, and the ids at it are the new boundary. */
  advance(kept: readonly Rec[]): void {
    let max = this.last ?? this.startMs;
    let keys = new Set(this.seen);
    for (const record of kept) {
      const t = ms(record[this.field]);
      if (t > max) {
        max = t;
        keys = new Set([id(record)]);
      } else if (t === max) keys.add(id(record));
    }
    this.last = max;
    this.seen = keys;
    this.carried = undefined;
  }

  /** After a full refresh (no cursor): the stored cursor stays; the newest value loaded is carried. */
  refreshed(loaded: readonly Rec[], carries: boolean): void {
    if (!carries) return;
    this.carried = loaded.reduce<number | undefined>((m, r) => {
      const t = ms(r[this.field]);
      return m === undefined || t > m ? t : m;
    }, undefined);
  }
}

export interface RunSelection {
  /** `--resources` (default all). */
  readonly resources?: readonly string[];
  /** `--full-refresh` names (`*` for all). */
  readonly fullRefresh?: readonly string[];
}

export interface TruthOptions {
  readonly perPage?: number;
  readonly ticketIncludes?: readonly string[];
  readonly startDate?: string;
}

/** The list views each incremental resource reads, as predicates over snapshot records. */
const TICKET_VIEWS = [
  (t: Rec) => t.deleted !== true && t.spam !== true,
  (t: Rec) => t.deleted === true,
  (t: Rec) => t.spam === true,
];
const CONTACT_VIEWS = [
  (c: Rec) => c.deleted !== true && c.blocked !== true,
  (c: Rec) => c.deleted === true,
  (c: Rec) => c.blocked === true,
];

/**
 * What the warehouse must hold after the runs so far, from the simulator's snapshots at each run: a reference
 * model of the sync's contract. Tickets, contacts and ratings are merged by id from what each run lists
 * (records not listed keep the version loaded before, e.g. when a custom field appears without moving
 * `updated_at`); conversations and time entries are those of the tickets each run read; every other resource
 * is what the simulator holds at its last run. It also predicts each run's exact API requests.
 */
export class Truth {
  readonly #sim: Simulator;
  readonly #perPage: number;
  readonly #includes: string[];
  readonly #startMs: number;
  readonly #merged = new Map<string, Map<number, Rec>>();
  readonly #children = new Map<string, Map<number, Rec[]>>();
  readonly #replaced = new Map<string, Rec[]>();
  readonly #cursors: Record<'tickets' | 'contacts' | 'satisfaction_ratings', CursorModel>;

  constructor(sim: Simulator, options: TruthOptions = {}) {
    this.#sim = sim;
    this.#perPage = options.perPage ?? 20;
    this.#includes = [...(options.ticketIncludes ?? ['description', 'stats'])];
    this.#startMs = ms(options.startDate ?? '1970-01-01T00:00:00Z');
    this.#cursors = {
      tickets: new CursorModel('updated_at', this.#startMs),
      contacts: new CursorModel('updated_at', this.#startMs),
      satisfaction_ratings: new CursorModel('created_at', this.#startMs, 7 * DAY_MS),
    };
  }

  get sim(): Simulator {
    return this.#sim;
  }

  /** The `created_since` the next incremental run of satisfaction ratings sends. */
  ratingsCreatedSince(): string {
    return new Date(this.#cursors.satisfaction_ratings.startValue()).toISOString();
  }

  /** The `updated_since` the next incremental run of tickets sends. */
  ticketsUpdatedSince(): string {
    return new Date(this.#cursors.tickets.since()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  #snapshot(resource: string): Rec[] {
    const name = SNAPSHOT_OF[resource] as SnapshotResource;
    const records = this.#sim.control.snapshot(
      name,
      resource === 'tickets' ? { include: this.#includes } : {},
    ) as Rec[];
    return records;
  }

  /**
   * Records that a run has loaded: call after every run that committed, with its selection. Returns the API
   * requests that run made, per path below /api/v2 (computed from the state before it and the snapshot).
   */
  synced(selection: RunSelection = {}): Map<string, number> {
    const entries = selectEntries(selection.resources);
    const refresh = fullRefreshSet(selection.fullRefresh);
    const requests = new Map<string, number>([['/agents/me', 1]]);
    const add = (path: string, n: number): void => {
      requests.set(path, (requests.get(path) ?? 0) + n);
    };
    const perPage = this.#perPage;
    const plainPages = (listed: readonly Rec[]) => pagesOf(listed.length, perPage);
    let ticketsRead: Rec[] = [];
    for (const entry of entries) {
      if (entry.parent) continue;
      const current = this.#snapshot(entry.name);
      const refreshed = refresh.has(entry.name);
      switch (entry.name) {
        case 'tickets': {
          const pages = (listed: readonly Rec[], from: number) =>
            ticketPassPages(
              listed.map((t) => ms(t.updated_at)),
              from,
              perPage,
            );
          const run = this.#incremental('tickets', current, refreshed, TICKET_VIEWS, pages);
          ticketsRead = run.read;
          add(entry.path, run.requests);
          break;
        }
        case 'contacts':
          add(
            entry.path,
            this.#incremental('contacts', current, refreshed, CONTACT_VIEWS, plainPages).requests,
          );
          break;
        case 'satisfaction_ratings':
          add(
            entry.path,
            this.#incremental(entry.name, current, refreshed, [() => true], plainPages).requests,
          );
          break;
        default:
          this.#replaced.set(entry.name, current);
          add(entry.path, unpaged(entry.path) ? 1 : plainPages(current));
      }
    }
    // Children, in catalog order (parents first): ticket children per ticket read, the rest per parent record.
    for (const entry of entries) {
      if (!entry.parent) continue;
      const byParent = groupBy(this.#snapshot(entry.name), entry.parentKey as string);
      const pathOf = (parent: Rec) => entry.path.replace('{id}', String(id(parent)));
      if (entry.kind === 'ticket-child') {
        const map = refresh.has(entry.name) ? new Map<number, Rec[]>() : this.#childMap(entry.name);
        for (const ticket of ticketsRead) {
          const rows = byParent.get(id(ticket)) ?? [];
          map.set(id(ticket), rows);
          add(pathOf(ticket), plainPages(rows));
        }
        this.#children.set(entry.name, map);
      } else {
        const rows: Rec[] = [];
        for (const parent of this.#replaced.get(entry.parent as string) ?? []) {
          const mine = byParent.get(id(parent)) ?? [];
          rows.push(...mine);
          add(pathOf(parent), plainPages(mine));
        }
        this.#replaced.set(entry.name, rows);
      }
    }
    return requests;
  }

  /**
   * Reads an incremental resource: its views list the records since the cursor (or, in a full refresh,
   * since the start date); the run keeps those not at the boundary. Returns them and the requests taken.
   */
  #incremental(
    name: 'tickets' | 'contacts' | 'satisfaction_ratings',
    current: readonly Rec[],
    refresh: boolean,
    views: readonly ((r: Rec) => boolean)[],
    pages: (listed: readonly Rec[], from: number) => number,
  ): { read: Rec[]; requests: number } {
    const cursor = this.#cursors[name];
    const from = refresh ? this.#startMs : cursor.since();
    const listed = current.filter((r) => ms(r[cursor.field]) >= from);
    const requests = views.reduce((n, view) => n + pages(listed.filter(view), from), 0);
    const read = refresh ? listed : listed.filter((r) => cursor.keeps(r));
    const map = refresh ? new Map<number, Rec>() : this.#mergedMap(name);
    for (const r of read) map.set(id(r), r);
    this.#merged.set(name, map);
    // Ratings have no refresh carry-over (src/source/freshdesk-source.ts reads them from the start value).
    if (refresh) cursor.refreshed(read, name !== 'satisfaction_ratings');
    else cursor.advance(read);
    return { read, requests };
  }

  #mergedMap(name: string): Map<number, Rec> {
    return this.#merged.get(name) ?? new Map();
  }

  #childMap(name: string): Map<number, Rec[]> {
    return this.#children.get(name) ?? new Map();
  }

  /** The records a catalog resource's table must hold (none before a run loaded it), in id order. */
  records(resource: string): Rec[] {
    const merged = this.#merged.get(resource);
    if (merged) return [...merged.values()].sort((a, b) => id(a) - id(b));
    const children = this.#children.get(resource);
    if (children) return [...children.values()].flat().sort((a, b) => id(a) - id(b));
    return this.#replaced.get(resource) ?? [];
  }

  /** Whether a run has loaded the resource (its table exists). */
  loaded(resource: string): boolean {
    return this.#merged.has(resource) || this.#children.has(resource) || this.#replaced.has(resource);
  }
}

/** API requests per path (below /api/v2) from a slice of the simulator's response log. */
export function requestsByPath(requests: readonly { path: string }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of requests) out.set(r.path, (out.get(r.path) ?? 0) + 1);
  return out;
}

/** A map as a sorted plain object, for readable `toEqual` diffs. */
export function sorted(map: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries([...map].sort(([a], [b]) => a.localeCompare(b)));
}
