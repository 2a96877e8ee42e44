import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { tryCreateZetaSqlAnalyzer } from '../src/index.js';

const probe = await tryCreateZetaSqlAnalyzer();
await probe.analyzer?.stop();

const children = (pid: number): number[] => {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // pgrep exits 1 when there are none
  }
};
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

it.skipIf(!probe.analyzer || process.platform !== 'linux')(
  'the ZetaSQL server dies with the Node process that started it, even without stop()',
  async () => {
    const script = fileURLToPath(new URL('./support/hold-analyzer.ts', import.meta.url));
    const holder = spawn(process.execPath, ['--import', 'tsx', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [chunk] = (await once(holder.stdout, 'data')) as [Buffer];
    expect(chunk.toString()).toContain('ready');
    const watchdog = children(holder.pid as number);
    const servers = watchdog.flatMap(children);
    expect(servers.length).toBeGreaterThan(0);
    holder.kill('SIGKILL');
    await once(holder, 'exit');
    await expect.poll(() => servers.filter(alive), { timeout: 10_000 }).toEqual([]);
  },
);
