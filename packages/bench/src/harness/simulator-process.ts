import { type ChildProcess, fork } from 'node:child_process';
import type { SimulatorOptions } from '@sluice/freshdesk-simulator';
import { entryPath, nodeArgsFor } from './child.js';

/** Where a simulator running in its own process listens. */
export interface SimulatorHandle {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly domain: string;
  /** Stops the simulator and resolves with its process's peak RSS in bytes. */
  stop(): Promise<number>;
}

export type SimulatorProcessOptions = Omit<SimulatorOptions, 'onResponse' | 'port' | 'host'>;

type Reply =
  | { type: 'started'; baseUrl: string; apiKey: string; domain: string }
  | { type: 'stopped'; peakRssBytes: number }
  | { type: 'error'; error: string };

/**
 * Starts the Freshdesk simulator in a separate Node process, so that serving requests and running the
 * measured pipeline do not share one event loop (as with a real, remote Freshdesk).
 */
export function startSimulatorProcess(options: SimulatorProcessOptions): Promise<SimulatorHandle> {
  const path = entryPath('harness/simulator-server');
  const child: ChildProcess = fork(path, [], {
    execArgv: nodeArgsFor(path),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise<SimulatorHandle>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`The simulator process exited (code ${code}).`));
    child.once('exit', onExit);
    child.once('message', (reply: Reply) => {
      if (reply.type !== 'started') {
        child.kill('SIGKILL');
        reject(
          new Error(`The simulator did not start: ${reply.type === 'error' ? reply.error : reply.type}`),
        );
        return;
      }
      child.off('exit', onExit);
      resolve({
        baseUrl: reply.baseUrl,
        apiKey: reply.apiKey,
        domain: reply.domain,
        stop: () =>
          new Promise<number>((done, failed) => {
            child.once('message', (r: Reply) =>
              r.type === 'stopped'
                ? done(r.peakRssBytes)
                : failed(new Error('The simulator failed to stop.')),
            );
            child.once('exit', (code) =>
              code === 0 ? undefined : failed(new Error(`Simulator exit ${code}`)),
            );
            child.send({ type: 'stop' });
          }),
      });
    });
    child.send({ type: 'start', options });
  });
}
