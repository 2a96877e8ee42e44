import { readFile } from 'node:fs/promises';
import { UsageError } from './errors.js';
import { type RawOptions, SETTINGS } from './raw-options.js';

/** Keys that look like secrets: refused, so a key never sits in a file that gets committed or shared. */
const SECRET = /key|secret|token|password|credential/i;

/** Reads `sluice.json`: an object whose keys are the settings' camelCase names (see the README). */
export async function readConfigFile(path: string): Promise<RawOptions> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `Cannot read the config file ${path} (${code ?? 'unknown error'}): check the --config path or SLUICE_CONFIG.`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `The config file ${path} is not valid JSON (${(error as Error).message}): fix it or leave --config out.`,
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UsageError(
      `The config file ${path} must hold a JSON object, e.g. { "destination": "duckdb" }.`,
    );
  }
  const known = new Set<string>(SETTINGS.map((s) => s.key));
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (SECRET.test(key) && !known.has(key)) {
      throw new UsageError(
        `The config file ${path} contains "${key}": secrets are not read from config files, so that they never ` +
          'end up committed or shared. Remove it and set FRESHDESK_API_KEY (or FRESHDESK_API_KEY_FILE, a file ' +
          'holding the key) and GOOGLE_APPLICATION_CREDENTIALS in the environment instead.',
      );
    }
    if (!known.has(key)) {
      throw new UsageError(
        `The config file ${path} has an unknown setting "${key}". Known settings: ${[...known].join(', ')}.`,
      );
    }
    if (value === null || value === undefined) continue;
    out[key] = Array.isArray(value) ? value.map(String).join(',') : String(value);
  }
  return out as RawOptions;
}
