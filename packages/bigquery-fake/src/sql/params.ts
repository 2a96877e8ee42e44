import { canonicalType, duckDbType } from '../catalog/types.js';
import { invalidQuery } from '../errors.js';
import { quoteString } from './literals.js';

/** REST `QueryParameter`. */
export interface QueryParameter {
  name?: string;
  parameterType: QueryParameterType;
  parameterValue?: QueryParameterValue;
}

export interface QueryParameterType {
  type: string;
  arrayType?: QueryParameterType;
  structTypes?: { name?: string; type: QueryParameterType }[];
}

export interface QueryParameterValue {
  value?: string | number | boolean | null;
  arrayValues?: QueryParameterValue[];
  structValues?: Record<string, QueryParameterValue>;
}

/** The DuckDB type of a parameter type. */
function duckTypeOf(t: QueryParameterType): string {
  if (t.type === 'ARRAY' && t.arrayType) return `${duckTypeOf(t.arrayType)}[]`;
  const canonical = canonicalType(t.type);
  if (!canonical) throw invalidQuery(`Unsupported query parameter type ${t.type} in the BigQuery fake.`);
  return duckDbType(canonical);
}

/** Renders a parameter value as a typed DuckDB literal, so it can be inlined into the statement. */
export function parameterLiteral(t: QueryParameterType, v: QueryParameterValue | undefined): string {
  if (t.type === 'ARRAY') {
    if (!t.arrayType) throw invalidQuery('Array query parameter without arrayType');
    if (!v?.arrayValues) return `CAST(NULL AS ${duckTypeOf(t)})`;
    const items = v.arrayValues.map((item) => parameterLiteral(t.arrayType as QueryParameterType, item));
    return `CAST([${items.join(', ')}] AS ${duckTypeOf(t)})`;
  }
  if (t.type === 'STRUCT')
    throw invalidQuery('STRUCT query parameters are not supported by the BigQuery fake.');
  const duck = duckTypeOf(t);
  const raw = v?.value;
  if (raw === undefined || raw === null) return `CAST(NULL AS ${duck})`;
  // The client sends scalar values as JSON strings, but be lenient with numbers and booleans.
  const value = String(raw);
  if (canonicalType(t.type) === 'BYTES') return `from_base64(${quoteString(value)})`;
  return `CAST(${quoteString(value)} AS ${duck})`;
}

export interface RenderedParameters {
  named: Map<string, string>;
  positional: string[];
}

export function renderParameters(params: readonly QueryParameter[] | undefined): RenderedParameters {
  const named = new Map<string, string>();
  const positional: string[] = [];
  for (const p of params ?? []) {
    const literal = parameterLiteral(p.parameterType, p.parameterValue);
    if (p.name) named.set(p.name.toLowerCase(), literal);
    else positional.push(literal);
  }
  return { named, positional };
}
