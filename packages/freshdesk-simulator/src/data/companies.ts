import { isoSeconds } from '../clock.js';
import type { RecordData, TableGenerator } from '../store/record-table.js';
import { customFieldValue, withSchemaFields } from './custom-fields.js';
import { Rng, Stream } from './random.js';
import { COMPANY_SUFFIXES, COMPANY_WORDS, INDUSTRIES, slug } from './text.js';
import type { World } from './world.js';

export function companyName(world: World, id: number): string {
  const rng = Rng.for(world.seedHash, Stream.company, id);
  return `${rng.pick(COMPANY_WORDS)} ${rng.pick(COMPANY_SUFFIXES)} ${id - world.companyId(0) + 1}`;
}

export function companyGenerator(world: World): TableGenerator {
  return {
    generate(id): RecordData {
      const name = companyName(world, id);
      const rng = Rng.for(world.seedHash, Stream.company, id * 3 + 1);
      const customFields: RecordData = {};
      for (const field of world.customFields('companies')) {
        customFields[field.name] = customFieldValue(
          world.seedHash,
          Stream.customField + 200,
          id,
          field,
          world.fieldHash(field.name),
        );
      }
      return {
        id,
        name,
        description: rng.bool(0.5) ? `${name} buys from us since ${rng.int(2010, 2023)}.` : null,
        note: null,
        domains: [`${slug(name)}.example.com`],
        health_score: rng.pick(['At risk', 'Doing okay', 'Happy', null] as const),
        account_tier: rng.pick(['Basic', 'Premium', 'Enterprise'] as const),
        renewal_date: rng.bool(0.6)
          ? `202${rng.int(5, 8)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}T00:00:00Z`
          : null,
        industry: rng.pick(INDUSTRIES),
        custom_fields: customFields,
        created_at: '',
        updated_at: '',
      };
    },
    finalize(record, created, updated): RecordData {
      record.created_at = isoSeconds(created);
      record.updated_at = isoSeconds(updated);
      record.custom_fields = withSchemaFields(record.custom_fields, world.customFields('companies'));
      return record;
    },
  };
}
