import { createPrivateKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { UsageError } from '../config/errors.js';
import type { DestinationSettings } from '../config/settings.js';

const FIX =
  'Set GOOGLE_APPLICATION_CREDENTIALS to a service-account key file (JSON, from Google Cloud: IAM > Service ' +
  'accounts > Keys), or unset it to use application default credentials.';

/** The problem with a parsed credentials file, or undefined when it looks usable. Never quotes the content. */
function problemOf(parsed: unknown): string | undefined {
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return 'is not a JSON object';
  const file = parsed as Record<string, unknown>;
  if (typeof file.type !== 'string' || file.type === '') {
    return 'has no "type" field, so it is not a Google credentials file';
  }
  if (file.type !== 'service_account') return undefined;
  const missing = ['client_email', 'private_key'].filter(
    (k) => typeof file[k] !== 'string' || file[k] === '',
  );
  if (missing.length > 0) return `is a service-account key without ${missing.join(' and ')}`;
  try {
    createPrivateKey(file.private_key as string);
  } catch {
    return 'is a service-account key whose private_key is not a valid PEM key';
  }
  return undefined;
}

/**
 * Checks the key file GOOGLE_APPLICATION_CREDENTIALS names before anything is read or written, so a missing
 * or broken file is a clear usage error rather than a failure after extraction. The messages never show the
 * file's content (it holds a private key), only what is wrong with it.
 */
export async function checkKeyFile(settings: DestinationSettings): Promise<void> {
  if (settings.kind !== 'bigquery' || !settings.keyFilename || settings.accessToken) return;
  const path = settings.keyFilename;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder' : 'cannot be read';
    throw new UsageError(`GOOGLE_APPLICATION_CREDENTIALS names ${path}, which ${why}. ${FIX}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // The parser's message may quote the text: not shown.
    throw new UsageError(
      `GOOGLE_APPLICATION_CREDENTIALS names ${path}, which is not valid JSON (its content is not shown: it may hold a private key). ${FIX}`,
    );
  }
  const problem = problemOf(parsed);
  if (problem) throw new UsageError(`GOOGLE_APPLICATION_CREDENTIALS names ${path}, which ${problem}. ${FIX}`);
}
