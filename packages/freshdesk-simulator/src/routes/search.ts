import type { CustomFieldResource } from '../data/custom-fields.js';
import { validationFailed } from '../http/api-error.js';
import type { RequestContext, RouteDefinition, RouteResult } from '../http/router.js';
import {
  compileQuery,
  type FieldReader,
  parseSearchQuery,
  QueryError,
  queryFields,
} from '../search/query.js';
import { Flag, type RecordData, type RecordTable } from '../store/record-table.js';

export const SEARCH_PAGE_SIZE = 30;
export const SEARCH_MAX_PAGE = 10;

/** Searchable fields per resource, mapped to the record property they read. */
const FIELDS: Record<CustomFieldResource, Record<string, string>> = {
  tickets: {
    agent_id: 'responder_id',
    group_id: 'group_id',
    priority: 'priority',
    status: 'status',
    source: 'source',
    tag: 'tags',
    type: 'type',
    due_by: 'due_by',
    fr_due_by: 'fr_due_by',
    created_at: 'created_at',
    updated_at: 'updated_at',
    company_id: 'company_id',
    requester_id: 'requester_id',
    product_id: 'product_id',
  },
  contacts: {
    active: 'active',
    company_id: 'company_id',
    email: 'email',
    name: 'name',
    language: 'language',
    mobile: 'mobile',
    phone: 'phone',
    tag: 'tags',
    time_zone: 'time_zone',
    twitter_id: 'twitter_id',
    created_at: 'created_at',
    updated_at: 'updated_at',
  },
  companies: {
    name: 'name',
    domain: 'domains',
    account_tier: 'account_tier',
    industry: 'industry',
    health_score: 'health_score',
    created_at: 'created_at',
    updated_at: 'updated_at',
  },
};

function readerFor(resource: CustomFieldResource): FieldReader {
  const fields = FIELDS[resource];
  return (record, field) => {
    const mapped = fields[field];
    if (mapped) return record[mapped];
    // Custom fields are searched by their name without the cf_ prefix.
    const custom = record.custom_fields as RecordData | undefined;
    return custom?.[`cf_${field}`] ?? custom?.[field];
  };
}

function search(ctx: RequestContext, resource: CustomFieldResource): RouteResult {
  const state = ctx.state;
  const rawPage = ctx.query.get('page');
  const page = rawPage === null ? 1 : /^\d+$/.test(rawPage) ? Number(rawPage) : Number.NaN;
  if (!(page >= 1 && page <= SEARCH_MAX_PAGE)) {
    throw validationFailed({
      field: 'page',
      message: `It should be a Positive Integer less than or equal to ${SEARCH_MAX_PAGE}`,
      code: 'invalid_value',
    });
  }
  const rawQuery = ctx.query.get('query');
  if (!rawQuery)
    throw validationFailed({ field: 'query', message: 'It should be a/an String', code: 'missing_field' });
  let predicate: (record: RecordData) => boolean;
  try {
    const node = parseSearchQuery(rawQuery);
    const known = new Set([
      ...Object.keys(FIELDS[resource]),
      ...state.world.customFields(resource).flatMap((f) => [f.name, f.name.slice(3)]),
    ]);
    const unknown = queryFields(node).filter((f) => !known.has(f));
    if (unknown.length > 0)
      throw new QueryError(`Unknown field(s) ${unknown.join(', ')}; searchable: ${[...known].join(', ')}`);
    predicate = compileQuery(node, readerFor(resource));
  } catch (error) {
    if (error instanceof QueryError)
      throw validationFailed({ field: 'query', message: error.message, code: 'invalid_value' });
    throw error;
  }
  const table =
    resource === 'tickets' ? state.tickets : resource === 'contacts' ? state.contacts : state.companies;
  const key = JSON.stringify(['search', resource, rawQuery, table.dataVersion, state.world.schemaVersion]);
  const view = state.views.getOrCompute(key, () => matchAll(table, resource, predicate));
  const start = (page - 1) * SEARCH_PAGE_SIZE;
  const results: string[] = [];
  for (let i = start; i < Math.min(view.length, start + SEARCH_PAGE_SIZE); i++) {
    results.push(table.json(table.idAt(view[i] ?? 0)) ?? 'null');
  }
  return { status: 200, json: `{"total":${view.length},"results":[${results.join(',')}]}` };
}

/** All matches, newest first; deleted and spam records are never found. */
function matchAll(
  table: RecordTable,
  resource: CustomFieldResource,
  predicate: (r: RecordData) => boolean,
): Uint32Array {
  const excluded = Flag.gone | Flag.deleted | (resource === 'tickets' ? Flag.spam : 0);
  const out: number[] = [];
  for (let index = table.size - 1; index >= 0; index--) {
    if (table.flags(index) & excluded) continue;
    const record = table.get(table.idAt(index));
    if (record && predicate(record)) out.push(index);
  }
  return Uint32Array.from(out);
}

export const searchRoutes: RouteDefinition[] = [
  { method: 'GET', path: '/search/tickets', handler: (ctx) => search(ctx, 'tickets') },
  { method: 'GET', path: '/search/contacts', handler: (ctx) => search(ctx, 'contacts') },
  { method: 'GET', path: '/search/companies', handler: (ctx) => search(ctx, 'companies') },
];
