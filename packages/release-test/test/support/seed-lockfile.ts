import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface LockEntry {
  readonly link?: boolean;
  readonly dev?: boolean;
  readonly devOptional?: boolean;
  readonly peer?: boolean;
  readonly resolved?: string;
  readonly [field: string]: unknown;
}

export interface Lockfile {
  readonly name: string;
  readonly version: string;
  readonly lockfileVersion: 3;
  readonly requires: true;
  readonly packages: Record<string, LockEntry>;
}

/**
 * A lockfile for a fresh project that holds nothing yet but knows the monorepo's third-party packages (same
 * versions and integrity as its package-lock.json, so their tarballs are in the npm cache `npm ci` filled).
 *
 * Why: installing offline needs package metadata, and `npm ci` caches tarballs but not the registry's
 * metadata. With these entries npm resolves third-party dependencies of the published @sluice packages from
 * the lockfile (exactly as for a user whose lockfile already has them) and fetches only @sluice metadata and
 * tarballs, from the loopback registry. npm prunes every entry the installed packages do not need. A
 * published package that needs a dependency the monorepo does not have fails the install: nothing is faked.
 */
/**
 * The tarball address the lockfile would name if npm had not been told to omit it
 * (`omit-lockfile-registry-resolved`). With it npm takes the tarball from its cache by integrity; without it
 * npm would first ask the registry where the tarball is. npm replaces the host with the configured registry.
 */
function registryTarballUrl(path: string, entry: LockEntry): string {
  const name =
    typeof entry.name === 'string' ? entry.name : path.slice(path.lastIndexOf('node_modules/') + 13);
  const basename = name.startsWith('@') ? name.slice(name.indexOf('/') + 1) : name;
  return `https://registry.npmjs.org/${name}/-/${basename}-${String(entry.version)}.tgz`;
}

export function seedLockfile(repoRoot: string, name: string): Lockfile {
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as Lockfile;
  const packages: Record<string, LockEntry> = { '': { name, version: '0.0.0' } };
  for (const [path, entry] of Object.entries(lock.packages)) {
    // Only hoisted and nested third-party packages: not the workspaces themselves nor their links.
    if (!path.startsWith('node_modules/') || path.startsWith('node_modules/@sluice/') || entry.link) continue;
    const { dev: _dev, devOptional: _devOptional, peer: _peer, ...rest } = entry;
    packages[path] = { ...rest, resolved: rest.resolved ?? registryTarballUrl(path, entry) };
  }
  return { name, version: '0.0.0', lockfileVersion: 3, requires: true, packages };
}
