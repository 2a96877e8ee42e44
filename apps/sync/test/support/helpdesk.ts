import { createFreshdeskClient } from '@sluice/freshdesk-client';
import type { Simulator } from '@sluice/freshdesk-simulator';
import { normalizeName } from '@sluice/loader-core';
import { expect } from 'vitest';
import type { Query } from './world.js';

/** What `changeHelpdesk` changed, by id. */
export interface HelpdeskChanges {
  readonly updated: number[];
  readonly deleted: number[];
  readonly spam: number[];
  /** Tickets created through the API (the first with a note). */
  readonly created: number[];
  readonly contactsUpdated: number[];
  readonly contactsDeleted: number[];
  readonly contactsBlocked: number[];
  /** The new custom field (text) and the number field whose values became text. */
  readonly newField: string;
  readonly retypedField: string;
  /** Every ticket whose `updated_at` moved, sorted. */
  readonly changedTickets: number[];
}

/**
 * Blocks a contact, as an agent does in Freshdesk's UI (its API cannot): the simulator moves the contact to
 * `state=blocked` with a new `updated_at`, as Freshdesk does.
 */
export function blockContact(sim: Simulator, id: number): void {
  expect(sim.control.blockContacts([id])).toEqual([id]);
}

/**
 * An hour of helpdesk life between two runs: ticket updates, deletes and spam, new tickets (one with a
 * note), a new custom field, a number field whose values become text, contact updates, a contact deleted
 * and one blocked.
 */
export async function changeHelpdesk(sim: Simulator): Promise<HelpdeskChanges> {
  const control = sim.control;
  control.advanceClock(3_600_000);
  const newField = 'cf_escalation_reason';
  control.addCustomField({ resource: 'tickets', name: newField, type: 'text' });
  const numberField = control.snapshot('ticket_fields').find((f) => f.type === 'custom_number');
  expect(numberField, 'the simulator has a number custom field to retype').toBeDefined();
  const retypedField = String(numberField?.name);
  control.changeFieldType({ resource: 'tickets', name: retypedField, type: 'text' });
  const updated = control.mutate({ resource: 'tickets', count: 8 });
  const deleted = control.deleteTickets(3);
  const spam = control.spamTickets(2);
  const contactsUpdated = control.mutate({ resource: 'contacts', count: 4 });

  const client = createFreshdeskClient({ baseUrl: sim.baseUrl, apiKey: sim.apiKey, throwOnError: true });
  const live = control
    .snapshot('contacts')
    .filter((c) => c.deleted !== true && c.blocked !== true)
    .map((c) => Number(c.id))
    .filter((id) => !contactsUpdated.includes(id));
  expect(live.length, 'live contacts to work with').toBeGreaterThanOrEqual(5);
  const created: number[] = [];
  for (let i = 0; i < 3; i++) {
    const { data } = await client.POST('/tickets', {
      body: {
        requester_id: live[i] as number,
        subject: `New ticket ${i}`,
        description: 'Hello',
        status: 2,
        priority: 1,
      },
    });
    created.push(Number(data?.id));
  }
  await client.POST('/tickets/{id}/notes', {
    params: { path: { id: created[0] as number } },
    body: { body: 'A note' },
  });
  const contactsDeleted = [live[live.length - 1] as number];
  await client.DELETE('/contacts/{id}', { params: { path: { id: contactsDeleted[0] as number } } });
  const contactsBlocked = [live[live.length - 2] as number];
  blockContact(sim, contactsBlocked[0] as number);

  const changedTickets = [...new Set([...updated, ...deleted, ...spam, ...created])].sort((a, b) => a - b);
  return {
    updated,
    deleted,
    spam,
    created,
    contactsUpdated,
    contactsDeleted,
    contactsBlocked,
    newField,
    retypedField,
    changedTickets,
  };
}

function flag(value: unknown): boolean {
  return value === true || value === 'true';
}

/**
 * The changes are visible as the issue describes them: flags on deleted/spam tickets and deleted/blocked
 * contacts, a column for the new field, and a variant column holding the retyped field's text values. (The
 * exact comparison checks every value; this states what the changes must look like.)
 */
export async function expectChangesVisible(query: Query, changes: HelpdeskChanges): Promise<void> {
  const tickets = await query('SELECT id, deleted, spam FROM freshdesk.tickets WHERE deleted OR spam');
  const flagged = tickets.map((r) => ({ id: Number(r.id), deleted: flag(r.deleted), spam: flag(r.spam) }));
  for (const id of changes.deleted) expect(flagged).toContainEqual({ id, deleted: true, spam: false });
  for (const id of changes.spam) expect(flagged).toContainEqual({ id, deleted: false, spam: true });
  const contacts = await query(
    `SELECT id, deleted, blocked FROM freshdesk.contacts WHERE id IN (${[...changes.contactsDeleted, ...changes.contactsBlocked].join(', ')})`,
  );
  const marks = contacts.map((r) => ({
    id: Number(r.id),
    deleted: flag(r.deleted),
    blocked: flag(r.blocked),
  }));
  for (const id of changes.contactsDeleted)
    expect(marks).toContainEqual({ id, deleted: true, blocked: false });
  for (const id of changes.contactsBlocked)
    expect(marks).toContainEqual({ id, deleted: false, blocked: true });

  const columns = (
    await query(
      "SELECT column_name AS c FROM information_schema.columns WHERE table_schema = 'freshdesk' AND table_name = 'tickets'",
    )
  ).map((r) => String(r.c));
  expect(columns).toContain(`custom_fields__${normalizeName(changes.newField)}`);
  const variant = `custom_fields__${normalizeName(changes.retypedField)}__v_text`;
  expect(columns).toContain(variant);
  const texts = await query(`SELECT count(*) AS n FROM freshdesk.tickets WHERE ${variant} IS NOT NULL`);
  expect(Number(texts[0]?.n)).toBeGreaterThan(0);
}
