import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

/** Path of the ZetaSQL server binary shipped in @fivetrandevelopers/zetasql for this platform. */
export function zetaSqlBinary(): string {
  const require = createRequire(import.meta.url);
  const libDir = dirname(require.resolve('@fivetrandevelopers/zetasql'));
  if (process.platform !== 'linux' && process.platform !== 'darwin') {
    throw new Error(`ZetaSQL server binaries exist for linux and darwin only, not ${process.platform}.`);
  }
  // Same naming as the package's own runServer(): _arm for arm64, .so suffix on linux.
  const name = `remote_server${process.arch.startsWith('arm') ? '_arm' : ''}${process.platform === 'darwin' ? '' : '.so'}`;
  const path = join(libDir, 'zetasql', name);
  if (!existsSync(path)) throw new Error(`ZetaSQL server binary not found at ${path}.`);
  return path;
}

/** A free TCP port on loopback (the server binary takes a fixed port). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  /** stdout+stderr so far, for error reports. */
  output(): string;
  /** Resolves with the exit code/signal if the process dies. */
  exited: Promise<string>;
  /** Stops the server and waits for it to exit. */
  stop(): Promise<void>;
}

// Runs the server under a tiny shell watchdog: the server is killed as soon as our end of the watchdog's stdin
// closes, which also happens when this Node process dies without calling stop() (a killed test worker), so no
// orphaned server outlives its tests.
const WATCHDOG = `exec 3<&0
"$0" localhost "$1" &
server=$!
{ read -r _ <&3; kill -9 "$server" 2>/dev/null; } &
watcher=$!
wait "$server"
code=$?
kill "$watcher" 2>/dev/null
exit "$code"`;

/** Starts the ZetaSQL gRPC server on `localhost:port` (the package's client always dials `localhost`). */
export function spawnServer(binary: string, port: number): ServerProcess {
  const child = spawn('/bin/sh', ['-c', WATCHDOG, binary, String(port)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `exit code ${code}`));
    child.once('error', (error) => resolve(`spawn error: ${error.message}`));
  });
  return {
    child,
    output: () => output,
    exited,
    stop: async () => {
      child.stdin?.end();
      await exited;
    },
  };
}
