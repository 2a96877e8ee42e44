// Regenerates src/generated/*.gen.ts from openapi/freshdesk.yaml (`npm run generate`).
// The staleness test imports the render functions so the committed files and the spec cannot drift apart.
import { readFile, writeFile } from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';

export const specUrl = new URL('../openapi/freshdesk.yaml', import.meta.url);
export const generatedUrl = new URL('../src/generated/freshdesk.gen.ts', import.meta.url);
export const listEndpointsUrl = new URL('../src/generated/list-endpoints.gen.ts', import.meta.url);

const banner = `/**
 * Generated from openapi/freshdesk.yaml. Do not edit by hand: run \`npm run generate\`.
 */

`;

export async function renderTypes(): Promise<string> {
  const ast = await openapiTS(await readFile(specUrl, 'utf8'));
  return banner + astToString(ast);
}

interface Parameter {
  name: string;
  in: string;
  $ref?: string;
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  responses: Record<string, { content?: Record<string, { schema?: { type?: string } }> }>;
}
type PathItem = { parameters?: Parameter[]; get?: Operation };

/** Every list endpoint (GET returning a bare array) with what a generic syncer needs to call it. */
export async function renderListEndpoints(): Promise<string> {
  const spec = parse(await readFile(specUrl, 'utf8')) as {
    paths: Record<string, PathItem>;
    components: { parameters: Record<string, Parameter> };
  };
  const resolve = (p: Parameter): Parameter =>
    p.$ref ? (spec.components.parameters[p.$ref.split('/').pop() as string] as Parameter) : p;
  const entries: string[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    const get = item.get;
    if (get?.responses['200']?.content?.['application/json']?.schema?.type !== 'array') continue;
    const params = [...(item.parameters ?? []), ...(get.parameters ?? [])].map(resolve);
    const query = params.filter((p) => p.in === 'query').map((p) => p.name);
    const pathParams = params.filter((p) => p.in === 'path').map((p) => p.name);
    entries.push(
      `  ${JSON.stringify(path)}: {\n` +
        `    operationId: ${JSON.stringify(get.operationId)},\n` +
        `    paginated: ${query.includes('page') && query.includes('per_page')},\n` +
        `    pathParams: ${JSON.stringify(pathParams)},\n` +
        `    queryParams: ${JSON.stringify(query.filter((q) => q !== 'page' && q !== 'per_page'))},\n` +
        '  },',
    );
  }
  return `${banner}/** List endpoints of the spec: GET returns a bare array. \`paginated\` ones take page/per_page and send Link. */
export const LIST_ENDPOINTS = {
${entries.join('\n')}
} as const;
`;
}

async function main(): Promise<void> {
  await writeFile(generatedUrl, await renderTypes());
  await writeFile(listEndpointsUrl, await renderListEndpoints());
  console.log(`wrote ${generatedUrl.pathname} and ${listEndpointsUrl.pathname}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
