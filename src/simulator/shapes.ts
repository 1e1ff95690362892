/**
 * The input constraints of the implemented operations, taken from the service model
 * (botocore `servicecatalog/2015-12-10/service-2.json`). Patterns are shown in error messages as the
 * service shows them and matched against the whole value.
 */
export type Shape =
  | { type: 'string'; min?: number; max?: number; pattern?: string; enum?: readonly string[] }
  | { type: 'integer'; min?: number; max?: number }
  | { type: 'boolean' }
  | { type: 'structure'; members: Record<string, Member> }
  | { type: 'list'; member: Shape; max?: number };

export interface Member {
  shape: Shape;
  required?: boolean;
}

const acceptLanguage: Member = { shape: { type: 'string', max: 100 } };
// The model writes this pattern without a closing `$` and the service prints it so; like every
// pattern here it is still matched against the whole value ('x y' fails).
const id: Shape = { type: 'string', min: 1, max: 100, pattern: '^[a-zA-Z0-9_\\-]*' };
const accountId: Shape = { type: 'string', pattern: '^[0-9]{12}$' };
const organizationNode: Shape = {
  type: 'structure',
  members: {
    Type: { shape: { type: 'string', enum: ['ORGANIZATION', 'ORGANIZATIONAL_UNIT', 'ACCOUNT'] } },
    Value: {
      shape: {
        type: 'string',
        pattern:
          '(^[0-9]{12}$)|(^arn:aws:organizations::\\d{12}:organization\\/o-[a-z0-9]{10,32})|(^o-[a-z0-9]{10,32}$)|(^arn:aws:organizations::\\d{12}:ou\\/o-[a-z0-9]{10,32}\\/ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}$)|(^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$)',
      },
    },
  },
};
const pageToken: Member = { shape: { type: 'string', max: 2024, pattern: '[\\u0009\\u000a\\u000d\\u0020-\\uD7FF\\uE000-\\uFFFD]*' } };
const pageSize: Member = { shape: { type: 'integer', min: 0, max: 100 } };
const boolean: Member = { shape: { type: 'boolean' } };
const tagText = (max: number): Shape => ({ type: 'string', min: 1, max, pattern: '^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$' });
const tag: Shape = { type: 'structure', members: { Key: { shape: tagText(128), required: true }, Value: { shape: tagText(256), required: true } } };

const shareTarget: Record<string, Member> = {
  AcceptLanguage: acceptLanguage,
  PortfolioId: { shape: id, required: true },
  AccountId: { shape: accountId },
  OrganizationNode: { shape: organizationNode },
};

export const inputShapes: Record<string, Record<string, Member>> = {
  CreatePortfolio: {
    AcceptLanguage: acceptLanguage,
    DisplayName: { shape: { type: 'string', min: 1, max: 100 }, required: true },
    Description: { shape: { type: 'string', max: 2000 } },
    ProviderName: { shape: { type: 'string', min: 1, max: 50 }, required: true },
    Tags: { shape: { type: 'list', member: tag, max: 20 } },
    IdempotencyToken: { shape: { type: 'string', min: 1, max: 128, pattern: '[a-zA-Z0-9][a-zA-Z0-9_-]*' }, required: true },
  },
  DescribePortfolio: { AcceptLanguage: acceptLanguage, Id: { shape: id, required: true } },
  DeletePortfolio: { AcceptLanguage: acceptLanguage, Id: { shape: id, required: true } },
  ListPortfolios: { AcceptLanguage: acceptLanguage, PageToken: pageToken, PageSize: pageSize },
  CreatePortfolioShare: { ...shareTarget, ShareTagOptions: boolean, SharePrincipals: boolean },
  UpdatePortfolioShare: { ...shareTarget, ShareTagOptions: boolean, SharePrincipals: boolean },
  DeletePortfolioShare: shareTarget,
  DescribePortfolioShareStatus: { PortfolioShareToken: { shape: id, required: true } },
  DescribePortfolioShares: {
    PortfolioId: { shape: id, required: true },
    Type: { shape: { type: 'string', enum: ['ACCOUNT', 'ORGANIZATION', 'ORGANIZATIONAL_UNIT', 'ORGANIZATION_MEMBER_ACCOUNT'] }, required: true },
    PageToken: pageToken,
    PageSize: pageSize,
  },
  AcceptPortfolioShare: {
    AcceptLanguage: acceptLanguage,
    PortfolioId: { shape: id, required: true },
    PortfolioShareType: { shape: { type: 'string', enum: ['IMPORTED', 'AWS_SERVICECATALOG', 'AWS_ORGANIZATIONS'] } },
  },
};
