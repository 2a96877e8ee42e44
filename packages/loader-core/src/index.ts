export type * from './destination/types.js';
export type * from './package/types.js';
export type * from './schema/types.js';
export type * from './sql/driver.js';
