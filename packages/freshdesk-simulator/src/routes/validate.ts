import { type FieldError, validationFailed } from '../http/api-error.js';
import type { RecordData } from '../store/record-table.js';

/** Collects Freshdesk-style field errors for a request body and throws them together. */
export class BodyValidator {
  private readonly errors: FieldError[] = [];

  constructor(private readonly body: RecordData) {}

  allowOnly(fields: readonly string[]): this {
    for (const key of Object.keys(this.body)) {
      if (!fields.includes(key))
        this.errors.push({
          field: key,
          message: 'Unexpected/invalid field in request',
          code: 'invalid_field',
        });
    }
    return this;
  }

  string(field: string): this {
    const v = this.body[field];
    if (v !== undefined && typeof v !== 'string') {
      this.errors.push({
        field,
        message: `Value set is of type ${typeOf(v)}.It should be a/an String`,
        code: 'datatype_mismatch',
      });
    }
    return this;
  }

  integer(field: string, nullable = false): this {
    const v = this.body[field];
    if (v === undefined || (nullable && v === null)) return this;
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      this.errors.push({
        field,
        message: `Value set is of type ${typeOf(v)}.It should be a/an Positive Integer`,
        code: 'datatype_mismatch',
      });
    }
    return this;
  }

  oneOf(field: string, allowed: readonly (string | number)[]): this {
    const v = this.body[field];
    if (v !== undefined && !allowed.includes(v as string | number)) {
      this.errors.push({
        field,
        message: `It should be one of these values: '${allowed.join(',')}'`,
        code: 'invalid_value',
      });
    }
    return this;
  }

  stringArray(field: string): this {
    const v = this.body[field];
    if (v !== undefined && !(Array.isArray(v) && v.every((x) => typeof x === 'string'))) {
      this.errors.push({
        field,
        message: `Value set is of type ${typeOf(v)}.It should be a/an Array`,
        code: 'datatype_mismatch',
      });
    }
    return this;
  }

  object(field: string): this {
    const v = this.body[field];
    if (v !== undefined && (v === null || typeof v !== 'object' || Array.isArray(v))) {
      this.errors.push({
        field,
        message: `Value set is of type ${typeOf(v)}.It should be a/an key/value pair`,
        code: 'datatype_mismatch',
      });
    }
    return this;
  }

  require(field: string): this {
    if (this.body[field] === undefined || this.body[field] === null || this.body[field] === '') {
      this.errors.push({ field, message: 'It should be a/an String', code: 'missing_field' });
    }
    return this;
  }

  requireOneOf(fields: readonly string[]): this {
    if (!fields.some((f) => this.body[f] !== undefined && this.body[f] !== null && this.body[f] !== '')) {
      this.errors.push({
        field: fields[0] ?? 'body',
        message: `Please fill at least 1 of ${fields.join(', ')} fields`,
        code: 'missing_field',
      });
    }
    return this;
  }

  customFields(known: readonly string[]): this {
    const v = this.body.custom_fields;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const key of Object.keys(v)) {
        if (!known.includes(key))
          this.errors.push({
            field: key,
            message: 'Unexpected/invalid field in request',
            code: 'invalid_field',
          });
      }
    }
    return this;
  }

  add(error: FieldError): this {
    this.errors.push(error);
    return this;
  }

  done(): void {
    if (this.errors.length > 0) throw validationFailed(...this.errors);
  }
}

function typeOf(v: unknown): string {
  if (v === null) return 'Null';
  if (Array.isArray(v)) return 'Array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'Integer' : 'Float';
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'object') return 'key/value pair';
  return 'String';
}
