import type { SimulatorControl } from './control.js';
import type { FaultKind, FaultOptions } from './faults.js';
import type { RouteResult } from './http/router.js';
import type { RatingPatch } from './store/rating-edit.js';
import { SNAPSHOT_RESOURCES, type SnapshotResource } from './store/snapshot.js';

type Body = Record<string, unknown>;

function ok(value: unknown): RouteResult {
  return { status: 200, json: JSON.stringify(value) };
}

function fail(status: number, message: string): RouteResult {
  return { status, json: JSON.stringify({ error: message }) };
}

function numbers(value: unknown, name: string): number[] {
  if (!Array.isArray(value))
    throw new TypeError(`${name} must be an array of ids, got ${JSON.stringify(value)}.`);
  return value.map(Number);
}

/**
 * The HTTP face of the control handle, for driving a simulator started from the CLI:
 *   GET  /_control/info
 *   GET  /_control/snapshot/:resource
 *   POST /_control/advance-clock   {"ms": 86400000}
 *   POST /_control/mutate          {"resource": "tickets", "count": 10}
 *   POST /_control/delete-tickets  {"count": 3}
 *   POST /_control/spam-tickets    {"count": 3}
 *   POST /_control/block-contacts  {"count": 2}  or {"ids": [5000000001]}
 *   POST /_control/edit-rating     {"id": 41, "feedback": "Better now", "ratings": {"default_question": 103}}
 *   POST /_control/custom-fields   {"resource": "tickets", "name": "cf_new", "type": "text"}
 *   POST /_control/field-type      {"resource": "tickets", "name": "cf_order_number", "type": "text"}
 *   POST /_control/faults          {"kind": "503", "count": 2}  or a FaultOptions object
 */
export function createHttpControl(control: SimulatorControl) {
  return (method: string, path: string, _query: URLSearchParams, rawBody: unknown): RouteResult => {
    const body = (rawBody && typeof rawBody === 'object' ? rawBody : {}) as Body;
    try {
      if (method === 'GET' && path === '/info') return ok(control.info());
      const snapshot = /^\/snapshot\/([a-z_]+)$/.exec(path);
      if (method === 'GET' && snapshot) {
        const resource = snapshot[1] as SnapshotResource;
        if (!SNAPSHOT_RESOURCES.includes(resource)) {
          return fail(404, `Unknown resource "${resource}". Known: ${SNAPSHOT_RESOURCES.join(', ')}.`);
        }
        return ok(control.snapshot(resource));
      }
      if (method !== 'POST') return fail(404, `No control route ${method} ${path}. See the package README.`);
      switch (path) {
        case '/advance-clock':
          return ok({ now: control.advanceClock(Number(body.ms)).toISOString() });
        case '/mutate':
          return ok({
            ids: control.mutate({ resource: body.resource as 'tickets', count: Number(body.count) }),
          });
        case '/delete-tickets':
          return ok({ ids: control.deleteTickets(Number(body.count)) });
        case '/spam-tickets':
          return ok({ ids: control.spamTickets(Number(body.count)) });
        case '/block-contacts':
          return ok({
            ids: control.blockContacts(
              body.ids === undefined ? Number(body.count) : numbers(body.ids, 'ids'),
            ),
          });
        case '/edit-rating': {
          const { id, ...patch } = body;
          return ok({ rating: control.editRating(Number(id), patch as RatingPatch) });
        }
        case '/custom-fields':
          control.addCustomField(body as unknown as Parameters<SimulatorControl['addCustomField']>[0]);
          return ok({ added: body.name });
        case '/field-type':
          control.changeFieldType(body as unknown as Parameters<SimulatorControl['changeFieldType']>[0]);
          return ok({ changed: body.name });
        case '/faults':
          if (typeof body.kind === 'string') {
            control.injectFault(body.kind as FaultKind, body.count === undefined ? 1 : Number(body.count));
          } else {
            control.configureFaults(body as FaultOptions);
          }
          return ok({ configured: true });
        default:
          return fail(404, `No control route POST ${path}. See the package README.`);
      }
    } catch (error) {
      return fail(400, error instanceof Error ? error.message : String(error));
    }
  };
}
