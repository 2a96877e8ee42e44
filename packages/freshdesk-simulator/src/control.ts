import { isoSeconds } from './clock.js';
import type { CustomFieldDefinition, CustomFieldResource, CustomFieldType } from './data/custom-fields.js';
import { CUSTOM_FIELD_TYPES } from './data/custom-fields.js';
import { Rng, Stream } from './data/random.js';
import { SUBJECTS, TAGS } from './data/text.js';
import { FAULT_KINDS, type FaultInjector, type FaultKind, type FaultOptions } from './faults.js';
import { editRating, type RatingPatch } from './store/rating-edit.js';
import { Flag, type RecordData, type RecordTable } from './store/record-table.js';
import {
  collectionRecords,
  SNAPSHOT_RESOURCES,
  type SnapshotOptions,
  type SnapshotResource,
} from './store/snapshot.js';
import type { SimulatorState } from './store/state.js';

export type MutableResource = 'tickets' | 'contacts' | 'companies';

export interface MutateOptions {
  resource: MutableResource;
  count: number;
}

export interface AddCustomFieldOptions {
  resource: CustomFieldResource;
  /** Key inside custom_fields; must start with `cf_`. */
  name: string;
  type: CustomFieldType;
  label?: string;
  choices?: string[];
  nullRate?: number;
}

export interface ChangeFieldTypeOptions {
  resource: CustomFieldResource;
  name: string;
  type: CustomFieldType;
}

/**
 * The test-side handle of a running simulator: move time, change data the way real users would, inject
 * failures and read the current truth of every resource.
 */
export class SimulatorControl {
  private mutationRound = 0;

  constructor(
    private readonly state: SimulatorState,
    private readonly faults: FaultInjector,
  ) {}

  /** The simulated current time. */
  now(): Date {
    return new Date(this.state.clock.nowMs());
  }

  /** Moves the simulated clock forward; later changes get later `updated_at` values. */
  advanceClock(ms: number): Date {
    this.state.clock.advance(ms);
    return this.now();
  }

  /**
   * Changes `count` random live records (tickets: status, priority, tags and a custom field; contacts: job
   * title; companies: description), moving their updated_at to now. Returns the changed ids.
   */
  mutate({ resource, count }: MutateOptions): number[] {
    const table = this.table(resource);
    const rng = Rng.for(this.state.world.seedHash, Stream.mutation, ++this.mutationRound);
    const ids = this.pickLive(table, count, rng, Flag.deleted | Flag.spam | Flag.gone);
    const now = this.state.now();
    for (const id of ids) {
      if (resource === 'tickets') {
        const fields = this.state.world.customFields('tickets');
        const field = fields[rng.int(0, fields.length - 1)];
        // Only the changed field: the others keep following the generated record.
        const customFields: RecordData = {};
        if (field && field.type === 'text') customFields[field.name] = `changed-${this.mutationRound}`;
        table.update(
          id,
          {
            status: rng.pick([2, 3, 4, 5]),
            priority: rng.pick([1, 2, 3, 4]),
            tags: rng.sample(TAGS, rng.int(1, 3)),
            subject: `${rng.pick(SUBJECTS)} (updated ${this.mutationRound})`,
            custom_fields: customFields,
          },
          now,
        );
      } else if (resource === 'contacts') {
        table.update(id, { job_title: `Title ${this.mutationRound}-${rng.int(1, 999)}` }, now);
      } else {
        table.update(id, { description: `Updated in round ${this.mutationRound}` }, now);
      }
    }
    return ids;
  }

  /** Soft-deletes `count` random live tickets (they then appear only with filter=deleted). */
  deleteTickets(count: number): number[] {
    return this.flagTickets(count, Flag.deleted);
  }

  /** Marks `count` random live tickets as spam (they then appear only with filter=spam). */
  spamTickets(count: number): number[] {
    return this.flagTickets(count, Flag.spam);
  }

  /**
   * Blocks contacts, as an agent does in Freshdesk's UI (its API cannot): `count` random contacts that are
   * neither deleted nor blocked, or exactly the given ids. They then list only under `state=blocked`, carry
   * `blocked: true`, and their updated_at moves to now (so `_updated_since` lists them). Returns their ids.
   */
  blockContacts(target: number | readonly number[]): number[] {
    const table = this.state.contacts;
    const ids =
      typeof target === 'number'
        ? this.pickLive(
            table,
            target,
            Rng.for(this.state.world.seedHash, Stream.mutation, ++this.mutationRound),
            Flag.deleted | Flag.blocked | Flag.gone,
          )
        : this.blockableContacts(target);
    const now = this.state.now();
    for (const id of ids) table.setFlags(id, Flag.blocked, 0, now);
    return ids;
  }

  /**
   * Edits a satisfaction rating as a customer answering the survey again would (no API call can): the given
   * `feedback` and `ratings` (merged by question) change and updated_at moves to now, while created_at stays,
   * so a list by `created_since` finds it where it was. Returns the rating as the API now serves it.
   */
  editRating(id: number, patch: RatingPatch): RecordData {
    return editRating(this.state, id, patch, this.state.now());
  }

  /** Schema drift: a new custom field appears on every record of the resource. */
  addCustomField(options: AddCustomFieldOptions): void {
    assertFieldType(options.type);
    const field: CustomFieldDefinition = {
      name: options.name,
      label: options.label ?? options.name.replace(/^cf_/, ''),
      type: options.type,
    };
    if (options.choices) field.choices = options.choices;
    if (options.nullRate !== undefined) field.nullRate = options.nullRate;
    this.state.world.addCustomField(options.resource, field);
    this.state.schemaChanged();
  }

  /** Type drift: the field's values take a different shape from now on (e.g. number becomes text). */
  changeFieldType(options: ChangeFieldTypeOptions): void {
    assertFieldType(options.type);
    this.state.world.changeFieldType(options.resource, options.name, options.type);
    this.state.schemaChanged();
  }

  /** Makes the next `count` API requests fail with `kind`. */
  injectFault(kind: FaultKind, count = 1): void {
    if (!FAULT_KINDS.includes(kind))
      throw new Error(`Unknown fault "${kind}"; use one of ${FAULT_KINDS.join(', ')}.`);
    this.faults.enqueue(kind, count);
  }

  /** Replaces the probabilistic/scheduled fault configuration. */
  configureFaults(options: FaultOptions): void {
    this.faults.configure(options);
  }

  /** Every current record of a resource, as the API would return it, including deleted and spam ones. */
  *records(resource: SnapshotResource, options: SnapshotOptions = {}): Generator<RecordData> {
    yield* collectionRecords(this.state, resource, options);
  }

  /** The full current data set of a resource as an array (use records() for very large sets). */
  snapshot(resource: SnapshotResource, options: SnapshotOptions = {}): RecordData[] {
    return [...this.records(resource, options)];
  }

  /** Resources snapshot() accepts. */
  get resources(): readonly SnapshotResource[] {
    return SNAPSHOT_RESOURCES;
  }

  /** Counts and clock, for dashboards and debugging. */
  info(): { now: string; tickets: number; contacts: number; companies: number } {
    return {
      now: isoSeconds(this.state.now()),
      tickets: this.state.tickets.size,
      contacts: this.state.contacts.size,
      companies: this.state.companies.size,
    };
  }

  private flagTickets(count: number, flag: number): number[] {
    const rng = Rng.for(this.state.world.seedHash, Stream.mutation, ++this.mutationRound);
    const ids = this.pickLive(this.state.tickets, count, rng, Flag.deleted | Flag.spam | Flag.gone);
    const now = this.state.now();
    for (const id of ids) this.state.tickets.setFlags(id, flag, 0, now);
    return ids;
  }

  /** The ids, sorted and distinct, once each is a contact that exists and is neither deleted nor blocked. */
  private blockableContacts(ids: readonly number[]): number[] {
    if (!Array.isArray(ids)) throw new TypeError('blockContacts takes a count or an array of contact ids.');
    const table = this.state.contacts;
    for (const id of ids) {
      const index = Number.isSafeInteger(id) ? table.indexOf(id) : undefined;
      if (index === undefined || !table.exists(id)) {
        throw new Error(`No contact with id ${String(id)}; take ids from snapshot('contacts').`);
      }
      const flags = table.flags(index);
      if (flags & Flag.deleted) throw new Error(`Contact ${id} is deleted; restore it before blocking it.`);
      if (flags & Flag.blocked) throw new Error(`Contact ${id} is already blocked.`);
    }
    return [...new Set(ids)].sort((a, b) => a - b);
  }

  private table(resource: MutableResource): RecordTable {
    if (resource === 'tickets') return this.state.tickets;
    if (resource === 'contacts') return this.state.contacts;
    if (resource === 'companies') return this.state.companies;
    throw new Error(`mutate supports tickets, contacts and companies, not "${String(resource)}".`);
  }

  /** Picks distinct random records without any of the `excluded` flags. */
  private pickLive(table: RecordTable, count: number, rng: Rng, excluded: number): number[] {
    if (!Number.isInteger(count) || count < 0)
      throw new RangeError(`count must be a non-negative integer, got ${count}`);
    const live: number[] = [];
    for (let index = 0; index < table.size; index++) if (!(table.flags(index) & excluded)) live.push(index);
    const picked: number[] = [];
    for (let i = 0; i < count && live.length > 0; i++) {
      // Swap-remove keeps each pick O(1) on a million records.
      const at = rng.int(0, live.length - 1);
      const index = live[at] as number;
      live[at] = live[live.length - 1] as number;
      live.pop();
      picked.push(table.idAt(index));
    }
    return picked.sort((a, b) => a - b);
  }
}

function assertFieldType(type: string): void {
  if (!CUSTOM_FIELD_TYPES.includes(type as CustomFieldType)) {
    throw new Error(`Unknown custom field type "${type}"; use one of ${CUSTOM_FIELD_TYPES.join(', ')}.`);
  }
}
