/**
 * Compact state for one large resource (tickets, contacts, companies): records are generated on demand from
 * (seed, id); only timestamps, flags and versions live in typed arrays, and only changed records are kept
 * as overrides. A million tickets therefore cost about 30 MB instead of gigabytes.
 */

export const Flag = {
  deleted: 1,
  spam: 2,
  /** Hard-deleted: the id no longer exists. */
  gone: 4,
  blocked: 8,
  unverified: 16,
} as const;

export type RecordData = Record<string, unknown>;

export interface TableGenerator {
  /** Builds the generated base of a record (only for ids the generator owns). */
  generate(id: number, created: number, updated: number, flags: number): RecordData;
  /** Applies timestamps and flag-derived fields to the merged record. */
  finalize(record: RecordData, created: number, updated: number, flags: number): RecordData;
}

const INITIAL_CAPACITY = 16;

export class RecordTable {
  private created: Float64Array;
  private updated: Float64Array;
  private flagBits: Uint8Array;
  private versions: Uint32Array;
  private count = 0;
  private readonly overrides = new Map<number, RecordData>();
  private readonly jsonCache = new Map<number, { version: number; json: string }>();
  private byUpdated: Uint32Array | undefined;
  private byUpdatedVersion = -1;
  /** Bumped on every change; cached list views compare against it. */
  dataVersion = 0;

  constructor(
    readonly name: string,
    private readonly idBase: number,
    readonly generatedCount: number,
    private readonly generator: TableGenerator,
    private readonly jsonCacheLimit: number,
  ) {
    const capacity = Math.max(INITIAL_CAPACITY, generatedCount);
    this.created = new Float64Array(capacity);
    this.updated = new Float64Array(capacity);
    this.flagBits = new Uint8Array(capacity);
    this.versions = new Uint32Array(capacity);
    this.count = generatedCount;
  }

  /** Number of ids ever allocated (including deleted ones). */
  get size(): number {
    return this.count;
  }

  idAt(index: number): number {
    return this.idBase + index + 1;
  }

  indexOf(id: number): number | undefined {
    const index = id - this.idBase - 1;
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    return index;
  }

  /** Sets the initial timestamps and flags of a generated record (called once at start). */
  initialize(index: number, created: number, updated: number, flags: number): void {
    this.created[index] = created;
    this.updated[index] = updated;
    this.flagBits[index] = flags;
  }

  createdAt(index: number): number {
    return this.created[index] ?? 0;
  }

  updatedAt(index: number): number {
    return this.updated[index] ?? 0;
  }

  flags(index: number): number {
    return this.flagBits[index] ?? 0;
  }

  exists(id: number): boolean {
    const index = this.indexOf(id);
    return index !== undefined && (this.flags(index) & Flag.gone) === 0;
  }

  /** The current record, or undefined when the id never existed or was hard-deleted. */
  get(id: number): RecordData | undefined {
    const index = this.indexOf(id);
    if (index === undefined) return undefined;
    const flags = this.flags(index);
    if (flags & Flag.gone) return undefined;
    const created = this.createdAt(index);
    const updated = this.updatedAt(index);
    const override = this.overrides.get(id);
    const base = index < this.generatedCount ? this.generator.generate(id, created, updated, flags) : {};
    const merged = override ? mergeRecord(base, override) : base;
    return this.generator.finalize(merged, created, updated, flags);
  }

  /** The generated record as it was before any change (undefined for records created through the API). */
  base(id: number): RecordData | undefined {
    const index = this.indexOf(id);
    if (index === undefined || index >= this.generatedCount) return undefined;
    const flags = this.flags(index);
    return this.generator.generate(id, this.createdAt(index), this.updatedAt(index), flags);
  }

  /** The record serialized as JSON, cached per record version so hot pages are served without re-encoding. */
  json(id: number): string | undefined {
    const index = this.indexOf(id);
    if (index === undefined) return undefined;
    const version = this.versions[index] ?? 0;
    const cached = this.jsonCache.get(id);
    if (cached && cached.version === version) return cached.json;
    const record = this.get(id);
    if (!record) return undefined;
    const json = JSON.stringify(record);
    if (this.jsonCache.size >= this.jsonCacheLimit) {
      // Drop the oldest entry (Map keeps insertion order): a cheap approximation of LRU.
      const oldest = this.jsonCache.keys().next();
      if (!oldest.done) this.jsonCache.delete(oldest.value);
    }
    this.jsonCache.set(id, { version, json });
    return json;
  }

  /** Ids of records changed or created through the API or the control handle. */
  changedIds(): IterableIterator<number> {
    return this.overrides.keys();
  }

  /** Drops every cached JSON string (after a custom field schema change). */
  clearJsonCache(): void {
    this.jsonCache.clear();
    this.dataVersion++;
  }

  /** Adds a new record with the given body (its `id` is assigned here); returns the id. */
  insert(body: RecordData, now: number, flags = 0): number {
    this.ensureCapacity(this.count + 1);
    const index = this.count++;
    this.created[index] = now;
    this.updated[index] = now;
    this.flagBits[index] = flags;
    this.versions[index] = 0;
    const id = this.idAt(index);
    // Every resource carries its id; a placeholder id in the body keeps its key position.
    this.overrides.set(id, { ...body, id });
    this.dataVersion++;
    return id;
  }

  /**
   * Merges `patch` into the record and moves its updated_at to `now`. `patch.custom_fields` holds only the
   * fields that change; the others keep following the generated record (and its schema drift).
   */
  update(id: number, patch: RecordData, now: number): void {
    const index = this.requireIndex(id);
    const existing = this.overrides.get(id);
    this.overrides.set(id, existing ? mergeRecord(existing, patch) : { ...patch });
    this.touch(index, now);
  }

  /** Sets or clears flag bits and moves updated_at (deleting a ticket is an update in Freshdesk). */
  setFlags(id: number, set: number, clear: number, now: number, touch = true): void {
    const index = this.requireIndex(id);
    this.flagBits[index] = (this.flags(index) | set) & ~clear & 0xff;
    if (touch) this.touch(index, now);
    else this.bump(index);
  }

  /** Overrides timestamps directly (used by the control API to age records). */
  setTimestamps(id: number, created: number | undefined, updated: number | undefined): void {
    const index = this.requireIndex(id);
    if (created !== undefined) this.created[index] = created;
    if (updated !== undefined) this.updated[index] = updated;
    this.bump(index);
  }

  /** Record indices sorted by (updated_at, id) ascending; rebuilt lazily after changes. */
  sortedByUpdated(): Uint32Array {
    if (this.byUpdated && this.byUpdatedVersion === this.dataVersion) return this.byUpdated;
    const n = this.count;
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    const updated = this.updated;
    // Composite float keys let the native numeric sort do the work while they stay exact (< 2^53).
    const maxUpdated = n > 0 ? updated.subarray(0, n).reduce((a, b) => Math.max(a, b), 0) : 0;
    if (n < 2 ** 22 && maxUpdated < 2 ** 31) {
      const keys = new Float64Array(n);
      for (let i = 0; i < n; i++) keys[i] = (updated[i] ?? 0) * 2 ** 22 + i;
      keys.sort();
      for (let i = 0; i < n; i++) order[i] = (keys[i] ?? 0) % 2 ** 22;
    } else {
      order.sort((a, b) => (updated[a] ?? 0) - (updated[b] ?? 0) || a - b);
    }
    this.byUpdated = order;
    this.byUpdatedVersion = this.dataVersion;
    return order;
  }

  private touch(index: number, now: number): void {
    // updated_at never goes backwards, even if the clock was set before a record's generated updated_at.
    this.updated[index] = Math.max(now, this.updatedAt(index));
    this.bump(index);
  }

  private bump(index: number): void {
    this.versions[index] = ((this.versions[index] ?? 0) + 1) >>> 0;
    this.dataVersion++;
  }

  private requireIndex(id: number): number {
    const index = this.indexOf(id);
    if (index === undefined) throw new Error(`No ${this.name} record with id ${id}`);
    return index;
  }

  private ensureCapacity(needed: number): void {
    if (needed <= this.created.length) return;
    const capacity = Math.max(needed, this.created.length * 2);
    this.created = grow(this.created, new Float64Array(capacity));
    this.updated = grow(this.updated, new Float64Array(capacity));
    this.flagBits = grow(this.flagBits, new Uint8Array(capacity));
    this.versions = grow(this.versions, new Uint32Array(capacity));
  }
}

/**
 * `patch` over `record`, one level deeper for `custom_fields`: an override holds only the custom fields that
 * were set, so fields added later (schema drift) and the other fields' generated values still show through.
 */
export function mergeRecord(record: RecordData, patch: RecordData): RecordData {
  const merged = { ...record, ...patch };
  const below = record.custom_fields;
  const above = patch.custom_fields;
  if (isObject(below) && isObject(above)) merged.custom_fields = { ...below, ...above };
  return merged;
}

function isObject(value: unknown): value is RecordData {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function grow<T extends Float64Array | Uint8Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
