import type { ResourceContext } from '@sluice/loader-core';
import type { FreshdeskReader } from './reader.js';
import { readSince, refreshTracker } from './refresh-cursor.js';

/** The default contact list hides deleted and blocked contacts: they are read in passes of their own. */
const PASSES = [
  { state: undefined, mark: {} },
  { state: 'deleted', mark: { deleted: true } },
  { state: 'blocked', mark: { blocked: true } },
] as const;

/** Contacts updated since the cursor (or the start date), deleted and blocked ones included and marked. */
export function contactSource(reader: FreshdeskReader, startDate: string) {
  return async function* contacts(context: ResourceContext): AsyncGenerator<object> {
    const since = readSince(context, startDate);
    const track = refreshTracker(context, 'updated_at');
    for (const pass of PASSES) {
      const query = { _updated_since: since, ...(pass.state ? { state: pass.state } : {}) };
      for await (const contact of reader.list('/contacts', { query })) {
        track(contact);
        yield { ...contact, ...pass.mark };
      }
    }
  };
}
