import { InvalidInputError } from '../errors.js';
import { parseOrganizationNode } from '../organizationNode.js';
import { PORTFOLIO_ID_PATTERN } from './planSchema.js';
import type { Plan, PlanAction, PlanProblem, PlanShare } from './planTypes.js';

const ACTIONS: readonly PlanAction[] = ['create', 'update', 'delete'];
const SHARE_KEYS = new Set(['action', 'portfolioId', 'node', 'shareTagOptions', 'sharePrincipals']);
const TOP_KEYS = new Set(['$schema', 'description', 'shares']);

/**
 * A plan that cannot be applied: every problem found, each with its path; thrown before any call.
 * It is an InvalidInputError (name, code INVALID_INPUT, option "plan") with the problems as data.
 */
export class InvalidPlanError extends InvalidInputError {
  readonly problems: PlanProblem[];

  constructor(problems: PlanProblem[], source: string) {
    const list = problems.map((p) => `  ${p.path}: ${p.message}`).join('\n');
    super(`${source} is not a valid plan (${problems.length} problem${problems.length === 1 ? '' : 's'}); nothing was done:\n${list}`, { option: 'plan', received: source });
    this.problems = problems;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const show = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value) : Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value);

function validateShare(entry: unknown, path: string, problems: PlanProblem[]): PlanShare | undefined {
  if (!isRecord(entry)) {
    problems.push({ path, message: `must be an object like { "portfolioId": "port-…", "node": "ou-…" }, not ${show(entry)}` });
    return undefined;
  }
  const before = problems.length;
  for (const key of Object.keys(entry)) {
    if (!SHARE_KEYS.has(key)) problems.push({ path: `${path}.${key}`, message: `is not a plan field; use ${[...SHARE_KEYS].join(', ')}` });
  }
  const action = entry.action ?? 'create';
  if (typeof action !== 'string' || !ACTIONS.includes(action as PlanAction)) {
    problems.push({ path: `${path}.action`, message: `must be "create", "update" or "delete" (default "create"), not ${show(entry.action)}` });
  }
  const { portfolioId } = entry;
  if (typeof portfolioId !== 'string' || !PORTFOLIO_ID_PATTERN.test(portfolioId)) {
    problems.push({ path: `${path}.portfolioId`, message: `must be a portfolio id (1–100 letters, digits, "_" or "-", e.g. port-abcd1234efgh5), not ${show(portfolioId)}` });
  }
  const node = parseOrganizationNode(entry.node);
  if (!node.ok) problems.push({ path: `${path}.node`, message: entry.node === undefined ? 'is required: an organization (o-…), an OU (ou-…-…) or a 12-digit account id' : node.reason });
  for (const flag of ['shareTagOptions', 'sharePrincipals'] as const) {
    const value = entry[flag];
    if (value !== undefined && typeof value !== 'boolean') problems.push({ path: `${path}.${flag}`, message: `must be true or false, not ${show(value)}` });
    if (value !== undefined && action === 'delete') problems.push({ path: `${path}.${flag}`, message: 'does not apply to a delete; remove it' });
  }
  if (action === 'update' && entry.shareTagOptions === undefined && entry.sharePrincipals === undefined) {
    problems.push({ path, message: 'an update changes shareTagOptions or sharePrincipals; give at least one' });
  }
  if (problems.length > before || !node.ok) return undefined;
  return {
    action: action as PlanAction,
    portfolioId: portfolioId as string,
    node: node.node,
    ...(entry.shareTagOptions === undefined ? {} : { shareTagOptions: entry.shareTagOptions as boolean }),
    ...(entry.sharePrincipals === undefined ? {} : { sharePrincipals: entry.sharePrincipals as boolean }),
  };
}

/**
 * Validate a parsed plan document and fill in its defaults. Collects every problem (unknown fields,
 * bad actions, malformed portfolio ids and nodes, the same portfolio and node twice) and throws one
 * InvalidPlanError listing them all, before any call is made. Whether the portfolios exist is for the
 * apply step to check against the service.
 */
export function validatePlan(document: unknown, source = 'the plan'): Plan {
  const problems: PlanProblem[] = [];
  if (!isRecord(document)) throw new InvalidPlanError([{ path: '(top)', message: `must be an object with a "shares" array, not ${show(document)}` }], source);
  for (const key of Object.keys(document)) {
    if (!TOP_KEYS.has(key)) problems.push({ path: key, message: 'is not a plan field; a plan has "shares" (and optionally "$schema", "description")' });
  }
  const { shares } = document;
  if (!Array.isArray(shares) || shares.length === 0) {
    problems.push({ path: 'shares', message: `must be a non-empty array of shares, not ${Array.isArray(shares) ? 'an empty array' : show(shares)}` });
    throw new InvalidPlanError(problems, source);
  }
  const seen = new Map<string, number>();
  const valid: PlanShare[] = [];
  shares.forEach((entry, i) => {
    const share = validateShare(entry, `shares[${i}]`, problems);
    if (share === undefined) return;
    const key = `${share.portfolioId}\u0000${share.node.Value}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ path: `shares[${i}]`, message: `repeats portfolio ${share.portfolioId} and node ${share.node.Value} of shares[${first}]; one action per share and plan` });
    } else {
      seen.set(key, i);
    }
    valid.push(share);
  });
  if (problems.length > 0) throw new InvalidPlanError(problems, source);
  return { shares: valid };
}

/** The plan's shares by portfolio, in file order: share actions on one portfolio must run one at a time. */
export function sharesByPortfolio(plan: Plan): Map<string, PlanShare[]> {
  const groups = new Map<string, PlanShare[]>();
  for (const share of plan.shares) {
    const group = groups.get(share.portfolioId);
    if (group === undefined) groups.set(share.portfolioId, [share]);
    else group.push(share);
  }
  return groups;
}
