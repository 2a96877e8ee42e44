import type { Catalog } from '../data/catalog.js';
import { fieldDefinitions } from '../data/fields.js';
import { invalidValue, notFound } from '../http/api-error.js';
import {
  idParam,
  json,
  type RequestContext,
  type RouteDefinition,
  type RouteResult,
} from '../http/router.js';
import type { RecordData } from '../store/record-table.js';
import { arrayPage } from './page.js';

type CatalogKey = Exclude<keyof Catalog, 'settings'>;

function byId(records: RecordData[], id: number, what: string): RouteResult {
  const record = records.find((r) => r.id === id);
  if (!record) throw notFound(what);
  return json(record);
}

/** GET list (paged or whole) and GET by id for one catalog collection. */
function collection(path: string, key: CatalogKey, what: string, paged = true): RouteDefinition[] {
  return [
    {
      method: 'GET',
      path,
      handler: (ctx) => (paged ? arrayPage(ctx, ctx.state.catalog[key]) : json(ctx.state.catalog[key])),
    },
    {
      method: 'GET',
      path: `${path}/:id`,
      handler: (ctx) => byId(ctx.state.catalog[key], idParam(ctx), what),
    },
  ];
}

/** Children of a parent collection, e.g. the folders of a solution category. */
function children(
  path: string,
  parentKey: CatalogKey,
  childKey: CatalogKey,
  foreignKey: string,
  what: string,
): RouteDefinition {
  return {
    method: 'GET',
    path,
    handler: (ctx) => {
      const parentId = idParam(ctx);
      if (!ctx.state.catalog[parentKey].some((r) => r.id === parentId)) throw notFound(what);
      return arrayPage(
        ctx,
        ctx.state.catalog[childKey].filter((r) => r[foreignKey] === parentId),
      );
    },
  };
}

function listAgents(ctx: RequestContext): RouteResult {
  const q = ctx.query;
  const state = q.get('state');
  if (state && state !== 'fulltime' && state !== 'occasional') {
    throw invalidValue('state', "It should be one of these values: 'fulltime,occasional'");
  }
  const agents = ctx.state.catalog.agents.filter((agent) => {
    const contact = agent.contact as RecordData;
    if (state && agent.occasional !== (state === 'occasional')) return false;
    for (const field of ['email', 'mobile', 'phone'] as const) {
      const value = q.get(field);
      if (value && contact[field] !== value) return false;
    }
    return true;
  });
  return arrayPage(ctx, agents);
}

export const catalogRoutes: RouteDefinition[] = [
  { method: 'GET', path: '/agents', handler: listAgents },
  { method: 'GET', path: '/agents/me', handler: (ctx) => json(ctx.state.catalog.agents[0]) },
  {
    method: 'GET',
    path: '/agents/:id',
    handler: (ctx) => byId(ctx.state.catalog.agents, idParam(ctx), 'agent'),
  },
  ...collection('/groups', 'groups', 'group'),
  ...collection('/roles', 'roles', 'role', false),
  ...collection('/admin/skills', 'skills', 'skill'),
  ...collection('/products', 'products', 'product'),
  ...collection('/business_hours', 'businessHours', 'business hour'),
  { method: 'GET', path: '/sla_policies', handler: (ctx) => json(ctx.state.catalog.slaPolicies) },
  ...collection('/email_configs', 'emailConfigs', 'email config'),
  ...collection('/email/mailboxes', 'mailboxes', 'mailbox'),
  {
    method: 'GET',
    path: '/ticket_fields',
    handler: (ctx) => {
      const type = ctx.query.get('type');
      const fields = fieldDefinitions(ctx.state.world, 'tickets');
      return json(type ? fields.filter((f) => f.type === type) : fields);
    },
  },
  {
    method: 'GET',
    path: '/admin/ticket_fields/:id',
    handler: (ctx) => byId(fieldDefinitions(ctx.state.world, 'tickets'), idParam(ctx), 'ticket field'),
  },
  {
    method: 'GET',
    path: '/contact_fields',
    handler: (ctx) => json(fieldDefinitions(ctx.state.world, 'contacts')),
  },
  {
    method: 'GET',
    path: '/company_fields',
    handler: (ctx) => json(fieldDefinitions(ctx.state.world, 'companies')),
  },
  {
    method: 'GET',
    path: '/surveys',
    handler: (ctx) => {
      const state = ctx.query.get('state');
      if (state && state !== 'active')
        throw invalidValue('state', "It should be one of these values: 'active'");
      return arrayPage(
        ctx,
        ctx.state.catalog.surveys.filter((s) => !state || s.active === true),
      );
    },
  },
  {
    method: 'GET',
    path: '/canned_response_folders',
    handler: (ctx) => json(ctx.state.catalog.cannedFolders),
  },
  children(
    '/canned_response_folders/:id/responses',
    'cannedFolders',
    'cannedResponses',
    'folder_id',
    'canned response folder',
  ),
  {
    method: 'GET',
    path: '/canned_responses/:id',
    handler: (ctx) => byId(ctx.state.catalog.cannedResponses, idParam(ctx), 'canned response'),
  },
  ...collection('/solutions/categories', 'solutionCategories', 'solution category'),
  children(
    '/solutions/categories/:id/folders',
    'solutionCategories',
    'solutionFolders',
    'category_id',
    'solution category',
  ),
  {
    method: 'GET',
    path: '/solutions/folders/:id',
    handler: (ctx) => byId(ctx.state.catalog.solutionFolders, idParam(ctx), 'solution folder'),
  },
  children(
    '/solutions/folders/:id/articles',
    'solutionFolders',
    'solutionArticles',
    'folder_id',
    'solution folder',
  ),
  {
    method: 'GET',
    path: '/solutions/articles/:id',
    handler: (ctx) => byId(ctx.state.catalog.solutionArticles, idParam(ctx), 'solution article'),
  },
  ...collection('/discussions/categories', 'discussionCategories', 'discussion category'),
  children(
    '/discussions/categories/:id/forums',
    'discussionCategories',
    'forums',
    'forum_category_id',
    'discussion category',
  ),
  {
    method: 'GET',
    path: '/discussions/forums/:id',
    handler: (ctx) => byId(ctx.state.catalog.forums, idParam(ctx), 'forum'),
  },
  children('/discussions/forums/:id/topics', 'forums', 'topics', 'forum_id', 'forum'),
  {
    method: 'GET',
    path: '/discussions/topics/:id',
    handler: (ctx) => byId(ctx.state.catalog.topics, idParam(ctx), 'topic'),
  },
  children('/discussions/topics/:id/comments', 'topics', 'comments', 'topic_id', 'topic'),
  {
    method: 'GET',
    path: '/scenario_automations',
    handler: (ctx) => arrayPage(ctx, ctx.state.catalog.scenarios),
  },
  { method: 'GET', path: '/settings/helpdesk', handler: (ctx) => json(ctx.state.catalog.settings) },
];
