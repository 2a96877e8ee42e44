import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface LocalRegistry {
  /** e.g. `http://127.0.0.1:4873/` (with the trailing slash npm uses in its config keys). */
  readonly url: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

/**
 * Verdaccio's configuration for the test: @sluice/* may be published by anyone, and there are NO uplinks, so a
 * request for any other package gets a 404 instead of reaching the public registry.
 */
export function verdaccioConfig(storage: string, htpasswd: string): string {
  return `storage: ${JSON.stringify(storage)}
auth:
  htpasswd:
    file: ${JSON.stringify(htpasswd)}
    max_users: -1
uplinks: {}
packages:
  '@sluice/*':
    access: $all
    publish: $all
    unpublish: $all
  '**':
    access: $all
web:
  enable: false
middlewares: {}
log: { type: stdout, format: pretty, level: warn }
`;
}

/**
 * Starts Verdaccio on 127.0.0.1 in a child process, with its storage under `dir`. The port is found free
 * just before Verdaccio binds it; if another process takes it meanwhile, start again on another one.
 */
export async function startRegistry(dir: string, env: NodeJS.ProcessEnv): Promise<LocalRegistry> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(dir, env);
    } catch (error) {
      if (attempt >= 3 || !(error instanceof Error) || !error.message.includes('EADDRINUSE')) throw error;
    }
  }
}

async function startOnce(dir: string, env: NodeJS.ProcessEnv): Promise<LocalRegistry> {
  await mkdir(join(dir, 'storage'), { recursive: true });
  const configFile = join(dir, 'config.yaml');
  await writeFile(configFile, verdaccioConfig(join(dir, 'storage'), join(dir, 'htpasswd')));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const bin = join(
    dirname(createRequire(import.meta.url).resolve('verdaccio/package.json')),
    'bin',
    'verdaccio',
  );
  const child = spawn(process.execPath, [bin, '--config', configFile, '--listen', `127.0.0.1:${port}`], {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // If the test process ends without afterAll (a crash), the registry must not outlive it.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const registry: LocalRegistry = { url, output: () => output, stop: () => stop(child) };
  try {
    await waitUntilReady(url, child, () => output);
  } catch (error) {
    await registry.stop();
    throw error;
  }
  return registry;
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`Verdaccio exited with code ${child.exitCode} before it was ready:\n${output()}`);
    }
    try {
      const response = await fetch(new URL('-/ping', url));
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`Verdaccio did not answer ${url}-/ping within 60 s:\n${output()}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** A port that was free a moment ago (Verdaccio takes a port number, not 0). */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string')
    throw new Error('Could not find a free port on 127.0.0.1.');
  return address.port;
}
