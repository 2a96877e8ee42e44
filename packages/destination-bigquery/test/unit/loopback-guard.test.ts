import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BigQuery } from '@google-cloud/bigquery';
import { OAuth2Client } from 'google-auth-library';
import { describe, expect, it } from 'vitest';
import { violations } from '../support/loopback-guard.js';

describe('loopback guard', () => {
  it('lets loopback through', async () => {
    const server = createServer((_, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('ok');
    } finally {
      server.close();
    }
  });

  it('stops any other host before a packet leaves', async () => {
    await expect(fetch('http://192.0.2.1/')).rejects.toThrow();
    expect(violations).toEqual(['192.0.2.1']);
    violations.length = 0; // consumed: this test expected it
  });

  it('stops the BigQuery client when it is not pointed at the fake', async () => {
    const authClient = new OAuth2Client();
    authClient.setCredentials({ access_token: 'test-token', expiry_date: Date.now() + 3_600_000 });
    const client = new BigQuery({ projectId: 'p', authClient, retryOptions: { autoRetry: false } });
    await expect(client.getDatasets()).rejects.toThrow();
    expect(violations).toContain('bigquery.googleapis.com');
    violations.length = 0;
  });
});
