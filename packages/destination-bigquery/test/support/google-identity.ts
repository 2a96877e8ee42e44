import { generateKeyPairSync, type KeyObject, randomBytes, verify } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Where google-auth-library sends every token request; it ignores a key file's `token_uri`. */
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
export const BIGQUERY_SCOPE = 'https://www.googleapis.com/auth/bigquery';

/** A service-account key file's JSON, as the Cloud console downloads it. */
export interface ServiceAccountKeyJson {
  type: 'service_account';
  project_id: string;
  private_key_id: string;
  private_key: string;
  client_email: string;
  client_id: string;
  auth_uri: string;
  token_uri: string;
  universe_domain?: string;
}

export interface TestServiceAccount {
  readonly email: string;
  readonly key: ServiceAccountKeyJson;
  /** Verifies what the key signs. */
  readonly publicKey: KeyObject;
}

/** A fresh service account with an RSA key made here (never a real one). */
export function generateServiceAccount(
  projectId: string,
  options: { universeDomain?: string; tokenUri?: string } = {},
): TestServiceAccount {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const email = `sluice-loader@${projectId}.iam.gserviceaccount.com`;
  return {
    email,
    publicKey,
    key: {
      type: 'service_account',
      project_id: projectId,
      private_key_id: randomBytes(20).toString('hex'),
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      client_email: email,
      client_id: '100000000000000000001',
      auth_uri: 'https://accounts.google.com/o/oauth2/auth',
      token_uri: options.tokenUri ?? GOOGLE_TOKEN_URL,
      ...(options.universeDomain ? { universe_domain: options.universeDomain } : {}),
    },
  };
}

const decode = (part: string): unknown => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

/** The claims of an RS256 JWT if `publicKey` verifies its signature and it has not expired, else undefined. */
export function verifiedClaims(jwt: string, publicKey: KeyObject): Record<string, unknown> | undefined {
  const [header, payload, signature] = jwt.split('.');
  if (!header || !payload || !signature) return undefined;
  try {
    if ((decode(header) as { alg?: unknown }).alg !== 'RS256') return undefined;
    const signed = verify(
      'RSA-SHA256',
      Buffer.from(`${header}.${payload}`),
      publicKey,
      Buffer.from(signature, 'base64url'),
    );
    const claims = decode(payload) as Record<string, unknown>;
    const exp = typeof claims.exp === 'number' ? claims.exp : 0;
    return signed && exp * 1000 > Date.now() ? claims : undefined;
  } catch {
    return undefined;
  }
}

/** The token of an `Authorization: Bearer ...` header. */
export const bearer = (header: string | undefined): string | undefined =>
  header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;

/** An `authorized_user` ADC file's JSON, as `gcloud auth application-default login` writes it. */
export interface AuthorizedUserJson {
  type: 'authorized_user';
  client_id: string;
  client_secret: string;
  refresh_token: string;
}

export interface TokenGrant {
  readonly grantType: string;
  /** The service account (`iss` of the assertion) or OAuth client id the token went to. */
  readonly subject: string;
}

export interface TokenServer {
  /** The token endpoint on loopback. */
  readonly url: string;
  /** Access tokens handed out, and to whom. */
  readonly issued: ReadonlyMap<string, string>;
  readonly grants: readonly TokenGrant[];
  stop(): Promise<void>;
}

async function form(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return new URLSearchParams(body);
}

/**
 * A loopback stand-in for Google's OAuth token endpoint: exchanges a JWT-bearer assertion signed by a known
 * service account (audience Google's token URL, BigQuery scope) or a known user's refresh token for a fresh
 * access token, and answers anything else with OAuth's `invalid_grant`.
 */
export async function startTokenServer(known: {
  serviceAccounts?: readonly TestServiceAccount[];
  users?: readonly AuthorizedUserJson[];
}): Promise<TokenServer> {
  const issued = new Map<string, string>();
  const grants: TokenGrant[] = [];
  const subjectOf = (params: URLSearchParams): string | undefined => {
    const grantType = params.get('grant_type');
    if (grantType === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
      for (const account of known.serviceAccounts ?? []) {
        const claims = verifiedClaims(params.get('assertion') ?? '', account.publicKey);
        const scopes = String(claims?.scope ?? '').split(' ');
        if (
          claims?.iss === account.email &&
          claims.aud === GOOGLE_TOKEN_URL &&
          scopes.includes(BIGQUERY_SCOPE)
        ) {
          return account.email;
        }
      }
    }
    if (grantType === 'refresh_token') {
      const user = (known.users ?? []).find(
        (u) =>
          u.client_id === params.get('client_id') &&
          u.client_secret === params.get('client_secret') &&
          u.refresh_token === params.get('refresh_token'),
      );
      if (user) return user.client_id;
    }
    return undefined;
  };
  const server = createServer((req, res) => {
    void form(req).then((params) => {
      const subject = req.method === 'POST' ? subjectOf(params) : undefined;
      res.setHeader('content-type', 'application/json');
      if (!subject) {
        res.statusCode = 400;
        res.end(
          JSON.stringify({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }),
        );
        return;
      }
      const token = `test-access-${randomBytes(16).toString('hex')}`;
      issued.set(token, subject);
      grants.push({ grantType: params.get('grant_type') ?? '', subject });
      res.end(JSON.stringify({ access_token: token, expires_in: 3599, token_type: 'Bearer' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`,
    issued,
    grants,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
