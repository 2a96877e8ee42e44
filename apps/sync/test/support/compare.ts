import type { Simulator, SnapshotResource } from '@sluice/freshdesk-simulator';
import { expect } from 'vitest';
import { ms, type Query, withDatabase } from './world.js';

/** Our table name → the simulator's snapshot name, for the resources compared by id. */
const BY_ID: Record<string, SnapshotResource> = {
  companies: 'companies',
  agents: 'agents',
  groups: 'groups',
  roles: 'roles',
  skills: 'skills',
  products: 'products',
  business_hours: 'business_hours',
  sla_policies: 'sla_policies',
  email_configs: 'email_configs',
  email_mailboxes: 'mailboxes',
  ticket_fields: 'ticket_fields',
  contact_fields: 'contact_fields',
  company_fields: 'company_fields',
  canned_response_folders: 'canned_response_folders',
  canned_responses: 'canned_responses',
  solution_categories: 'solution_categories',
  solution_folders: 'solution_folders',
  solution_articles: 'solution_articles',
  discussion_categories: 'discussion_categories',
  discussion_forums: 'forums',
  discussion_topics: 'topics',
  discussion_comments: 'comments',
  surveys: 'surveys',
  scenario_automations: 'scenario_automations',
  satisfaction_ratings: 'satisfaction_ratings',
};

type Row = Record<string, unknown>;

async function count(query: Query, text: string): Promise<number> {
  return Number((await query(text))[0]?.n);
}

function sortById<T extends Row>(rows: T[]): T[] {
  return [...rows].sort((a, b) => Number(a.id) - Number(b.id));
}

async function ids(query: Query, table: string): Promise<number[]> {
  const rows = await query(`SELECT id FROM freshdesk.${table} ORDER BY id`);
  return rows.map((r) => Number(r.id));
}

/**
 * The warehouse equals the simulator's current data: same ids in every table, no duplicates, and the key
 * fields of tickets, contacts and ticket children equal.
 */
export function expectWarehouseEqualsSimulator(dbPath: string, sim: Simulator): Promise<void> {
  return withDatabase(dbPath, (query) => compare(query, sim));
}

/** The same comparison over any SQL access to the loaded dataset (DuckDB, or the BigQuery fake's backing DB). */
export async function compare(query: Query, sim: Simulator): Promise<void> {
  const c = sim.control;

  const tickets = sortById(c.snapshot('tickets'));
  const stored = await query(
    'SELECT id, updated_at, status, priority, subject, deleted, spam FROM freshdesk.tickets ORDER BY id',
  );
  expect(stored.map((r) => Number(r.id))).toEqual(tickets.map((t) => Number(t.id)));
  expect(
    stored.map((r) => ({
      id: Number(r.id),
      updated_at: ms(r.updated_at),
      status: Number(r.status),
      priority: Number(r.priority),
      subject: r.subject,
      deleted: r.deleted === true,
      spam: r.spam === true,
    })),
  ).toEqual(
    tickets.map((t) => ({
      id: Number(t.id),
      updated_at: ms(t.updated_at),
      status: Number(t.status),
      priority: Number(t.priority),
      subject: t.subject,
      deleted: t.deleted === true,
      spam: t.spam === true,
    })),
  );

  // Child table rows (lists inside tickets): none lost, none doubled.
  const tagCount = tickets.reduce((n, t) => n + (Array.isArray(t.tags) ? t.tags.length : 0), 0);
  expect(await count(query, 'SELECT count(*) AS n FROM freshdesk.tickets__tags')).toBe(tagCount);
  const orphans = await count(
    query,
    'SELECT count(*) AS n FROM freshdesk.tickets__tags c LEFT JOIN freshdesk.tickets t ON c._sluice_root_id = t._sluice_id WHERE t._sluice_id IS NULL',
  );
  expect(orphans).toBe(0);

  for (const child of ['conversations', 'time_entries'] as const) {
    const expected = sortById(c.snapshot(child)).map((r) => ({
      id: Number(r.id),
      ticket_id: Number(r.ticket_id),
    }));
    const rows = await query(`SELECT id, ticket_id FROM freshdesk.${child} ORDER BY id`);
    expect(
      rows.map((r) => ({ id: Number(r.id), ticket_id: Number(r.ticket_id) })),
      child,
    ).toEqual(expected);
  }

  const contacts = sortById(c.snapshot('contacts'));
  const storedContacts = await query(
    'SELECT id, updated_at, job_title, deleted, blocked FROM freshdesk.contacts ORDER BY id',
  );
  expect(
    storedContacts.map((r) => ({
      id: Number(r.id),
      updated_at: ms(r.updated_at),
      job_title: r.job_title,
      deleted: r.deleted === true || r.deleted === 'true',
      blocked: r.blocked === true || r.blocked === 'true',
    })),
  ).toEqual(
    contacts.map((r) => ({
      id: Number(r.id),
      updated_at: ms(r.updated_at),
      job_title: r.job_title,
      deleted: r.deleted === true,
      blocked: r.blocked === true,
    })),
  );
  // Deleted and blocked contacts are in the warehouse, marked.
  expect(storedContacts.some((r) => r.deleted === true || r.deleted === 'true')).toBe(
    contacts.some((r) => r.deleted === true),
  );

  for (const [table, resource] of Object.entries(BY_ID)) {
    const expected = c
      .snapshot(resource)
      .map((r) => Number(r.id))
      .sort((a, b) => a - b);
    expect(await ids(query, table), table).toEqual(expected);
  }
  expect(await count(query, 'SELECT count(*) AS n FROM freshdesk.helpdesk_settings')).toBe(1);
}
