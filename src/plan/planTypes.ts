import type { OrganizationNodeInput } from '../organizationNode.js';

/** What a plan entry asks for. */
export type PlanAction = 'create' | 'update' | 'delete';

/** One share of a plan as written in the file. */
export interface PlanShareInput {
  /** @default 'create' */
  action?: PlanAction;
  /** The portfolio, e.g. `port-abcd1234efgh5`. */
  portfolioId: string;
  /** An organization (`o-…`), an organizational unit (`ou-…-…`) or a 12-digit account id. */
  node: string;
  /** Share the portfolio's TagOptions too (create, update). */
  shareTagOptions?: boolean;
  /** Share the portfolio's principal names too (create, update). */
  sharePrincipals?: boolean;
}

/** A plan as written in the file (JSON or YAML). */
export interface PlanInput {
  /** Optional: the schema's URL or path, for editors. */
  $schema?: string;
  /** Free text for readers; ignored. */
  description?: string;
  shares: PlanShareInput[];
}

/** One validated share of a plan: defaults filled in, the node's type inferred. */
export interface PlanShare {
  action: PlanAction;
  portfolioId: string;
  node: OrganizationNodeInput;
  shareTagOptions?: boolean | undefined;
  sharePrincipals?: boolean | undefined;
}

/** A validated plan, in file order. */
export interface Plan {
  shares: PlanShare[];
}

/** One thing wrong with a plan: where (a JSON path such as `shares[3].node`) and what. */
export interface PlanProblem {
  path: string;
  message: string;
}
