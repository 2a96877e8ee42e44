import type { ServerResponse } from 'node:http';
import { type RecordedRequest, sendJson } from './server.js';

export interface FakeTicket {
  id: number;
  subject: string;
  status: 2 | 3 | 4 | 5;
  priority: 1 | 2 | 3 | 4;
  source: 1;
  requester_id: number;
  responder_id: null;
  group_id: null;
  company_id: null;
  fr_escalated: boolean;
  is_escalated: boolean;
  spam: boolean;
  due_by: string;
  fr_due_by: string;
  tags: string[];
  custom_fields: Record<string, unknown>;
  type: null;
  created_at: string;
  updated_at: string;
}

export function isoSecond(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Tickets whose updated_at seconds are given, ids 1..n. */
export function makeTickets(updatedAtSeconds: number[]): FakeTicket[] {
  return updatedAtSeconds.map((second, index) => ({
    id: index + 1,
    subject: `Ticket ${index + 1}`,
    status: 2,
    priority: 1,
    source: 1,
    requester_id: 1000 + index,
    responder_id: null,
    group_id: null,
    company_id: null,
    fr_escalated: false,
    is_escalated: false,
    spam: false,
    due_by: isoSecond(second + 86_400),
    fr_due_by: isoSecond(second + 3_600),
    tags: [],
    custom_fields: {},
    type: null,
    created_at: isoSecond(second - 10),
    updated_at: isoSecond(second),
  }));
}

/**
 * GET /api/v2/tickets like Freshdesk: updated_since (inclusive), order_by=updated_at asc, page/per_page,
 * Link rel="next" while more pages exist (page 300 too, as Freshdesk does), and the 400 for page > 300.
 */
export function ticketListHandler(tickets: FakeTicket[], origin: string, pageCap = 300) {
  return (req: RecordedRequest, res: ServerResponse): void => {
    const q = req.url.searchParams;
    const page = Number(q.get('page') ?? '1');
    const perPage = Number(q.get('per_page') ?? '30');
    if (page > pageCap) {
      sendJson(res, 400, {
        description: 'Validation failed',
        errors: [
          {
            field: 'page',
            message: 'You cannot access tickets beyond the 300th page. Please provide a smaller page number.',
            code: 'invalid_value',
          },
        ],
      });
      return;
    }
    const since = q.get('updated_since');
    const selected = tickets
      .filter((t) => since === null || Date.parse(t.updated_at) >= Date.parse(since))
      .sort((a, b) => Date.parse(a.updated_at) - Date.parse(b.updated_at) || a.id - b.id);
    const items = selected.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = {};
    if (page * perPage < selected.length) {
      const next = new URL(`${origin}${req.url.pathname}${req.url.search}`);
      next.searchParams.set('page', String(page + 1));
      headers.Link = `<${next.href}>; rel="next"`;
    }
    sendJson(res, 200, items, headers);
  };
}
