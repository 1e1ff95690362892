// Plans: shares to create, update or delete and wait for, as one validated document.
export { validatePlan, sharesByPortfolio, InvalidPlanError } from './validatePlan.js';
export { parsePlan } from './parsePlan.js';
export { PLAN_JSON_SCHEMA, PORTFOLIO_ID_PATTERN } from './planSchema.js';
export type { Plan, PlanAction, PlanInput, PlanProblem, PlanShare, PlanShareInput } from './planTypes.js';
export { applyPlan, requestOfPlanShare, type ApplyPlanConfiguration, type ApplyPlanResult } from './applyPlan.js';
export { runPlan, wasMade, notMadePlan, type PlanShareRun, type NotStartedReason, type PlanSteps, type RunPlanOptions } from './runPlan.js';
export { checkPortfolios } from './checkPortfolios.js';
