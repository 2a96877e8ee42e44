import { combine, Rng } from './random.js';

/** Value shapes a simulated custom field can take; `object` and `array` exercise nested data in loaders. */
export type CustomFieldType =
  | 'text'
  | 'paragraph'
  | 'number'
  | 'decimal'
  | 'checkbox'
  | 'date'
  | 'dropdown'
  | 'object'
  | 'array';

export const CUSTOM_FIELD_TYPES: readonly CustomFieldType[] = [
  'text',
  'paragraph',
  'number',
  'decimal',
  'checkbox',
  'date',
  'dropdown',
  'object',
  'array',
];

export type CustomFieldResource = 'tickets' | 'contacts' | 'companies';

export interface CustomFieldDefinition {
  /** The key inside `custom_fields`, e.g. `cf_region` (Freshdesk prefixes custom fields with `cf_`). */
  name: string;
  label: string;
  type: CustomFieldType;
  choices?: string[];
  /** Share of records whose value is null. */
  nullRate?: number;
}

const LONG_NAME = `cf_${'an_extremely_long_custom_field_name_that_some_admin_typed_'.repeat(2)}end`;

/** The custom fields every simulated account starts with, including deliberately awkward names. */
export function defaultCustomFields(resource: CustomFieldResource): CustomFieldDefinition[] {
  switch (resource) {
    case 'tickets':
      return [
        { name: 'cf_region', label: 'Region', type: 'dropdown', choices: ['EMEA', 'APAC', 'AMER'] },
        { name: 'cf_order_number', label: 'Order number', type: 'number', nullRate: 0.3 },
        { name: 'cf_refund_amount', label: 'Refund amount', type: 'decimal', nullRate: 0.6 },
        { name: 'cf_is_vip', label: 'VIP', type: 'checkbox' },
        { name: 'cf_follow_up_date', label: 'Follow-up date', type: 'date', nullRate: 0.5 },
        { name: 'cf_CustomerTier', label: 'Customer Tier', type: 'text', nullRate: 0.2 },
        { name: 'cf_résumé_ünïcode_字段', label: 'Résumé ünïcode 字段', type: 'text', nullRate: 0.4 },
        { name: 'cf_field with spaces', label: 'Field with spaces', type: 'text', nullRate: 0.4 },
        { name: LONG_NAME, label: 'An extremely long custom field name', type: 'paragraph', nullRate: 0.5 },
        { name: 'cf_shipping_address', label: 'Shipping address', type: 'object', nullRate: 0.3 },
        { name: 'cf_linked_skus', label: 'Linked SKUs', type: 'array', nullRate: 0.2 },
      ];
    case 'contacts':
      return [
        { name: 'cf_loyalty_points', label: 'Loyalty points', type: 'number', nullRate: 0.2 },
        {
          name: 'cf_Preferred Channel',
          label: 'Preferred Channel',
          type: 'dropdown',
          choices: ['email', 'phone'],
        },
        { name: 'cf_birthday', label: 'Birthday', type: 'date', nullRate: 0.5 },
      ];
    case 'companies':
      return [
        { name: 'cf_contract_value', label: 'Contract value', type: 'decimal', nullRate: 0.2 },
        {
          name: 'cf_segment',
          label: 'Segment',
          type: 'dropdown',
          choices: ['SMB', 'Mid-market', 'Enterprise'],
        },
        { name: 'cf_headquarters', label: 'Headquarters', type: 'object', nullRate: 0.3 },
      ];
  }
}

const CITIES = ['Berlin', 'Lagos', 'São Paulo', 'Tokyo', 'Toronto', 'Zürich'] as const;
const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf'] as const;

/**
 * The record's custom fields with every field of the current schema: a record created through the API before
 * a field was added (schema drift) reads it as null, as Freshdesk shows an unset field.
 */
export function withSchemaFields(customFields: unknown, fields: readonly CustomFieldDefinition[]): unknown {
  if (typeof customFields !== 'object' || customFields === null) return customFields;
  const present = customFields as Record<string, unknown>;
  if (fields.every((f) => f.name in present)) return customFields;
  const complete = { ...present };
  for (const field of fields) if (!(field.name in complete)) complete[field.name] = null;
  return complete;
}

/** Generates one custom field value, deterministic for (seedHash, record id, field name, type). */
export function customFieldValue(
  seedHash: number,
  stream: number,
  id: number,
  field: CustomFieldDefinition,
  fieldHash: number,
): unknown {
  const rng = new Rng(combine(seedHash ^ fieldHash, stream, id));
  if (rng.bool(field.nullRate ?? 0)) return null;
  switch (field.type) {
    case 'text':
      return `${rng.pick(WORDS)}-${rng.int(1, 999)}`;
    case 'paragraph':
      return `${rng.pick(WORDS)} ${rng.pick(WORDS)}\n${rng.pick(CITIES)} — “${rng.pick(WORDS)}”`;
    case 'number':
      return rng.int(1, 1_000_000);
    case 'decimal':
      return Math.round(rng.next() * 100_000) / 100;
    case 'checkbox':
      return rng.bool(0.3);
    case 'date':
      return `20${rng.int(20, 26)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    case 'dropdown':
      return rng.pick(field.choices && field.choices.length > 0 ? field.choices : WORDS);
    case 'object':
      return {
        street: `${rng.int(1, 200)} ${rng.pick(WORDS)} street`,
        city: rng.pick(CITIES),
        geo: {
          lat: Math.round(rng.next() * 18000) / 100 - 90,
          lng: Math.round(rng.next() * 36000) / 100 - 180,
        },
        verified: rng.bool(0.5),
      };
    case 'array': {
      const count = rng.int(0, 4);
      const skus: string[] = [];
      for (let i = 0; i < count; i++) skus.push(`SKU-${rng.int(1000, 9999)}`);
      return skus;
    }
  }
}

/** Freshdesk's field `type` for a custom field shape, as the ticket/contact/company field endpoints report it. */
export function freshdeskFieldType(type: CustomFieldType): string {
  switch (type) {
    case 'text':
      return 'custom_text';
    case 'paragraph':
      return 'custom_paragraph';
    case 'number':
      return 'custom_number';
    case 'decimal':
      return 'custom_decimal';
    case 'checkbox':
      return 'custom_checkbox';
    case 'date':
      return 'custom_date';
    case 'dropdown':
      return 'custom_dropdown';
    case 'object':
      return 'nested_field';
    case 'array':
      return 'custom_multi_select_dropdown';
  }
}
