import type { Writable } from 'node:stream';
import type { Env } from '../config/resolve.js';

/** What a command may touch of the process: streams and environment (injectable for tests). */
export interface CliIo {
  readonly stdout: Writable & { isTTY?: boolean };
  readonly stderr: Writable;
  readonly env: Env;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}
