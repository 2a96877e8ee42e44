import { cp, lstat, mkdir, symlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { run } from './run.js';
import { listWorkspaces } from './workspaces.js';

const GIT_IDENTITY = ['-c', 'user.name=Sluice release test', '-c', 'user.email=release-test@localhost'];

/**
 * A copy of the repository to release from: the files git knows about (tracked, or new and not ignored) plus
 * every workspace's built dist/, committed to a new git repository (changesets reads commits for its
 * changelog lines and tags what it publishes). node_modules is a link to the monorepo's, for the changesets
 * CLI's own modules; nothing is installed.
 */
export async function copyRepository(root: string, dest: string, env: NodeJS.ProcessEnv): Promise<void> {
  const listed = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    env,
  });
  for (const file of new Set(listed.stdout.split('\0').filter(Boolean))) {
    const exists = await lstat(join(root, file)).then(
      () => true,
      () => false,
    );
    if (!exists) continue; // deleted in the working tree
    await mkdir(dirname(join(dest, file)), { recursive: true });
    await cp(join(root, file), join(dest, file), { verbatimSymlinks: true });
  }
  for (const workspace of listWorkspaces(root)) {
    const dist = join(root, workspace.dir, 'dist');
    const built = await lstat(dist).then(
      (stats) => stats.isDirectory(),
      () => false,
    );
    if (built) await cp(dist, join(dest, workspace.dir, 'dist'), { recursive: true });
  }
  await run('git', ['init', '-q', '-b', 'main'], { cwd: dest, env });
  await run('git', ['add', '-A'], { cwd: dest, env });
  await run('git', [...GIT_IDENTITY, 'commit', '-q', '--no-gpg-sign', '-m', 'Release test snapshot'], {
    cwd: dest,
    env,
  });
  await symlink(join(root, 'node_modules'), join(dest, 'node_modules'), 'dir');
}

/** Commits what a release step changed in the copy (as a maintainer commits "Version packages"). */
export async function commitAll(dest: string, message: string, env: NodeJS.ProcessEnv): Promise<void> {
  await run('git', ['add', '-A', '--', '.', ':!node_modules'], { cwd: dest, env });
  await run('git', [...GIT_IDENTITY, 'commit', '-q', '--no-gpg-sign', '-m', message], { cwd: dest, env });
}
