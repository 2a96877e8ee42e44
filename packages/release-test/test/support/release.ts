import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { commitAll } from './repo-copy.js';
import { run } from './run.js';
import { publicWorkspaces, REPO_ROOT, type Workspace } from './workspaces.js';

export const REHEARSAL_NOTE = 'Release test rehearsal: this note only exists in the release test.';

/** The changesets CLI of the monorepo, run with the current Node. */
function changesetBin(): string {
  return createRequire(join(REPO_ROOT, 'package.json')).resolve('@changesets/cli/bin.js');
}

/**
 * A changeset giving every public package a patch, so each one is released (and gets a CHANGELOG entry)
 * whether or not the repository has pending changesets of its own.
 */
export function rehearsalChangeset(packages: readonly Workspace[]): string {
  const lines = packages.map((workspace) => `"${workspace.manifest.name}": patch`);
  return `---\n${lines.join('\n')}\n---\n\n${REHEARSAL_NOTE}\n`;
}

/**
 * The maintainers' release flow in the copy at `dir`: `changeset version` (what `npm run version-packages`
 * starts with; its lockfile refresh would need the public registry), a "Version packages" commit, then
 * `changeset publish` (what `npm run release` runs after building: the copy already has every dist/).
 */
export async function releaseRepository(dir: string, env: NodeJS.ProcessEnv): Promise<void> {
  await writeFile(
    join(dir, '.changeset', 'release-test-rehearsal.md'),
    rehearsalChangeset(publicWorkspaces(dir)),
  );
  await commitAll(dir, 'Add the release rehearsal changeset', env);
  await run(process.execPath, [changesetBin(), 'version'], { cwd: dir, env });
  await commitAll(dir, 'Version packages', env);
  await run(process.execPath, [changesetBin(), 'publish'], { cwd: dir, env });
}
