import { isoSeconds } from '../clock.js';
import type { RecordData } from '../store/record-table.js';
import { type CustomFieldDefinition, type CustomFieldResource, freshdeskFieldType } from './custom-fields.js';
import { IdBase, type World } from './world.js';

const DAY = 86_400;

const DEFAULT_TICKET_FIELDS: [string, string, string][] = [
  ['requester', 'Search a requester', 'default_requester'],
  ['subject', 'Subject', 'default_subject'],
  ['ticket_type', 'Type', 'default_ticket_type'],
  ['source', 'Source', 'default_source'],
  ['status', 'Status', 'default_status'],
  ['priority', 'Priority', 'default_priority'],
  ['group', 'Group', 'default_group'],
  ['agent', 'Agent', 'default_agent'],
  ['product', 'Product', 'default_product'],
  ['description', 'Description', 'default_description'],
];

const DEFAULT_CONTACT_FIELDS: [string, string, string][] = [
  ['name', 'Full name', 'default_name'],
  ['job_title', 'Title', 'default_job_title'],
  ['email', 'Email', 'default_email'],
  ['phone', 'Work phone', 'default_phone'],
  ['mobile', 'Mobile phone', 'default_mobile'],
  ['company_name', 'Company', 'default_company_name'],
  ['time_zone', 'Time zone', 'default_time_zone'],
  ['language', 'Language', 'default_language'],
];

const DEFAULT_COMPANY_FIELDS: [string, string, string][] = [
  ['name', 'Company name', 'default_name'],
  ['description', 'Description', 'default_description'],
  ['domains', 'Domains for this company', 'default_domains'],
  ['health_score', 'Health score', 'default_health_score'],
  ['account_tier', 'Account tier', 'default_account_tier'],
];

function choicesFor(field: CustomFieldDefinition): unknown {
  if (field.type === 'dropdown') return field.choices ?? [];
  if (field.type === 'object') return { street: [], city: [] };
  return [];
}

/** The field list of a resource, default fields first, then the (possibly drifted) custom fields. */
export function fieldDefinitions(world: World, resource: CustomFieldResource): RecordData[] {
  const defaults =
    resource === 'tickets'
      ? DEFAULT_TICKET_FIELDS
      : resource === 'contacts'
        ? DEFAULT_CONTACT_FIELDS
        : DEFAULT_COMPANY_FIELDS;
  const base =
    resource === 'tickets'
      ? IdBase.ticketField
      : resource === 'contacts'
        ? IdBase.contactField
        : IdBase.companyField;
  const created = isoSeconds(world.generatedAt - 900 * DAY);
  const rows: RecordData[] = defaults.map(([name, label, type], i) => ({
    id: base + i + 1,
    name,
    label,
    type,
    default: true,
    position: i + 1,
  }));
  world.customFields(resource).forEach((field, i) => {
    rows.push({
      id: base + 100 + i,
      // Freshdesk's field list names custom fields without the `cf_` prefix used inside custom_fields.
      name: resource === 'tickets' ? field.name : field.name.slice(3),
      label: field.label,
      type: freshdeskFieldType(field.type),
      default: false,
      position: defaults.length + i + 1,
      choices: choicesFor(field),
    });
  });
  return rows.map((row) => {
    const common = { ...row, created_at: created, updated_at: created };
    if (resource === 'tickets') {
      return {
        ...common,
        description: null,
        required_for_closure: false,
        required_for_agents: row.name === 'subject',
        required_for_customers: false,
        customers_can_edit: true,
        label_for_customers: row.label,
        displayed_to_customers: true,
        portal_cc: false,
        portal_cc_to: null,
      };
    }
    if (resource === 'contacts') {
      return {
        ...common,
        customers_can_edit: true,
        label_for_customers: row.label,
        required_for_customers: false,
        displayed_for_customers: true,
        required_for_agents: row.name === 'name',
        editable_in_signup: false,
      };
    }
    return { ...common, required_for_agent: row.name === 'name' };
  });
}
