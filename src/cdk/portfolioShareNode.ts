import { Token } from 'aws-cdk-lib';
import { parseOrganizationNode, type OrganizationNodeType } from '../organizationNode.js';

/** What a portfolio is shared with: the organization, an organizational unit, or an account of the organization. */
export class PortfolioShareNode {
  /** The whole organization, e.g. `o-exampleorg01`. */
  static organization(organizationId: string): PortfolioShareNode {
    return new PortfolioShareNode('ORGANIZATION', organizationId);
  }

  /** An organizational unit and everything below it, e.g. `ou-ab12-prod0001`. */
  static organizationalUnit(organizationalUnitId: string): PortfolioShareNode {
    return new PortfolioShareNode('ORGANIZATIONAL_UNIT', organizationalUnitId);
  }

  /** One account of the organization, by its 12-digit id. */
  static account(accountId: string): PortfolioShareNode {
    return new PortfolioShareNode('ACCOUNT', accountId);
  }

  /** The node an id names, its type told by the id (`o-…`, `ou-…`, 12 digits). Needs a literal id, not a token. */
  static fromId(id: string): PortfolioShareNode {
    if (Token.isUnresolved(id)) {
      throw new TypeError('PortfolioShareNode.fromId needs a literal id to tell its type; for a token, use organization(), organizationalUnit() or account()');
    }
    const parsed = parseOrganizationNode(id);
    if (!parsed.ok) throw new TypeError(`PortfolioShareNode.fromId: ${parsed.reason}`);
    return new PortfolioShareNode(parsed.node.Type, parsed.node.Value);
  }

  private constructor(
    readonly type: OrganizationNodeType,
    readonly value: string,
  ) {
    if (Token.isUnresolved(value)) return;
    const parsed = parseOrganizationNode(value);
    if (!parsed.ok) throw new TypeError(`PortfolioShareNode: ${parsed.reason}`);
    if (parsed.node.Type !== type) throw new TypeError(`PortfolioShareNode: ${JSON.stringify(value)} is an ${parsed.node.Type} id, not an ${type} id`);
  }
}
