import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function prefix(session: string): string {
  return `sluice-e2e-${session}-`;
}

/** Folders of one e2e session. */
export async function sessionRoots(session: string): Promise<string[]> {
  return (await readdir(tmpdir()))
    .filter((name) => name.startsWith(prefix(session)))
    .map((name) => join(tmpdir(), name));
}

/**
 * Gives the suite a session id (SLUICE_E2E_SESSION) and a folder for the CLI's logs (SLUICE_E2E_LOGS), which the secret scan
 * (secret-scan.test.ts, run last by the sequencer) uses; removes the session's folders afterwards.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const session = randomBytes(4).toString('hex');
  process.env.SLUICE_E2E_SESSION = session;
  process.env.SLUICE_E2E_LOGS = await mkdtemp(join(tmpdir(), `${prefix(session)}logs-`));
  return async () => {
    for (const root of await sessionRoots(session)) await rm(root, { recursive: true, force: true });
  };
}
