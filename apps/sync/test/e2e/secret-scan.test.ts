import { mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSecret } from '../support/secret-scan.js';
import { E2E_API_KEY, E2E_ROOT_PREFIX } from '../support/world.js';
import { sessionRoots } from './global-setup.js';

/** Runs after every other e2e file (see test/sequencer.ts). */
describe('after the whole e2e suite', () => {
  it('the API key appears in no log line, load package file, state row or table', async () => {
    const logs = process.env.SLUICE_E2E_LOGS as string;
    const roots = await sessionRoots(process.env.SLUICE_E2E_SESSION as string);
    expect(roots).toContain(logs);
    const found = await findSecret(roots, E2E_API_KEY);
    expect(found).toEqual([]);
  });

  it('the scan finds the key where it is', async () => {
    // Guards the scan itself: the simulator's key is a plain string in these files and tables.
    const dir = await mkdtemp(E2E_ROOT_PREFIX);
    await writeFile(join(dir, 'planted.log'), `x ${E2E_API_KEY} y`);
    expect(await findSecret([dir], E2E_API_KEY)).toEqual([join(dir, 'planted.log')]);
  });
});
