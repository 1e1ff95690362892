// Public exports only.
export * from './errors.js';
export type * from './types.js';
export { silentLogger } from './logger.js';
export type { Logger, LogFn } from './logger.js';
