import { open, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

const LOCK_FILE = 'run.lock';

interface LockContent {
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One run per working directory at a time, also across processes: two runs finishing the same pending package
 * at once could both load it. A lock left by a process that died is taken over.
 */
export async function acquireRunLock(dir: string, pipelineName: string): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx');
      const content: LockContent = {
        pid: process.pid,
        host: hostname(),
        startedAt: new Date().toISOString(),
      };
      await handle.writeFile(JSON.stringify(content));
      await handle.close();
      return async () => {
        await rm(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await readFile(path, 'utf8')
        .then((text) => JSON.parse(text) as LockContent)
        .catch(() => null);
      if (holder && holder.host === hostname() && !alive(holder.pid)) {
        await rm(path, { force: true });
        continue;
      }
      throw new Error(
        `Pipeline "${pipelineName}" is already running${holder ? ` (process ${holder.pid} on ${holder.host} since ${holder.startedAt})` : ''}: ` +
          `its working directory ${dir} is locked by ${path}. Wait for that run to finish; if that process no longer ` +
          'exists, delete the lock file.',
      );
    }
  }
  throw new Error(
    `Could not take the run lock ${path}: delete it if no run of pipeline "${pipelineName}" is active.`,
  );
}
