import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BigQueryFake } from '@sluice/bigquery-fake';
import { createPipeline, type Destination, resource } from '@sluice/loader-core';
import { type AuthClient, JWT, UserRefreshClient } from 'google-auth-library';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BigQueryDestinationError } from '../../src/errors.js';
import { fakeDestination, fakeOptions, PROJECT, startFake, workingDir } from '../support/fake.js';
import {
  type AuthorizedUserJson,
  BIGQUERY_SCOPE,
  bearer,
  GOOGLE_TOKEN_URL,
  generateServiceAccount,
  startTokenServer,
  type TestServiceAccount,
  type TokenServer,
  verifiedClaims,
} from '../support/google-identity.js';
import { apiFor, destinationWithHooks } from '../support/hooks.js';

/**
 * Credentials end to end: each kind of credentials the destination accepts obtains a token without leaving
 * loopback, and the fake serves a request only if its bearer token is one those credentials produced.
 * google-auth-library has no setting for the token endpoint of key files or ADC files (it ignores `token_uri`;
 * see the README's testing notes), so where a token exchange is needed the test points the client's token
 * request at a loopback token server.
 */

let fake: BigQueryFake;
/** Decides whether the fake serves a request; each test says which tokens are valid. */
let accept: (token: string) => boolean = () => false;
const authorized: string[] = [];
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  // Without it google-auth-library would probe the GCE metadata server when no other credentials exist.
  expect(process.env.METADATA_SERVER_DETECTION).toBe('none');
  fake = await startFake({
    authorize: (header) => {
      const token = bearer(header);
      const ok = token !== undefined && accept(token);
      if (ok) authorized.push(token);
      return ok;
    },
  });
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  accept = () => false;
  authorized.length = 0;
  await fake.reset();
});
afterAll(async () => {
  await fake?.stop();
});

const items = resource(
  async function* () {
    yield [{ id: 1, name: 'a' }];
  },
  { name: 'items' },
);

async function run(destination: Destination): Promise<unknown> {
  const dir = await workingDir();
  cleanups.push(dir.remove);
  return createPipeline({ name: 'credentials_test', dataset: 'creds', destination, workingDir: dir.path })
    .run([items])
    .then(
      () => undefined,
      (error: unknown) => error,
    );
}

async function expectLoaded(destination: Destination): Promise<void> {
  expect(await run(destination)).toBeUndefined();
  expect(await fake.readTable('creds', 'items')).toMatchObject([{ id: '1', name: 'a' }]);
  // Every request the fake served carried a token these credentials produced; none was refused.
  expect(authorized.length).toBeGreaterThan(5);
  expect(fake.requests().filter((r) => r.status === 401)).toEqual([]);
}

async function tempFile(name: string, content: object): Promise<string> {
  const dir = await workingDir();
  cleanups.push(dir.remove);
  const path = join(dir.path, name);
  await writeFile(path, JSON.stringify(content));
  await chmod(path, 0o600);
  return path;
}

/** Accepts self-signed JWTs of `account` for BigQuery. */
const selfSignedBy = (account: TestServiceAccount) => (token: string) => {
  const claims = verifiedClaims(token, account.publicKey);
  return claims?.iss === account.email && String(claims.scope).split(' ').includes(BIGQUERY_SCOPE);
};

describe('a service-account key whose universe signs its own tokens (no token endpoint)', () => {
  // Outside googleapis.com, google-auth-library signs each request's token itself with the key (a
  // self-signed JWT) instead of exchanging it at a token endpoint, so the key reaches the fake unaided.
  const universeDomain = 'sluice.test';

  it('key JSON (credentials option): every request carries a JWT signed by the key', async () => {
    const account = generateServiceAccount(fake.projectId, { universeDomain });
    accept = selfSignedBy(account);
    await expectLoaded(fakeDestination(fake, { credentials: { credentials: account.key } }));
  });

  it('key file (keyFilename option): the same, read from the file', async () => {
    const account = generateServiceAccount(fake.projectId, { universeDomain });
    accept = selfSignedBy(account);
    const keyFilename = await tempFile('key.json', account.key);
    await expectLoaded(fakeDestination(fake, { credentials: { keyFilename } }));
  });

  it('a key the service account does not own is refused: bad_credentials, without key material', async () => {
    const account = generateServiceAccount(fake.projectId, { universeDomain });
    const impostor = generateServiceAccount(fake.projectId, { universeDomain });
    accept = selfSignedBy(account);
    const error = await run(fakeDestination(fake, { credentials: { credentials: impostor.key } }));
    expect(error).toBeInstanceOf(BigQueryDestinationError);
    expect((error as BigQueryDestinationError).kind).toBe('bad_credentials');
    expect((error as BigQueryDestinationError).status).toBe(401);
    const everything = JSON.stringify({ ...(error as Error), message: (error as Error).message });
    expect(everything).not.toContain('PRIVATE KEY');
    expect(everything).not.toContain(impostor.key.private_key_id);
    expect(authorized).toEqual([]);
  });
});

/**
 * Sends the client's requests to Google's token URL to `tokenUrl` instead, through the interceptors of the
 * client's own transport (gaxios): google-auth-library posts every token request of key files and ADC files
 * to that fixed URL. Returns the URLs it rerouted.
 */
function rerouteTokenRequests(client: AuthClient, tokenUrl: string): string[] {
  const rerouted: string[] = [];
  client.transporter.interceptors.request.add({
    resolved: async (config) => {
      if (config.url.href === GOOGLE_TOKEN_URL) {
        rerouted.push(config.url.href);
        config.url = new URL(tokenUrl);
      }
      return config;
    },
  });
  return rerouted;
}

describe('token exchange at the (loopback) token endpoint', () => {
  let tokens: TokenServer;
  let account: TestServiceAccount;
  const user: AuthorizedUserJson = {
    type: 'authorized_user',
    client_id: 'sluice-test-client.apps.googleusercontent.com',
    client_secret: 'client-secret-value',
    refresh_token: 'refresh-token-secret',
  };
  beforeEach(async () => {
    account = generateServiceAccount(PROJECT);
    tokens = await startTokenServer({ serviceAccounts: [account], users: [user] });
    cleanups.push(() => tokens.stop());
  });
  const issuedBy = (subject: string) => (token: string) => tokens.issued.get(token) === subject;

  it('a key file in googleapis.com: its signed assertion is exchanged for an access token', async () => {
    // token_uri points at loopback, but the library posts to Google's fixed URL regardless: reroute that
    // one request on the client's own transport.
    const keyFilename = await tempFile('key.json', { ...account.key, token_uri: tokens.url });
    const api = apiFor(fakeOptions(fake, { credentials: { keyFilename } }));
    const client = await api.client.authClient.getClient();
    expect(client).toBeInstanceOf(JWT);
    const rerouted = rerouteTokenRequests(client, tokens.url);
    accept = issuedBy(account.email);
    await expectLoaded(destinationWithHooks(fake, {}, { api }));
    expect(rerouted).toEqual([GOOGLE_TOKEN_URL]); // one exchange; the token is reused
    expect(tokens.grants).toEqual([
      { grantType: 'urn:ietf:params:oauth:grant-type:jwt-bearer', subject: account.email },
    ]);
  });

  describe('application default credentials from an authorized_user file', () => {
    const saved = { adc: process.env.GOOGLE_APPLICATION_CREDENTIALS, home: process.env.HOME };
    afterEach(() => {
      if (saved.adc === undefined) delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
      else process.env.GOOGLE_APPLICATION_CREDENTIALS = saved.adc;
      process.env.HOME = saved.home;
    });

    /** The API shell with no credentials option; its ADC client's token requests go to loopback. */
    async function adcApi(file: AuthorizedUserJson) {
      const home = await workingDir();
      cleanups.push(home.remove);
      process.env.HOME = home.path; // no gcloud well-known file
      process.env.GOOGLE_APPLICATION_CREDENTIALS = await tempFile('adc.json', file);
      const api = apiFor(fakeOptions(fake, { credentials: undefined }));
      const client = await api.client.authClient.getClient();
      expect(client).toBeInstanceOf(UserRefreshClient);
      rerouteTokenRequests(client, tokens.url);
      return api;
    }

    it("refreshes the file's refresh token for an access token that the fake accepts", async () => {
      const api = await adcApi(user);
      accept = issuedBy(user.client_id);
      await expectLoaded(destinationWithHooks(fake, {}, { api }));
      expect(tokens.grants).toEqual([{ grantType: 'refresh_token', subject: user.client_id }]);
    });

    it('a revoked refresh token is bad_credentials, and no secret of the file shows', async () => {
      const api = await adcApi({ ...user, refresh_token: 'revoked-refresh-token' });
      accept = issuedBy(user.client_id);
      const error = await run(destinationWithHooks(fake, {}, { api }));
      expect(error).toBeInstanceOf(BigQueryDestinationError);
      expect((error as BigQueryDestinationError).kind).toBe('bad_credentials');
      expect((error as Error).message).toContain('Token has been expired or revoked.');
      const everything = JSON.stringify({ ...(error as Error), message: (error as Error).message });
      expect(everything).not.toContain('revoked-refresh-token');
      expect(everything).not.toContain(user.client_secret);
      expect(fake.requests()).toEqual([]);
    });
  });
});
