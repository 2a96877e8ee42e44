import { mkdir, readdir, writeFile } from 'node:fs/promises';
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

/** The @sluice packages installed in a project's node_modules (at any depth of the first level). */
export async function installedSluicePackages(dir: string): Promise<string[]> {
  try {
    const names = await readdir(join(dir, 'node_modules', '@sluice'));
    return names.map((name) => `@sluice/${name}`).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export function writeJson(file: string, value: unknown): Promise<void> {
  return writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}
