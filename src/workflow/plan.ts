import type { OrganizationNodeInput } from '../organizationNode.js';
import type { Plan, PlanInput, PlanShareInput } from '../plan/planTypes.js';
import { InvalidPlanError, validatePlan } from '../plan/validatePlan.js';
import type { ShareAction } from './options.js';

/**
 * A plan of shares, the format the CLI's `apply` reads (docs/plan.schema.json): each entry shares (or
 * updates, or deletes the share of) one portfolio with one organization node, its type inferred from the value.
 */
export type SharePlan = PlanInput;

export type SharePlanEntry = PlanShareInput;

/** One item of a Map machine's input: what the share action Tasks take, explicitly typed. */
export interface MapMachineItem {
  action: ShareAction;
  PortfolioId: string;
  OrganizationNode: OrganizationNodeInput;
  ShareTagOptions: boolean;
  SharePrincipals: boolean;
}

/** A Map machine's execution input. */
export interface MapMachineInput {
  shares: MapMachineItem[];
}

/**
 * Turn a plan into a Map machine's execution input, checking it first with the rules `apply` uses
 * (validatePlan: unknown fields, actions, portfolio ids, nodes, duplicates): a TypeError lists every
 * problem with its path, and nothing is started for a plan with a bad entry.
 */
export function planToExecutionInput(plan: unknown): MapMachineInput {
  let valid: Plan;
  try {
    valid = validatePlan(plan);
  } catch (error) {
    if (error instanceof InvalidPlanError) throw new TypeError(error.problems.map((p) => `${p.path}: ${p.message}`).join('; '), { cause: error });
    throw error;
  }
  return {
    shares: valid.shares.map((share) => ({
      action: share.action,
      PortfolioId: share.portfolioId,
      OrganizationNode: share.node,
      ShareTagOptions: share.shareTagOptions === true,
      SharePrincipals: share.sharePrincipals === true,
    })),
  };
}
