import { readFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import {
  FreshdeskConfigError,
  type FreshdeskPlan,
  PLAN_REQUESTS_PER_MINUTE,
  resolveBaseUrl,
  resolveDomain,
} from '@sluice/freshdesk-client';
import { checkKeyFile } from '../destination/key-file.js';
import { DEFAULT_TICKET_INCLUDES, TICKET_INCLUDES, type TicketInclude } from '../source/options.js';
import { fullRefreshSet, selectEntries } from '../source/selection.js';
import { parseStartDate } from '../source/start-date.js';
import { readConfigFile } from './config-file.js';
import { UsageError } from './errors.js';
import { type RawKey, type RawOptions, SETTINGS } from './raw-options.js';
import {
  DEFAULT_CONCURRENCY,
  DEFAULT_DATASET,
  DEFAULT_DUCKDB_PATH,
  type DestinationSettings,
  type LogFormat,
  type SyncSettings,
} from './settings.js';

export type Env = Readonly<Record<string, string | undefined>>;

/** Flags win over environment variables, which win over the config file. */
export async function gatherOptions(flags: RawOptions, env: Env, configPath?: string): Promise<RawOptions> {
  const path = configPath ?? env.SLUICE_CONFIG;
  const file = path ? await readConfigFile(path) : {};
  const out: RawOptions = {};
  for (const { key, env: name } of SETTINGS) {
    const value = flags[key] ?? nonEmpty(env[name]) ?? file[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function list(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length > 0 ? items : undefined;
}

function integer(key: RawKey, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min || n > max) {
    const flag = SETTINGS.find((s) => s.key === key);
    throw new UsageError(
      `--${flag?.flag ?? key} (${flag?.env}) must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}.`,
    );
  }
  return n;
}

export function resolveDestination(raw: RawOptions, env: Env): DestinationSettings {
  const kind = raw.destination ?? 'duckdb';
  if (kind === 'duckdb') return { kind, path: resolvePath(raw.duckdbPath ?? DEFAULT_DUCKDB_PATH) };
  if (kind !== 'bigquery') {
    throw new UsageError(`--destination must be duckdb or bigquery, got ${JSON.stringify(kind)}.`);
  }
  if (!raw.bqProject) {
    throw new UsageError(
      'BigQuery needs a project: pass --bq-project my-project or set SLUICE_BQ_PROJECT (and --bq-location, default US).',
    );
  }
  const keyFilename = nonEmpty(env.GOOGLE_APPLICATION_CREDENTIALS);
  const apiEndpoint = nonEmpty(env.SLUICE_BQ_API_ENDPOINT);
  const accessToken = nonEmpty(env.SLUICE_BQ_ACCESS_TOKEN);
  return {
    kind,
    project: raw.bqProject,
    location: raw.bqLocation ?? 'US',
    ...(keyFilename ? { keyFilename: resolvePath(keyFilename) } : {}),
    ...(apiEndpoint ? { apiEndpoint } : {}),
    ...(accessToken ? { accessToken } : {}),
  };
}

export function resolveDataset(raw: RawOptions): string {
  const dataset =
    (raw.destination === 'bigquery' ? raw.bqDataset : undefined) ?? raw.dataset ?? DEFAULT_DATASET;
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,127}$/.test(dataset)) {
    throw new UsageError(
      `The dataset name ${JSON.stringify(dataset)} is not valid: use letters, digits and underscores, starting with a letter.`,
    );
  }
  return dataset;
}

export function resolveLogFormat(raw: RawOptions): LogFormat {
  const format = raw.logFormat ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(`--log-format must be text or json, got ${JSON.stringify(format)}.`);
  }
  return format;
}

/** The API key: from FRESHDESK_API_KEY, or the file FRESHDESK_API_KEY_FILE names. Never from flags or files. */
export async function resolveApiKey(env: Env): Promise<string> {
  const direct = nonEmpty(env.FRESHDESK_API_KEY);
  if (direct) return direct.trim();
  const file = nonEmpty(env.FRESHDESK_API_KEY_FILE);
  if (file) {
    try {
      const key = (await readFile(file, 'utf8')).trim();
      if (key) return key;
    } catch {
      throw new UsageError(
        `Cannot read FRESHDESK_API_KEY_FILE (${file}): check that the file exists and is readable.`,
      );
    }
    throw new UsageError(`FRESHDESK_API_KEY_FILE (${file}) is empty: put the API key in it.`);
  }
  throw new UsageError(
    'No Freshdesk API key: set FRESHDESK_API_KEY (or FRESHDESK_API_KEY_FILE, a file holding it). Find the key ' +
      'in Freshdesk under Profile settings > View API key. It is never accepted as a flag, so it stays out of ' +
      'shell history and process lists.',
  );
}

function resolveFreshdesk(raw: RawOptions, apiKey: string): SyncSettings['freshdesk'] {
  try {
    if (raw.freshdeskBaseUrl) {
      return {
        baseUrl: resolveBaseUrl(raw.freshdeskBaseUrl),
        apiKey,
        ...(raw.domain ? { domain: raw.domain } : {}),
      };
    }
    if (!raw.domain) {
      throw new UsageError(
        'No Freshdesk domain: set FRESHDESK_DOMAIN (or pass --domain), e.g. acme for https://acme.freshdesk.com.',
      );
    }
    resolveDomain(raw.domain);
    return { domain: raw.domain, apiKey };
  } catch (error) {
    if (error instanceof FreshdeskConfigError) {
      throw new UsageError(
        `${error.message} Set FRESHDESK_DOMAIN to your helpdesk, e.g. acme or acme.freshdesk.com.`,
      );
    }
    throw error;
  }
}

function resolvePlan(value: string | undefined): FreshdeskPlan | undefined {
  if (value === undefined) return undefined;
  if (!(value in PLAN_REQUESTS_PER_MINUTE)) {
    throw new UsageError(
      `--plan must be one of ${Object.keys(PLAN_REQUESTS_PER_MINUTE).join(', ')}, got ${JSON.stringify(value)}; or pass --requests-per-minute.`,
    );
  }
  return value as FreshdeskPlan;
}

function resolveIncludes(value: string | undefined): readonly TicketInclude[] {
  const items = value === undefined ? undefined : value === 'none' ? [] : (list(value) ?? []);
  if (items === undefined) return DEFAULT_TICKET_INCLUDES;
  const bad = items.filter((i) => !(TICKET_INCLUDES as readonly string[]).includes(i));
  if (bad.length > 0) {
    throw new UsageError(
      `--ticket-include accepts ${TICKET_INCLUDES.join(', ')} or none, got ${bad.map((b) => JSON.stringify(b)).join(', ')}.`,
    );
  }
  return items as TicketInclude[];
}

function asUsage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError((error as Error).message);
  }
}

/** Validates everything a `run` needs before anything is read or written. */
export async function resolveRunSettings(raw: RawOptions, env: Env): Promise<SyncSettings> {
  const destination = resolveDestination(raw, env);
  const resources = list(raw.resources);
  asUsage(() => selectEntries(resources));
  const fullRefresh = raw.fullRefresh === undefined ? undefined : (list(raw.fullRefresh) ?? ['*']);
  asUsage(() => fullRefreshSet(fullRefresh));
  const startDate = asUsage(() => parseStartDate(raw.startDate));
  const requestsPerMinute = integer('requestsPerMinute', raw.requestsPerMinute, 1, 1_000_000);
  const plan = resolvePlan(raw.plan);
  const apiKey = await resolveApiKey(env);
  await checkKeyFile(destination);
  return {
    freshdesk: resolveFreshdesk(raw, apiKey),
    destination,
    dataset: resolveDataset(raw),
    ...(resources ? { resources } : {}),
    startDate,
    ...(fullRefresh ? { fullRefresh } : {}),
    concurrency: integer('concurrency', raw.concurrency, 1, 64) ?? DEFAULT_CONCURRENCY,
    ...(requestsPerMinute === undefined ? {} : { requestsPerMinute }),
    ...(plan === undefined ? {} : { plan }),
    perPage: integer('perPage', raw.perPage, 1, 100) ?? 100,
    ticketIncludes: resolveIncludes(raw.ticketInclude),
    logFormat: resolveLogFormat(raw),
    workingDir: resolvePath(raw.workingDir ?? '.sluice'),
    ...(env.SLUICE_KEEP_PACKAGES === '1' ? { keepPackages: true } : {}),
  };
}
