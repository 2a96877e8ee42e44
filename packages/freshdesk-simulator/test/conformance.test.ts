import { describe, expect, it } from 'vitest';
import { RATE_HEADERS, SpecConformance } from './support/conformance.js';
import { clientFor, rawGet, startRecordedSimulator } from './support/simulator.js';

const sim = await startRecordedSimulator({ tickets: 300, seed: 'conformance', faults: { stormLength: 2 } });
// A budget of two requests a minute, so a real (not injected) 429 is one request away.
const limited = await startRecordedSimulator({
  tickets: 20,
  seed: 'conformance-limited',
  rateLimit: true,
  requestsPerMinute: 2,
});
const client = clientFor(sim);

/** Fetches every page of a list with the raw API (all pages are then recorded and validated). */
async function firstId(path: string): Promise<number> {
  const response = await rawGet(sim, path);
  expect(response.status).toBe(200);
  const items = (await response.json()) as { id: number }[];
  expect(items.length).toBeGreaterThan(0);
  return (items[0] as { id: number }).id;
}

describe('every endpoint conforms to the OpenAPI spec', () => {
  it('walks every top-level list endpoint through the client', async () => {
    const lists = [
      '/tickets',
      '/contacts',
      '/companies',
      '/agents',
      '/groups',
      '/roles',
      '/admin/skills',
      '/products',
      '/business_hours',
      '/sla_policies',
      '/email_configs',
      '/email/mailboxes',
      '/ticket_fields',
      '/contact_fields',
      '/company_fields',
      '/surveys',
      '/surveys/satisfaction_ratings',
      '/time_entries',
      '/canned_response_folders',
      '/solutions/categories',
      '/discussions/categories',
      '/scenario_automations',
    ] as const;
    for (const path of lists) {
      const items = [];
      for await (const item of client.paginate(path)) items.push(item);
      expect(items.length, path).toBeGreaterThan(0);
    }
  });

  it('walks every nested list and single-record endpoint', async () => {
    const ticketId = await firstId('/tickets?updated_since=2000-01-01T00:00:00Z&per_page=1');
    const paths = [
      `/tickets/${ticketId}`,
      `/tickets/${ticketId}?include=conversations,requester,company,stats`,
      `/tickets?include=stats,requester,description,company&per_page=100`,
      `/tickets/${ticketId}/conversations`,
      `/tickets/${ticketId}/time_entries`,
      `/tickets/${ticketId}/satisfaction_ratings`,
      `/tickets/${ticketId}/watchers`,
      `/contacts/${await firstId('/contacts')}`,
      `/companies/${await firstId('/companies')}`,
      `/agents/${await firstId('/agents')}`,
      '/agents/me',
      `/groups/${await firstId('/groups')}`,
      `/roles/${await firstId('/roles')}`,
      `/admin/skills/${await firstId('/admin/skills')}`,
      `/products/${await firstId('/products')}`,
      `/business_hours/${await firstId('/business_hours')}`,
      `/email_configs/${await firstId('/email_configs')}`,
      `/email/mailboxes/${await firstId('/email/mailboxes')}`,
      `/admin/ticket_fields/${await firstId('/ticket_fields')}`,
      `/canned_response_folders/${await firstId('/canned_response_folders')}/responses`,
      `/canned_responses/${await firstId(`/canned_response_folders/${await firstId('/canned_response_folders')}/responses`)}`,
      '/settings/helpdesk',
      '/search/tickets?query="status:2"',
      '/search/contacts?query="active:true"',
      '/search/companies?query="industry:\'Retail\'"',
    ];
    const category = await firstId('/solutions/categories');
    const folder = await firstId(`/solutions/categories/${category}/folders`);
    const article = await firstId(`/solutions/folders/${folder}/articles`);
    paths.push(
      `/solutions/categories/${category}`,
      `/solutions/folders/${folder}`,
      `/solutions/articles/${article}`,
    );
    const dCategory = await firstId('/discussions/categories');
    const forum = await firstId(`/discussions/categories/${dCategory}/forums`);
    const topic = await firstId(`/discussions/forums/${forum}/topics`);
    await firstId(`/discussions/topics/${topic}/comments`);
    paths.push(
      `/discussions/categories/${dCategory}`,
      `/discussions/forums/${forum}`,
      `/discussions/topics/${topic}`,
    );
    for (const path of paths) {
      const response = await rawGet(sim, path);
      expect(response.status, path).toBe(200);
    }
  });

  it('sends declared error bodies: 400, 401, 404, 429 and 5xx', async () => {
    expect((await rawGet(sim, '/tickets?per_page=101')).status).toBe(400);
    expect((await rawGet(sim, '/tickets?page=301')).status).toBe(400);
    expect((await rawGet(sim, '/tickets/999999999')).status).toBe(404);
    expect((await rawGet(sim, '/no/such/route')).status).toBe(404);
    expect((await rawGet(sim, '/search/tickets?query=status:2')).status).toBe(400);

    // Freshdesk's exact 401 body, as the real client receives it.
    const intruder = clientFor(sim, { apiKey: 'wrong-key' });
    const { error, response } = await intruder.GET('/tickets', {});
    expect(response.status).toBe(401);
    expect(error).toEqual({
      code: 'invalid_credentials',
      message: 'You have to be logged in to perform this action.',
    });

    // An injected 503 and a 429 storm are complete answers: recorded and checked against the spec.
    sim.control.injectFault('503');
    const unavailable = await rawGet(sim, '/tickets/1');
    expect(unavailable.status).toBe(503);
    expect(await unavailable.json()).toMatchObject({ code: 'service_unavailable' });
    sim.control.injectFault('429');
    const storm = [];
    for (let i = 0; i < 3; i++) storm.push((await rawGet(sim, '/groups')).status);
    expect(storm).toEqual([429, 429, 200]);

    // A 429 of an exhausted budget, through the rate limiter.
    const budget = [];
    for (let i = 0; i < 3; i++) budget.push((await rawGet(limited, '/roles')).status);
    expect(budget).toEqual([200, 200, 429]);

    const statuses = new Set([...sim.recorder.records, ...limited.recorder.records].map((r) => r.status));
    for (const status of [400, 401, 404, 429, 503]) expect(statuses, String(status)).toContain(status);
  });

  it('detects a response that breaks the spec (the check itself can fail)', () => {
    const conformance = new SpecConformance();
    const problems = conformance.check({
      method: 'GET',
      path: '/tickets/1',
      query: '',
      route: '/tickets/:id',
      status: 200,
      headers: { 'X-RateLimit-Total': 'many' },
      body: JSON.stringify({ id: 'one' }),
      fault: undefined,
    });
    expect(problems.join('\n')).toMatch(/must be integer|required property/);
    expect(problems.join('\n')).toMatch(/X-RateLimit-Total=many is not an integer/);
    // A 5xx answer is declared (5XX, Freshdesk's error body, optional rate-limit headers) and checked too.
    const serverError = {
      method: 'GET',
      path: '/tickets/1',
      query: '',
      route: '/tickets/:id',
      status: 503,
      headers: {},
      fault: undefined,
    };
    expect(
      conformance.check({ ...serverError, body: '{"code":"service_unavailable","message":"Try later."}' }),
    ).toEqual([]);
    expect(conformance.check({ ...serverError, body: '{"code":503}' }).join('\n')).toMatch(/must be string/);
    // A gateway's 503 may have no body at all (ServerError's body is optional)...
    expect(conformance.check({ ...serverError, body: undefined })).toEqual([]);
    // ...but the simulator promises rate-limit headers on its own 5xx, and the recorder holds it to that.
    expect(conformance.check({ ...serverError, body: undefined }, { requiredHeaders: RATE_HEADERS })).toEqual(
      RATE_HEADERS.map((h) => `GET /tickets/1 -> 503: required header ${h} missing`),
    );
    // A 4xx without its declared body is still wrong.
    expect(conformance.check({ ...serverError, status: 404, body: undefined }).join('\n')).toMatch(
      /declares a JSON body, none was sent/,
    );
    // A 200 without the rate-limit headers breaks the spec (Freshdesk sends them on every answer it
    // produces), reported once per header even when the simulator's own promise requires them too.
    const bare = conformance.check(
      { ...serverError, status: 200, body: JSON.stringify(sim.control.snapshot('tickets')[0]) },
      { requiredHeaders: RATE_HEADERS },
    );
    expect(bare).toEqual(RATE_HEADERS.map((h) => `GET /tickets/1 -> 200: required header ${h} missing`));
    expect(
      conformance.check({
        method: 'GET',
        path: '/x',
        query: '',
        route: undefined,
        status: 500,
        headers: {},
        body: '{}',
        fault: undefined,
      }),
    ).not.toEqual([]);
  });
});
