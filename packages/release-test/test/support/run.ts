import { spawn } from 'node:child_process';

export interface RunOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Exit codes other than 0 are returned instead of thrown. */
  readonly allowFailure?: boolean;
}

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a program without a shell and collects its output. Asynchronous on purpose: the registry may run in
 * this process's children and the test must keep serving its own loopback servers meanwhile.
 */
export function run(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const result = {
        code: code ?? -1,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      };
      if (result.code === 0 || options.allowFailure) {
        resolve(result);
        return;
      }
      const how = signal ? `was killed by ${signal}` : `exited with code ${result.code}`;
      reject(
        new Error(
          `\`${[command, ...args].join(' ')}\` in ${options.cwd} ${how}.\n--- stdout ---\n${tail(result.stdout)}\n--- stderr ---\n${tail(result.stderr)}`,
        ),
      );
    });
  });
}

function tail(text: string): string {
  return text.length > 8000 ? `…${text.slice(-8000)}` : text;
}
