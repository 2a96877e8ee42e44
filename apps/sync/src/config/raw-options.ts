/** Settings as text, before validation: what flags, environment variables and the config file provide. */
export interface RawOptions {
  destination?: string;
  duckdbPath?: string;
  bqProject?: string;
  bqDataset?: string;
  bqLocation?: string;
  dataset?: string;
  domain?: string;
  freshdeskBaseUrl?: string;
  resources?: string;
  startDate?: string;
  fullRefresh?: string;
  concurrency?: string;
  requestsPerMinute?: string;
  plan?: string;
  perPage?: string;
  ticketInclude?: string;
  logFormat?: string;
  workingDir?: string;
}

export type RawKey = keyof RawOptions;

/** Every setting: its config-file key, its environment variable and its flag. */
export const SETTINGS: readonly { key: RawKey; env: string; flag?: string; help: string }[] = [
  {
    key: 'destination',
    env: 'SLUICE_DESTINATION',
    flag: 'destination',
    help: 'duckdb (default) or bigquery',
  },
  {
    key: 'duckdbPath',
    env: 'SLUICE_DUCKDB_PATH',
    flag: 'duckdb-path',
    help: 'DuckDB file (default freshdesk.duckdb)',
  },
  {
    key: 'bqProject',
    env: 'SLUICE_BQ_PROJECT',
    flag: 'bq-project',
    help: 'Google Cloud project of the BigQuery dataset',
  },
  {
    key: 'bqDataset',
    env: 'SLUICE_BQ_DATASET',
    flag: 'bq-dataset',
    help: 'BigQuery dataset (default freshdesk)',
  },
  {
    key: 'bqLocation',
    env: 'SLUICE_BQ_LOCATION',
    flag: 'bq-location',
    help: 'BigQuery location, e.g. US or EU (default US)',
  },
  { key: 'dataset', env: 'SLUICE_DATASET', flag: 'dataset', help: 'DuckDB schema (default freshdesk)' },
  {
    key: 'domain',
    env: 'FRESHDESK_DOMAIN',
    flag: 'domain',
    help: 'Freshdesk domain: acme or acme.freshdesk.com',
  },
  {
    key: 'freshdeskBaseUrl',
    env: 'SLUICE_FRESHDESK_BASE_URL',
    help: 'API base URL overriding the domain (local simulators)',
  },
  {
    key: 'resources',
    env: 'SLUICE_RESOURCES',
    flag: 'resources',
    help: 'comma-separated resources (default all)',
  },
  {
    key: 'startDate',
    env: 'SLUICE_START_DATE',
    flag: 'start-date',
    help: 'first date loaded when there is no state (default all history)',
  },
  {
    key: 'fullRefresh',
    env: 'SLUICE_FULL_REFRESH',
    flag: 'full-refresh',
    help: 'reload and replace these resources (all when no list)',
  },
  {
    key: 'concurrency',
    env: 'SLUICE_CONCURRENCY',
    flag: 'concurrency',
    help: 'resources read at once (default 4)',
  },
  {
    key: 'requestsPerMinute',
    env: 'SLUICE_REQUESTS_PER_MINUTE',
    flag: 'requests-per-minute',
    help: 'API budget (default: from the plan)',
  },
  { key: 'plan', env: 'SLUICE_PLAN', flag: 'plan', help: 'Freshdesk plan: trial, growth, pro, enterprise' },
  { key: 'perPage', env: 'SLUICE_PER_PAGE', flag: 'per-page', help: 'items per page, 1-100 (default 100)' },
  {
    key: 'ticketInclude',
    env: 'SLUICE_TICKET_INCLUDE',
    flag: 'ticket-include',
    help: 'ticket embeds: description,stats,requester,company (default description,stats)',
  },
  {
    key: 'logFormat',
    env: 'SLUICE_LOG_FORMAT',
    flag: 'log-format',
    help: 'text (default) or json (JSON lines)',
  },
  {
    key: 'workingDir',
    env: 'SLUICE_WORKING_DIR',
    flag: 'working-dir',
    help: 'folder for pending load packages (default .sluice)',
  },
];
