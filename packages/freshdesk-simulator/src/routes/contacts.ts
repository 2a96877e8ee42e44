import { isoSeconds, parseTimestamp } from '../clock.js';
import { ApiError, invalidValue, notFound } from '../http/api-error.js';
import {
  bodyObject,
  idParam,
  json,
  noContent,
  type RequestContext,
  type RouteDefinition,
  type RouteResult,
} from '../http/router.js';
import { findContactByEmail } from '../store/contact-lookup.js';
import { Flag, type RecordData } from '../store/record-table.js';
import type { SimulatorState } from '../store/state.js';
import { listPage } from './page.js';
import { BodyValidator } from './validate.js';

const STATES = ['blocked', 'deleted', 'unverified', 'verified'] as const;
const WRITABLE = [
  'name',
  'email',
  'phone',
  'mobile',
  'twitter_id',
  'unique_external_id',
  'other_emails',
  'company_id',
  'view_all_tickets',
  'other_companies',
  'address',
  'description',
  'job_title',
  'language',
  'time_zone',
  'tags',
  'custom_fields',
  'avatar',
];
const IDENTITY = ['email', 'phone', 'mobile', 'twitter_id', 'unique_external_id'];

function stateMatches(flags: number, state: string | undefined): boolean {
  if (flags & Flag.gone) return false;
  switch (state) {
    case 'deleted':
      return (flags & Flag.deleted) !== 0;
    case 'blocked':
      return (flags & Flag.blocked) !== 0;
    case 'unverified':
      return (flags & (Flag.unverified | Flag.deleted | Flag.blocked)) === Flag.unverified;
    case 'verified':
      return (flags & (Flag.unverified | Flag.deleted | Flag.blocked)) === 0;
    default:
      // The default list shows verified and unverified contacts, not deleted or blocked ones.
      return (flags & (Flag.deleted | Flag.blocked)) === 0;
  }
}

function listContacts(ctx: RequestContext): RouteResult {
  const q = ctx.query;
  const state = ctx.state;
  const table = state.contacts;
  const wantedState = q.get('state') || undefined;
  if (wantedState !== undefined && !(STATES as readonly string[]).includes(wantedState)) {
    throw invalidValue('state', `It should be one of these values: '${STATES.join(',')}'`);
  }
  const rawSince = q.get('_updated_since');
  const since = rawSince ? parseTimestamp(rawSince) : undefined;
  if (rawSince && since === undefined) {
    throw invalidValue(
      '_updated_since',
      "It should be in the 'valid date-time' format (e.g. 2024-01-31T10:00:00Z)",
    );
  }
  const rawCompany = q.get('company_id');
  if (rawCompany && !/^\d+$/.test(rawCompany))
    throw invalidValue('company_id', 'It should be a/an Positive Integer');
  const fieldFilters: [string, string][] = [];
  for (const field of ['email', 'mobile', 'phone'] as const) {
    const value = q.get(field);
    if (value) fieldFilters.push([field, value]);
  }
  if (rawCompany) fieldFilters.push(['company_id', rawCompany]);
  const key = JSON.stringify(['contacts', wantedState, since, fieldFilters, table.dataVersion]);
  const view = state.views.getOrCompute(key, () => {
    const out: number[] = [];
    const emailFilter = fieldFilters.find(([f]) => f === 'email');
    const emailMatch = emailFilter ? findContactByEmail(state, emailFilter[1]) : undefined;
    for (let index = 0; index < table.size; index++) {
      if (!stateMatches(table.flags(index), wantedState)) continue;
      if (since !== undefined && table.updatedAt(index) < since) continue;
      if (emailFilter && table.idAt(index) !== emailMatch) continue;
      if (fieldFilters.length > 0) {
        const record = table.get(table.idAt(index));
        if (!record || !fieldFilters.every(([f, v]) => String(record[f] ?? '') === v)) continue;
      }
      out.push(index);
    }
    return Uint32Array.from(out);
  });
  return listPage(ctx, view.length, (i) => table.json(table.idAt(view[i] ?? 0)) ?? 'null', key);
}

function validateContact(state: SimulatorState, body: RecordData, id: number | undefined): void {
  const v = new BodyValidator(body)
    .allowOnly(WRITABLE)
    .string('name')
    .string('email')
    .string('phone')
    .string('mobile')
    .string('job_title')
    .integer('company_id', id !== undefined)
    .stringArray('tags')
    .stringArray('other_emails')
    .object('custom_fields')
    .customFields(state.world.customFields('contacts').map((f) => f.name));
  if (id === undefined) v.require('name').requireOneOf(IDENTITY);
  if (typeof body.company_id === 'number' && !state.companies.exists(body.company_id)) {
    v.add({
      field: 'company_id',
      message: 'There is no company matching the given company_id',
      code: 'invalid_value',
    });
  }
  v.done();
  if (typeof body.email === 'string') {
    const existing = findContactByEmail(state, body.email);
    if (existing !== undefined && existing !== id) {
      throw new ApiError(409, {
        description: 'Validation failed',
        errors: [
          {
            field: 'email',
            message: `It should be a unique value`,
            code: 'duplicate_value',
            additional_info: { user_id: existing },
          },
        ],
      });
    }
  }
}

function createContact(ctx: RequestContext): RouteResult {
  const state = ctx.state;
  const body = bodyObject(ctx);
  validateContact(state, body, undefined);
  const customFields: RecordData = Object.fromEntries(
    state.world.customFields('contacts').map((f) => [f.name, null]),
  );
  Object.assign(customFields, body.custom_fields ?? {});
  const id = state.contacts.insert(
    {
      active: false,
      address: body.address ?? null,
      company_id: body.company_id ?? null,
      view_all_tickets: body.view_all_tickets ?? false,
      description: body.description ?? null,
      email: body.email ?? null,
      id: 0,
      job_title: body.job_title ?? null,
      language: body.language ?? 'en',
      mobile: body.mobile ?? null,
      name: body.name,
      phone: body.phone ?? null,
      time_zone: body.time_zone ?? 'Eastern Time (US & Canada)',
      twitter_id: body.twitter_id ?? null,
      other_emails: body.other_emails ?? [],
      facebook_id: null,
      unique_external_id: body.unique_external_id ?? null,
      csat_rating: null,
      preferred_source: null,
      tags: body.tags ?? [],
      custom_fields: customFields,
      created_at: '',
      updated_at: '',
    },
    state.now(),
    Flag.unverified,
  );
  return json(state.contacts.get(id), 201);
}

function updateContact(ctx: RequestContext): RouteResult {
  const state = ctx.state;
  const id = idParam(ctx);
  const current = state.contacts.get(id);
  if (!current) throw notFound('contact');
  const body = bodyObject(ctx);
  validateContact(state, body, id);
  // custom_fields holds only the fields sent; the table merges them over the record's custom fields.
  const patch: RecordData = { ...body };
  state.contacts.update(id, patch, state.now());
  return json(state.contacts.get(id));
}

function requireContact(ctx: RequestContext): { id: number; flags: number } {
  const id = idParam(ctx);
  const index = ctx.state.contacts.indexOf(id);
  if (index === undefined || !ctx.state.contacts.exists(id)) throw notFound('contact');
  return { id, flags: ctx.state.contacts.flags(index) };
}

function makeAgent(ctx: RequestContext): RouteResult {
  const state = ctx.state;
  const { id } = requireContact(ctx);
  const contact = state.contacts.get(id) as RecordData;
  if (!contact.email) {
    throw invalidValue('email', 'The contact needs an email address before it can become an agent');
  }
  const body = (ctx.body ?? {}) as RecordData;
  const now = isoSeconds(state.now());
  const agent: RecordData = {
    available: false,
    occasional: body.occasional === true,
    id,
    signature: typeof body.signature === 'string' ? body.signature : null,
    ticket_scope: typeof body.ticket_scope === 'number' ? body.ticket_scope : 1,
    type: typeof body.type === 'string' ? body.type : 'support_agent',
    group_ids: Array.isArray(body.group_ids) ? body.group_ids : [],
    role_ids: Array.isArray(body.role_ids) ? body.role_ids : [],
    skill_ids: Array.isArray(body.skill_ids) ? body.skill_ids : [],
    available_since: null,
    focus_mode: true,
    last_active_at: null,
    deactivated: false,
    contact: {
      active: true,
      email: contact.email,
      job_title: contact.job_title ?? null,
      language: contact.language ?? 'en',
      last_login_at: null,
      mobile: contact.mobile ?? null,
      name: contact.name,
      phone: contact.phone ?? null,
      time_zone: contact.time_zone ?? 'Eastern Time (US & Canada)',
      created_at: contact.created_at,
      updated_at: now,
    },
    created_at: now,
    updated_at: now,
  };
  state.catalog.agents.push(agent);
  // The contact becomes an agent and leaves the contact list.
  state.contacts.setFlags(id, Flag.gone, 0, state.now());
  return json(agent);
}

export const contactRoutes: RouteDefinition[] = [
  { method: 'GET', path: '/contacts', handler: listContacts, rateClass: 'contactList' },
  { method: 'POST', path: '/contacts', handler: createContact },
  {
    method: 'GET',
    path: '/contacts/:id',
    handler: (ctx) => json(ctx.state.contacts.get(requireContact(ctx).id)),
  },
  { method: 'PUT', path: '/contacts/:id', handler: updateContact },
  {
    method: 'DELETE',
    path: '/contacts/:id',
    handler: (ctx) => {
      const { id, flags } = requireContact(ctx);
      if (flags & Flag.deleted) throw notFound('contact');
      ctx.state.contacts.setFlags(id, Flag.deleted, 0, ctx.state.now());
      return noContent();
    },
  },
  {
    method: 'DELETE',
    path: '/contacts/:id/hard_delete',
    handler: (ctx) => {
      const { id, flags } = requireContact(ctx);
      if (!(flags & Flag.deleted) && ctx.query.get('force') !== 'true') {
        throw invalidValue(
          'force',
          'The contact must be soft deleted first, or pass force=true to delete it permanently',
        );
      }
      ctx.state.contacts.setFlags(id, Flag.gone, 0, ctx.state.now());
      return noContent();
    },
  },
  {
    method: 'PUT',
    path: '/contacts/:id/restore',
    handler: (ctx) => {
      const { id, flags } = requireContact(ctx);
      if (!(flags & Flag.deleted)) throw notFound('deleted contact');
      ctx.state.contacts.setFlags(id, 0, Flag.deleted, ctx.state.now());
      return noContent();
    },
  },
  { method: 'PUT', path: '/contacts/:id/make_agent', handler: makeAgent },
];
