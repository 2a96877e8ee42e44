/**
 * Encoded pages of list responses, bounded by total bytes. A page is reused only while its key (which
 * includes the data version) matches, so any change to the data makes it unreachable; the oldest pages are
 * dropped first.
 */
export class PageCache {
  private readonly pages = new Map<string, Buffer>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): Buffer | undefined {
    return this.pages.get(key);
  }

  set(key: string, page: Buffer): void {
    if (page.length > this.maxBytes) return;
    const existing = this.pages.get(key);
    if (existing) {
      this.bytes -= existing.length;
      this.pages.delete(key);
    }
    this.pages.set(key, page);
    this.bytes += page.length;
    while (this.bytes > this.maxBytes) {
      const oldest = this.pages.entries().next();
      if (oldest.done) break;
      this.pages.delete(oldest.value[0]);
      this.bytes -= oldest.value[1].length;
    }
  }
}
