import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listWorkspaces, publicWorkspaces, REPO_ROOT } from './support/workspaces.js';

const PRIVATE = ['@sluice/bench', '@sluice/bigquery-fake', '@sluice/release-test'];

describe('package metadata', () => {
  it('keeps the test helpers private and everything else public', () => {
    const workspaces = listWorkspaces();
    for (const name of PRIVATE) {
      const workspace = workspaces.find((w) => w.manifest.name === name);
      if (workspace) expect(workspace.manifest.private, name).toBe(true);
    }
    expect(publicWorkspaces().map((w) => w.manifest.name)).toEqual(
      expect.arrayContaining([
        '@sluice/destination-bigquery',
        '@sluice/destination-duckdb',
        '@sluice/freshdesk-client',
        '@sluice/freshdesk-simulator',
        '@sluice/loader-core',
        '@sluice/sync',
      ]),
    );
  });

  it('has the release scripts whose changesets commands the release test runs', async () => {
    const root = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    // The release test runs `changeset version` and `changeset publish` itself: the copy is already built, and
    // the lockfile refresh after versioning would need the public registry.
    expect(root.scripts.changeset).toBe('changeset');
    expect(root.scripts['version-packages']).toMatch(
      /^changeset version && npm install --package-lock-only$/,
    );
    expect(root.scripts.release).toMatch(/turbo run build && changeset publish$/);
  });

  it.each(publicWorkspaces().map((w) => [w.manifest.name, w] as const))(
    '%s is ready to publish',
    async (name, w) => {
      const m = w.manifest;
      expect(m.license).toBe('MIT');
      expect(m.engines?.node).toBe('>=20');
      expect(m.publishConfig?.access).toBe('public');
      expect(m.repository).toEqual({
        type: 'git',
        url: 'git+https://github.com/sluice-data/sluice.git',
        directory: w.dir,
      });
      expect(m.files).toEqual(expect.arrayContaining(['dist', 'README.md', 'CHANGELOG.md', 'LICENSE']));
      // Bundlers may drop unused modules only when told they have no side effects.
      expect(m.sideEffects, `${name} sideEffects`).toBe(false);
      // Types first in every conditional export, or TypeScript may pick the JavaScript file.
      for (const [subpath, target] of Object.entries(m.exports ?? {})) {
        if (typeof target === 'object' && target !== null) {
          expect(Object.keys(target)[0], `${name} exports["${subpath}"]`).toBe('types');
        }
      }
      for (const dependency of Object.keys({ ...m.dependencies, ...m.peerDependencies })) {
        expect(PRIVATE, `${name} must not depend on a private package at run time`).not.toContain(dependency);
      }
      const [license, rootLicense, readme] = await Promise.all([
        readFile(join(REPO_ROOT, w.dir, 'LICENSE'), 'utf8'),
        readFile(join(REPO_ROOT, 'LICENSE'), 'utf8'),
        readFile(join(REPO_ROOT, w.dir, 'README.md'), 'utf8'),
      ]);
      expect(license, `${w.dir}/LICENSE is a copy of the root LICENSE`).toBe(rootLicense);
      expect(readme).toContain(`# ${name}`);
    },
  );
});
