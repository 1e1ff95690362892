import type { OrganizationalUnitSpec, OrganizationSpec } from './types.js';

/** `OrganizationNode.Type` of the API. */
export type OrganizationNodeType = 'ORGANIZATION' | 'ORGANIZATIONAL_UNIT' | 'ACCOUNT';

const ORG_ARN = /^arn:aws:organizations::\d{12}:organization\/(o-[a-z0-9]{10,32})$/;
const OU_ARN = /^arn:aws:organizations::\d{12}:ou\/(o-[a-z0-9]{10,32})\/(ou-[0-9a-z]{4,32}-[0-9a-z]{8,32})$/;

/**
 * The simulated organization: which accounts sit under which node. The management account owns the
 * portfolios, so it is never a share recipient and is left out of every node's accounts.
 */
export class Organization {
  readonly id: string;
  readonly managementAccountId: string;
  private readonly accountsByUnit = new Map<string, string[]>();
  private readonly memberAccounts = new Set<string>();

  constructor(spec: OrganizationSpec) {
    this.id = spec.id;
    this.managementAccountId = spec.managementAccountId;
    this.index(spec.root);
  }

  /** Member accounts (sorted), management account excluded. */
  allAccounts(): string[] {
    return [...this.memberAccounts].sort();
  }

  isMember(accountId: string): boolean {
    return this.memberAccounts.has(accountId);
  }

  /** Accepts the ARN forms the model allows and returns the plain id (`o-…`, `ou-…`, account). */
  normalizeNodeValue(value: string): string {
    const org = ORG_ARN.exec(value);
    if (org?.[1]) return org[1];
    const ou = OU_ARN.exec(value);
    if (ou?.[1] === this.id && ou[2]) return ou[2];
    return value;
  }

  /**
   * The accounts a share to this node reaches (sorted), or a reason why the node is not one of this
   * organization's nodes of that type.
   */
  accountsUnder(type: OrganizationNodeType, value: string): { accounts: string[] } | { problem: string } {
    switch (type) {
      case 'ORGANIZATION':
        if (value !== this.id) return { problem: `${value} is not the organization of this account (${this.id}).` };
        return { accounts: this.allAccounts() };
      case 'ORGANIZATIONAL_UNIT': {
        const accounts = this.accountsByUnit.get(value);
        if (!accounts || !value.startsWith('ou-')) return { problem: `Organizational unit ${value} does not exist in organization ${this.id}.` };
        return { accounts: [...accounts].sort() };
      }
      case 'ACCOUNT':
        if (value === this.managementAccountId) return { problem: `Account ${value} is the management account; it owns the portfolio.` };
        if (!this.memberAccounts.has(value)) return { problem: `Account ${value} is not a member of organization ${this.id}.` };
        return { accounts: [value] };
    }
  }

  /** Indexes a unit; returns every account under it, nested units included. */
  private index(unit: OrganizationalUnitSpec): string[] {
    const accounts = (unit.accounts ?? []).filter((a) => a !== this.managementAccountId);
    for (const account of accounts) this.memberAccounts.add(account);
    const all = [...accounts];
    for (const child of unit.organizationalUnits ?? []) all.push(...this.index(child));
    this.accountsByUnit.set(unit.id, all);
    return all;
  }
}
