/**
 * Reads the children of a batch of tickets (conversations, time entries) concurrently, ahead of the pipeline
 * asking for them one ticket at a time: per-ticket lists are latency-bound when read one after another, and
 * the shared rate limiter still keeps the whole run under the account's budget.
 */
export class ChildPrefetcher {
  readonly #pending = new Map<string, Promise<object[]>>();
  readonly #queue: (() => void)[] = [];
  #active = 0;

  constructor(
    private readonly fetchAll: (child: string, ticketId: number) => Promise<object[]>,
    private readonly limit: number,
  ) {}

  /** Starts reading every child list of these tickets. */
  prefetch(children: readonly string[], ticketIds: readonly number[]): void {
    for (const id of ticketIds) {
      for (const child of children) {
        const key = `${child}:${id}`;
        if (this.#pending.has(key)) continue;
        const promise = this.#slot(() => this.fetchAll(child, id));
        // Awaited by take(); this keeps an unclaimed failure from becoming an unhandled rejection.
        promise.catch(() => {});
        this.#pending.set(key, promise);
      }
    }
  }

  /** The prefetched children of a ticket (once), or undefined when they were not prefetched. */
  take(child: string, ticketId: number): Promise<object[]> | undefined {
    const key = `${child}:${ticketId}`;
    const promise = this.#pending.get(key);
    this.#pending.delete(key);
    return promise;
  }

  /** Forgets prefetches nobody claimed (tickets the cursor skipped after all). */
  clear(): void {
    this.#pending.clear();
  }

  async #slot<T>(task: () => Promise<T>): Promise<T> {
    if (this.#active >= this.limit) await new Promise<void>((resolve) => this.#queue.push(resolve));
    this.#active += 1;
    try {
      return await task();
    } finally {
      this.#active -= 1;
      this.#queue.shift()?.();
    }
  }
}
