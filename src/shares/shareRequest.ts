import { InvalidInputError } from '../errors.js';
import { ACCOUNT_ID_PATTERN, parseOrganizationNode, type OrganizationNodeInput } from '../organizationNode.js';
import type { PortfolioShareAction } from './errors.js';
import type { PortfolioShareRequest } from './types.js';

/** Portfolio id as the service's model defines it. */
export const PORTFOLIO_ID_PATTERN = /^[a-zA-Z0-9_-]{1,100}$/;

/** Who a share action is for. */
export type ShareTarget = { kind: 'node'; node: OrganizationNodeInput } | { kind: 'account'; accountId: string };

/** A share request checked and normalized (the node type filled in from its value). */
export interface ParsedShareRequest {
  action: PortfolioShareAction;
  portfolioId: string;
  target: ShareTarget;
  /** What is sent: only the fields the action takes. */
  request: PortfolioShareRequest;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 120 ? `${value.slice(0, 120)}…` : value);
  if (value === undefined) return 'nothing';
  return typeof value === 'object' && value !== null ? 'an object' : String(value);
}

function refuse(option: string, received: unknown, rule: string, hint: string): never {
  throw new InvalidInputError(`${option} must ${rule}, but received ${show(received)}; ${hint}.`, { option, received });
}

function optionalBoolean(input: Record<string, unknown>, key: string): boolean | undefined {
  const value = input[key];
  if (value !== undefined && typeof value !== 'boolean') refuse(key, value, 'be true or false', `pass a boolean or leave ${key} out`);
  return value as boolean | undefined;
}

function targetOf(input: Record<string, unknown>): ShareTarget {
  const { AccountId: accountId, OrganizationNode: node } = input;
  if ((accountId === undefined) === (node === undefined)) {
    refuse('AccountId/OrganizationNode', accountId === undefined ? 'neither' : 'both', 'be given exactly one of the two', 'pass OrganizationNode { Type, Value } to share with an organization, OU or member account, or AccountId for a plain account share');
  }
  if (accountId !== undefined) {
    if (typeof accountId !== 'string' || !ACCOUNT_ID_PATTERN.test(accountId)) refuse('AccountId', accountId, 'be a 12-digit account id', 'pass e.g. "123456789012"');
    return { kind: 'account', accountId };
  }
  if (!isRecord(node)) return refuse('OrganizationNode', node, 'be an object { Type, Value }', 'pass e.g. { Type: "ORGANIZATIONAL_UNIT", Value: "ou-ab12-cd34ef56" }');
  const parsed = parseOrganizationNode(node.Value);
  if (!parsed.ok) return refuse('OrganizationNode.Value', node.Value, 'name an organization node', parsed.reason);
  if (node.Type !== undefined && node.Type !== parsed.node.Type) {
    refuse('OrganizationNode.Type', node.Type, `match its Value (${show(node.Value)} is ${parsed.node.Type})`, `pass Type "${parsed.node.Type}" or leave Type out`);
  }
  return { kind: 'node', node: parsed.node };
}

/**
 * Check a CreatePortfolioShare / UpdatePortfolioShare / DeletePortfolioShare input before any call;
 * throws InvalidInputError naming the field. The node type, when left out, is inferred from the value.
 */
export function parseShareRequest(action: PortfolioShareAction, input: unknown): ParsedShareRequest {
  if (!isRecord(input)) return refuse('input', input, 'be an object', 'pass { PortfolioId, OrganizationNode } or { PortfolioId, AccountId }');
  const portfolioId = input.PortfolioId;
  if (typeof portfolioId !== 'string' || !PORTFOLIO_ID_PATTERN.test(portfolioId)) {
    refuse('PortfolioId', portfolioId, 'be 1 to 100 letters, digits, "_" or "-"', 'pass the portfolio id, e.g. port-abcd1234efgh5');
  }
  const acceptLanguage = input.AcceptLanguage;
  if (acceptLanguage !== undefined && typeof acceptLanguage !== 'string') refuse('AcceptLanguage', acceptLanguage, 'be a string', 'pass "en", "jp" or "zh", or leave it out');
  const target = targetOf(input);
  const request: Record<string, unknown> = { PortfolioId: portfolioId };
  if (acceptLanguage !== undefined) request.AcceptLanguage = acceptLanguage;
  if (target.kind === 'account') request.AccountId = target.accountId;
  else request.OrganizationNode = target.node;
  if (action !== 'DELETE') {
    const shareTagOptions = optionalBoolean(input, 'ShareTagOptions');
    const sharePrincipals = optionalBoolean(input, 'SharePrincipals');
    if (action === 'UPDATE' && shareTagOptions === undefined && sharePrincipals === undefined) {
      refuse('ShareTagOptions/SharePrincipals', 'neither', 'be given (at least one) for an update', 'pass ShareTagOptions and/or SharePrincipals as true or false');
    }
    if (shareTagOptions !== undefined) request.ShareTagOptions = shareTagOptions;
    if (sharePrincipals !== undefined) request.SharePrincipals = sharePrincipals;
  }
  return { action, portfolioId, target, request: request as unknown as PortfolioShareRequest };
}

/** How a share target reads in messages and logs. */
export function describeShareTarget(target: ShareTarget): string {
  return target.kind === 'account' ? `account ${target.accountId}` : `${target.node.Value}`;
}
