/**
 * Seeded, stateless randomness: every record is derived from hash(seed, kind, id), so any record can be
 * regenerated on demand without keeping it in memory.
 */

/** FNV-1a over a string, then mixed: a 32-bit hash that is stable across runs and platforms. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h >>> 0);
}

/** A 32-bit integer finalizer (murmur3 fmix32): spreads nearby inputs over the whole range. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines a seed hash, a small stream number and an id into one 32-bit state. */
export function combine(seedHash: number, stream: number, id: number): number {
  return mix32(seedHash ^ mix32(stream * 0x9e3779b1 + id));
}

/** A deterministic float in [0, 1) for (seedHash, stream, id): cheap enough for a million calls at start. */
export function unitFloat(seedHash: number, stream: number, id: number): number {
  return combine(seedHash, stream, id) / 4294967296;
}

/** A small mulberry32 generator with helpers for building one record. */
export class Rng {
  private state: number;

  constructor(state: number) {
    this.state = state >>> 0;
  }

  static for(seedHash: number, stream: number, id: number): Rng {
    return new Rng(combine(seedHash, stream, id));
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  bool(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('Rng.pick needs a non-empty list');
    return item;
  }

  /** Picks with weights given as [item, weight] pairs. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    const last = items[items.length - 1];
    if (last === undefined) throw new Error('Rng.weighted needs a non-empty list');
    return last[0];
  }

  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    const out: T[] = [];
    for (let i = 0; i < count && copy.length > 0; i++) {
      const index = Math.floor(this.next() * copy.length);
      out.push(copy.splice(index, 1)[0] as T);
    }
    return out;
  }
}

/** Stream numbers keep the random sequences of different record kinds independent. */
export const Stream = {
  ticketTimes: 1,
  ticketFlags: 2,
  ticket: 3,
  contact: 4,
  contactTimes: 5,
  company: 6,
  conversation: 7,
  timeEntry: 8,
  rating: 9,
  customField: 10,
  catalog: 11,
  mutation: 12,
  faults: 13,
  contactFlags: 14,
  companyTimes: 15,
} as const;
