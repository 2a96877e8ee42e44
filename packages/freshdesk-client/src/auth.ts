import { FreshdeskConfigError } from './errors.js';

/** `Authorization` value for Freshdesk: Basic with the API key as user name and `X` as password. */
export function basicAuthorization(apiKey: string): string {
  return `Basic ${btoa(`${apiKey}:X`)}`;
}

export function assertApiKey(apiKey: unknown): asserts apiKey is string {
  if (typeof apiKey !== 'string' || apiKey.trim() === '') {
    throw new FreshdeskConfigError(
      'Missing Freshdesk API key: pass `apiKey` (Freshdesk: Profile settings > View API key).',
    );
  }
  if (/[\s:]/.test(apiKey) || /[^\x21-\x7e]/.test(apiKey)) {
    throw new FreshdeskConfigError(
      'Invalid Freshdesk API key: it contains spaces, colons or non-ASCII characters. Copy the key again without surrounding text.',
    );
  }
}

/** Returns a function that replaces the API key (and its Basic-auth encoding) in text. */
export function createRedactor(apiKey: string): (text: string) => string {
  const secrets = [apiKey, btoa(`${apiKey}:X`), encodeURIComponent(apiKey)].filter((s) => s.length >= 4);
  return (text) => {
    let out = text;
    for (const secret of secrets) out = out.split(secret).join('[REDACTED]');
    return out;
  };
}
