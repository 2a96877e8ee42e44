import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { type ResponseRecord, startSimulator } from '../src/index.js';
import { basicAuth, FIXED_NOW, rawGet, startRecordedSimulator } from './support/simulator.js';

const sim = await startRecordedSimulator({ tickets: 20, seed: 'server', rateLimit: true, plan: 'pro' });

/** A GET with a Host header of our choosing, which fetch does not allow. */
function getWithHost(
  url: string,
  path: string,
  host: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, headers: { ...headers, Host: host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('when the simulator itself fails', () => {
  it('answers 500 with the rate-limit headers and records the answer', async () => {
    // A Host header that is no valid URL authority makes request parsing throw outside any route handler.
    const crashed = await getWithHost(
      sim.url,
      '/api/v2/tickets?per_page=5',
      'bad host',
      basicAuth(sim.apiKey),
    );
    expect(crashed.status).toBe(500);
    expect(JSON.parse(crashed.body)).toMatchObject({ code: 'internal_error' });
    expect(crashed.headers['x-ratelimit-total']).toBe('400');
    expect(Number(crashed.headers['x-ratelimit-remaining'])).toBeGreaterThan(0);
    expect(crashed.headers['x-ratelimit-used-currentrequest']).toBe('0');
    const record = sim.recorder.records.find((r) => r.status === 500);
    // Recorded with its route, so the conformance check of this file holds it to the spec's 5XX answer.
    expect(record).toMatchObject({
      method: 'GET',
      path: '/tickets',
      query: 'per_page=5',
      route: '/tickets',
      body: crashed.body,
    });
    expect(record?.headers['X-RateLimit-Total']).toBe('400');
    // The server keeps serving.
    expect((await rawGet(sim, '/groups')).status).toBe(200);
  });

  it('survives an onResponse callback that throws', async () => {
    const seen: ResponseRecord[] = [];
    const fragile = await startSimulator({
      tickets: 10,
      seed: 'fragile',
      now: FIXED_NOW,
      onResponse: (record) => {
        seen.push(record);
        if (record.path === '/groups') throw new Error('recorder broke');
      },
    });
    try {
      const failed = await rawGet(fragile, '/groups');
      expect(failed.status).toBe(500);
      expect(failed.headers.get('x-ratelimit-total')).toBe('700');
      expect((await rawGet(fragile, '/roles')).status).toBe(200);
      expect(seen.map((r) => [r.path, r.status])).toEqual([
        ['/groups', 200],
        ['/groups', 500],
        ['/roles', 200],
      ]);
    } finally {
      await fragile.stop();
    }
  });
});

describe('onResponse', () => {
  it('reports the query string of every request as sent, without the leading ?', async () => {
    const seen: ResponseRecord[] = [];
    const recorded = await startSimulator({
      tickets: 10,
      seed: 'query',
      now: FIXED_NOW,
      onResponse: (record) => {
        seen.push(record);
      },
    });
    try {
      await rawGet(recorded, '/tickets?per_page=2&updated_since=2025-01-01T00%3A00%3A00Z');
      await rawGet(recorded, '/groups');
      await rawGet(recorded, '/nowhere?x=1');
      await fetch(`${recorded.url}/_control/info?verbose=1`);
      expect(seen.map((r) => [r.path, r.query, r.status])).toEqual([
        ['/tickets', 'per_page=2&updated_since=2025-01-01T00%3A00%3A00Z', 200],
        ['/groups', '', 200],
        ['/nowhere', 'x=1', 404],
        ['/_control/info', 'verbose=1', 200],
      ]);
    } finally {
      await recorded.stop();
    }
  });
});
