// Public exports only.
export * from './errors.js';
export type * from './types.js';
export { silentLogger } from './logger.js';
export type { Logger, LogFn } from './logger.js';
export { waitUntilPortfolioShareComplete } from './waitUntilPortfolioShareComplete.js';
export { getPortfolioShareStatus } from './getPortfolioShareStatus.js';
export {
  computeDelay,
  defaultDelaySchedule,
  DEFAULT_MIN_DELAY_SECONDS,
  DEFAULT_MAX_DELAY_SECONDS,
  DEFAULT_DELAY_COEFFICIENT,
  DEFAULT_DELAY_EXPONENT,
  DEFAULT_JITTER,
  SCHEDULE_PRESETS,
  type DelayScheduleOptions,
  type ScheduleCurve,
  type ScheduleDefinition,
  type SchedulePreset,
} from './schedule.js';
export {
  parseOrganizationNode,
  ORGANIZATION_ID_PATTERN,
  ORGANIZATIONAL_UNIT_ID_PATTERN,
  ACCOUNT_ID_PATTERN,
  type OrganizationNodeType,
  type OrganizationNodeInput,
  type ParsedOrganizationNode,
} from './organizationNode.js';
export * from './shares/index.js';
export {
  createSharePool,
  SharePool,
  DEFAULT_MAX_CALLS_PER_SECOND,
  DEFAULT_MAX_CONCURRENT_CALLS,
  DEFAULT_POOL_MAX_WAIT_SECONDS,
  type PoolOutcome,
  type PoolStats,
  type PoolTimers,
  type PoolWaitOptions,
  type SharePoolOptions,
} from './pool/index.js';
export {
  validatePlan,
  parsePlan,
  sharesByPortfolio,
  InvalidPlanError,
  PLAN_JSON_SCHEMA,
  applyPlan,
  notMadePlan,
  type ApplyPlanConfiguration,
  type ApplyPlanResult,
  type PlanShareRun,
  type NotStartedReason,
  type Plan,
  type PlanAction,
  type PlanInput,
  type PlanProblem,
  type PlanShare,
  type PlanShareInput,
} from './plan/index.js';
