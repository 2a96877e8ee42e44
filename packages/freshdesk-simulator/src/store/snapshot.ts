import { fieldDefinitions } from '../data/fields.js';
import type { RecordData, RecordTable } from './record-table.js';
import type { SimulatorState } from './state.js';
import { conversationsOf, ratingOf, timeEntriesOf } from './ticket-children.js';
import { ticketJsonWithIncludes } from './ticket-json.js';

export const SNAPSHOT_RESOURCES = [
  'tickets',
  'contacts',
  'companies',
  'conversations',
  'time_entries',
  'satisfaction_ratings',
  'agents',
  'groups',
  'roles',
  'skills',
  'products',
  'business_hours',
  'sla_policies',
  'email_configs',
  'mailboxes',
  'ticket_fields',
  'contact_fields',
  'company_fields',
  'canned_response_folders',
  'canned_responses',
  'solution_categories',
  'solution_folders',
  'solution_articles',
  'discussion_categories',
  'forums',
  'topics',
  'comments',
  'surveys',
  'scenario_automations',
  'settings',
] as const;

export type SnapshotResource = (typeof SNAPSHOT_RESOURCES)[number];

export interface SnapshotOptions {
  /** For tickets: embeds to add, as with the list's `include` (e.g. ['description', 'stats']). */
  include?: string[];
}

function* tableRecords(table: RecordTable): Generator<RecordData> {
  for (let index = 0; index < table.size; index++) {
    const record = table.get(table.idAt(index));
    if (record) yield record;
  }
}

/**
 * Every current record of a resource in id order, shaped as the API returns it (tickets as in the list,
 * plus `deleted: true` on deleted ones). Deleted and spam tickets and deleted contacts are included; records
 * removed for good (hard-deleted contacts, deleted companies) are not.
 */
export function* collectionRecords(
  state: SimulatorState,
  resource: SnapshotResource,
  options: SnapshotOptions = {},
): Generator<RecordData> {
  const c = state.catalog;
  switch (resource) {
    case 'tickets':
      for (let index = 0; index < state.tickets.size; index++) {
        const id = state.tickets.idAt(index);
        if (!state.tickets.exists(id)) continue;
        yield JSON.parse(ticketJsonWithIncludes(state, id, options.include ?? [])) as RecordData;
      }
      return;
    case 'contacts':
      yield* tableRecords(state.contacts);
      return;
    case 'companies':
      yield* tableRecords(state.companies);
      return;
    case 'conversations':
      for (let index = 0; index < state.tickets.size; index++) {
        const id = state.tickets.idAt(index);
        if (state.tickets.exists(id)) yield* conversationsOf(state, id);
      }
      return;
    case 'time_entries':
      for (let index = 0; index < state.tickets.size; index++) {
        const id = state.tickets.idAt(index);
        if (state.tickets.exists(id)) yield* timeEntriesOf(state, id);
      }
      return;
    case 'satisfaction_ratings':
      for (let index = 0; index < state.tickets.size; index++) {
        const id = state.tickets.idAt(index);
        const rating = state.tickets.exists(id) ? ratingOf(state, id) : undefined;
        if (rating) yield rating;
      }
      return;
    case 'ticket_fields':
      yield* fieldDefinitions(state.world, 'tickets');
      return;
    case 'contact_fields':
      yield* fieldDefinitions(state.world, 'contacts');
      return;
    case 'company_fields':
      yield* fieldDefinitions(state.world, 'companies');
      return;
    case 'settings':
      yield c.settings;
      return;
    default:
      yield* catalogCollection(state, resource);
  }
}

export function catalogCollection(state: SimulatorState, resource: SnapshotResource): RecordData[] {
  const c = state.catalog;
  const map: Partial<Record<SnapshotResource, RecordData[]>> = {
    agents: c.agents,
    groups: c.groups,
    roles: c.roles,
    skills: c.skills,
    products: c.products,
    business_hours: c.businessHours,
    sla_policies: c.slaPolicies,
    email_configs: c.emailConfigs,
    mailboxes: c.mailboxes,
    canned_response_folders: c.cannedFolders,
    canned_responses: c.cannedResponses,
    solution_categories: c.solutionCategories,
    solution_folders: c.solutionFolders,
    solution_articles: c.solutionArticles,
    discussion_categories: c.discussionCategories,
    forums: c.forums,
    topics: c.topics,
    comments: c.comments,
    surveys: c.surveys,
    scenario_automations: c.scenarios,
  };
  const records = map[resource];
  if (!records) throw new Error(`Unknown resource "${resource}". Known: ${SNAPSHOT_RESOURCES.join(', ')}.`);
  return records;
}
