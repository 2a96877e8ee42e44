/** One granted request as the window counts it. */
export interface WindowEntry {
  cost: number;
  readonly grantedAt: number;
  settledAt: number | undefined;
}

/**
 * The credits spent in a sliding window, in O(1) amortized per request: requests in flight are counted from
 * their grant, answered ones until `windowMs` after their answer. Answers arrive in clock order, so answered
 * entries form a queue; requests in flight are few (bounded by the callers' concurrency). A request never
 * settled leaves `windowMs` after its grant.
 */
export class CreditWindow {
  readonly #windowMs: number;
  readonly #inFlight = new Set<WindowEntry>();
  #settled: WindowEntry[] = [];
  #head = 0;
  #used = 0;
  #inFlightCredits = 0;

  constructor(windowMs: number) {
    this.#windowMs = windowMs;
  }

  /** Credits counted now (call `prune` first). */
  get used(): number {
    return this.#used;
  }

  /** Credits of requests granted and not answered yet. */
  get inFlight(): number {
    return this.#inFlightCredits;
  }

  grant(cost: number, now: number): WindowEntry {
    const entry: WindowEntry = { cost, grantedAt: now, settledAt: undefined };
    this.#inFlight.add(entry);
    this.#used += cost;
    this.#inFlightCredits += cost;
    return entry;
  }

  /** The request was answered at `now`, costing `cost` credits when the answer says (else its estimate). */
  settle(entry: WindowEntry, now: number, cost?: number): void {
    if (entry.settledAt !== undefined || !this.#inFlight.delete(entry)) return;
    this.#inFlightCredits -= entry.cost;
    if (cost !== undefined) {
      this.#used += cost - entry.cost;
      entry.cost = cost;
    }
    entry.settledAt = now;
    this.#settled.push(entry);
  }

  /** Drops what has left the window by `now`. */
  prune(now: number): void {
    const horizon = now - this.#windowMs;
    while (this.#head < this.#settled.length) {
      const entry = this.#settled[this.#head] as WindowEntry;
      if ((entry.settledAt as number) > horizon) break;
      this.#used -= entry.cost;
      this.#head += 1;
    }
    // Compact now and then, so the queue does not grow without bound.
    if (this.#head > 1024 && this.#head * 2 > this.#settled.length) {
      this.#settled = this.#settled.slice(this.#head);
      this.#head = 0;
    }
    for (const entry of this.#inFlight) {
      if (entry.grantedAt > horizon) continue;
      this.#inFlight.delete(entry);
      this.#used -= entry.cost;
      this.#inFlightCredits -= entry.cost;
    }
  }

  /**
   * How long from `now` until `needed` credits have left the window, if nothing else is answered; requests in
   * flight count as leaving a window after their grant (an answer moves that later, and the caller recomputes).
   */
  untilFreed(needed: number, now: number): number {
    const open = [...this.#inFlight].map((e) => ({ at: e.grantedAt + this.#windowMs, cost: e.cost }));
    open.sort((a, b) => a.at - b.at);
    let freed = 0;
    let i = this.#head;
    let j = 0;
    while (i < this.#settled.length || j < open.length) {
      const settled = this.#settled[i];
      const settledAt = settled ? (settled.settledAt as number) + this.#windowMs : Number.POSITIVE_INFINITY;
      const next = open[j];
      const openAt = next ? next.at : Number.POSITIVE_INFINITY;
      let at: number;
      if (settledAt <= openAt) {
        at = settledAt;
        freed += (settled as WindowEntry).cost;
        i += 1;
      } else {
        at = openAt;
        freed += (next as { cost: number }).cost;
        j += 1;
      }
      if (freed >= needed) return Math.max(1, at - now);
    }
    return this.#windowMs;
  }
}
