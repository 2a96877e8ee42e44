import net from 'node:net';
import { afterEach } from 'vitest';

/**
 * Fails the test run if anything (the BigQuery client, google-auth-library, a metadata-server probe) opens a
 * connection beyond loopback. Every TCP connection in Node, fetch included, goes through Socket#connect.
 */
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+|localhost)$/i;

export const violations: string[] = [];

function targetOf(args: unknown[]): { host?: string; path?: string } {
  let first = args[0];
  // net.connect passes its normalized arguments as one array.
  if (Array.isArray(first)) first = first[0];
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: unknown; path?: unknown };
    if (typeof options.path === 'string') return { path: options.path };
    return { host: typeof options.host === 'string' ? options.host : 'localhost' };
  }
  if (typeof first === 'string' && Number.isNaN(Number(first))) return { path: first };
  return { host: typeof args[1] === 'string' ? args[1] : 'localhost' };
}

const original = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const { host } = targetOf(args);
  if (host !== undefined && !LOOPBACK.test(host)) {
    violations.push(host);
    throw new Error(`Test tried to connect to ${host}: tests may only reach loopback (127.0.0.1).`);
  }
  return (original as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;

afterEach(() => {
  if (violations.length > 0) {
    const hosts = [...new Set(violations)].join(', ');
    violations.length = 0;
    throw new Error(`Network access beyond loopback during this test: ${hosts}`);
  }
});
