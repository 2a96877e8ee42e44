import { SETTINGS } from '../config/raw-options.js';

function flagLines(flags: readonly string[]): string {
  return SETTINGS.filter((s) => s.flag && flags.includes(s.flag))
    .map((s) => `  --${`${s.flag} <value>`.padEnd(30)} ${s.help} [${s.env}]`)
    .join('\n');
}

const RUN_FLAGS = SETTINGS.flatMap((s) => (s.flag ? [s.flag] : []));
const DESTINATION_FLAGS = [
  'destination',
  'duckdb-path',
  'bq-project',
  'bq-dataset',
  'bq-location',
  'dataset',
  'log-format',
];

export const MAIN_HELP = `sluice-sync: keeps every Freshdesk resource current in DuckDB or BigQuery.

Usage: sluice-sync <command> [options]

Commands:
  run         sync Freshdesk into the destination (incremental after the first run)
  demo        sync a built-in simulated helpdesk into ./sluice-demo.duckdb (no account needed)
  status      last runs, cursors and row counts, read from the destination
  resources   every resource with its mode and cursor

  sluice-sync --demo is the same as sluice-sync demo.
  sluice-sync <command> --help shows the options of a command.

Exit codes: 0 success, 1 failure (the message says what to do), 2 bad usage,
130 stopped by Ctrl-C, 143 stopped by SIGTERM (rerun to resume; nothing partial is committed).`;

export const RUN_HELP = `Usage: sluice-sync run [options]

Syncs Freshdesk into the destination. The first run loads all history (or from --start-date); later runs
read only what changed, from the cursors committed in the destination. Safe to rerun after any failure.

Options (each also from its environment variable, or from the --config file):
${flagLines(RUN_FLAGS)}
  --${'config <file>'.padEnd(30)} JSON config file with the settings above in camelCase [SLUICE_CONFIG]
  -h, --help                       this help

Secrets come only from the environment:
  FRESHDESK_API_KEY (or FRESHDESK_API_KEY_FILE)   the agent's API key
  GOOGLE_APPLICATION_CREDENTIALS                  service-account key file for BigQuery (else default credentials)
  SLUICE_BQ_ACCESS_TOKEN                          a ready OAuth token for BigQuery (e.g. gcloud auth print-access-token)

Examples:
  FRESHDESK_DOMAIN=acme FRESHDESK_API_KEY=... sluice-sync run
  sluice-sync run --resources tickets,contacts --start-date 2024-01-01
  sluice-sync run --full-refresh tickets
  sluice-sync run --destination bigquery --bq-project my-project --bq-dataset freshdesk --bq-location EU`;

export const DEMO_HELP = `Usage: sluice-sync demo [options]   (or sluice-sync --demo)

Starts a simulated Freshdesk helpdesk on 127.0.0.1 with seeded data, syncs it into a local DuckDB file,
changes some tickets and syncs again incrementally, then prints the summary and a sample query.

Options:
  --duckdb-path <file>     the demo database (default ./sluice-demo.duckdb; replaced on each demo)
  --tickets <n>            simulated tickets (default 300)
  --log-format <format>    text (default) or json
  -h, --help               this help`;

export const STATUS_HELP = `Usage: sluice-sync status [options]

Shows the last runs, each resource's cursor and the row count of every table, read from the destination.

Options:
${flagLines(DESTINATION_FLAGS)}
  --${'config <file>'.padEnd(30)} JSON config file [SLUICE_CONFIG]
  -h, --help                       this help`;

export const RESOURCES_HELP = `Usage: sluice-sync resources [--log-format text|json]

Lists every resource the sync loads: its table, write mode, cursor and parent, and what each run can miss:
time entries are read only for tickets that changed (adding one does not change its ticket), so run
\`sluice-sync run --resources time_entries --full-refresh time_entries\` now and then for the rest.`;
