import { resourceNotFound } from './serviceError.js';

export interface Portfolio {
  id: string;
  arn: string;
  displayName: string;
  providerName?: string | undefined;
  description?: string | undefined;
  createdMs: number;
  tags: Array<{ Key: string; Value: string }>;
}

/** The `PortfolioDetail` shape of the API (`CreatedTime` in epoch seconds, as awsJson sends timestamps). */
export function portfolioDetail(p: Portfolio): Record<string, unknown> {
  return {
    Id: p.id,
    ARN: p.arn,
    DisplayName: p.displayName,
    ...(p.description !== undefined ? { Description: p.description } : {}),
    CreatedTime: p.createdMs / 1000,
    ...(p.providerName !== undefined ? { ProviderName: p.providerName } : {}),
  };
}

/** Portfolios in creation order, with CreatePortfolio's idempotency tokens. */
export class PortfolioStore {
  private readonly byId = new Map<string, Portfolio>();
  private readonly byIdempotencyToken = new Map<string, string>();

  add(portfolio: Portfolio, idempotencyToken?: string): Portfolio {
    this.byId.set(portfolio.id, portfolio);
    if (idempotencyToken !== undefined) this.byIdempotencyToken.set(idempotencyToken, portfolio.id);
    return portfolio;
  }

  /** The portfolio an earlier CreatePortfolio with this token made, if it still exists. */
  byToken(idempotencyToken: string): Portfolio | undefined {
    const id = this.byIdempotencyToken.get(idempotencyToken);
    return id === undefined ? undefined : this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The portfolio, or ResourceNotFoundException as the service words it. */
  get(id: string): Portfolio {
    const portfolio = this.byId.get(id);
    if (!portfolio) throw resourceNotFound(`Portfolio ${id} not found.`);
    return portfolio;
  }

  delete(id: string): void {
    this.byId.delete(id);
    for (const [token, portfolioId] of this.byIdempotencyToken) if (portfolioId === id) this.byIdempotencyToken.delete(token);
  }

  list(): Portfolio[] {
    return [...this.byId.values()];
  }
}
