import { EXIT_OK } from '../config/errors.js';
import { gatherOptions, resolveDataset, resolveDestination, resolveLogFormat } from '../config/resolve.js';
import { createDestination, describeDestination } from '../destination/create.js';
import { checkKeyFile } from '../destination/key-file.js';
import { checkExists } from '../destination/preflight.js';
import { formatCount, renderTable } from '../output/table.js';
import { readStatus } from '../sync/status.js';
import { parseCommandArgs, settingFlags } from './args.js';
import { STATUS_HELP } from './help.js';
import type { CliIo } from './io.js';

const FLAGS = [
  'destination',
  'duckdb-path',
  'bq-project',
  'bq-dataset',
  'bq-location',
  'dataset',
  'log-format',
];

export async function statusCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs('status', args, settingFlags(FLAGS));
  if (parsed.help) {
    io.stdout.write(`${STATUS_HELP}\n`);
    return EXIT_OK;
  }
  const raw = await gatherOptions(parsed.raw, io.env, parsed.config);
  const settings = resolveDestination(raw, io.env);
  const dataset = resolveDataset(raw);
  const format = resolveLogFormat(raw);
  // Reading status must not create an empty database as a side effect.
  await checkExists(settings);
  await checkKeyFile(settings);
  const status = await readStatus(createDestination(settings, dataset), dataset);
  if (format === 'json') {
    io.stdout.write(
      `${JSON.stringify({ destination: describeDestination(settings, dataset), ...status })}\n`,
    );
    return EXIT_OK;
  }
  const out: string[] = [`Status of ${describeDestination(settings, dataset)}`, ''];
  if (status.loads.length === 0) {
    out.push('No runs yet: run `sluice-sync run` to load Freshdesk.');
  } else {
    out.push('Last runs:');
    out.push(
      renderTable(
        ['load id', 'status', 'finished at', 'rows'],
        status.loads.map((l) => [
          l.loadId,
          l.status,
          l.insertedAt,
          formatCount(Object.values(l.rows).reduce((a, b) => a + b, 0)),
        ]),
      ),
    );
  }
  if (status.resources.length > 0) {
    out.push('', 'Resources:');
    out.push(
      renderTable(
        ['resource', 'cursor', 'rows'],
        status.resources.map((r) => [
          r.name,
          r.cursor === null || r.cursor === undefined ? '(replaced each run)' : String(r.cursor),
          status.tables[r.name] === undefined ? '' : formatCount(status.tables[r.name] ?? 0),
        ]),
      ),
    );
  }
  if (Object.keys(status.tables).length > 0) {
    out.push('', 'Tables:');
    out.push(
      renderTable(
        ['table', 'rows'],
        Object.entries(status.tables).map(([t, n]) => [t, formatCount(n)]),
      ),
    );
  }
  io.stdout.write(`${out.join('\n')}\n`);
  return EXIT_OK;
}
