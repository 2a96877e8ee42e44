import { copyFile, link, mkdir, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './run.js';

export interface NpmSandbox {
  /** The environment for every npm, changeset and CLI run of the test. */
  readonly env: NodeJS.ProcessEnv;
  readonly cache: string;
}

/** Only a throwaway value: Verdaccio lets anyone publish @sluice/*, but npm refuses to publish without a token. */
const THROWAWAY_TOKEN = 'release-test-throwaway-token';

/**
 * An npm configuration of its own: a user config naming the loopback registry (for every package, so nothing
 * can reach the public registry), its throwaway token, audit/fund/update checks off, and a cache of its own
 * whose tarballs are hard links to (or copies of) the machine's npm cache, which `npm ci` filled. Nothing is
 * written to the user's npm config or cache.
 */
export async function createNpmSandbox(dir: string, registryUrl: string): Promise<NpmSandbox> {
  const realCache = await machineNpmCache();
  const cache = join(dir, 'npm-cache');
  await linkTree(join(realCache, '_cacache', 'content-v2'), join(cache, '_cacache', 'content-v2'));
  const userconfig = join(dir, 'npmrc');
  const host = registryUrl.replace(/^https?:/, '');
  await writeFile(
    userconfig,
    [
      `registry=${registryUrl}`,
      `${host}:_authToken=${THROWAWAY_TOKEN}`,
      'audit=false',
      'fund=false',
      'update-notifier=false',
      '',
    ].join('\n'),
  );
  const tmp = join(dir, 'tmp');
  await mkdir(tmp, { recursive: true });
  return {
    cache,
    env: {
      ...inheritedEnv(),
      npm_config_userconfig: userconfig,
      npm_config_cache: cache,
      npm_config_registry: registryUrl,
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
      DO_NOT_TRACK: '1',
      TURBO_TELEMETRY_DISABLED: '1',
      METADATA_SERVER_DETECTION: 'none',
      // Temp files of the tools (and the demo's working dir) land in the sandbox and go with it.
      TMPDIR: tmp,
      TMP: tmp,
      TEMP: tmp,
    },
  };
}

/**
 * The test's environment without what `npm run` put into it (npm_config_* would override the sandbox's
 * registry, cache and user config) and without NODE_OPTIONS meant for the test runner.
 */
export function inheritedEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'NODE_OPTIONS'),
  );
}

/** The npm cache this machine's npm uses (where `npm ci` put every third-party tarball). */
async function machineNpmCache(): Promise<string> {
  // Under `npm run`, npm passes its resolved cache on; otherwise ask npm (outside any workspace).
  const fromNpmRun = process.env.npm_config_cache;
  if (fromNpmRun) return fromNpmRun;
  const { stdout } = await run('npm', ['config', 'get', 'cache'], { cwd: tmpdir(), env: inheritedEnv() });
  return stdout.trim();
}

/**
 * Mirrors a cacache content folder. Content files are immutable and named by their hash, so hard links are
 * safe and cheap; across file systems they are copied.
 */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(from, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      await linkTree(source, target);
    } else if (entry.isFile()) {
      await link(source, target).catch(() => copyFile(source, target));
    }
  }
}
