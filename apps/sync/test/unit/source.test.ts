import { describe, expect, it } from 'vitest';
import { CATALOG, RESOURCE_NAMES } from '../../src/source/catalog.js';
import { freshdeskSource } from '../../src/source/freshdesk-source.js';
import { resourceForPath } from '../../src/source/path-resolver.js';
import { fullRefreshSet, selectEntries, UnknownResourceError } from '../../src/source/selection.js';

const REQUIRED = [
  'tickets',
  'conversations',
  'time_entries',
  'satisfaction_ratings',
  'contacts',
  'companies',
  'agents',
  'groups',
  'roles',
  'skills',
  'products',
  'business_hours',
  'sla_policies',
  'email_configs',
  'email_mailboxes',
  'ticket_fields',
  'contact_fields',
  'company_fields',
  'canned_response_folders',
  'canned_responses',
  'solution_categories',
  'solution_folders',
  'solution_articles',
  'discussion_categories',
  'discussion_forums',
  'discussion_topics',
  'discussion_comments',
  'surveys',
  'scenario_automations',
  'helpdesk_settings',
];

describe('the catalog', () => {
  it('covers every resource of the brief, each with a key and a write disposition', () => {
    expect([...RESOURCE_NAMES].sort()).toEqual([...REQUIRED].sort());
    for (const entry of CATALOG) {
      expect(['merge', 'replace']).toContain(entry.writeDisposition);
      if (entry.writeDisposition === 'merge') expect(entry.primaryKey).toBe('id');
    }
  });

  it('lists parents before children', () => {
    CATALOG.forEach((entry, i) => {
      if (entry.parent) expect(CATALOG.findIndex((e) => e.name === entry.parent)).toBeLessThan(i);
    });
  });

  it('builds one loader-core resource per entry, children as transformers of their parents', () => {
    const resources = freshdeskSource({ baseUrl: 'http://127.0.0.1:9/api/v2', apiKey: 'k' });
    expect(resources.map((r) => r.name)).toEqual(RESOURCE_NAMES);
    const conversations = resources.find((r) => r.name === 'conversations');
    expect(conversations?.kind).toBe('transformer');
    expect(conversations?.kind === 'transformer' && conversations.parent.name).toBe('tickets');
    const tickets = resources.find((r) => r.name === 'tickets');
    expect(tickets?.kind === 'resource' && tickets.options.incremental).toEqual({
      cursor: 'updated_at',
      initialValue: '1970-01-01T00:00:00Z',
    });
  });

  it('a full refresh replaces the table without a cursor, together with the ticket children', () => {
    const resources = freshdeskSource({
      baseUrl: 'http://127.0.0.1:9/api/v2',
      apiKey: 'k',
      resources: ['conversations'],
      fullRefresh: ['tickets'],
    });
    expect(resources.map((r) => r.name)).toEqual(['tickets', 'conversations']);
    for (const r of resources) {
      expect(r.options.writeDisposition).toBe('replace');
      expect('incremental' in r.options && r.options.incremental).toBeFalsy();
    }
  });
});

describe('resource selection', () => {
  it('brings the parents of a selected child', () => {
    expect(selectEntries(['solution_articles']).map((e) => e.name)).toEqual([
      'solution_categories',
      'solution_folders',
      'solution_articles',
    ]);
  });

  it('rejects unknown names and lists the known ones', () => {
    expect(() => selectEntries(['tickets', 'tikets'])).toThrow(UnknownResourceError);
    expect(() => selectEntries(['tikets'])).toThrow(/Known resources: tickets, conversations/);
  });

  it('refreshing a ticket child refreshes tickets and its siblings', () => {
    expect([...fullRefreshSet(['time_entries'])].sort()).toEqual([
      'conversations',
      'tickets',
      'time_entries',
    ]);
    expect(fullRefreshSet(['*']).size).toBe(CATALOG.length);
  });
});

describe('resourceForPath', () => {
  it('attributes request paths and list templates to resources', () => {
    expect(resourceForPath('/api/v2/tickets?page=2')).toBe('tickets');
    expect(resourceForPath('/api/v2/tickets/17/conversations?page=1')).toBe('conversations');
    expect(resourceForPath('/tickets/{id}/time_entries')).toBe('time_entries');
    expect(resourceForPath('/api/v2/agents/me')).toBeUndefined();
  });
});
