import { CATALOG } from '../source/catalog.js';
import type { SyncSummary } from '../sync/summary.js';
import { formatCount, formatMs, renderTable } from './table.js';

/** The end-of-run table: per resource the records read, pages, rows loaded per table and the cursor. */
export function summaryText(summary: SyncSummary): string {
  const rows: string[][] = [];
  for (const entry of CATALOG) {
    const extracted = summary.extracted[entry.name];
    if (extracted === undefined) continue;
    const tables = Object.entries(summary.info.rows).filter(
      ([table]) => table === entry.name || table.startsWith(`${entry.name}__`),
    );
    const loaded = tables.reduce((n, [, r]) => n + r, 0);
    const cursor = summary.cursors[entry.name];
    rows.push([
      entry.name,
      formatCount(extracted),
      formatCount(summary.pages[entry.name] ?? 0),
      formatCount(loaded),
      cursor === undefined || cursor === null ? '' : String(cursor),
    ]);
  }
  const resumed = summary.info.packages.filter((p) => p.resumed).length;
  const totalRows = Object.values(summary.info.rows).reduce((a, b) => a + b, 0);
  const lines = [
    renderTable(['resource', 'records', 'pages', 'rows loaded', 'cursor'], rows),
    '',
    `${formatCount(totalRows)} rows loaded into ${summary.destination} with ${formatCount(summary.requests)} API requests in ${formatMs(summary.durationMs)}.`,
  ];
  if (resumed > 0) lines.push(`Finished ${resumed} package(s) left pending by an interrupted run first.`);
  const newColumns = summary.info.packages.flatMap((p) => p.newColumns);
  if (newColumns.length > 0 && summary.info.packages.some((p) => p.schemaVersion > 1)) {
    const shown = newColumns.slice(0, 8).map((c) => `${c.table}.${c.column} (${c.dataType})`);
    lines.push(
      `New columns: ${shown.join(', ')}${newColumns.length > 8 ? `, and ${newColumns.length - 8} more` : ''}.`,
    );
  }
  return lines.join('\n');
}
