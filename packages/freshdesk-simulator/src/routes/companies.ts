import { ApiError, notFound } from '../http/api-error.js';
import {
  bodyObject,
  idParam,
  json,
  noContent,
  type RequestContext,
  type RouteDefinition,
  type RouteResult,
} from '../http/router.js';
import { Flag, type RecordData } from '../store/record-table.js';
import type { SimulatorState } from '../store/state.js';
import { listPage } from './page.js';
import { BodyValidator } from './validate.js';

const WRITABLE = [
  'name',
  'description',
  'note',
  'domains',
  'health_score',
  'account_tier',
  'renewal_date',
  'industry',
  'custom_fields',
];

function listCompanies(ctx: RequestContext): RouteResult {
  const table = ctx.state.companies;
  const view = ctx.state.views.getOrCompute(`companies:${table.dataVersion}`, () => {
    const out: number[] = [];
    for (let index = 0; index < table.size; index++) if (!(table.flags(index) & Flag.gone)) out.push(index);
    return Uint32Array.from(out);
  });
  return listPage(
    ctx,
    view.length,
    (i) => table.json(table.idAt(view[i] ?? 0)) ?? 'null',
    `companies:${table.dataVersion}`,
  );
}

function findCompanyByName(state: SimulatorState, name: string): number | undefined {
  const table = state.companies;
  for (let index = 0; index < table.size; index++) {
    const id = table.idAt(index);
    if (table.get(id)?.name === name) return id;
  }
  return undefined;
}

function validateCompany(state: SimulatorState, body: RecordData, id: number | undefined): void {
  const v = new BodyValidator(body)
    .allowOnly(WRITABLE)
    .string('name')
    .string('description')
    .stringArray('domains')
    .object('custom_fields')
    .customFields(state.world.customFields('companies').map((f) => f.name));
  if (id === undefined) v.require('name');
  v.done();
  if (typeof body.name === 'string') {
    const existing = findCompanyByName(state, body.name);
    if (existing !== undefined && existing !== id) {
      throw new ApiError(409, {
        description: 'Validation failed',
        errors: [{ field: 'name', message: 'It should be a unique value', code: 'duplicate_value' }],
      });
    }
  }
}

function createCompany(ctx: RequestContext): RouteResult {
  const state = ctx.state;
  const body = bodyObject(ctx);
  validateCompany(state, body, undefined);
  const customFields: RecordData = Object.fromEntries(
    state.world.customFields('companies').map((f) => [f.name, null]),
  );
  Object.assign(customFields, body.custom_fields ?? {});
  const now = state.now();
  const id = state.companies.insert(
    {
      id: 0,
      name: body.name,
      description: body.description ?? null,
      note: body.note ?? null,
      domains: body.domains ?? [],
      health_score: body.health_score ?? null,
      account_tier: body.account_tier ?? null,
      renewal_date: body.renewal_date ?? null,
      industry: body.industry ?? null,
      custom_fields: customFields,
      created_at: '',
      updated_at: '',
    },
    now,
  );
  return json(state.companies.get(id), 201);
}

function updateCompany(ctx: RequestContext): RouteResult {
  const state = ctx.state;
  const id = idParam(ctx);
  const current = state.companies.get(id);
  if (!current) throw notFound('company');
  const body = bodyObject(ctx);
  validateCompany(state, body, id);
  // custom_fields holds only the fields sent; the table merges them over the record's custom fields.
  const patch: RecordData = { ...body };
  state.companies.update(id, patch, state.now());
  return json(state.companies.get(id));
}

export const companyRoutes: RouteDefinition[] = [
  { method: 'GET', path: '/companies', handler: listCompanies },
  { method: 'POST', path: '/companies', handler: createCompany },
  {
    method: 'GET',
    path: '/companies/:id',
    handler: (ctx) => {
      const company = ctx.state.companies.get(idParam(ctx));
      if (!company) throw notFound('company');
      return json(company);
    },
  },
  { method: 'PUT', path: '/companies/:id', handler: updateCompany },
  {
    method: 'DELETE',
    path: '/companies/:id',
    handler: (ctx) => {
      const id = idParam(ctx);
      if (!ctx.state.companies.exists(id)) throw notFound('company');
      ctx.state.companies.setFlags(id, Flag.gone, 0, ctx.state.now());
      return noContent();
    },
  },
];
