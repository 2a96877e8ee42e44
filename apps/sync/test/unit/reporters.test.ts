import { PassThrough } from 'node:stream';
import type { WriteStream } from 'node:tty';
import type { LoadInfo } from '@sluice/loader-core';
import { describe, expect, it } from 'vitest';
import { jsonReporter } from '../../src/output/json-reporter.js';
import { plainReporter } from '../../src/output/plain-reporter.js';
import { ttyReporter } from '../../src/output/tty-reporter.js';
import type { SyncReporter } from '../../src/sync/reporter.js';
import type { SyncSummary } from '../../src/sync/summary.js';

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (d: Buffer) => {
    text += d.toString();
  });
  return { stream, text: () => text };
}

const info: LoadInfo = {
  pipelineName: 'freshdesk',
  dataset: 'freshdesk',
  packages: [],
  rows: { tickets: 3, tickets__tags: 4, contacts: 2 },
  durationMs: 1200,
};
const summary: SyncSummary = {
  destination: 'DuckDB /tmp/x.duckdb (schema freshdesk)',
  info,
  requests: 17,
  pages: { tickets: 3, contacts: 1 },
  extracted: { tickets: 3, contacts: 2 },
  cursors: { tickets: '2024-05-01T10:00:00Z' },
  durationMs: 1500,
};

function drive(reporter: SyncReporter): void {
  reporter.start({
    destination: summary.destination,
    resources: ['tickets', 'contacts'],
    startDate: '1970-01-01T00:00:00Z',
  });
  reporter.pipeline({ type: 'resource_started', resource: 'tickets' });
  reporter.freshdesk({ type: 'page', path: '/tickets', page: 1, items: 3, totalItems: 3 });
  reporter.freshdesk({
    type: 'rate-limit',
    method: 'GET',
    path: '/api/v2/tickets',
    usedByRequest: 1,
    limit: 400,
    usedInWindow: 12,
    remaining: 380,
    serverLimit: 400,
    pausedUntil: 0,
  });
  reporter.freshdesk({
    type: 'wait',
    reason: 'retry-after',
    ms: 2000,
    method: 'GET',
    path: '/api/v2/contacts',
  });
  reporter.freshdesk({
    type: 'retry',
    attempt: 1,
    reason: 'server-error',
    status: 503,
    method: 'GET',
    path: '/api/v2/contacts',
  });
  reporter.pipeline({ type: 'resource_completed', resource: 'tickets', rows: 3 });
  reporter.pipeline({ type: 'package_extracted', loadId: 'l1', records: 5 });
  reporter.pipeline({ type: 'table_loaded', loadId: 'l1', table: 'tickets', rows: 3 });
  reporter.pipeline({ type: 'state_committed', loadId: 'l1' });
  reporter.finish(summary);
}

describe('reporters', () => {
  it('the terminal view shows rows and pages per resource, the budget, waits, retries and the phase', () => {
    const out = capture();
    drive(ttyReporter(Object.assign(out.stream, { columns: 200 }) as unknown as WriteStream));
    const text = out.text();
    expect(text).toMatch(/✔ tickets\s+3 records\s+1 pages/);
    expect(text).toMatch(
      /API budget: 12\/400 credits this minute, 380 left on the server · waits 1 \(2\.0 s\) · retries 1/,
    );
    expect(text).toMatch(/phase: done/);
    expect(text).toMatch(/tickets\s+3\s+3\s+7\s+2024-05-01T10:00:00Z/);
    expect(text).toMatch(
      /9 rows loaded into DuckDB \/tmp\/x\.duckdb \(schema freshdesk\) with 17 API requests/,
    );
  });

  it('plain lines carry the milestones, waits and retries, then the summary', () => {
    const out = capture();
    const err = capture();
    drive(plainReporter(out.stream, err.stream));
    const text = out.text();
    expect(text).toMatch(/tickets: 3 records read/);
    expect(text).toMatch(/waiting 2\.0 s \(retry-after\) before GET \/api\/v2\/contacts/);
    expect(text).toMatch(/retrying GET \/api\/v2\/contacts \(server-error 503, attempt 1\)/);
    expect(text).toMatch(/loaded 3 rows into 1 tables; committed data and state together/);
    expect(text).not.toContain(String.fromCharCode(27));
  });

  it('JSON lines: one parseable object per event, ending with the summary', () => {
    const out = capture();
    drive(jsonReporter(out.stream));
    const lines = out
      .text()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string });
    expect(lines[0]?.event).toBe('run_started');
    expect(lines.map((l) => l.event)).toContain('freshdesk_retry');
    expect(lines.at(-1)).toMatchObject({ event: 'run_summary', requests: 17, rows: info.rows });
  });
});
