/** One entry of Freshdesk's `errors` array. */
export interface FreshdeskErrorDetail {
  field?: string;
  message: string;
  code: string;
}

/** What kind of failure an API error is, so callers can act without parsing messages. */
export type FreshdeskErrorKind =
  | 'validation'
  | 'authentication'
  | 'permission'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'server'
  | 'http';

/** Base class of every error this package throws. */
export class FreshdeskError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad client options (domain, base URL, API key, limits). */
export class FreshdeskConfigError extends FreshdeskError {}

/** A listing cannot continue (for example more than 30,000 tickets share one `updated_at` second). */
export class FreshdeskPaginationError extends FreshdeskError {}

interface RequestFacts {
  method: string;
  path: string;
}

/** The request never got an HTTP response (DNS, connection refused, reset) after all attempts. */
export class FreshdeskNetworkError extends FreshdeskError {
  readonly method: string;
  readonly path: string;
  readonly attempts: number;
  constructor(facts: RequestFacts & { attempts: number; cause?: Error }) {
    super(
      `Freshdesk ${facts.method} ${facts.path} failed: no response after ${facts.attempts} attempt(s)` +
        `${facts.cause ? ` (${facts.cause.message})` : ''}. Check the network and the domain or baseUrl.`,
      { cause: facts.cause },
    );
    this.method = facts.method;
    this.path = facts.path;
    this.attempts = facts.attempts;
  }
}

/**
 * Freshdesk answered, but on every attempt the body broke off (connection reset) or was not valid JSON
 * (truncated or malformed), so there is no data to return.
 */
export class FreshdeskResponseBodyError extends FreshdeskError {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly attempts: number;
  readonly problem: 'interrupted' | 'invalid-json';
  constructor(
    facts: RequestFacts & {
      status: number;
      attempts: number;
      problem: 'interrupted' | 'invalid-json';
      cause?: Error;
    },
  ) {
    const what =
      facts.problem === 'interrupted'
        ? 'the connection broke while reading the response body'
        : 'the response body was truncated or not valid JSON';
    super(
      `Freshdesk ${facts.method} ${facts.path} answered ${facts.status} but ${what} after ${facts.attempts}` +
        ` attempt(s)${facts.cause ? ` (${facts.cause.message})` : ''}. A proxy or the network is cutting` +
        ' responses short: retry later, or raise retry.maxAttempts / retry.maxElapsedMs.',
      { cause: facts.cause },
    );
    this.method = facts.method;
    this.path = facts.path;
    this.status = facts.status;
    this.attempts = facts.attempts;
    this.problem = facts.problem;
  }
}

/** The request exceeded `timeoutMs` on every attempt. */
export class FreshdeskTimeoutError extends FreshdeskError {
  readonly method: string;
  readonly path: string;
  readonly timeoutMs: number;
  readonly attempts: number;
  constructor(facts: RequestFacts & { timeoutMs: number; attempts: number }) {
    super(
      `Freshdesk ${facts.method} ${facts.path} timed out after ${facts.timeoutMs} ms` +
        ` (${facts.attempts} attempt(s)). Raise timeoutMs or retry later.`,
    );
    this.method = facts.method;
    this.path = facts.path;
    this.timeoutMs = facts.timeoutMs;
    this.attempts = facts.attempts;
  }
}

export interface FreshdeskApiErrorInit extends RequestFacts {
  status: number;
  statusText?: string;
  /** Freshdesk's `description` (or `message` for 401/403/429 bodies). */
  description?: string;
  /** Freshdesk's `code` for bodies without `errors`, e.g. `invalid_credentials`. */
  code?: string;
  errors?: FreshdeskErrorDetail[];
  /** Seconds from `Retry-After`, when the response had one. */
  retryAfter?: number;
}

const HINTS: Record<FreshdeskErrorKind, string> = {
  validation: 'Fix the request parameters or body.',
  authentication:
    'Check the API key (Freshdesk: Profile settings > View API key) and that the domain is the right helpdesk.',
  permission:
    "The API key's agent lacks the permission for this action, or the plan does not include the feature.",
  not_found: 'The resource does not exist or was deleted; check the id and the path.',
  conflict:
    'The request conflicts with existing data (e.g. a duplicate email); change the conflicting field.',
  rate_limited:
    'The rate limit stayed exhausted through every retry: lower requestsPerMinute, share one RateLimiter between clients of the account, or retry later.',
  server: 'Freshdesk had a server error; retry later.',
  http: 'Unexpected HTTP status.',
};

export function errorKindOf(status: number): FreshdeskErrorKind {
  if (status === 400) return 'validation';
  if (status === 401) return 'authentication';
  if (status === 403) return 'permission';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'http';
}

/** A non-2xx answer from Freshdesk. Subclasses per kind: check `instanceof` or `kind`. */
export class FreshdeskApiError extends FreshdeskError {
  readonly status: number;
  readonly kind: FreshdeskErrorKind;
  readonly description: string | undefined;
  readonly code: string | undefined;
  readonly errors: FreshdeskErrorDetail[];
  readonly method: string;
  readonly path: string;
  /** Seconds to wait before retrying, from `Retry-After`. */
  readonly retryAfter: number | undefined;

  constructor(init: FreshdeskApiErrorInit) {
    const kind = errorKindOf(init.status);
    const details = (init.errors ?? [])
      .map((e) => `${e.field ? `${e.field}: ` : ''}${e.message} (${e.code})`)
      .join('; ');
    // Freshdesk's descriptions often end with a full stop already; do not double it.
    const summary = [init.description, details].filter(Boolean).join(': ').replace(/\.+$/, '');
    super(
      `Freshdesk ${init.method} ${init.path} failed with ${init.status}${init.statusText ? ` ${init.statusText}` : ''}` +
        `${summary ? `: ${summary}` : ''}. ${HINTS[kind]}`,
    );
    this.status = init.status;
    this.kind = kind;
    this.description = init.description;
    this.code = init.code;
    this.errors = init.errors ?? [];
    this.method = init.method;
    this.path = init.path;
    this.retryAfter = init.retryAfter;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      kind: this.kind,
      description: this.description,
      code: this.code,
      errors: this.errors,
      method: this.method,
      path: this.path,
      retryAfter: this.retryAfter,
    };
  }
}

/** 400: Freshdesk rejected parameters or body; see `errors`. */
export class FreshdeskValidationError extends FreshdeskApiError {}
/** 401: the API key is wrong, or the domain is a different helpdesk. */
export class FreshdeskAuthenticationError extends FreshdeskApiError {}
/** 403: the agent behind the key lacks permission, or the plan lacks the feature. */
export class FreshdeskPermissionError extends FreshdeskApiError {}
/** 404: no such resource. */
export class FreshdeskNotFoundError extends FreshdeskApiError {}
/** 409: conflicts with existing data. */
export class FreshdeskConflictError extends FreshdeskApiError {}
/** 429 after every rate-limit retry was used. */
export class FreshdeskRateLimitError extends FreshdeskApiError {}
/** 5xx after every retry was used (or on a non-idempotent request). */
export class FreshdeskServerError extends FreshdeskApiError {}

const CLASSES: Record<FreshdeskErrorKind, typeof FreshdeskApiError> = {
  validation: FreshdeskValidationError,
  authentication: FreshdeskAuthenticationError,
  permission: FreshdeskPermissionError,
  not_found: FreshdeskNotFoundError,
  conflict: FreshdeskConflictError,
  rate_limited: FreshdeskRateLimitError,
  server: FreshdeskServerError,
  http: FreshdeskApiError,
};

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function asDetails(value: unknown): FreshdeskErrorDetail[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value
    .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
    .map((e) => {
      const field = asString(e.field);
      return {
        ...(field === undefined ? {} : { field }),
        message: asString(e.message) ?? '',
        code: asString(e.code) ?? 'unknown',
      };
    });
}

/** Builds the error subclass for a status from a parsed (or unparseable) Freshdesk error body. */
export function createApiError(
  facts: RequestFacts & { status: number; statusText?: string; body: unknown; retryAfter?: number },
): FreshdeskApiError {
  const body =
    typeof facts.body === 'object' && facts.body !== null ? (facts.body as Record<string, unknown>) : {};
  const Class = CLASSES[errorKindOf(facts.status)];
  return new Class({
    method: facts.method,
    path: facts.path,
    status: facts.status,
    ...(facts.statusText ? { statusText: facts.statusText } : {}),
    description: asString(body.description) ?? asString(body.message),
    code: asString(body.code),
    errors: asDetails(body.errors) ?? [],
    retryAfter: facts.retryAfter,
  });
}

/**
 * Copies a foreign error into a plain Error whose message has secrets removed. Foreign errors (from fetch
 * implementations) can reference the request, and with it the Authorization header, so they are never kept.
 */
export function sanitizeError(error: unknown, redact: (text: string) => string, depth = 0): Error {
  const source = error instanceof Error ? error : new Error(String(error));
  const cause =
    depth < 3 && source.cause !== undefined ? sanitizeError(source.cause, redact, depth + 1) : undefined;
  const copy = new Error(redact(source.message), cause === undefined ? undefined : { cause });
  copy.name = source.name;
  const code = (source as { code?: unknown }).code;
  if (typeof code === 'string') Object.assign(copy, { code });
  copy.stack = `${copy.name}: ${copy.message}`;
  return copy;
}
