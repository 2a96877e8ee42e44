import type { Duration, WriteDisposition } from '@sluice/loader-core';

/**
 * How a resource is read from Freshdesk:
 * - `list`: a plain list endpoint, paged by `Link`;
 * - `object`: an endpoint returning one object (helpdesk settings);
 * - `tickets`: the ticket list by `updated_at` past the 300-page cap, plus the deleted and spam passes;
 * - `contacts`: the contact list by `_updated_since`, plus the deleted and blocked passes;
 * - `ticket-child`: a list per changed ticket (conversations, time entries).
 */
export type ResourceKind = 'list' | 'object' | 'tickets' | 'contacts' | 'ticket-child';

/** An incremental cursor: the record field and the query parameter that asks for records since a value. */
export interface CatalogCursor {
  readonly field: string;
  readonly param: string;
  /** Reload this far back on every run (records edited after the fact). */
  readonly lookback?: Duration;
}

/** One Freshdesk resource as data: where it lives, how it is keyed and how it is written. */
export interface CatalogEntry {
  /** Resource and table name. */
  readonly name: string;
  /** API path below /api/v2; `{id}` is the parent record's id for child resources. */
  readonly path: string;
  readonly kind: ResourceKind;
  readonly primaryKey: string | readonly string[];
  readonly writeDisposition: WriteDisposition;
  /**
   * Merge replaces every row with these values (e.g. all conversations of a changed ticket). Ticket children
   * also declare each ticket whose list they read (`mergeKeyScope`), so a ticket whose last child was deleted
   * is emptied too.
   */
  readonly mergeKey?: string;
  readonly cursor?: CatalogCursor;
  /** The resource whose records feed this one (the `{id}` of `path`). */
  readonly parent?: string;
  /** Field set on each child record to its parent's id when the API leaves it out. */
  readonly parentKey?: string;
  /** One line for `sluice-sync resources` and the README. */
  readonly description: string;
}

/**
 * Every list endpoint of the Freshdesk v2 spec the sync loads. Small configuration lists are replaced on each
 * run (deletions disappear at no extra cost); tickets, contacts and satisfaction ratings are incremental and
 * merged by id; ticket children are fetched only for tickets that changed and replace that ticket's rows.
 */
export const CATALOG: readonly CatalogEntry[] = [
  {
    name: 'tickets',
    path: '/tickets',
    kind: 'tickets',
    primaryKey: 'id',
    writeDisposition: 'merge',
    cursor: { field: 'updated_at', param: 'updated_since' },
    description:
      'Tickets by updated_at, past the 300-page cap; deleted and spam tickets marked `deleted`/`spam`.',
  },
  {
    name: 'conversations',
    path: '/tickets/{id}/conversations',
    kind: 'ticket-child',
    primaryKey: 'id',
    writeDisposition: 'merge',
    mergeKey: 'ticket_id',
    parent: 'tickets',
    parentKey: 'ticket_id',
    description: 'Replies and notes of the tickets that changed since the last run.',
  },
  {
    name: 'time_entries',
    path: '/tickets/{id}/time_entries',
    kind: 'ticket-child',
    primaryKey: 'id',
    writeDisposition: 'merge',
    mergeKey: 'ticket_id',
    parent: 'tickets',
    parentKey: 'ticket_id',
    description: 'Time entries of the tickets that changed since the last run.',
  },
  {
    name: 'satisfaction_ratings',
    path: '/surveys/satisfaction_ratings',
    kind: 'list',
    primaryKey: 'id',
    writeDisposition: 'merge',
    cursor: { field: 'created_at', param: 'created_since', lookback: { days: 7 } },
    description: 'Survey results by created_at, re-read over a 7-day lookback to catch edited ratings.',
  },
  {
    name: 'contacts',
    path: '/contacts',
    kind: 'contacts',
    primaryKey: 'id',
    writeDisposition: 'merge',
    cursor: { field: 'updated_at', param: '_updated_since' },
    description: 'Contacts by updated_at, including deleted and blocked ones.',
  },
  list('companies', '/companies', 'Companies (the API has no updated-since filter: replaced).'),
  list('agents', '/agents', 'Agents.'),
  list('groups', '/groups', 'Agent groups.'),
  list('roles', '/roles', 'Roles.'),
  list('skills', '/admin/skills', 'Skills (ticket routing).'),
  list('products', '/products', 'Products.'),
  list('business_hours', '/business_hours', 'Business hours.'),
  list('sla_policies', '/sla_policies', 'SLA policies.'),
  list('email_configs', '/email_configs', 'Email configurations.'),
  list('email_mailboxes', '/email/mailboxes', 'Email mailboxes.'),
  list('ticket_fields', '/ticket_fields', 'Ticket field definitions (custom fields included).'),
  list('contact_fields', '/contact_fields', 'Contact field definitions.'),
  list('company_fields', '/company_fields', 'Company field definitions.'),
  list('canned_response_folders', '/canned_response_folders', 'Canned response folders.'),
  child(
    'canned_responses',
    '/canned_response_folders/{id}/responses',
    'canned_response_folders',
    'folder_id',
    'Canned responses of each folder.',
  ),
  list('solution_categories', '/solutions/categories', 'Knowledge base categories.'),
  child(
    'solution_folders',
    '/solutions/categories/{id}/folders',
    'solution_categories',
    'category_id',
    'Knowledge base folders of each category.',
  ),
  child(
    'solution_articles',
    '/solutions/folders/{id}/articles',
    'solution_folders',
    'folder_id',
    'Knowledge base articles of each folder.',
  ),
  list('discussion_categories', '/discussions/categories', 'Forum categories.'),
  child(
    'discussion_forums',
    '/discussions/categories/{id}/forums',
    'discussion_categories',
    'forum_category_id',
    'Forums of each forum category.',
  ),
  child(
    'discussion_topics',
    '/discussions/forums/{id}/topics',
    'discussion_forums',
    'forum_id',
    'Topics of each forum.',
  ),
  child(
    'discussion_comments',
    '/discussions/topics/{id}/comments',
    'discussion_topics',
    'topic_id',
    'Comments of each topic.',
  ),
  list('surveys', '/surveys', 'Satisfaction surveys.'),
  list('scenario_automations', '/scenario_automations', 'Scenario automations.'),
  {
    name: 'helpdesk_settings',
    path: '/settings/helpdesk',
    kind: 'object',
    primaryKey: [],
    writeDisposition: 'replace',
    description: 'Helpdesk settings (one row).',
  },
];

function list(name: string, path: string, description: string): CatalogEntry {
  return { name, path, kind: 'list', primaryKey: 'id', writeDisposition: 'replace', description };
}

function child(
  name: string,
  path: string,
  parent: string,
  parentKey: string,
  description: string,
): CatalogEntry {
  return {
    name,
    path,
    kind: 'list',
    primaryKey: 'id',
    writeDisposition: 'replace',
    parent,
    parentKey,
    description,
  };
}

export const RESOURCE_NAMES: readonly string[] = CATALOG.map((e) => e.name);

export function catalogEntry(name: string): CatalogEntry | undefined {
  return CATALOG.find((e) => e.name === name);
}

/** The entry and every ancestor, root first: selecting a child resource also reads its parents. */
export function withAncestors(name: string): CatalogEntry[] {
  const out: CatalogEntry[] = [];
  for (let entry = catalogEntry(name); entry; entry = entry.parent ? catalogEntry(entry.parent) : undefined) {
    out.unshift(entry);
  }
  return out;
}
