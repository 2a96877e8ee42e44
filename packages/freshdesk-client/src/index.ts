export type { components, operations, paths } from './generated/freshdesk.gen.js';
