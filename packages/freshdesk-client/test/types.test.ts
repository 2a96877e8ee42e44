import { describe, expectTypeOf, it } from 'vitest';
import {
  type Company,
  type Contact,
  type Conversation,
  createFreshdeskClient,
  type FreshdeskClient,
  type LIST_ENDPOINTS,
  type ListItem,
  type ListPath,
  type paths,
  type SearchItem,
  type Ticket,
  type TicketStatus,
  unwrap,
} from '../src/index.js';

// Type-level tests: `npm run typecheck` compiles this file, so every @ts-expect-error must be an error.
// The calls sit in functions that never run.
const fd: FreshdeskClient = createFreshdeskClient({ domain: 'acme', apiKey: 'k3y-for-types' });

describe('types', () => {
  it('types responses from the spec', () => {
    expectTypeOf<TicketStatus>().toEqualTypeOf<2 | 3 | 4 | 5>();
    expectTypeOf<Ticket['id']>().toEqualTypeOf<number>();
    expectTypeOf<Ticket['responder_id']>().toEqualTypeOf<number | null>();
    expectTypeOf<Ticket['custom_fields']>().toExtend<Record<string, unknown>>();
    expectTypeOf<Contact['email']>().toEqualTypeOf<string | null>();
    expectTypeOf<ListItem<'/tickets'>>().toEqualTypeOf<Ticket>();
    expectTypeOf<ListItem<'/tickets/{id}/conversations'>>().toEqualTypeOf<Conversation>();
    expectTypeOf<SearchItem<'/search/companies'>>().toEqualTypeOf<Company>();
    expectTypeOf<'/tickets'>().toExtend<ListPath>();
    expectTypeOf<'/settings/helpdesk'>().not.toExtend<ListPath>();
    expectTypeOf<'/tickets/{id}'>().not.toExtend<ListPath>();
    expectTypeOf<'/tickets/{id}/restore'>().not.toExtend<ListPath>();
    expectTypeOf<keyof paths>().toExtend<string>();
    expectTypeOf<keyof typeof LIST_ENDPOINTS>().toEqualTypeOf<ListPath>();
  });

  it('types GET/POST/PUT/DELETE paths, parameters and bodies', () => {
    const typeOnly = async () => {
      const ticket = unwrap(
        await fd.GET('/tickets/{id}', { params: { path: { id: 1 }, query: { include: ['stats'] } } }),
      );
      expectTypeOf(ticket).toEqualTypeOf<Ticket>();
      const list = await fd.GET('/tickets', { params: { query: { order_by: 'updated_at', per_page: 100 } } });
      expectTypeOf(list.data).toEqualTypeOf<Ticket[] | undefined>();
      await fd.POST('/tickets', { body: { subject: 'Help', email: 'a@b.c', priority: 4, status: 2 } });
      await fd.PUT('/contacts/{id}', { params: { path: { id: 5 } }, body: { name: 'New name' } });
      await fd.DELETE('/contacts/{id}/hard_delete', { params: { path: { id: 5 }, query: { force: true } } });

      // @ts-expect-error unknown path
      await fd.GET('/tikets');
      // @ts-expect-error path parameter missing
      await fd.GET('/tickets/{id}', {});
      // @ts-expect-error path parameter of the wrong type
      await fd.GET('/tickets/{id}', { params: { path: { id: 'one' } } });
      // @ts-expect-error order_by is an enum
      await fd.GET('/tickets', { params: { query: { order_by: 'priority' } } });
      // @ts-expect-error include only takes the documented embeds
      await fd.GET('/tickets', { params: { query: { include: ['attachments'] } } });
      // @ts-expect-error priority is 1-4
      await fd.POST('/tickets', { body: { subject: 'x', priority: 9 } });
      // @ts-expect-error a contact needs a name
      await fd.POST('/contacts', { body: { email: 'a@b.c' } });
      // @ts-expect-error no POST on /agents
      await fd.POST('/agents', { body: {} });
      // @ts-expect-error reply body is required
      await fd.POST('/tickets/{id}/reply', { params: { path: { id: 1 } }, body: {} });
    };
    expectTypeOf(typeOnly).toBeFunction();
  });

  it('types pagination by path', () => {
    const typeOnly = async () => {
      for await (const ticket of fd.paginate('/tickets', {
        params: { query: { updated_since: '2024-01-01T00:00:00Z' } },
      })) {
        expectTypeOf(ticket).toEqualTypeOf<Ticket>();
      }
      for await (const contact of fd.paginate('/contacts', {
        params: { query: { _updated_since: 'x', state: 'verified' } },
      })) {
        expectTypeOf(contact).toEqualTypeOf<Contact>();
      }
      for await (const page of fd.paginatePages('/tickets/{id}/conversations', {
        params: { path: { id: 3 } },
      })) {
        expectTypeOf(page.items).toEqualTypeOf<Conversation[]>();
      }
      fd.paginate('/groups');
      for await (const t of fd.listTicketsByUpdatedAt({ include: ['requester'], query: { company_id: 1 } })) {
        expectTypeOf(t).toEqualTypeOf<Ticket>();
      }
      const found = await fd.searchAll('/search/contacts', 'email:a@b.c');
      expectTypeOf(found.results).toEqualTypeOf<Contact[]>();
      expectTypeOf(found.truncated).toEqualTypeOf<boolean>();

      // @ts-expect-error nested lists need their path parameter
      fd.paginate('/tickets/{id}/conversations');
      // @ts-expect-error not a list endpoint
      fd.paginate('/tickets/{id}', { params: { path: { id: 1 } } });
      // @ts-expect-error page and per_page belong to the paginator
      fd.paginate('/tickets', { params: { query: { page: 2 } } });
      // @ts-expect-error unknown filter
      fd.paginate('/contacts', { params: { query: { updated_since: 'x' } } });
      // @ts-expect-error not a search path
      fd.search('/search/agents', 'x');
    };
    expectTypeOf(typeOnly).toBeFunction();
  });
});
