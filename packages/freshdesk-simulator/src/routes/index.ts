import { Router } from '../http/router.js';
import { catalogRoutes } from './catalog.js';
import { companyRoutes } from './companies.js';
import { contactRoutes } from './contacts.js';
import { conversationRoutes } from './conversations.js';
import { searchRoutes } from './search.js';
import { ticketRoutes } from './tickets.js';

/** Every Freshdesk v2 endpoint the simulator serves. */
export function createRouter(): Router {
  const router = new Router();
  router.add(
    ...ticketRoutes,
    ...conversationRoutes,
    ...contactRoutes,
    ...companyRoutes,
    ...catalogRoutes,
    ...searchRoutes,
  );
  return router;
}
