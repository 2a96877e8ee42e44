import type { SimulatorState } from './state.js';

/**
 * Finds a contact by email without scanning every generated contact: generated emails embed the contact id,
 * and contacts changed through the API are few.
 */
export function findContactByEmail(state: SimulatorState, email: string): number | undefined {
  const wanted = email.trim().toLowerCase();
  const embedded = /\.(\d+)@example\.com$/.exec(wanted);
  if (embedded) {
    const id = Number(embedded[1]);
    const contact = state.contacts.get(id);
    if (contact && String(contact.email).toLowerCase() === wanted) return id;
  }
  for (const id of state.contacts.changedIds()) {
    const contact = state.contacts.get(id);
    if (contact && String(contact.email ?? '').toLowerCase() === wanted) return id;
  }
  return undefined;
}

/** Finds a contact by any field value by scanning (used for rarely used filters). */
export function findContactsBy(state: SimulatorState, field: string, value: string): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < state.contacts.size; i++) {
    const id = state.contacts.idAt(i);
    const contact = state.contacts.get(id);
    if (contact && String(contact[field] ?? '') === value) out.add(id);
  }
  return out;
}
