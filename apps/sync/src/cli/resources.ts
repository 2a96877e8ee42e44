import { EXIT_OK } from '../config/errors.js';
import { resolveLogFormat } from '../config/resolve.js';
import { renderTable } from '../output/table.js';
import { CATALOG, type CatalogEntry } from '../source/catalog.js';
import { parseCommandArgs, settingFlags } from './args.js';
import { RESOURCES_HELP } from './help.js';
import type { CliIo } from './io.js';

/** How a resource is kept current, in words. */
export function modeOf(entry: CatalogEntry): string {
  if (entry.kind === 'ticket-child') return `merge per changed ticket (by ${entry.mergeKey})`;
  if (entry.cursor) return `incremental merge on ${entry.cursor.field}`;
  return entry.writeDisposition === 'replace' ? 'replace' : entry.writeDisposition;
}

/** What a user must know about a resource beyond its mode: where the design leaves changes unseen. */
export const RESOURCE_NOTES: Readonly<Record<string, string>> = {
  time_entries:
    "Freshdesk does not move a ticket's updated_at when a time entry is added or edited, so a run reads " +
    'the time entries of tickets that changed otherwise. To pick up the rest, run now and then (e.g. weekly) ' +
    '`sluice-sync run --resources time_entries --full-refresh time_entries` (one request per ticket).',
  satisfaction_ratings:
    'Ratings edited more than 7 days before the newest one loaded are not re-read; --full-refresh ' +
    'satisfaction_ratings reloads them all.',
};

export function cursorOf(entry: CatalogEntry): string {
  if (!entry.cursor) return '';
  const lookback = entry.cursor.lookback?.days ? ` (lookback ${entry.cursor.lookback.days} days)` : '';
  return `${entry.cursor.field} via ${entry.cursor.param}${lookback}`;
}

export async function resourcesCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs('resources', args, settingFlags(['log-format']));
  if (parsed.help) {
    io.stdout.write(`${RESOURCES_HELP}\n`);
    return EXIT_OK;
  }
  const format = resolveLogFormat({ ...(parsed.raw.logFormat ? { logFormat: parsed.raw.logFormat } : {}) });
  if (format === 'json') {
    for (const e of CATALOG) {
      io.stdout.write(
        `${JSON.stringify({ name: e.name, path: e.path, mode: modeOf(e), writeDisposition: e.writeDisposition, primaryKey: e.primaryKey, cursor: e.cursor ?? null, parent: e.parent ?? null, ...(RESOURCE_NOTES[e.name] ? { note: RESOURCE_NOTES[e.name] } : {}) })}\n`,
      );
    }
    return EXIT_OK;
  }
  const rows = CATALOG.map((e) => [e.name, modeOf(e), cursorOf(e), e.parent ?? '', e.path]);
  io.stdout.write(`${renderTable(['resource', 'mode', 'cursor', 'parent', 'endpoint'], rows)}\n`);
  io.stdout.write(
    `\n${CATALOG.length} resources. Select some with --resources a,b,c; children bring their parents.\n`,
  );
  for (const [name, note] of Object.entries(RESOURCE_NOTES)) io.stdout.write(`\nNote on ${name}: ${note}\n`);
  return EXIT_OK;
}
