import { access, copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createFreshdeskClient } from '@sluice/freshdesk-client';
import { type Simulator, startSimulator } from '@sluice/freshdesk-simulator';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFreshProject,
  installedSluicePackages,
  installOffline,
  writeJson,
} from './support/fresh-project.js';
import { createNpmSandbox, inheritedEnv, type NpmSandbox } from './support/npm-sandbox.js';
import { type LocalRegistry, startRegistry } from './support/registry.js';
import { REHEARSAL_NOTE, releaseRepository } from './support/release.js';
import { copyRepository } from './support/repo-copy.js';
import { run } from './support/run.js';
import { makeTempDir, removeDir } from './support/temp-dir.js';
import {
  listWorkspaces,
  publicWorkspaces,
  REPO_ROOT,
  readManifest,
  type Workspace,
} from './support/workspaces.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const TSC = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const ATTW = join(REPO_ROOT, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js');

/*
 * attw runs with the esm-only profile: the packages are ESM-only by design ("type": "module", Node >= 20,
 * import conditions only), so the node10 and "node16 from CJS" resolutions, which need CommonJS, are not
 * checked; "node16 from ESM" and "bundler" must be clean.
 */

/** Entry points attw cannot judge, with the reason. */
const ATTW_EXCLUDED: Record<string, readonly string[]> = {
  // A YAML data file (the OpenAPI spec), exported for tools that read it; it is not a module and has no types.
  '@sluice/freshdesk-client': ['./openapi.yaml'],
};

/** A strict NodeNext project, as a TypeScript user of the packages would set it up. */
function tsconfig(types: readonly string[]): unknown {
  return {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023', 'DOM'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noUncheckedIndexedAccess: true,
      verbatimModuleSyntax: true,
      // Check the installed declaration files too: a broken .d.ts must fail here.
      skipLibCheck: false,
      types,
      rootDir: 'src',
      outDir: 'dist',
    },
    include: ['src'],
  };
}

describe('release through a local registry', () => {
  let work: string | undefined;
  let registry: LocalRegistry | undefined;
  let sandbox: NpmSandbox;
  let copy: string;
  let projects: string;
  const before = new Map<string, Workspace>(listWorkspaces().map((w) => [w.manifest.name, w]));
  const released = new Map<string, Workspace>();

  beforeAll(async () => {
    work = await makeTempDir('release-test');
    registry = await startRegistry(join(work, 'registry'), { ...inheritedEnv(), DO_NOT_TRACK: '1' });
    sandbox = await createNpmSandbox(join(work, 'npm'), registry.url);
    copy = join(work, 'repo');
    projects = join(work, 'projects');
    await copyRepository(REPO_ROOT, copy, sandbox.env);
    await releaseRepository(copy, sandbox.env);
    for (const workspace of publicWorkspaces(copy)) released.set(workspace.manifest.name, workspace);
    // Put the published @sluice packages (metadata and tarballs) into the sandbox's npm cache, so the
    // fresh projects can install with --offline.
    const specs = [...released.values()].map((w) => `${w.manifest.name}@${w.manifest.version}`);
    await run('npm', ['cache', 'add', ...specs], { cwd: work, env: sandbox.env });
  });

  afterAll(async () => {
    await registry?.stop();
    await removeDir(work);
  });

  it('versions every public package with a CHANGELOG and bumps internal dependents', async () => {
    expect([...released.keys()]).toEqual(publicWorkspaces().map((w) => w.manifest.name));
    for (const [name, workspace] of released) {
      const old = before.get(name);
      expect(workspace.manifest.version, `${name} was not bumped`).not.toBe(old?.manifest.version);
      const changelog = await readFile(join(copy, workspace.dir, 'CHANGELOG.md'), 'utf8');
      expect(changelog).toContain(`## ${workspace.manifest.version}`);
      expect(changelog).toContain(REHEARSAL_NOTE);
      for (const [dependency, range] of Object.entries(workspace.manifest.dependencies ?? {})) {
        if (!dependency.startsWith('@sluice/')) continue;
        const target = released.get(dependency);
        expect(target, `${name} depends on ${dependency}, which is not published`).toBeDefined();
        expect(range, `${name}'s range for ${dependency}`).toBe(`^${target?.manifest.version}`);
      }
    }
  });

  it('publishes exactly the public packages to the registry', async () => {
    for (const [name, workspace] of released) {
      const { stdout } = await run(
        'npm',
        ['view', `${name}@${workspace.manifest.version}`, 'version', '--json'],
        {
          cwd: work ?? '',
          env: sandbox.env,
        },
      );
      expect(JSON.parse(stdout)).toBe(workspace.manifest.version);
    }
    for (const workspace of listWorkspaces(copy).filter((w) => w.manifest.private)) {
      const result = await run('npm', ['view', workspace.manifest.name, 'version', '--json'], {
        cwd: work ?? '',
        env: sandbox.env,
        allowFailure: true,
      });
      expect(result.code, `${workspace.manifest.name} is private but was published`).not.toBe(0);
      expect(result.stdout + result.stderr).toContain('E404');
    }
  });

  it('publishes tarballs that publint and attw (ESM-only profile) find no problems with', async () => {
    const tarballs = join(work ?? '', 'tarballs');
    await mkdir(tarballs, { recursive: true });
    for (const [name, workspace] of released) {
      const { stdout } = await run(
        'npm',
        ['pack', `${name}@${workspace.manifest.version}`, '--pack-destination', tarballs, '--json'],
        { cwd: tarballs, env: sandbox.env },
      );
      const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
      if (!packed) throw new Error(`npm pack printed no result for ${name}.`);
      const paths = packed.files.map((file) => file.path);
      for (const required of [
        'package.json',
        'LICENSE',
        'README.md',
        'CHANGELOG.md',
        'dist/index.js',
        'dist/index.d.ts',
      ]) {
        expect(paths, `${name} tarball`).toContain(required);
      }
      expect(paths.filter((path) => path.startsWith('test/'))).toEqual([]);

      const tarball = join(tarballs, packed.filename);
      const data = await readFile(tarball);
      const lint = await publint({
        pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) },
        level: 'suggestion',
        strict: true,
      });
      const messages = lint.messages.map((message) => formatMessage(message, lint.pkg) ?? message.code);
      expect(messages, `publint on ${name}`).toEqual([]);

      const excluded = ATTW_EXCLUDED[name] ?? [];
      const attw = await run(
        process.execPath,
        [
          ATTW,
          tarball,
          '--profile',
          'esm-only',
          '--no-definitely-typed',
          '--format',
          'ascii',
          '--no-color',
          ...(excluded.length > 0 ? ['--exclude-entrypoints', ...excluded] : []),
        ],
        { cwd: tarballs, env: sandbox.env, allowFailure: true },
      );
      expect(attw.code, `attw on ${name}:\n${attw.stdout}${attw.stderr}`).toBe(0);
    }
  });

  it('installs @sluice/freshdesk-client alone, type-checks strictly against it and runs it', async () => {
    const client = released.get('@sluice/freshdesk-client');
    if (!client) throw new Error('@sluice/freshdesk-client was not released.');
    const dir = await createFreshProject(projects, 'client-user', registry?.url ?? '');
    await installOffline(dir, [`@sluice/freshdesk-client@${client.manifest.version}`], sandbox.env);
    expect(await installedSluicePackages(dir)).toEqual(['@sluice/freshdesk-client']);

    await mkdir(join(dir, 'src'));
    await copyFile(join(FIXTURES, 'client-usage.ts'), join(dir, 'src', 'client-usage.ts'));
    await copyFile(join(FIXTURES, 'run-client.mjs'), join(dir, 'run-client.mjs'));
    // No @types/node: the client's types need only the DOM's fetch types.
    await writeJson(join(dir, 'tsconfig.json'), tsconfig([]));
    await run(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: dir, env: sandbox.env });

    let simulator: Simulator | undefined;
    try {
      simulator = await startSimulator({ seed: 'release-test', tickets: 20, contacts: 12, rateLimit: false });
      const { stdout } = await run(
        process.execPath,
        ['run-client.mjs', simulator.baseUrl, simulator.apiKey],
        {
          cwd: dir,
          env: sandbox.env,
        },
      );
      const usage = JSON.parse(stdout) as { ticketId: number; subject: string | null; contactIds: number[] };
      // The same calls through the monorepo's client give the reference answer.
      const reference = createFreshdeskClient({ baseUrl: simulator.baseUrl, apiKey: simulator.apiKey });
      const expected: number[] = [];
      for await (const contact of reference.paginate('/contacts', { perPage: 5 })) expected.push(contact.id);
      expect(expected.length).toBeGreaterThan(5); // more than one page
      expect(usage.contactIds).toEqual(expected);
      expect(typeof usage.ticketId).toBe('number');
    } finally {
      await simulator?.stop();
    }
  });

  it('installs @sluice/loader-core with @sluice/destination-duckdb and runs a custom pipeline', async () => {
    const specs = ['@sluice/loader-core', '@sluice/destination-duckdb'].map((name) => {
      const workspace = released.get(name);
      if (!workspace) throw new Error(`${name} was not released.`);
      return `${name}@${workspace.manifest.version}`;
    });
    // @types/node, as any Node TypeScript project has: these are Node libraries (files, native DuckDB).
    const typesNode = readManifest(join(REPO_ROOT, 'node_modules', '@types', 'node', 'package.json')).version;
    const dir = await createFreshProject(projects, 'pipeline-user', registry?.url ?? '', {
      '@types/node': typesNode,
    });
    await installOffline(dir, specs, sandbox.env);
    expect(await installedSluicePackages(dir)).toEqual(['@sluice/destination-duckdb', '@sluice/loader-core']);

    await mkdir(join(dir, 'src'));
    await copyFile(join(FIXTURES, 'pipeline.ts'), join(dir, 'src', 'pipeline.ts'));
    await copyFile(join(FIXTURES, 'run-pipeline.mjs'), join(dir, 'run-pipeline.mjs'));
    await writeJson(join(dir, 'tsconfig.json'), tsconfig(['node']));
    await run(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: dir, env: sandbox.env });

    const { stdout } = await run(process.execPath, ['run-pipeline.mjs', 'library.duckdb', '.sluice-work'], {
      cwd: dir,
      env: sandbox.env,
    });
    const result = JSON.parse(stdout) as {
      loaded: Record<string, number>;
      books: unknown[];
      tags: unknown[];
    };
    expect(result.loaded).toMatchObject({ books: 3, books__tags: 3 });
    expect(result.books).toEqual([
      { id: 1, title: 'Dune', published: '1965-08-01' },
      { id: 2, title: 'Solaris', published: '1961-01-01' },
      { id: 3, title: 'Piranesi', published: '2020-09-15' },
    ]);
    expect(result.tags).toEqual([{ value: 'desert' }, { value: 'sf' }, { value: 'sf' }]);
    await access(join(dir, 'library.duckdb'));
  });

  it('installs @sluice/sync and runs the installed `sluice-sync --demo`', async () => {
    const sync = released.get('@sluice/sync');
    if (!sync) throw new Error('@sluice/sync was not released.');
    const dir = await createFreshProject(projects, 'cli-user', registry?.url ?? '');
    await installOffline(dir, [`@sluice/sync@${sync.manifest.version}`], sandbox.env);
    expect(await installedSluicePackages(dir)).toEqual([
      '@sluice/destination-bigquery',
      '@sluice/destination-duckdb',
      '@sluice/freshdesk-client',
      '@sluice/freshdesk-simulator',
      '@sluice/loader-core',
      '@sluice/sync',
    ]);

    const { stdout } = await run(
      join(dir, 'node_modules', '.bin', 'sluice-sync'),
      ['--demo', '--tickets', '60'],
      {
        cwd: dir,
        env: sandbox.env,
      },
    );
    expect(stdout).toMatch(/\d+ rows loaded into DuckDB \S*sluice-demo\.duckdb/);
    expect(stdout).toContain('Sample query:');
    // The sample query's answer: tickets by status, every one of the 60 simulated tickets counted once.
    const byStatus = [...stdout.matchAll(/^\s+([2-5])\s+(\d+)\s+\d+\s+\d+\s*$/gm)].map((m) => Number(m[2]));
    expect(byStatus.length).toBeGreaterThan(0);
    expect(byStatus.reduce((a, b) => a + b, 0)).toBe(60);
    await access(join(dir, 'sluice-demo.duckdb'));
  });
});
