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
        `${JSON.stringify({ name: e.name, path: e.path, mode: modeOf(e), writeDisposition: e.writeDisposition, primaryKey: e.primaryKey, cursor: e.cursor ?? null, parent: e.parent ?? null })}\n`,
      );
    }
    return EXIT_OK;
  }
  const rows = CATALOG.map((e) => [e.name, modeOf(e), cursorOf(e), e.parent ?? '', e.path]);
  io.stdout.write(`${renderTable(['resource', 'mode', 'cursor', 'parent', 'endpoint'], rows)}\n`);
  io.stdout.write(
    `\n${CATALOG.length} resources. Select some with --resources a,b,c; children bring their parents.\n`,
  );
  return EXIT_OK;
}
