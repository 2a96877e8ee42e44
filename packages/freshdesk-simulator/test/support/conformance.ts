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

  /** Problems with one response; empty when it conforms. */
  check(record: ResponseRecord): string[] {
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
      if (!(String(record.status) in responses)) {
        return [
          `${where}: status ${record.status} is not declared in the spec for ${record.method} ${specPath}`,
        ];
      }
      responsePointer = `${opPointer}/responses/${record.status}`;
    }
    const { node: response, pointer } = this.resolve(responsePointer.slice(1));
    const content = (response.content as Json | undefined)?.['application/json'] as Json | undefined;
    if (content?.schema) {
      if (record.body === undefined) problems.push(`${where}: the spec declares a JSON body, none was sent`);
      else {
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
    for (const [name, rawHeader] of Object.entries(headers)) {
      const header = (rawHeader as Json).$ref
        ? this.resolve(((rawHeader as Json).$ref as string).slice(1)).node
        : (rawHeader as Json);
      const value = sent[name.toLowerCase()];
      if (value === undefined) {
        if (header.required) problems.push(`${where}: required header ${name} missing`);
        continue;
      }
      const type = (header.schema as Json | undefined)?.type;
      if (type === 'integer' && !/^-?\d+$/.test(value))
        problems.push(`${where}: header ${name}=${value} is not an integer`);
      const minimum = (header.schema as Json | undefined)?.minimum;
      if (typeof minimum === 'number' && Number(value) < minimum)
        problems.push(`${where}: header ${name}=${value} < ${minimum}`);
    }
    if (sent.link !== undefined) {
      if (!('Link' in headers)) problems.push(`${where}: Link header sent but not declared`);
      if (!/^<https?:\/\/[^>]+>; rel="next"$/.test(sent.link))
        problems.push(`${where}: malformed Link ${sent.link}`);
    }
    return problems;
  }
}

/** Records every response of a simulator and checks them all at the end of a test file. */
export class ResponseRecorder {
  readonly records: ResponseRecord[] = [];
  private static conformance: SpecConformance | undefined;

  readonly onResponse = (record: ResponseRecord): void => {
    // Control routes are not Freshdesk API, and injected faults are deliberately broken.
    if (record.path.startsWith('/_control') || record.fault) return;
    this.records.push(record);
  };

  problems(): string[] {
    ResponseRecorder.conformance ??= new SpecConformance();
    const conformance = ResponseRecorder.conformance;
    return this.records.flatMap((record) => [...conformance.check(record), ...rateHeaderProblems(record)]);
  }
}

const RATE_HEADERS = ['X-RateLimit-Total', 'X-RateLimit-Remaining', 'X-RateLimit-Used-CurrentRequest'];

/** The spec declares the rate-limit headers optional; the simulator promises them on every API response. */
function rateHeaderProblems(record: ResponseRecord): string[] {
  const sent = new Set(Object.keys(record.headers).map((k) => k.toLowerCase()));
  return RATE_HEADERS.filter((h) => !sent.has(h.toLowerCase())).map(
    (h) => `${record.method} ${record.path} -> ${record.status}: ${h} missing`,
  );
}
