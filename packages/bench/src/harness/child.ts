import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What every measurement child sends back: its result and its own peak resident set size. */
export interface ChildReport<T> {
  readonly result: T;
  /** Peak RSS of the child process in bytes (`process.resourceUsage().maxRSS`). */
  readonly peakRssBytes: number;
}

type Message<T> = { ok: true; report: ChildReport<T> } | { ok: false; error: string };

export interface RunChildOptions {
  /** Kill the child after this long. */
  readonly timeoutMs?: number;
  /** Write a V8 CPU profile of the child into this folder (`node --cpu-prof`). */
  readonly cpuProfileDir?: string;
  /** Write a V8 heap profile of the child into this folder (`node --heap-prof`). */
  readonly heapProfileDir?: string;
}

/**
 * The entry file of a measurement, next to this module: `dist/measures/x.js` after the build, or the
 * TypeScript source under vitest (then run through tsx).
 */
export function entryPath(relative: string): string {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return fileURLToPath(new URL(`../${relative}${ext}`, import.meta.url));
}

export function nodeArgsFor(path: string, options: RunChildOptions = {}): string[] {
  const args = path.endsWith('.ts') ? ['--import', 'tsx'] : [];
  if (options.cpuProfileDir) args.push('--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir);
  if (options.heapProfileDir) args.push('--heap-prof', '--heap-prof-dir', options.heapProfileDir);
  return args;
}

/**
 * Runs one measurement in its own Node process so that its peak RSS is its own, not that of earlier sizes
 * or of the orchestrator. The child receives `input` over IPC and answers once (see `serveMeasurement`).
 */
export function runChild<I, T>(
  relative: string,
  input: I,
  options: RunChildOptions = {},
): Promise<ChildReport<T>> {
  const path = entryPath(relative);
  const child = fork(path, [], {
    execArgv: nodeArgsFor(path, options),
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise<ChildReport<T>>((resolve, reject) => {
    let settled = false;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            child.kill('SIGKILL');
            fail(new Error(`${relative} did not finish within ${options.timeoutMs} ms; it was killed.`));
          }, options.timeoutMs);
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(error);
    };
    child.on('message', (message: Message<T>) => {
      if (settled) return;
      if (message.ok) {
        settled = true;
        clearTimeout(timer);
        resolve(message.report);
      } else {
        fail(new Error(`${relative} failed: ${message.error}`));
      }
    });
    child.on('error', fail);
    child.on('exit', (code, signal) =>
      fail(new Error(`${relative} exited (${signal ?? `code ${code}`}) without reporting a result.`)),
    );
    child.send(input as object);
  });
}

/** The child side: runs `measure` on the input it is sent, reports once, then exits. */
export function serveMeasurement<I, T>(measure: (input: I) => Promise<T>): void {
  // An orchestrator that died or gave up leaves nobody to report to: do not keep measuring.
  process.once('disconnect', () => process.exit(1));
  process.once('message', (input: I) => {
    measure(input).then(
      (result) => {
        const report: ChildReport<T> = { result, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
        process.send?.({ ok: true, report } satisfies Message<T>, () => process.exit(0));
      },
      (error: unknown) => {
        const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
        process.send?.({ ok: false, error: text } satisfies Message<T>, () => process.exit(1));
      },
    );
  });
}
