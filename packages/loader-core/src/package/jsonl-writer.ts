import { type FileHandle, open } from 'node:fs/promises';
import { join } from 'node:path';

/** Default size bound of one data file before it rotates to the next. */
export const DEFAULT_FILE_MAX_BYTES = 64 * 1024 * 1024;
const FLUSH_BYTES = 1024 * 1024;
/** Room for lines beyond the flush size, so that usual lines never need a buffer of their own. */
const BUFFER_BYTES = FLUSH_BYTES + 64 * 1024;
/** Flushed buffers a writer keeps for reuse (one: more would hold memory per table for little gain). */
const MAX_SPARE = 1;
/**
 * Written bytes after which a file's data is synced to disk in the background, between writes (as RocksDB's
 * `bytes_per_sync`): the kernel would otherwise keep a whole file dirty in memory until the sync that closes
 * it, and that sync would then wait for all of it while normalization waits for the close.
 */
const SYNC_EVERY_BYTES = 16 * 1024 * 1024;

export interface WrittenFile {
  /** File name inside the writer's directory. */
  readonly name: string;
  readonly rows: number;
  readonly bytes: number;
}

/**
 * Writes newline-delimited JSON for one table into `<dir>/<stem>.<n>.jsonl`, rotating to a new file when the
 * current one reaches `maxBytes`. Memory stays bounded: lines are buffered up to ~1 MB and then written.
 */
export class RotatingJsonlWriter {
  readonly files: WrittenFile[] = [];
  #handle: FileHandle | null = null;
  #name = '';
  #rows = 0;
  #bytes = 0;
  /** Lines are encoded straight into this buffer (no joined string, no second encoding when written). */
  #buffer: Buffer | null = null;
  #used = 0;
  /** Buffers whose flush has completed, reused: a fresh 1 MiB buffer per flush costs page faults and GC. */
  readonly #spare: Buffer[] = [];
  #pending: Promise<void> = Promise.resolve();
  /** Bytes written to the current file since its data was last synced. */
  #unsynced = 0;

  constructor(
    readonly dir: string,
    readonly stem: string,
    readonly maxBytes: number = DEFAULT_FILE_MAX_BYTES,
  ) {}

  /** Appends one line (without newline). Returns a promise to await only when the buffer was flushed. */
  write(line: string): Promise<void> | undefined {
    if (this.#rows === 0 && this.#handle === null && this.#name === '') this.#name = this.#nextName();
    let flushed: Promise<void> | undefined;
    // UTF-8 takes at most 3 bytes per UTF-16 unit
    const bound = line.length * 3 + 1;
    let buffer = this.#buffer;
    if (buffer === null || this.#used + bound > buffer.length) {
      if (this.#used > 0) flushed = this.#flush();
      buffer = this.#allocate(bound);
      this.#buffer = buffer;
      this.#used = 0;
    }
    const start = this.#used;
    const size = buffer.write(line, start) + 1;
    buffer[start + size - 1] = 10; // \n
    if (this.#rows > 0 && this.#bytes + size > this.maxBytes) {
      // The line opens the next file: the buffer up to it goes to the current one.
      const moved = this.#allocate(size);
      buffer.copy(moved, 0, start, start + size);
      this.#used = start;
      this.#rotate();
      this.#buffer = moved;
      this.#used = size;
    } else {
      this.#used = start + size;
    }
    this.#bytes += size;
    this.#rows++;
    if (this.#used >= FLUSH_BYTES) return this.#flush();
    return flushed;
  }

  #allocate(bytes: number): Buffer {
    const spare = this.#spare.pop();
    return spare !== undefined && spare.length >= bytes
      ? spare
      : Buffer.allocUnsafe(Math.max(BUFFER_BYTES, bytes));
  }

  #nextName(): string {
    return `${this.stem}.${String(this.files.length).padStart(4, '0')}.jsonl`;
  }

  #rotate(): void {
    const name = this.#name;
    const rows = this.#rows;
    const bytes = this.#bytes;
    const flushed = this.#flush();
    const handle = this.#closeAfter(flushed);
    this.#pending = handle;
    this.files.push({ name, rows, bytes });
    this.#name = this.#nextName();
    this.#rows = 0;
    this.#bytes = 0;
  }

  async #closeAfter(flushed: Promise<void>): Promise<void> {
    await flushed;
    const h = this.#handle;
    this.#handle = null;
    await h?.datasync();
    await h?.close();
  }

  #flush(): Promise<void> {
    const buffer = this.#buffer;
    if (buffer === null || this.#used === 0) return this.#pending;
    const chunk = buffer.subarray(0, this.#used);
    // the chunk is written asynchronously: the next lines go to a new buffer
    this.#buffer = null;
    this.#used = 0;
    const name = this.#name;
    this.#pending = this.#pending.then(async () => {
      if (this.#handle === null) {
        this.#handle = await open(join(this.dir, name), 'a');
        this.#unsynced = 0;
      }
      await this.#handle.write(chunk);
      if (this.#spare.length < MAX_SPARE && buffer.length === BUFFER_BYTES) this.#spare.push(buffer);
      this.#unsynced += chunk.length;
      if (this.#unsynced >= SYNC_EVERY_BYTES) {
        this.#unsynced = 0;
        await this.#handle.datasync();
      }
    });
    return this.#pending;
  }

  /** Flushes and closes; returns every file written (none when no line was written). */
  async close(): Promise<WrittenFile[]> {
    try {
      if (this.#rows > 0) {
        const name = this.#name;
        const rows = this.#rows;
        const bytes = this.#bytes;
        await this.#flush();
        this.files.push({ name, rows, bytes });
        this.#rows = 0;
      }
      await this.#pending;
      // Data reaches the disk before the package folder is renamed into its next state (the data and the
      // file's size: what reading it back needs).
      await this.#handle?.datasync();
    } finally {
      // Also after a failed write: the handle must not leak.
      const h = this.#handle;
      this.#handle = null;
      await h?.close().catch(() => {});
    }
    return this.files;
  }
}
