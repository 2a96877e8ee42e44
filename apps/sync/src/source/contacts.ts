import type { ResourceContext } from '@sluice/loader-core';
import type { FreshdeskReader } from './reader.js';
import { readSince, refreshTracker } from './refresh-cursor.js';

/** The default contact list hides deleted and blocked contacts: they are read in passes of their own. */
const PASSES = [{ state: undefined }, { state: 'deleted' }, { state: 'blocked' }] as const;

/**
 * Contacts updated since the cursor (or the start date), deleted and blocked ones included. Freshdesk sets
 * `deleted`/`blocked` only when true; both are always set here, so a restored contact reads false, not null.
 */
export function contactSource(reader: FreshdeskReader, startDate: string) {
  return async function* contacts(context: ResourceContext): AsyncGenerator<object> {
    const since = readSince(context, startDate);
    const track = refreshTracker(context, 'updated_at');
    for (const pass of PASSES) {
      const query = { _updated_since: since, ...(pass.state ? { state: pass.state } : {}) };
      for await (const contact of reader.list('/contacts', { query })) {
        track(contact);
        const c = contact as { deleted?: unknown; blocked?: unknown };
        yield {
          ...contact,
          deleted: c.deleted === true || pass.state === 'deleted',
          blocked: c.blocked === true || pass.state === 'blocked',
        };
      }
    }
  };
}
