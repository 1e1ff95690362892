import { ACCOUNT_ID_PATTERN, ORGANIZATION_ID_PATTERN, ORGANIZATIONAL_UNIT_ID_PATTERN } from '../organizationNode.js';

/** Portfolio ids as the API takes them (pattern and length of `Id`). */
export const PORTFOLIO_ID_PATTERN = /^[a-zA-Z0-9_-]{1,100}$/;

const node = [ORGANIZATION_ID_PATTERN, ORGANIZATIONAL_UNIT_ID_PATTERN, ACCOUNT_ID_PATTERN].map((p) => p.source.slice(1, -1)).join('|');

/**
 * The plan's JSON Schema (draft 2020-12), also shipped as docs/plan.schema.json (a test keeps the two
 * equal). It says what a file may hold; validatePlan also refuses duplicates and says why a node is wrong.
 */
export const PLAN_JSON_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'portfolio-share-waiter plan',
  description: 'Portfolio shares to create, update or delete and wait for (npx portfolio-share-waiter apply --file plan.json).',
  type: 'object',
  required: ['shares'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    description: { type: 'string' },
    shares: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['portfolioId', 'node'],
        additionalProperties: false,
        properties: {
          action: { enum: ['create', 'update', 'delete'], default: 'create' },
          portfolioId: { type: 'string', pattern: PORTFOLIO_ID_PATTERN.source, examples: ['port-abcd1234efgh5'] },
          node: {
            type: 'string',
            pattern: `^(${node})$`,
            description: 'An organization (o-…), an organizational unit (ou-…-…) or a 12-digit account id; the type is inferred.',
          },
          shareTagOptions: { type: 'boolean' },
          sharePrincipals: { type: 'boolean' },
        },
      },
    },
  },
} as const;
