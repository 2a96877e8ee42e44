import type { WriteStream } from 'node:tty';
import { resourceForPath } from '../source/path-resolver.js';
import type { SyncReporter } from '../sync/reporter.js';
import { summaryText } from './summary-table.js';
import { formatCount, formatMs } from './table.js';

interface ResourceProgress {
  status: 'waiting' | 'reading' | 'done';
  records: number;
  pages: number;
}

const FRAME_MS = 100;

/** A live view on a terminal: each resource's records and pages, the API budget and waits, the load phase. */
export function ttyReporter(out: WriteStream): SyncReporter {
  const resources = new Map<string, ResourceProgress>();
  const budget = { limit: 0, used: 0, remaining: undefined as number | undefined };
  let waits = 0;
  let waitedMs = 0;
  let retries = 0;
  let lastWait = '';
  let phase = 'connecting';
  let header = '';
  let drawnLines = 0;
  let dirty = false;
  let timer: NodeJS.Timeout | undefined;

  const progress = (name: string): ResourceProgress => {
    let p = resources.get(name);
    if (!p) {
      p = { status: 'waiting', records: 0, pages: 0 };
      resources.set(name, p);
    }
    return p;
  };

  const frame = (): string[] => {
    const width = Math.max(...[...resources.keys()].map((n) => n.length), 8);
    const lines = [header];
    for (const [name, p] of resources) {
      const mark = p.status === 'done' ? '✔' : p.status === 'reading' ? '…' : ' ';
      lines.push(
        `  ${mark} ${name.padEnd(width)}  ${formatCount(p.records).padStart(9)} records  ${formatCount(p.pages).padStart(6)} pages`,
      );
    }
    const remaining =
      budget.remaining === undefined ? '' : `, ${formatCount(budget.remaining)} left on the server`;
    lines.push(
      `  API budget: ${budget.used}/${budget.limit || '?'} credits this minute${remaining} · waits ${waits} (${formatMs(waitedMs)}) · retries ${retries}${lastWait ? ` · last wait: ${lastWait}` : ''}`,
    );
    lines.push(`  phase: ${phase}`);
    return lines;
  };

  const draw = (): void => {
    if (!dirty) return;
    dirty = false;
    const lines = frame();
    const cols = out.columns || 120;
    let text = drawnLines > 0 ? `\x1b[${drawnLines}F` : '';
    for (const l of lines) text += `\x1b[2K${l.length > cols ? `${l.slice(0, cols - 1)}…` : l}\n`;
    out.write(text);
    drawnLines = lines.length;
  };
  const touch = (): void => {
    dirty = true;
    timer ??= setInterval(draw, FRAME_MS);
    timer.unref();
  };
  const stop = (): void => {
    if (timer) clearInterval(timer);
    timer = undefined;
    dirty = true;
    draw();
  };

  return {
    start: (info) => {
      header = `Syncing Freshdesk into ${info.destination} (since ${info.startDate})`;
      for (const name of info.resources) progress(name);
      phase = 'extracting';
      touch();
    },
    pipeline: (event) => {
      switch (event.type) {
        case 'run_started':
          if (event.pendingPackages > 0) phase = `finishing ${event.pendingPackages} interrupted package(s)`;
          break;
        case 'resource_started':
          progress(event.resource).status = 'reading';
          phase = 'extracting';
          break;
        case 'rows_extracted':
          progress(event.resource).records = event.rows;
          break;
        case 'resource_completed': {
          const p = progress(event.resource);
          p.records = event.rows;
          p.status = 'done';
          break;
        }
        case 'package_extracted':
          phase = `extracted and normalized ${formatCount(event.records)} records`;
          break;
        case 'package_normalized':
          phase = `loading ${Object.keys(event.rows).length} tables`;
          break;
        case 'schema_migrated':
          phase = `loading: schema migrated (${event.changes} changes)`;
          break;
        case 'table_loaded':
          phase = `loading: ${event.table} (${formatCount(event.rows)} rows)`;
          break;
        case 'state_committed':
          phase = 'committed';
          break;
        default:
          break;
      }
      touch();
    },
    freshdesk: (event) => {
      if (event.type === 'page') {
        const name = resourceForPath(event.path);
        if (name) {
          const p = progress(name);
          p.pages += 1;
          if (p.status === 'waiting') p.status = 'reading';
        }
      } else if (event.type === 'rate-limit') {
        budget.limit = event.limit;
        budget.used = event.usedInWindow;
        budget.remaining = event.remaining;
      } else if (event.type === 'wait') {
        waits += 1;
        waitedMs += event.ms;
        lastWait = `${formatMs(event.ms)} (${event.reason})`;
      } else if (event.type === 'retry') {
        retries += 1;
      }
      touch();
    },
    note: (message) => {
      stop();
      drawnLines = 0;
      out.write(`${message}\n`);
    },
    finish: (summary) => {
      phase = 'done';
      stop();
      out.write(`\n${summaryText(summary)}\n`);
    },
    fail: (message) => {
      phase = 'failed';
      stop();
      out.write(`\nerror: ${message}\n`);
    },
  };
}
