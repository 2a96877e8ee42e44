import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import type { ResponseRecord } from '../../src/index.js';

const SPEC_PATH = fileURLToPath(new URL('../../../freshdesk-client/openapi/freshdesk.yaml', import.meta.url));

type Json = Record<string, unknown>;

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => void;

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Validates recorded simulator responses against the client's OpenAPI spec: the status must be declared
 * for the operation, the JSON body must match its schema, and declared headers must have the declared type
 * (required ones must be present).
 */
export class SpecConformance {
  private readonly spec: Json;
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor() {
    this.spec = parse(readFileSync(SPEC_PATH, 'utf8')) as Json;
    this.ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ ...this.spec, $id: 'freshdesk' });
  }

  private resolve(pointer: string): { node: Json; pointer: string } {
    let current: unknown = this.spec;
    const path = pointer;
    for (const raw of pointer.split('/').slice(1)) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      current = (current as Json | undefined)?.[key];
    }
    const node = current as Json | undefined;
    if (node && typeof node.$ref === 'string') return this.resolve(node.$ref.slice(1));
    if (!node) throw new Error(`Spec has nothing at ${pointer}`);
    return { node, pointer: path };
  }

  /**
   * Problems with one response; empty when it conforms. `requiredHeaders` are required on top of what the
   * spec requires (a promise of the simulator the spec does not make), each reported once when missing.
   */
  check(record: ResponseRecord, options: { requiredHeaders?: readonly string[] } = {}): string[] {
    const where = `${record.method} ${record.path} -> ${record.status}`;
    const specPath = record.route?.replace(/:(\w+)/g, '{$1}');
    const problems: string[] = [];
    let responsePointer: string;
    if (!specPath) {
      // Unknown URL: the shared NotFound response applies.
      if (record.status !== 404)
        return [`${where}: unknown route answered with ${record.status}, expected 404`];
      responsePointer = '#/components/responses/NotFound';
    } else {
      const opPointer = `#/paths/${escapePointer(specPath)}/${record.method.toLowerCase()}`;
      const responses = this.resolve(`${opPointer}/responses`.slice(1)).node;
      // OpenAPI 3.1: an explicit code wins over its range (5XX), which wins over `default`.
      const status = String(record.status);
      const key = [status, `${status.charAt(0)}XX`, 'default'].find((k) => k in responses);
      if (key === undefined) {
        return [`${where}: status ${status} is not declared in the spec for ${record.method} ${specPath}`];
      }
      responsePointer = `${opPointer}/responses/${key}`;
    }
    const { node: response, pointer } = this.resolve(responsePointer.slice(1));
    const content = (response.content as Json | undefined)?.['application/json'] as Json | undefined;
    if (content?.schema) {
      // ServerError: a gateway's 5xx may come without a body, which the spec allows (see its description).
      if (record.body === undefined) {
        if (record.status < 500) problems.push(`${where}: the spec declares a JSON body, none was sent`);
      } else {
        const schemaRef = `freshdesk#${pointer}/content/application~1json/schema`;
        let validate = this.validators.get(schemaRef);
        if (!validate) {
          validate = this.ajv.compile({ $ref: schemaRef });
          this.validators.set(schemaRef, validate);
        }
        let body: unknown;
        try {
          body = JSON.parse(record.body);
        } catch {
          problems.push(`${where}: body is not JSON`);
        }
        if (body !== undefined && !validate(body)) {
          problems.push(
            `${where}: ${this.ajv.errorsText(validate.errors, { separator: '; ' }).slice(0, 1500)}`,
          );
        }
      }
    } else if (record.body !== undefined && record.status === 204) {
      problems.push(`${where}: 204 with a body`);
    }
    const headers = (response.headers ?? {}) as Json;
    const sent = Object.fromEntries(Object.entries(record.headers).map(([k, v]) => [k.toLowerCase(), v]));
    const extra = new Map((options.requiredHeaders ?? []).map((h) => [h.toLowerCase(), h]));
    for (const [name, rawHeader] of Object.entries(headers)) {
      const header = (rawHeader as Json).$ref
        ? this.resolve(((rawHeader as Json).$ref as string).slice(1)).node
        : (rawHeader as Json);
      const value = sent[name.toLowerCase()];
      const required = header.required === true || extra.has(name.toLowerCase());
      extra.delete(name.toLowerCase());
      if (value === undefined) {
        if (required) problems.push(`${where}: required header ${name} missing`);
        continue;
      }
      const type = (header.schema as Json | undefined)?.type;
      if (type === 'integer' && !/^-?\d+$/.test(value))
        problems.push(`${where}: header ${name}=${value} is not an integer`);
      const minimum = (header.schema as Json | undefined)?.minimum;
      if (typeof minimum === 'number' && Number(value) < minimum)
        problems.push(`${where}: header ${name}=${value} < ${minimum}`);
    }
    // Promised headers the response does not declare at all (e.g. on the shared NotFound response).
    for (const [lower, name] of extra) {
      if (sent[lower] === undefined) problems.push(`${where}: required header ${name} missing`);
    }
    if (sent.link !== undefined) {
      if (!('Link' in headers)) problems.push(`${where}: Link header sent but not declared`);
      if (!/^<https?:\/\/[^>]+>; rel="next"$/.test(sent.link))
        problems.push(`${where}: malformed Link ${sent.link}`);
    }
    return problems;
  }
}

const BROKEN_BODY = new Set(['reset', 'truncate', 'malformed']);

/** Records every response of a simulator and checks them all at the end of a test file. */
export class ResponseRecorder {
  readonly records: ResponseRecord[] = [];
  private static conformance: SpecConformance | undefined;

  readonly onResponse = (record: ResponseRecord): void => {
    // Control routes are not Freshdesk API, and broken bodies are deliberately broken; injected 5xx, 429
    // storms and slow answers are complete answers and must match the spec like any other.
    if (record.path.startsWith('/_control') || (record.fault && BROKEN_BODY.has(record.fault))) return;
    this.records.push(record);
  };

  problems(): string[] {
    ResponseRecorder.conformance ??= new SpecConformance();
    const conformance = ResponseRecorder.conformance;
    return this.records.flatMap((record) => conformance.check(record, { requiredHeaders: RATE_HEADERS }));
  }
}

/**
 * The spec requires the rate-limit headers except on 5xx (a gateway's 5xx lacks them); the simulator promises
 * them on every API response, its injected 5xx included.
 */
export const RATE_HEADERS = [
  'X-RateLimit-Total',
  'X-RateLimit-Remaining',
  'X-RateLimit-Used-CurrentRequest',
] as const;
