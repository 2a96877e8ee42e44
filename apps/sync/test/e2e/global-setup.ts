import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { E2E_ROOT_PREFIX } from '../support/world.js';

/** Folders of this e2e session (created after `started`). */
export async function sessionRoots(started: number): Promise<string[]> {
  const prefix = basename(E2E_ROOT_PREFIX);
  const roots: string[] = [];
  for (const name of await readdir(tmpdir())) {
    const path = join(tmpdir(), name);
    if (name.startsWith(prefix) && (await stat(path)).mtimeMs >= started - 1000) roots.push(path);
  }
  return roots;
}

/**
 * Gives the suite a folder for the CLI's logs (SLUICE_E2E_LOGS) and its start time, which the secret scan
 * (secret-scan.test.ts, run last by the sequencer) uses; removes the session's folders afterwards.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const started = Date.now();
  process.env.SLUICE_E2E_STARTED = String(started);
  process.env.SLUICE_E2E_LOGS = await mkdtemp(`${E2E_ROOT_PREFIX}logs-`);
  return async () => {
    for (const root of await sessionRoots(started)) await rm(root, { recursive: true, force: true });
  };
}
