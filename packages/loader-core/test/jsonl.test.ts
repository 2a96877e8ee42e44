import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLines } from '../src/package/jsonl-reader.js';
import { RotatingJsonlWriter, type WrittenFile } from '../src/package/jsonl-writer.js';
import { tempDir } from './helpers.js';

/**
 * Writes `lines` without awaiting each flush (the writer keeps going while earlier buffers are written), then
 * closes the writer.
 */
async function writeAll(writer: RotatingJsonlWriter, lines: readonly string[]): Promise<WrittenFile[]> {
  const pending: Promise<void>[] = [];
  for (const line of lines) {
    const flushed = writer.write(line);
    if (flushed) pending.push(flushed);
  }
  await Promise.all(pending);
  return writer.close();
}

describe('RotatingJsonlWriter and readLines', () => {
  it('rotates at the size bound, counts bytes exactly and reads every line back', async () => {
    const dir = await tempDir();
    const writer = new RotatingJsonlWriter(dir, 't', 100);
    const lines = Array.from({ length: 50 }, (_, i) => JSON.stringify({ i, s: 'é'.repeat(i % 7) }));
    for (const line of lines) await writer.write(line);
    const files = await writer.close();
    expect(files.length).toBeGreaterThan(5);
    const back: string[] = [];
    for (const f of files) {
      const text = await readFile(join(dir, f.name));
      expect(text.byteLength).toBe(f.bytes);
      expect(f.bytes).toBeLessThanOrEqual(100);
      for await (const line of readLines(join(dir, f.name))) back.push(line);
    }
    expect(back).toEqual(lines);
    expect(files.reduce((n, f) => n + f.rows, 0)).toBe(50);
  });

  it('writes nothing for an unused writer and fails cleanly when the folder is missing', async () => {
    const dir = await tempDir();
    expect(await new RotatingJsonlWriter(dir, 'empty').close()).toEqual([]);
    const broken = new RotatingJsonlWriter(join(dir, 'missing'), 't');
    broken.write('{}');
    await expect(broken.close()).rejects.toThrow(/ENOENT/);
  });

  it('reads lines split across chunk boundaries', async () => {
    const dir = await tempDir();
    const writer = new RotatingJsonlWriter(dir, 'big');
    const long = 'x'.repeat(700_000);
    const lines = [long, 'short', long, long];
    for (const l of lines) await writer.write(JSON.stringify(l));
    const [file] = await writer.close();
    const back: string[] = [];
    for await (const line of readLines(join(dir, file?.name ?? ''))) back.push(JSON.parse(line));
    expect(back).toEqual(lines);
  });

  it('writes every line exactly across many flushes and rotations, with buffers reused', async () => {
    const dir = await tempDir();
    const writer = new RotatingJsonlWriter(dir, 'many', 3 * 1024 * 1024);
    // distinct lines of varying size (some multi-byte), about 9 MB: several flushes per file, several files
    const lines = Array.from({ length: 40_000 }, (_, i) =>
      JSON.stringify({ i, s: `${i}`.repeat(i % 60), u: 'ñ' }),
    );
    const files = await writeAll(writer, lines);
    expect(files.length).toBeGreaterThanOrEqual(3);
    const back: string[] = [];
    for (const f of files) for await (const line of readLines(join(dir, f.name))) back.push(line);
    expect(back).toEqual(lines);
  });

  it('keeps every line of a file whose data is synced while it is written (beyond 16 MiB)', async () => {
    const dir = await tempDir();
    const writer = new RotatingJsonlWriter(dir, 'synced');
    // about 40 MiB in one file: synced twice in the background between writes, and once at close
    const lines = Array.from({ length: 20_000 }, (_, i) =>
      JSON.stringify({ i, s: 'z'.repeat(2_000 + (i % 97)) }),
    );
    const files = await writeAll(writer, lines);
    expect(files).toHaveLength(1);
    let n = 0;
    for await (const line of readLines(join(dir, files[0]?.name ?? ''))) {
      expect(line).toBe(lines[n]);
      n++;
    }
    expect(n).toBe(lines.length);
    expect(files[0]?.bytes).toBeGreaterThan(32 * 1024 * 1024);
  });
});
