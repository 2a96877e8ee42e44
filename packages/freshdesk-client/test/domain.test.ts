import { describe, expect, it } from 'vitest';
import { createFreshdeskClient, FreshdeskConfigError, resolveBaseUrl, resolveDomain } from '../src/index.js';
import { API_KEY } from './helpers/server.js';

describe('domain', () => {
  it.each([
    'acme',
    'acme.freshdesk.com',
    'https://acme.freshdesk.com',
    'https://acme.freshdesk.com/',
    ' ACME ',
  ])('accepts %j', (domain) => {
    expect(resolveDomain(domain)).toBe('https://acme.freshdesk.com/api/v2');
  });

  it.each([
    'http://acme.freshdesk.com',
    'acme.freshdesk.com.evil.example',
    'evil.example',
    'https://acme.freshdesk.com/api/v2',
    'acme/../x',
    'ac me',
    '',
    '-acme',
  ])('rejects %j with a clear error', (domain) => {
    expect(() => resolveDomain(domain)).toThrow(FreshdeskConfigError);
    expect(() => resolveDomain(domain)).toThrow(
      /expected "acme", "acme.freshdesk.com" or "https:\/\/acme.freshdesk.com"/,
    );
  });

  it('uses baseUrl for local servers and rejects unsafe ones', () => {
    expect(resolveBaseUrl('http://127.0.0.1:8080/api/v2/')).toBe('http://127.0.0.1:8080/api/v2');
    expect(() => resolveBaseUrl('127.0.0.1:8080')).toThrow(/absolute http\(s\) URL/);
    expect(() => resolveBaseUrl('ftp://127.0.0.1/api/v2')).toThrow(/protocol ftp: is not supported/);
    expect(() => resolveBaseUrl('http://key:X@127.0.0.1/api/v2')).toThrow(/must not contain credentials/);
  });

  it('builds clients from domain or baseUrl and validates the options', () => {
    expect(createFreshdeskClient({ domain: 'acme', apiKey: API_KEY }).baseUrl).toBe(
      'https://acme.freshdesk.com/api/v2',
    );
    expect(
      createFreshdeskClient({ domain: 'acme', baseUrl: 'http://127.0.0.1:9/api/v2', apiKey: API_KEY })
        .baseUrl,
    ).toBe('http://127.0.0.1:9/api/v2');
    expect(() => createFreshdeskClient({ apiKey: API_KEY })).toThrow(/Pass `domain`/);
    expect(() => createFreshdeskClient({ domain: 'acme', apiKey: '' })).toThrow(/Missing Freshdesk API key/);
    expect(() => createFreshdeskClient({ domain: 'acme', apiKey: 'abc def' })).toThrow(
      /Invalid Freshdesk API key/,
    );
    expect(() => createFreshdeskClient({ domain: 'support.acme.com', apiKey: API_KEY })).toThrow(
      /pass `baseUrl`/,
    );
    const error = (() => {
      try {
        createFreshdeskClient({ domain: 'acme', apiKey: `${API_KEY} ` });
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(error?.message).not.toContain(API_KEY);
  });
});
