import net from 'node:net';
import { expect, it } from 'vitest';
import { takeViolations } from './support/network-guard.js';

it('refuses connections to non-loopback hosts (so no test can reach Google or a metadata server)', () => {
  expect(() => net.connect(443, 'bigquery.googleapis.com')).toThrow(/only connect to loopback/);
  expect(() => net.connect({ host: '169.254.169.254', port: 80 })).toThrow(/only connect to loopback/);
  expect(takeViolations()).toEqual(['bigquery.googleapis.com', '169.254.169.254']);
});
