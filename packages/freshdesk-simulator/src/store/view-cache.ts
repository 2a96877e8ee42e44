/**
 * A tiny LRU of computed list views (ordered, filtered id lists), keyed by query and data version, so
 * paging through a large list does not filter a million records per page.
 */
export class ViewCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly limit: number) {}

  getOrCompute(key: string, compute: () => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = compute();
    this.entries.set(key, value);
    while (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
