import { parseOrganizationNode, type OrganizationNodeInput } from '../../organizationNode.js';
import { isValidToken } from '../../token.js';

/**
 * The custom resource's properties, parsed. CloudFormation hands every property to the handler as a
 * string (`true` arrives as "true", 30 as "30"), so each one is read back to its type here, and a
 * value that is none of the allowed ones fails the deployment with a message naming the property.
 */
export interface ShareProperties {
  portfolioId: string;
  node: OrganizationNodeInput;
  shareTagOptions: boolean;
  sharePrincipals: boolean;
  acceptPartialSuccess: boolean;
  tolerateDuplicates: boolean;
  notFoundGraceSeconds: number;
}

/** Names of the properties, as the construct and the CloudFormation template write them. */
export const PROPERTY = {
  portfolioId: 'PortfolioId',
  node: 'OrganizationNode',
  shareTagOptions: 'ShareTagOptions',
  sharePrincipals: 'SharePrincipals',
  acceptPartialSuccess: 'AcceptPartialSuccess',
  tolerateDuplicates: 'TolerateDuplicates',
  notFoundGraceSeconds: 'NotFoundGraceSeconds',
} as const;

/** Thrown for a property CloudFormation passed that cannot be used; the message reaches the stack's events. */
export class SharePropertyError extends Error {
  override readonly name = 'SharePropertyError';
  readonly code = 'INVALID_INPUT';
}

function bool(properties: Record<string, unknown>, name: string, fallback: boolean): boolean {
  const value = properties[name];
  if (value === undefined || value === '') return fallback;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new SharePropertyError(`${name} must be true or false, but is ${JSON.stringify(value)}; fix the property in the template.`);
}

function seconds(properties: Record<string, unknown>, name: string, fallback: number): number {
  const value = properties[name];
  if (value === undefined || value === '') return fallback;
  const parsed = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) {
    throw new SharePropertyError(`${name} must be a number of seconds ≥ 0, but is ${JSON.stringify(value)}; fix the property in the template.`);
  }
  return parsed;
}

function node(properties: Record<string, unknown>): OrganizationNodeInput {
  const value = properties[PROPERTY.node];
  const given = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  const parsed = parseOrganizationNode(given === undefined ? value : given.Value);
  if (!parsed.ok) throw new SharePropertyError(`${PROPERTY.node}: ${parsed.reason}; fix the property in the template.`);
  if (given !== undefined && given.Type !== undefined && given.Type !== parsed.node.Type) {
    throw new SharePropertyError(
      `${PROPERTY.node}.Type is ${JSON.stringify(given.Type)} but ${JSON.stringify(parsed.node.Value)} is an ${parsed.node.Type}; fix the property in the template.`,
    );
  }
  return parsed.node;
}

/** Read the properties of a CloudFormation custom-resource event. */
export function parseShareProperties(properties: unknown): ShareProperties {
  const record = typeof properties === 'object' && properties !== null ? (properties as Record<string, unknown>) : {};
  const portfolioId = record[PROPERTY.portfolioId];
  // Portfolio ids follow the same pattern and length as share tokens in the service's model.
  if (!isValidToken(portfolioId)) {
    throw new SharePropertyError(`${PROPERTY.portfolioId} must be a portfolio id such as port-abcd1234efgh5, but is ${JSON.stringify(portfolioId ?? null)}; fix the property in the template.`);
  }
  return {
    portfolioId,
    node: node(record),
    shareTagOptions: bool(record, PROPERTY.shareTagOptions, false),
    sharePrincipals: bool(record, PROPERTY.sharePrincipals, false),
    acceptPartialSuccess: bool(record, PROPERTY.acceptPartialSuccess, false),
    tolerateDuplicates: bool(record, PROPERTY.tolerateDuplicates, true),
    notFoundGraceSeconds: seconds(record, PROPERTY.notFoundGraceSeconds, 30),
  };
}

/** The physical id of a share: one portfolio shared with one node. A change of either replaces the resource. */
export function physicalIdOf(properties: ShareProperties): string {
  return `${properties.portfolioId}|${properties.node.Type}|${properties.node.Value}`;
}
