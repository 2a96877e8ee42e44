import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { duckdb } from '@sluice/destination-duckdb';
import { startSimulator } from '@sluice/freshdesk-simulator';
import { sql } from 'kysely';
import { EXIT_OK, UsageError } from '../config/errors.js';
import { resolveLogFormat } from '../config/resolve.js';
import { DEFAULT_CONCURRENCY, type SyncSettings } from '../config/settings.js';
import { renderTable } from '../output/table.js';
import { DEFAULT_TICKET_INCLUDES } from '../source/options.js';
import { ALL_HISTORY } from '../source/start-date.js';
import { describeFailure } from '../sync/failures.js';
import { runSync } from '../sync/run-sync.js';
import { parseCommandArgs, settingFlags } from './args.js';
import { DEMO_HELP } from './help.js';
import type { CliIo } from './io.js';
import { reporterFor } from './reporter.js';
import { withInterrupt } from './signals.js';

export const DEMO_PATH = 'sluice-demo.duckdb';
const DEMO_QUERY = `SELECT status, count(*) AS tickets, count(*) FILTER (WHERE deleted) AS deleted, count(*) FILTER (WHERE spam) AS spam
FROM freshdesk.tickets GROUP BY status ORDER BY status`;

/**
 * The demo: a simulated helpdesk on loopback, a full sync into a local DuckDB file, some changes in the
 * helpdesk, an incremental sync that reads only those, then a sample query. No account, no network.
 */
export async function demoCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs('demo', args, {
    ...settingFlags(['duckdb-path', 'log-format']),
    tickets: { type: 'string' },
  });
  if (parsed.help) {
    io.stdout.write(`${DEMO_HELP}\n`);
    return EXIT_OK;
  }
  const tickets = Number(parsed.values.tickets ?? 300);
  if (!Number.isInteger(tickets) || tickets < 10 || tickets > 100_000) {
    throw new UsageError('--tickets must be a whole number from 10 to 100000.');
  }
  const path = resolve(parsed.raw.duckdbPath ?? DEMO_PATH);
  const logFormat = resolveLogFormat(parsed.raw);
  const say = (text: string): void => {
    if (logFormat === 'text') io.stdout.write(`${text}\n`);
  };

  const simulator = await startSimulator({ seed: 'sluice-demo', tickets, rateLimit: false });
  const workingDir = join(tmpdir(), `sluice-demo-${process.pid}`);
  try {
    // The demo starts from scratch each time: a new simulated helpdesk, a new database.
    await rm(path, { force: true });
    await rm(`${path}.wal`, { force: true });
    const settings: SyncSettings = {
      freshdesk: { baseUrl: simulator.baseUrl, apiKey: simulator.apiKey },
      destination: { kind: 'duckdb', path },
      dataset: 'freshdesk',
      startDate: ALL_HISTORY,
      concurrency: DEFAULT_CONCURRENCY,
      // The simulator's limits are off: let the client go as fast as it can.
      requestsPerMinute: 1_000_000,
      perPage: 100,
      ticketIncludes: DEFAULT_TICKET_INCLUDES,
      logFormat,
      workingDir,
    };
    say(`Demo: a simulated Freshdesk helpdesk with ${tickets} tickets is running at ${simulator.baseUrl}.\n`);
    say('1/2 First run: everything is new, so every resource is read in full.\n');
    const first = await withInterrupt((signal) =>
      runSync(settings, { reporter: reporterFor(logFormat, io), signal }),
    );

    simulator.control.advanceClock(3_600_000);
    const changed = simulator.control.mutate({ resource: 'tickets', count: 12 });
    const deleted = simulator.control.deleteTickets(3);
    const spam = simulator.control.spamTickets(2);
    simulator.control.mutate({ resource: 'contacts', count: 5 });
    say(
      `\n2/2 An hour later ${changed.length} tickets were updated, ${deleted.length} deleted, ${spam.length} marked as spam and 5 contacts edited.\n` +
        '    The second run reads only those changes, from the cursors stored in the database:\n',
    );
    const second = await withInterrupt((signal) =>
      runSync(settings, { reporter: reporterFor(logFormat, io), signal }),
    );
    say(`\nFirst run: ${first.requests} API requests. Incremental run: ${second.requests} API requests.\n`);

    const driver = await duckdb({ path }).openDriver();
    try {
      const result = await sql<Record<string, unknown>>`${sql.raw(DEMO_QUERY)}`.execute(driver.db);
      const rows = result.rows.map((r) => Object.values(r).map((v) => String(v)));
      say(`Sample query:\n\n${DEMO_QUERY}\n\n${renderTable(Object.keys(result.rows[0] ?? {}), rows)}\n`);
    } finally {
      await driver.close();
    }
    const shown = relative(process.cwd(), path) || path;
    say(
      `The data is in ${shown}. Query it with the DuckDB CLI (https://duckdb.org/docs/installation):\n\n` +
        `  duckdb ${shown} -c "SELECT id, subject, status, updated_at FROM freshdesk.tickets ORDER BY updated_at DESC LIMIT 5"\n\n` +
        'or from Node with @duckdb/node-api. Run `sluice-sync status --duckdb-path ' +
        `${shown}\` for the cursors and row counts, and \`sluice-sync run --help\` to sync your own helpdesk.`,
    );
    return EXIT_OK;
  } catch (error) {
    const failure = describeFailure(error, 'The simulator');
    io.stderr.write(`error: ${failure.message}\n`);
    return failure.exitCode;
  } finally {
    await simulator.stop();
    await rm(workingDir, { recursive: true, force: true });
  }
}
