import { parseOrganizationNode, type OrganizationNodeInput } from '../organizationNode.js';
import { isValidToken } from '../token.js';
import { SHARE_ACTIONS, type ShareAction } from './options.js';

/**
 * A plan of shares, as the CLI's `apply` reads it: each entry shares (or updates, or deletes the share
 * of) one portfolio with one organization node, its type inferred from the value.
 */
export interface SharePlan {
  shares: SharePlanEntry[];
}

export interface SharePlanEntry {
  /** @default 'create' */
  action?: ShareAction;
  /** `port-…` */
  portfolioId: string;
  /** `o-…`, `ou-…-…` or a 12-digit account id. */
  node: string;
  shareTagOptions?: boolean;
  sharePrincipals?: boolean;
}

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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turn a plan into a Map machine's execution input, checking every entry first: a TypeError names the
 * entry, the field and the value (nothing is started for a plan with a bad entry).
 */
export function planToExecutionInput(plan: unknown): MapMachineInput {
  if (!isRecord(plan) || !Array.isArray(plan.shares)) throw new TypeError('a plan must be an object with a "shares" array');
  const shares = plan.shares.map((entry: unknown, index): MapMachineItem => {
    const where = `shares[${index}]`;
    if (!isRecord(entry)) throw new TypeError(`${where} must be an object, got ${JSON.stringify(entry)}`);
    const action = entry.action ?? 'create';
    if (!SHARE_ACTIONS.includes(action as ShareAction)) throw new TypeError(`${where}.action must be one of ${SHARE_ACTIONS.join(', ')}, got ${JSON.stringify(action)}`);
    if (!isValidToken(entry.portfolioId)) throw new TypeError(`${where}.portfolioId must be a portfolio id like port-abcd1234efgh5, got ${JSON.stringify(entry.portfolioId)}`);
    const node = parseOrganizationNode(entry.node);
    if (!node.ok) throw new TypeError(`${where}.node: ${node.reason}`);
    for (const flag of ['shareTagOptions', 'sharePrincipals'] as const) {
      if (entry[flag] !== undefined && typeof entry[flag] !== 'boolean') throw new TypeError(`${where}.${flag} must be true or false, got ${JSON.stringify(entry[flag])}`);
    }
    return {
      action: action as ShareAction,
      PortfolioId: entry.portfolioId,
      OrganizationNode: node.node,
      ShareTagOptions: entry.shareTagOptions === true,
      SharePrincipals: entry.sharePrincipals === true,
    };
  });
  return { shares };
}
