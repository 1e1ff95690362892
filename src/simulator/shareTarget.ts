import { optionalObject, optionalString } from './input.js';
import type { Input } from './input.js';
import type { OrganizationNodeType } from './organization.js';
import { invalidParameters } from './serviceError.js';
import type { SimulatorState } from './state.js';

/** Who a share action is for: a plain account (AccountId) or an organization node. */
export type ShareTarget =
  | { kind: 'account'; accountId: string }
  | { kind: 'node'; type: OrganizationNodeType; value: string; accounts: string[] };

const NODE_TYPES: readonly string[] = ['ORGANIZATION', 'ORGANIZATIONAL_UNIT', 'ACCOUNT'];

/**
 * Reads AccountId / OrganizationNode of a share action. Exactly one must be given; a node must be
 * in the organization and match its Type (InvalidParametersException otherwise, as the service
 * answers for an unknown OU).
 */
export function resolveShareTarget(state: SimulatorState, input: Input): ShareTarget {
  const accountId = optionalString(input, 'AccountId');
  const node = optionalObject(input, 'OrganizationNode');
  if ((accountId === undefined) === (node === undefined)) {
    throw invalidParameters('Specify either AccountId or OrganizationNode, but not both.');
  }
  if (accountId !== undefined) {
    if (accountId === state.organization.managementAccountId) {
      throw invalidParameters(`Account ${accountId} owns the portfolio; it cannot be shared with itself.`);
    }
    return { kind: 'account', accountId };
  }
  const type = node ? optionalString(node, 'Type') : undefined;
  const rawValue = node ? optionalString(node, 'Value') : undefined;
  if (type === undefined || rawValue === undefined || !NODE_TYPES.includes(type)) {
    throw invalidParameters('OrganizationNode requires both Type and Value.');
  }
  const nodeType = type as OrganizationNodeType;
  const value = state.organization.normalizeNodeValue(rawValue);
  const reach = state.organization.accountsUnder(nodeType, value);
  if ('problem' in reach) throw invalidParameters(reach.problem);
  return { kind: 'node', type: nodeType, value, accounts: reach.accounts };
}

export function describeTarget(target: ShareTarget): string {
  return target.kind === 'account' ? target.accountId : target.value;
}
