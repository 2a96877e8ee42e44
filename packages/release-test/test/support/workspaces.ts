import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
  readonly license?: string;
  readonly engines?: Record<string, string>;
  readonly exports?: Record<string, unknown>;
  readonly files?: readonly string[];
  readonly sideEffects?: boolean | readonly string[];
  readonly bin?: Record<string, string>;
  readonly repository?: { readonly type?: string; readonly url?: string; readonly directory?: string };
  readonly publishConfig?: Record<string, unknown>;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly workspaces?: readonly string[];
}

export interface Workspace {
  /** Folder relative to the repository root, e.g. `packages/loader-core`. */
  readonly dir: string;
  readonly manifest: Manifest;
}

/** The monorepo root: the nearest folder above this package whose package.json declares workspaces. */
export const REPO_ROOT = findRepoRoot(dirname(fileURLToPath(import.meta.url)));

function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && readManifest(file).workspaces) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json with "workspaces" above ${from}.`);
  }
}

export function readManifest(file: string): Manifest {
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** Every workspace of the repository at `root` (its `workspaces` are `<folder>/*` globs). */
export function listWorkspaces(root: string = REPO_ROOT): Workspace[] {
  const patterns = readManifest(join(root, 'package.json')).workspaces ?? [];
  const workspaces: Workspace[] = [];
  for (const pattern of patterns) {
    if (!pattern.endsWith('/*'))
      throw new Error(`Unsupported workspaces pattern ${pattern}: expected <folder>/*.`);
    const parent = pattern.slice(0, -2);
    for (const entry of readdirSync(resolve(root, parent), { withFileTypes: true })) {
      const file = join(root, parent, entry.name, 'package.json');
      if (entry.isDirectory() && existsSync(file)) {
        workspaces.push({ dir: `${parent}/${entry.name}`, manifest: readManifest(file) });
      }
    }
  }
  return workspaces.sort((a, b) => a.manifest.name.localeCompare(b.manifest.name));
}

export function publicWorkspaces(root: string = REPO_ROOT): Workspace[] {
  return listWorkspaces(root).filter((workspace) => !workspace.manifest.private);
}
