import net from 'node:net';
import { afterAll, expect } from 'vitest';

// Every test file runs with this guard: any socket to a host other than loopback is refused and recorded,
// so a client that tried to reach Google (API, OAuth token host, metadata server) fails the run.
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);
const violations: string[] = [];
const originalConnect = net.Socket.prototype.connect;

function hostOf(args: unknown[]): string | undefined {
  const [first, second] = args;
  if (typeof first === 'object' && first !== null && !Array.isArray(first)) {
    const options = first as { host?: string; path?: string };
    if (options.path) return undefined;
    return options.host ?? 'localhost';
  }
  if (Array.isArray(first)) return hostOf(first as unknown[]);
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    return typeof second === 'string' ? second : 'localhost';
  }
  return undefined; // a unix socket path
}

net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const host = hostOf(args);
  if (host !== undefined && !LOOPBACK.has(host)) {
    violations.push(host);
    throw new Error(`Network guard: tests may only connect to loopback, not ${host}`);
  }
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;

/** Returns and clears the recorded violations (for the guard's own test). */
export function takeViolations(): string[] {
  return violations.splice(0);
}

afterAll(() => {
  expect(violations, 'connections attempted to non-loopback hosts').toEqual([]);
});
