import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  generatedUrl,
  listEndpointsUrl,
  renderListEndpoints,
  renderTypes,
  specUrl,
} from '../scripts/generate-types.js';
import { LIST_ENDPOINTS } from '../src/index.js';

type Json = Record<string, unknown>;
const spec = parse(await readFile(specUrl, 'utf8')) as Json;
const paths = spec.paths as Record<string, Record<string, Json>>;
const components = spec.components as Record<string, Record<string, Json>>;
const methods = ['get', 'put', 'post', 'delete'] as const;

function operation(path: string, method: (typeof methods)[number]): Json {
  const op = paths[path]?.[method];
  if (!op) throw new Error(`missing ${method.toUpperCase()} ${path}`);
  return op;
}
function resolve(node: Json): Json {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  const [, , section, name] = ref.split('/');
  return resolve(components[section as string]?.[name as string] as Json);
}
function queryNames(path: string, method: (typeof methods)[number] = 'get'): string[] {
  const params = (operation(path, method).parameters ?? []) as Json[];
  return params
    .map(resolve)
    .filter((p) => p.in === 'query')
    .map((p) => p.name as string);
}
function successSchema(path: string, method: (typeof methods)[number] = 'get'): Json {
  const responses = operation(path, method).responses as Record<string, Json>;
  const ok = responses['200'] ?? responses['201'];
  const content = (ok?.content ?? {}) as Record<string, Json>;
  return content['application/json']?.schema as Json;
}

describe('openapi/freshdesk.yaml', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(specUrl.pathname);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('gives every operation a unique operationId and the shared error responses', () => {
    const ids = new Set<string>();
    for (const [path, item] of Object.entries(paths)) {
      for (const method of methods) {
        const op = item[method];
        if (!op) continue;
        expect(op.operationId, `${method} ${path}`).toMatch(/^[a-z][A-Za-z]+$/);
        expect(ids.has(op.operationId as string), `duplicate ${op.operationId}`).toBe(false);
        ids.add(op.operationId as string);
        const responses = op.responses as Record<string, Json>;
        for (const status of ['400', '401', '403', '404', '429', '5XX']) {
          expect(responses[status]?.$ref, `${method} ${path} ${status}`).toMatch(
            /^#\/components\/responses\//,
          );
        }
        expect(responses['5XX']?.$ref, `${method} ${path}`).toBe('#/components/responses/ServerError');
        const success = Object.entries(responses).find(([s]) => s.startsWith('2'));
        expect(Object.keys((success?.[1].headers ?? {}) as Json), `${method} ${path}`).toEqual(
          expect.arrayContaining([
            'X-RateLimit-Total',
            'X-RateLimit-Remaining',
            'X-RateLimit-Used-CurrentRequest',
          ]),
        );
      }
    }
    expect(ids.size).toBeGreaterThanOrEqual(80);
  });

  it('covers the operations of the issue', () => {
    const required: Array<[string, (typeof methods)[number]]> = [
      ['/tickets', 'get'],
      ['/tickets', 'post'],
      ['/tickets/{id}', 'get'],
      ['/tickets/{id}', 'put'],
      ['/tickets/{id}', 'delete'],
      ['/tickets/{id}/restore', 'put'],
      ['/tickets/{id}/conversations', 'get'],
      ['/tickets/{id}/reply', 'post'],
      ['/tickets/{id}/notes', 'post'],
      ['/conversations/{id}', 'put'],
      ['/conversations/{id}', 'delete'],
      ['/tickets/{id}/time_entries', 'get'],
      ['/tickets/{id}/satisfaction_ratings', 'get'],
      ['/tickets/{id}/watchers', 'get'],
      ['/tickets/archived/{id}', 'get'],
      ['/tickets/archived/{id}/conversations', 'get'],
      ['/contacts', 'get'],
      ['/contacts', 'post'],
      ['/contacts/{id}', 'get'],
      ['/contacts/{id}', 'put'],
      ['/contacts/{id}', 'delete'],
      ['/contacts/{id}/hard_delete', 'delete'],
      ['/contacts/{id}/restore', 'put'],
      ['/contacts/{id}/make_agent', 'put'],
      ['/contact_fields', 'get'],
      ['/companies', 'get'],
      ['/companies', 'post'],
      ['/companies/{id}', 'get'],
      ['/companies/{id}', 'put'],
      ['/companies/{id}', 'delete'],
      ['/company_fields', 'get'],
      ['/agents', 'get'],
      ['/groups', 'get'],
      ['/roles', 'get'],
      ['/admin/skills', 'get'],
      ['/products', 'get'],
      ['/business_hours', 'get'],
      ['/sla_policies', 'get'],
      ['/email_configs', 'get'],
      ['/email/mailboxes', 'get'],
      ['/ticket_fields', 'get'],
      ['/surveys/satisfaction_ratings', 'get'],
      ['/surveys', 'get'],
      ['/time_entries', 'get'],
      ['/canned_response_folders', 'get'],
      ['/canned_response_folders/{id}/responses', 'get'],
      ['/solutions/categories', 'get'],
      ['/solutions/categories/{id}/folders', 'get'],
      ['/solutions/folders/{id}/articles', 'get'],
      ['/discussions/categories', 'get'],
      ['/discussions/categories/{id}/forums', 'get'],
      ['/discussions/forums/{id}/topics', 'get'],
      ['/discussions/topics/{id}/comments', 'get'],
      ['/scenario_automations', 'get'],
      ['/settings/helpdesk', 'get'],
      ['/search/tickets', 'get'],
      ['/search/contacts', 'get'],
      ['/search/companies', 'get'],
    ];
    for (const [path, method] of required) expect(() => operation(path, method)).not.toThrow();
  });

  it('documents the list filters', () => {
    expect(queryNames('/tickets')).toEqual(
      expect.arrayContaining([
        'filter',
        'requester_id',
        'email',
        'unique_external_id',
        'company_id',
        'updated_since',
        'order_by',
        'order_type',
        'include',
        'page',
        'per_page',
      ]),
    );
    expect(queryNames('/contacts')).toEqual(
      expect.arrayContaining([
        'email',
        'mobile',
        'phone',
        'company_id',
        'state',
        '_updated_since',
        'page',
        'per_page',
      ]),
    );
    expect(queryNames('/surveys/satisfaction_ratings')).toContain('created_since');
    expect(queryNames('/search/tickets')).toEqual(['query', 'page']);
    const include = ((operation('/tickets', 'get').parameters as Json[]).find((p) => p.name === 'include') ??
      {}) as Json;
    expect((include.schema as Json).items).toEqual({
      type: 'string',
      enum: ['stats', 'requester', 'description', 'company'],
    });
    expect(include).toMatchObject({ style: 'form', explode: false });
    const enumOf = (path: string, name: string): unknown => {
      const param = ((operation(path, 'get').parameters ?? []) as Json[])
        .map(resolve)
        .find((p) => p.name === name);
      const schema = (param?.schema ?? {}) as Json;
      return (schema.items as Json | undefined)?.enum ?? schema.enum;
    };
    expect(enumOf('/tickets/{id}', 'include')).toEqual(['conversations', 'requester', 'company', 'stats']);
    expect(enumOf('/tickets', 'filter')).toEqual(['new_and_my_open', 'watching', 'spam', 'deleted']);
    expect(enumOf('/tickets', 'order_by')).toEqual(['created_at', 'due_by', 'updated_at', 'status']);
    expect(enumOf('/tickets', 'order_type')).toEqual(['asc', 'desc']);
    expect(enumOf('/contacts', 'state')).toEqual(['blocked', 'deleted', 'unverified', 'verified']);
    const perPage = components.parameters?.per_page as Json;
    expect(perPage.schema).toMatchObject({ maximum: 100, default: 30 });
  });

  it('gives every create and update a JSON request body and every read a response schema', () => {
    const problems: string[] = [];
    for (const [path, item] of Object.entries(paths)) {
      for (const method of methods) {
        const op = item[method];
        if (!op) continue;
        const body = op.requestBody ? resolve(op.requestBody as Json) : undefined;
        const bodySchema = (
          (body?.content as Record<string, Json> | undefined)?.['application/json'] ??
          (body?.content as Record<string, Json> | undefined)?.['multipart/form-data']
        )?.schema;
        const changes = method === 'post' || method === 'put';
        // POST/PUT without a body are actions on a path (restore, watch, make agent takes optional fields).
        if (changes && body && !bodySchema)
          problems.push(`${method.toUpperCase()} ${path}: body without a schema`);
        if (method === 'get' && !successSchema(path)) problems.push(`GET ${path}: no 200 response schema`);
      }
    }
    expect(problems).toEqual([]);
    for (const path of ['/tickets', '/contacts', '/companies']) {
      expect(operation(path, 'post').requestBody, `POST ${path}`).toBeDefined();
      expect(operation(`${path}/{id}`, 'put').requestBody, `PUT ${path}/{id}`).toBeDefined();
    }
  });

  it('models lists as bare arrays and search as {total, results}', () => {
    expect(successSchema('/tickets')).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/Ticket' },
    });
    const search = resolve(successSchema('/search/tickets'));
    expect(search.required).toEqual(['total', 'results']);
    const list = operation('/contacts', 'get').responses as Record<string, Json>;
    expect(Object.keys(list['200']?.headers as Json)).toContain('Link');
  });

  it('models nullability, timestamps, open custom fields and numeric enums', () => {
    const schemas = components.schemas as Record<string, Json>;
    const ticket = schemas.Ticket?.properties as Record<string, Json>;
    expect(ticket.id).toEqual({ type: 'integer', format: 'int64' });
    expect(ticket.responder_id?.type).toEqual(['integer', 'null']);
    expect(ticket.updated_at).toEqual({ type: 'string', format: 'date-time' });
    expect(ticket.due_by?.type).toEqual(['string', 'null']);
    expect(schemas.CustomFields?.additionalProperties).toBe(true);
    expect(schemas.TicketStatus).toMatchObject({ type: 'integer', enum: [2, 3, 4, 5] });
    expect(schemas.TicketPriority).toMatchObject({ type: 'integer', enum: [1, 2, 3, 4] });
    expect(schemas.TicketSource?.description).toMatch(/1 Email, 2 Portal, 3 Phone/);
    for (const [name, schema] of Object.entries(schemas)) {
      expect(schema.additionalProperties, name).not.toBe(false);
    }
  });

  it('shares error bodies, 429 Retry-After, rate-limit headers and basic auth', () => {
    const responses = components.responses as Record<string, Json>;
    expect(Object.keys(responses)).toEqual(
      expect.arrayContaining([
        'BadRequest',
        'Unauthorized',
        'Forbidden',
        'NotFound',
        'Conflict',
        'TooManyRequests',
      ]),
    );
    expect(Object.keys(responses.TooManyRequests?.headers as Json)).toContain('Retry-After');
    const error = (components.schemas as Record<string, Json>).ValidationError as Json;
    expect(Object.keys(error.properties as Json)).toEqual(expect.arrayContaining(['description', 'errors']));
    expect(Object.keys(components.headers ?? {})).toEqual(
      expect.arrayContaining([
        'Link',
        'X-RateLimit-Total',
        'X-RateLimit-Remaining',
        'X-RateLimit-Used-CurrentRequest',
      ]),
    );
    expect(components.securitySchemes?.basicAuth).toMatchObject({ type: 'http', scheme: 'basic' });
  });

  it('requires the rate-limit headers on answers Freshdesk produces, not on 5xx (gateways omit them)', () => {
    const rateHeaders = ['X-RateLimit-Total', 'X-RateLimit-Remaining', 'X-RateLimit-Used-CurrentRequest'];
    for (const name of rateHeaders) expect(components.headers?.[name]?.required, name).toBe(true);
    const serverError = (components.responses as Record<string, Json>).ServerError as Json;
    expect(serverError.content).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/Error' } },
    });
    for (const [name, header] of Object.entries(serverError.headers as Record<string, Json>)) {
      expect(header.$ref, name).toBeUndefined();
      expect(header.required, name).toBeUndefined();
    }
    // Every non-5xx response of every operation references the shared (required) headers.
    for (const [path, item] of Object.entries(paths)) {
      for (const method of methods) {
        const responses = (item[method]?.responses ?? {}) as Record<string, Json>;
        for (const [status, response] of Object.entries(responses)) {
          if (status === '5XX') continue;
          const headers = resolve(response).headers as Record<string, Json>;
          for (const name of rateHeaders) {
            expect(headers[name]?.$ref, `${method} ${path} ${status} ${name}`).toBe(
              `#/components/headers/${name}`,
            );
          }
        }
      }
    }
  });
});

describe('src/generated', () => {
  it('freshdesk.gen.ts is up to date with the spec (run `npm run generate` if this fails)', async () => {
    const committed = await readFile(generatedUrl, 'utf8');
    expect(committed === (await renderTypes())).toBe(true);
  });

  it('list-endpoints.gen.ts is up to date with the spec (run `npm run generate` if this fails)', async () => {
    const committed = await readFile(listEndpointsUrl, 'utf8');
    expect(committed === (await renderListEndpoints())).toBe(true);
  });

  it('lists every list endpoint with its path parameters and pagination', () => {
    expect(LIST_ENDPOINTS['/tickets']).toMatchObject({
      operationId: 'listTickets',
      paginated: true,
      pathParams: [],
    });
    expect(LIST_ENDPOINTS['/tickets/{id}/conversations'].pathParams).toEqual(['id']);
    expect(LIST_ENDPOINTS['/contact_fields'].paginated).toBe(false);
    expect(LIST_ENDPOINTS['/contacts'].queryParams).toContain('_updated_since');
    expect(Object.keys(LIST_ENDPOINTS)).not.toContain('/search/tickets');
    const arrayGets = Object.entries(paths).filter(
      ([path, item]) => item.get && successSchema(path)?.type === 'array',
    );
    expect(Object.keys(LIST_ENDPOINTS).sort()).toEqual(arrayGets.map(([path]) => path).sort());
  });
});

describe('package', () => {
  it('exports the spec as @sluice/freshdesk-client/openapi.yaml', async () => {
    const require = createRequire(import.meta.url);
    const resolved = require.resolve('@sluice/freshdesk-client/openapi.yaml');
    expect(resolved).toBe(specUrl.pathname);
    const manifest = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as Json;
    expect(manifest.files).toContain('openapi');
    expect(manifest.dependencies).toEqual({ 'openapi-fetch': expect.any(String) });
  });

  it('uses no Node-only APIs in src, so it runs on edge runtimes and in browsers', async () => {
    const sources = await readdir(new URL('../src/', import.meta.url), { recursive: true });
    for (const file of sources.filter((f) => f.endsWith('.ts'))) {
      const text = await readFile(new URL(`../src/${file}`, import.meta.url), 'utf8');
      expect(text, file).not.toMatch(/from ['"]node:|require\(|\bprocess\.|\bBuffer\b|__dirname/);
    }
  });
});
