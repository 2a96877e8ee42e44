import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPipeline, resource, SchemaContractError, transformer } from '../src/index.js';
import { MemoryDestination } from '../src/testing/index.js';
import { tempDir } from './helpers.js';

/** Records with nested objects, lists (child tables) and a type conflict (a variant column). */
function tickets(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    subject: `Ticket ${i} "quoted" ñ`,
    priority: i % 7 === 0 ? 'high' : i % 4,
    updated_at: `2024-05-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z`,
    stats: { resolved_at: i % 2 ? null : '2024-06-01T00:00:00+02:00', reopened: i % 3 === 0 },
    tags: i % 5 === 0 ? [] : ['a', `t${i}`],
    custom_fields: { cf_Region: 'EMEA', 'cf_🚀 stage': i % 2 ? 'beta' : null },
  }));
}

/** Every data file under `<packageDir>/normalized`, by name, with its text. */
async function normalizedFiles(packageDir: string): Promise<Record<string, string>> {
  const dir = join(packageDir, 'normalized');
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) out[name] = await readFile(join(dir, name), 'utf8');
  return out;
}

describe('normalization while extracting', () => {
  it('writes the same files as normalizing the package again from its extracted records', async () => {
    const destination = new MemoryDestination();
    const workingDir = await tempDir();
    const source = () =>
      resource(tickets(300), { name: 'tickets', primaryKey: 'id', writeDisposition: 'merge' });
    // The crash leaves the package extracted, with the files normalized while it was extracted.
    await expect(
      createPipeline({ name: 'p', destination, workingDir, __testCrashAt: 'package_extracted' }).run([
        source(),
      ]),
    ).rejects.toThrow(/simulated crash/);
    const [loadId] = await readdir(join(workingDir, 'extracted'));
    const inStream = await normalizedFiles(join(workingDir, 'extracted', loadId as string));
    const inStreamManifest = JSON.parse(
      await readFile(join(workingDir, 'extracted', loadId as string, 'package.json'), 'utf8'),
    );
    expect(Object.keys(inStream).length).toBeGreaterThanOrEqual(2);

    // The next run normalizes it again from the extracted records (the resume path), then loads it.
    const info = await createPipeline({ name: 'p', destination, workingDir, keepLoadedPackages: true }).run(
      [],
    );
    expect(info.packages.map((p) => [p.loadId, p.resumed])).toEqual([[loadId, true]]);
    const packageDir = join(workingDir, 'loaded', loadId as string);
    expect(await normalizedFiles(packageDir)).toEqual(inStream);
    const resumedManifest = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8'));
    expect(resumedManifest.schema).toEqual(inStreamManifest.schema);
    expect(resumedManifest.tables).toEqual(inStreamManifest.tables);
    expect(destination.readTable('p', 'tickets')).toHaveLength(300);
    expect(destination.readTable('p', 'tickets__tags')).toHaveLength(480);
  });

  it('stops the extraction at the first record that breaks a frozen contract, with the contract error', async () => {
    const destination = new MemoryDestination();
    const workingDir = await tempDir();
    await createPipeline({ name: 'p', destination, workingDir }).run([resource([{ id: 1 }], { name: 'r' })]);
    let pulled = 0;
    const frozen = resource(
      function* () {
        for (let id = 2; id <= 10_000; id++) {
          pulled++;
          yield id === 5 ? { id, extra: 'new column' } : { id };
        }
      },
      { name: 'r', schemaContract: { columns: 'freeze' } },
    );
    const failure = await createPipeline({ name: 'p', destination, workingDir })
      .run([frozen])
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SchemaContractError);
    expect((failure as Error).message).toMatch(/freezes columns/);
    // the run did not read the rest of the source before failing
    expect(pulled).toBe(4);
    for (const state of ['tmp', 'extracted', 'normalized', 'loading']) {
      expect(await readdir(join(workingDir, state))).toEqual([]);
    }
    expect(destination.readTable('p', 'r')).toEqual([expect.objectContaining({ id: 1 })]);
  });

  it('normalizes the records of a transformer as they arrive, between their parents', async () => {
    const destination = new MemoryDestination();
    const workingDir = await tempDir();
    const parents = resource(tickets(20), { name: 'tickets', primaryKey: 'id' });
    const notes = transformer(parents, (t) => [{ id: `${t.id}-1`, ticket_id: t.id, body: 'first' }], {
      name: 'notes',
      primaryKey: 'id',
    });
    const info = await createPipeline({ name: 'p', destination, workingDir }).run([notes]);
    expect(info.packages[0]?.rows).toMatchObject({ tickets: 20, notes: 20, tickets__tags: 32 });
    const loaded = destination.readTable('p', 'notes') ?? [];
    expect(loaded.map((r) => r.ticket_id)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // normalization time is reported apart from extraction
    expect(info.packages[0]?.durations.normalizeMs).toBeGreaterThan(0);
  });
});
