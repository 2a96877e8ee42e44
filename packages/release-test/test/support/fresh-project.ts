import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from './run.js';
import { seedLockfile } from './seed-lockfile.js';
import { REPO_ROOT } from './workspaces.js';

/** A new npm project outside the monorepo, configured for the loopback registry only. */
export async function createFreshProject(
  parent: string,
  name: string,
  registryUrl: string,
  devDependencies: Readonly<Record<string, string>> = {},
): Promise<string> {
  const dir = join(parent, name);
  await mkdir(dir, { recursive: true });
  await writeJson(join(dir, 'package.json'), {
    name,
    version: '0.0.0',
    private: true,
    type: 'module',
    devDependencies,
  });
  await writeJson(join(dir, 'package-lock.json'), seedLockfile(REPO_ROOT, name));
  await writeFile(join(dir, '.npmrc'), `@sluice:registry=${registryUrl}\nregistry=${registryUrl}\n`);
  return dir;
}

/** `npm install --offline <specs>`: every package must come from the npm cache; nothing is downloaded. */
export async function installOffline(
  dir: string,
  specs: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<void> {
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', ...specs], {
    cwd: dir,
    env,
  });
}

/**
 * Every @sluice package npm installed into the project, at any depth, from the lockfile npm wrote (it lists
 * exactly the installed tree: npm pruned the seed entries nothing needed).
 */
export async function installedSluicePackages(dir: string): Promise<string[]> {
  const lock = JSON.parse(await readFile(join(dir, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, unknown>;
  };
  const names = Object.keys(lock.packages)
    .map((path) => /(?:^|\/)node_modules\/(@sluice\/[^/]+)$/.exec(path)?.[1])
    .filter((name): name is string => name !== undefined);
  const onDisk = await readdir(join(dir, 'node_modules', '@sluice')).catch(() => []);
  // The lockfile and node_modules must agree, or the lockfile is not telling the truth.
  expectSame([...new Set(names)].sort(), onDisk.map((name) => `@sluice/${name}`).sort());
  return [...new Set(names)].sort();
}

function expectSame(fromLock: readonly string[], fromDisk: readonly string[]): void {
  if (fromLock.join() !== fromDisk.join()) {
    throw new Error(
      `Lockfile lists ${fromLock.join(', ')} but node_modules/@sluice has ${fromDisk.join(', ')}.`,
    );
  }
}

export function writeJson(file: string, value: unknown): Promise<void> {
  return writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}
