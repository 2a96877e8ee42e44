import { FreshdeskConfigError } from './errors.js';

const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const FRESHDESK_HOST = /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)\.freshdesk\.com$/;

/**
 * Turns `acme`, `acme.freshdesk.com` or `https://acme.freshdesk.com` into the API base URL
 * `https://acme.freshdesk.com/api/v2`. Anything else is rejected: a typo here would send the API key
 * to the wrong host.
 */
export function resolveDomain(domain: string): string {
  const input = domain.trim().toLowerCase();
  let host: string | undefined;
  if (SUBDOMAIN.test(input)) {
    host = `${input}.freshdesk.com`;
  } else if (FRESHDESK_HOST.test(input)) {
    host = input;
  } else if (input.startsWith('https://')) {
    const rest = input.slice('https://'.length).replace(/\/$/, '');
    if (FRESHDESK_HOST.test(rest)) host = rest;
  }
  if (host === undefined) {
    throw new FreshdeskConfigError(
      `Invalid Freshdesk domain ${JSON.stringify(domain)}: expected "acme", "acme.freshdesk.com" or ` +
        '"https://acme.freshdesk.com". For a custom domain or a local server pass `baseUrl` instead ' +
        '(e.g. "http://127.0.0.1:8080/api/v2").',
    );
  }
  return `https://${host}/api/v2`;
}

/** Validates a `baseUrl` override and strips trailing slashes. */
export function resolveBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new FreshdeskConfigError(
      `Invalid baseUrl ${JSON.stringify(baseUrl)}: expected an absolute http(s) URL such as "http://127.0.0.1:8080/api/v2".`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FreshdeskConfigError(
      `Invalid baseUrl: protocol ${url.protocol} is not supported; use http or https.`,
    );
  }
  if (url.username || url.password) {
    throw new FreshdeskConfigError(
      'Invalid baseUrl: it must not contain credentials; pass the API key as `apiKey`.',
    );
  }
  if (url.search || url.hash) {
    throw new FreshdeskConfigError('Invalid baseUrl: it must not contain a query string or fragment.');
  }
  return url.href.replace(/\/+$/, '');
}
