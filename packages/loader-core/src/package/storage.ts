import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where a package is in its life: each state is a directory; a package moves by renaming its folder. */
export type PackageState = 'extracted' | 'normalized' | 'loading' | 'loaded';

const STATES: readonly PackageState[] = ['extracted', 'normalized', 'loading', 'loaded'];
const TEMP = 'tmp';

export interface PendingPackage {
  readonly loadId: string;
  readonly state: Exclude<PackageState, 'loaded'>;
  readonly dir: string;
}

/** New load ids sort by creation time (milliseconds, then a counter and randomness). */
export function newLoadId(now = Date.now()): string {
  return `${now.toString().padStart(14, '0')}.${randomBytes(3).toString('hex')}`;
}

/**
 * Load packages on disk under `<root>/<state>/<loadId>/`. Writing happens in `<root>/tmp/<loadId>/`, and the
 * folder is renamed into `extracted/` when complete, so a crash never leaves a half-written package in a state
 * directory. rename(2) within one file system is atomic.
 */
export class PackageStorage {
  constructor(readonly root: string) {}

  async init(): Promise<void> {
    await Promise.all([TEMP, ...STATES].map((d) => mkdir(join(this.root, d), { recursive: true })));
  }

  dir(state: PackageState | typeof TEMP, loadId: string): string {
    return join(this.root, state, loadId);
  }

  /** A fresh temp folder for a package being extracted. Leftovers of crashed extractions are removed first. */
  async createTemp(loadId: string): Promise<string> {
    await rm(join(this.root, TEMP), { recursive: true, force: true });
    const dir = this.dir(TEMP, loadId);
    await mkdir(dir, { recursive: true });
    return dir;
  }

  async commitTemp(loadId: string): Promise<string> {
    const target = this.dir('extracted', loadId);
    await rename(this.dir(TEMP, loadId), target);
    return target;
  }

  async move(loadId: string, from: PackageState, to: PackageState): Promise<string> {
    const target = this.dir(to, loadId);
    await rename(this.dir(from, loadId), target);
    return target;
  }

  /** Packages not yet loaded, oldest first; a package is in exactly one state directory. */
  async pending(): Promise<PendingPackage[]> {
    const out: PendingPackage[] = [];
    for (const state of ['extracted', 'normalized', 'loading'] as const) {
      const names = await readdir(join(this.root, state)).catch(() => [] as string[]);
      for (const loadId of names) out.push({ loadId, state, dir: this.dir(state, loadId) });
    }
    return out.sort((a, b) => (a.loadId < b.loadId ? -1 : a.loadId > b.loadId ? 1 : 0));
  }

  /** Removes a package, also one being extracted (`tmp`: its extraction failed). */
  async remove(state: PackageState | typeof TEMP, loadId: string): Promise<void> {
    await rm(this.dir(state, loadId), { recursive: true, force: true });
  }

  async listLoaded(): Promise<string[]> {
    return (await readdir(join(this.root, 'loaded')).catch(() => [] as string[])).sort();
  }
}

/** Writes JSON atomically: to a temp file, then renamed over the target. */
export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  const temp = `${path}.tmp-${randomBytes(4).toString('hex')}`;
  await writeFile(temp, JSON.stringify(value, null, 1));
  await rename(temp, path);
}

export async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}
