/**
 * Organization nodes a portfolio can be shared with, and the rule that tells their type from their
 * value. Kept free of imports so the CLI, the share operations, the pool's plans and the Step Functions
 * generator all read a node the same way without loading the SDK.
 */

/** The node types CreatePortfolioShare accepts in `OrganizationNode.Type`. */
export type OrganizationNodeType = 'ORGANIZATION' | 'ORGANIZATIONAL_UNIT' | 'ACCOUNT';

/** An organization node as the API takes it. */
export interface OrganizationNodeInput {
  Type: OrganizationNodeType;
  Value: string;
}

/** Organization id, as AWS Organizations defines it. */
export const ORGANIZATION_ID_PATTERN = /^o-[a-z0-9]{10,32}$/;
/** Organizational unit id, as AWS Organizations defines it. */
export const ORGANIZATIONAL_UNIT_ID_PATTERN = /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/;
/** Account id: twelve digits. */
export const ACCOUNT_ID_PATTERN = /^[0-9]{12}$/;
/** Root id: not a node a portfolio can be shared with (share with the organization instead). */
export const ROOT_ID_PATTERN = /^r-[0-9a-z]{4,32}$/;

/** The outcome of {@link parseOrganizationNode}: the node, or why the value is none. */
export type ParsedOrganizationNode = { ok: true; node: OrganizationNodeInput } | { ok: false; reason: string };

/**
 * The organization node a value names, its type inferred from the value: `o-…` an organization,
 * `ou-…` an organizational unit, twelve digits an account. A root id (`r-…`) or anything else is
 * refused with a reason that says what to pass instead.
 */
export function parseOrganizationNode(value: unknown): ParsedOrganizationNode {
  if (typeof value !== 'string') return { ok: false, reason: 'an organization node must be a string' };
  if (ORGANIZATION_ID_PATTERN.test(value)) return { ok: true, node: { Type: 'ORGANIZATION', Value: value } };
  if (ORGANIZATIONAL_UNIT_ID_PATTERN.test(value)) return { ok: true, node: { Type: 'ORGANIZATIONAL_UNIT', Value: value } };
  if (ACCOUNT_ID_PATTERN.test(value)) return { ok: true, node: { Type: 'ACCOUNT', Value: value } };
  if (ROOT_ID_PATTERN.test(value)) {
    return { ok: false, reason: `${JSON.stringify(value)} is a root; a portfolio cannot be shared with a root: share with the organization (o-…) instead` };
  }
  return {
    ok: false,
    reason: `${JSON.stringify(value.length > 120 ? `${value.slice(0, 120)}…` : value)} is not an organization (o-…), an organizational unit (ou-…-…) or a 12-digit account id`,
  };
}
