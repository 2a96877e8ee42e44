import { isoSeconds } from '../clock.js';
import { Flag, type RecordData, type TableGenerator } from '../store/record-table.js';
import { customFieldValue, withSchemaFields } from './custom-fields.js';
import { Rng, Stream, unitFloat } from './random.js';
import { FIRST_NAMES, LANGUAGES, LAST_NAMES, slug, TAGS, TIME_ZONES } from './text.js';
import type { World } from './world.js';

/** The company (index) a contact belongs to, or null for about one contact in five. */
export function companyOfContact(world: World, contactIndex: number): number | null {
  if (world.sizes.companies === 0) return null;
  const r = unitFloat(world.seedHash, Stream.contactFlags, contactIndex * 3 + 1);
  if (r < 0.2) return null;
  return Math.floor(((r - 0.2) / 0.8) * world.sizes.companies);
}

/** Initial state of a generated contact: about 3% deleted, 2% blocked, 10% unverified. */
export function initialContactFlags(world: World, contactIndex: number): number {
  const r = unitFloat(world.seedHash, Stream.contactFlags, contactIndex * 3 + 2);
  if (r < 0.03) return Flag.deleted;
  if (r < 0.05) return Flag.blocked;
  if (r < 0.15) return Flag.unverified;
  return 0;
}

export function contactName(world: World, id: number): { name: string; email: string } {
  const rng = Rng.for(world.seedHash, Stream.contact, id);
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  return { name: `${first} ${last}`, email: `${slug(first)}.${slug(last)}.${id}@example.com` };
}

export function contactGenerator(world: World): TableGenerator {
  return {
    generate(id): RecordData {
      const { name, email } = contactName(world, id);
      const rng = Rng.for(world.seedHash, Stream.contact, id * 3 + 1);
      const index = id - world.contactId(0);
      const company = companyOfContact(world, index);
      const customFields: RecordData = {};
      for (const field of world.customFields('contacts')) {
        customFields[field.name] = customFieldValue(
          world.seedHash,
          Stream.customField + 100,
          id,
          field,
          world.fieldHash(field.name),
        );
      }
      return {
        active: true,
        address: rng.bool(0.3) ? `${rng.int(1, 300)} Market Street` : null,
        company_id: company === null ? null : world.companyId(company),
        view_all_tickets: rng.bool(0.1),
        description: null,
        email,
        id,
        job_title: rng.bool(0.5) ? rng.pick(['CTO', 'Buyer', 'Office manager', 'Engineer']) : null,
        language: rng.pick(LANGUAGES),
        mobile: rng.bool(0.4) ? `+1-555-${String(rng.int(0, 9999)).padStart(4, '0')}` : null,
        name,
        phone: rng.bool(0.3) ? `+44 20 ${rng.int(1000, 9999)} ${rng.int(1000, 9999)}` : null,
        time_zone: rng.pick(TIME_ZONES),
        twitter_id: rng.bool(0.1) ? `@${slug(name)}${id % 1000}` : null,
        other_emails: rng.bool(0.1) ? [`alt.${id}@example.net`] : [],
        facebook_id: null,
        unique_external_id: rng.bool(0.2) ? `ext-${id}` : null,
        csat_rating: rng.bool(0.3) ? rng.pick([103, 102, 101, -101, -102, -103]) : null,
        preferred_source: rng.pick(['email', 'phone', 'chat', null] as const),
        tags: rng.sample(TAGS, rng.int(0, 2)),
        custom_fields: customFields,
        created_at: '',
        updated_at: '',
      };
    },
    finalize(record, created, updated, flags): RecordData {
      record.active = (flags & Flag.unverified) === 0;
      record.created_at = isoSeconds(created);
      record.updated_at = isoSeconds(updated);
      record.custom_fields = withSchemaFields(record.custom_fields, world.customFields('contacts'));
      if (flags & Flag.deleted) record.deleted = true;
      else delete record.deleted;
      if (flags & Flag.blocked) record.blocked = true;
      else delete record.blocked;
      return record;
    },
  };
}
