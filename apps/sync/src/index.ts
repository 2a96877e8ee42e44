export {
  CATALOG,
  type CatalogCursor,
  type CatalogEntry,
  catalogEntry,
  RESOURCE_NAMES,
  type ResourceKind,
} from './source/catalog.js';
export { freshdeskSource } from './source/freshdesk-source.js';
export {
  DEFAULT_TICKET_INCLUDES,
  type FreshdeskConnection,
  type FreshdeskSourceOptions,
  type FreshdeskSourceSettings,
  TICKET_INCLUDES,
  type TicketInclude,
} from './source/options.js';
export { fullRefreshSet, selectEntries, UnknownResourceError } from './source/selection.js';
export { ALL_HISTORY, InvalidStartDateError, parseStartDate } from './source/start-date.js';
