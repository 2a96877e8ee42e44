import type { Writable } from 'node:stream';
import type { SyncReporter } from '../sync/reporter.js';
import { summaryText } from './summary-table.js';
import { formatCount, formatMs } from './table.js';

/** Plain timestamped lines, for logs and pipes: the milestones, waits and retries, then the summary. */
export function plainReporter(out: Writable, err: Writable): SyncReporter {
  let tables = 0;
  let rows = 0;
  const line = (text: string): void => {
    out.write(`${new Date().toISOString().slice(11, 19)} ${text}\n`);
  };
  return {
    start: (info) =>
      line(`sync into ${info.destination}: ${info.resources.length} resources, start date ${info.startDate}`),
    pipeline: (event) => {
      switch (event.type) {
        case 'run_started':
          if (event.pendingPackages > 0)
            line(`finishing ${event.pendingPackages} package(s) left by an interrupted run`);
          return;
        case 'resource_completed':
          return line(`${event.resource}: ${formatCount(event.rows)} records read`);
        case 'package_extracted':
          return line(`extracted and normalized ${formatCount(event.records)} records`);
        case 'package_normalized':
          return line(`normalized into ${Object.keys(event.rows).length} tables; loading`);
        case 'schema_migrated':
          return line(`schema: ${event.changes} change(s) applied`);
        case 'table_loaded':
          tables += 1;
          rows += event.rows;
          return;
        case 'state_committed':
          line(`loaded ${formatCount(rows)} rows into ${tables} tables; committed data and state together`);
          tables = 0;
          rows = 0;
          return;
        default:
          return;
      }
    },
    freshdesk: (event) => {
      if (event.type === 'wait' && event.ms >= 1000)
        line(`waiting ${formatMs(event.ms)} (${event.reason}) before ${event.method} ${event.path}`);
      else if (event.type === 'retry')
        line(
          `retrying ${event.method} ${event.path} (${event.reason}${event.status ? ` ${event.status}` : ''}, attempt ${event.attempt})`,
        );
    },
    note: (message) => line(message),
    finish: (summary) => out.write(`\n${summaryText(summary)}\n`),
    fail: (message) => err.write(`error: ${message}\n`),
  };
}
