import type { Writable } from 'node:stream';
import type { SyncReporter } from '../sync/reporter.js';

/** JSON lines, one per event, for log collectors: `{"time": ..., "event": ..., ...}`. */
export function jsonReporter(out: Writable): SyncReporter {
  let lastBudget = 0;
  const write = (event: string, fields: object): void => {
    out.write(`${JSON.stringify({ time: new Date().toISOString(), event, ...fields })}\n`);
  };
  return {
    start: (info) => write('run_started', info),
    pipeline: ({ type, ...rest }) => write(type, rest),
    freshdesk: ({ type, ...rest }) => {
      if (type === 'rate-limit') {
        // One line per request would drown the log: the budget at most once a second.
        const now = Date.now();
        if (now - lastBudget < 1000) return;
        lastBudget = now;
      }
      write(`freshdesk_${type.replaceAll('-', '_')}`, rest);
    },
    note: (message) => write('note', { message }),
    finish: (summary) =>
      write('run_summary', {
        destination: summary.destination,
        requests: summary.requests,
        durationMs: summary.durationMs,
        extracted: summary.extracted,
        pages: summary.pages,
        rows: summary.info.rows,
        cursors: summary.cursors,
        packages: summary.info.packages.map((p) => ({
          loadId: p.loadId,
          resumed: p.resumed,
          alreadyLoaded: p.alreadyLoaded,
        })),
      }),
    fail: (message, exitCode) => write('run_failed', { message, exitCode }),
  };
}
