import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from '../config/errors.js';
import { type RawOptions, SETTINGS } from '../config/raw-options.js';

type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** The flags of every setting (see raw-options.ts), plus --config and --help. */
export function settingFlags(only?: readonly string[]): OptionSpec {
  const spec: OptionSpec = { config: { type: 'string' }, help: { type: 'boolean', short: 'h' } };
  for (const s of SETTINGS) if (s.flag && (!only || only.includes(s.flag))) spec[s.flag] = { type: 'string' };
  return spec;
}

export interface ParsedArgs {
  readonly raw: RawOptions;
  readonly config: string | undefined;
  readonly help: boolean;
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, unknown>>;
}

const SECRET_FLAG = /^--?(api[-_]?key|key|token|password|secret)(=|$)/i;

/**
 * Parses a command's arguments with node:util parseArgs. A bare `--full-refresh` (no list) means every
 * resource; resource names may also follow it as separate words (`--full-refresh tickets contacts`).
 */
export function parseCommandArgs(
  command: string,
  args: readonly string[],
  options: OptionSpec,
  allowPositionals = false,
): ParsedArgs {
  const secret = args.find((a) => SECRET_FLAG.test(a));
  if (secret) {
    throw new UsageError(
      `There is no ${secret.split('=')[0]} flag: secrets are read only from the environment, so they stay out of shell history and process lists. Set FRESHDESK_API_KEY (or FRESHDESK_API_KEY_FILE).`,
    );
  }
  const prepared: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const next = args[i + 1];
    if (arg === '--full-refresh' && (next === undefined || next.startsWith('-')))
      prepared.push('--full-refresh=*');
    else prepared.push(arg);
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: prepared, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(
      `${(error as Error).message}. Run \`sluice-sync ${command} --help\` for the options.`,
    );
  }
  const values = parsed.values as Record<string, unknown>;
  const raw: Record<string, string> = {};
  for (const s of SETTINGS) {
    const value = s.flag ? values[s.flag] : undefined;
    if (typeof value === 'string') raw[s.key] = value;
  }
  let positionals = parsed.positionals;
  if (raw.fullRefresh !== undefined && positionals.length > 0) {
    // `--full-refresh tickets contacts`: the words after the flag are more resources to refresh.
    raw.fullRefresh = [raw.fullRefresh === '*' ? '' : raw.fullRefresh, ...positionals]
      .filter(Boolean)
      .join(',');
    positionals = [];
  }
  if (!allowPositionals && positionals.length > 0) {
    throw new UsageError(
      `Unexpected argument ${JSON.stringify(positionals[0])}. Run \`sluice-sync ${command} --help\` for the options.`,
    );
  }
  return {
    raw: raw as RawOptions,
    config: typeof values.config === 'string' ? values.config : undefined,
    help: values.help === true,
    positionals,
    values,
  };
}
