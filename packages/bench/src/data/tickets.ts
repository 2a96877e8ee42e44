/**
 * Freshdesk-shaped tickets as the v2 API returns them with `include=description,stats`: nested objects,
 * lists, and custom fields including awkward names (mixed case, unicode, spaces, a 100+ character name).
 * Deterministic from the index, generated lazily, so any number of them costs no memory.
 */

const STATUSES = [2, 3, 4, 5] as const;
const SOURCES = [1, 2, 3, 7, 9, 10] as const;
const TYPES = ['Question', 'Incident', 'Problem', 'Feature Request', null] as const;
const REGIONS = ['EMEA', 'AMER', 'APAC'] as const;
const TAGS = ['billing', 'login', 'printer', 'vip', 'refund', 'outage', 'api'] as const;
const LONG_FIELD = `cf_${'a very long custom field label that somebody typed into the admin screen '.repeat(2)}`;

const BASE_MS = Date.UTC(2019, 0, 1);
const SPAN_MS = 6 * 365 * 86_400_000;

function iso(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** The i-th ticket (i from 0). */
export function freshdeskTicket(i: number): Record<string, unknown> {
  const created = BASE_MS + ((i * 7_919_993) % SPAN_MS);
  const updated = created + (i % 97) * 3_600_000;
  const resolved = i % 3 === 0;
  const tags = i % 4 === 0 ? [] : [TAGS[i % TAGS.length], TAGS[(i * 3) % TAGS.length]];
  return {
    id: i + 1,
    subject: `Printer on floor ${i % 12} is jammed again (#${i})`,
    description: `<div>Hello team,<br>the printer keeps jamming when printing double-sided. Ticket ${i}.</div>`,
    description_text: `Hello team, the printer keeps jamming when printing double-sided. Ticket ${i}.`,
    status: STATUSES[i % STATUSES.length],
    priority: (i % 4) + 1,
    source: SOURCES[i % SOURCES.length],
    type: TYPES[i % TYPES.length],
    requester_id: 77_000_000_000 + (i % 25_000),
    responder_id: i % 7 === 0 ? null : 77_000_100_000 + (i % 40),
    group_id: i % 9 === 0 ? null : 77_000_200_000 + (i % 6),
    company_id: i % 5 === 0 ? null : 77_000_300_000 + (i % 900),
    product_id: null,
    email_config_id: 77_000_400_001,
    to_emails: i % 2 === 0 ? ['support@acme.example'] : null,
    cc_emails: i % 6 === 0 ? ['boss@example.com', `lead${i % 10}@example.com`] : [],
    fwd_emails: [],
    reply_cc_emails: i % 6 === 0 ? ['boss@example.com'] : [],
    tags,
    is_escalated: i % 11 === 0,
    fr_escalated: i % 13 === 0,
    spam: false,
    created_at: iso(created),
    updated_at: iso(updated),
    due_by: iso(created + 3 * 86_400_000),
    fr_due_by: iso(created + 86_400_000),
    custom_fields: {
      cf_region: REGIONS[i % REGIONS.length],
      cf_contract_value: i % 10 === 0 ? null : (i % 5000) * 12.5,
      cf_seats: i % 500,
      cf_is_vip: i % 13 === 0,
      cf_renewal_date: i % 8 === 0 ? iso(created + 30 * 86_400_000).slice(0, 10) : null,
      'cf_Kundennummer Ñandú': `K-${(i * 31) % 100_000}`,
      cf_MixedCaseField: i % 2 === 0 ? 'yes' : 'no',
      'cf_🚀 launch stage': i % 3 === 0 ? 'beta' : null,
      [LONG_FIELD]: i % 17 === 0 ? 'long name, short value' : null,
    },
    stats: {
      agent_responded_at: iso(created + 1_800_000),
      requester_responded_at: i % 2 === 0 ? iso(created + 3_600_000) : null,
      first_responded_at: iso(created + 1_800_000),
      status_updated_at: iso(updated),
      reopened_at: null,
      resolved_at: resolved ? iso(updated) : null,
      closed_at: resolved && i % 2 === 0 ? iso(updated) : null,
      pending_since: null,
    },
  };
}

/** Tickets `[from, to)` in pages, as a list endpoint would hand them over. */
export function* ticketPages(count: number, pageSize = 100): Generator<Record<string, unknown>[]> {
  for (let start = 0; start < count; start += pageSize) {
    const page: Record<string, unknown>[] = [];
    for (let i = start; i < Math.min(count, start + pageSize); i++) page.push(freshdeskTicket(i));
    yield page;
  }
}
