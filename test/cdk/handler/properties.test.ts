import { parseShareProperties, physicalIdOf } from '../../../src/cdk/handler/properties.js';

const base = { PortfolioId: 'port-examplepf0001', OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-prod0001' } };

describe('parseShareProperties (CloudFormation passes every property as a string)', () => {
  it('reads strings back to their types and fills the defaults', () => {
    expect(parseShareProperties({ ...base, ShareTagOptions: 'true', SharePrincipals: 'false', AcceptPartialSuccess: 'true', TolerateDuplicates: 'false', NotFoundGraceSeconds: '12' })).toEqual({
      portfolioId: 'port-examplepf0001',
      node: { Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-prod0001' },
      shareTagOptions: true,
      sharePrincipals: false,
      acceptPartialSuccess: true,
      tolerateDuplicates: false,
      notFoundGraceSeconds: 12,
    });
    expect(parseShareProperties({ ...base, ShareTagOptions: '', NotFoundGraceSeconds: 5 })).toMatchObject({ shareTagOptions: false, tolerateDuplicates: true, notFoundGraceSeconds: 5 });
    expect(parseShareProperties({ PortfolioId: 'port-1', OrganizationNode: '123456789012', ShareTagOptions: true })).toMatchObject({ node: { Type: 'ACCOUNT', Value: '123456789012' }, shareTagOptions: true });
  });

  it.each([
    [{ ...base, PortfolioId: 'port/1' }, /PortfolioId must be a portfolio id/],
    [{ OrganizationNode: base.OrganizationNode }, /PortfolioId must be a portfolio id .* but is null/],
    [{ ...base, OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: 'r-ab12' } }, /OrganizationNode: "r-ab12" is a root/],
    [{ ...base, OrganizationNode: { Type: 'ORGANIZATION', Value: 'ou-ab12-prod0001' } }, /OrganizationNode.Type is "ORGANIZATION" but "ou-ab12-prod0001" is an ORGANIZATIONAL_UNIT/],
    [{ ...base, ShareTagOptions: 'yes' }, /ShareTagOptions must be true or false, but is "yes"/],
    [{ ...base, NotFoundGraceSeconds: '-1' }, /NotFoundGraceSeconds must be a number of seconds ≥ 0, but is "-1"/],
    [{ ...base, NotFoundGraceSeconds: 'soon' }, /NotFoundGraceSeconds/],
  ])('refuses %j, naming the property', (properties, message) => {
    expect(() => parseShareProperties(properties)).toThrow(message);
  });

  it('refuses a missing property object with the portfolio id named first', () => {
    expect(() => parseShareProperties(undefined)).toThrow(expect.objectContaining({ name: 'SharePropertyError', code: 'INVALID_INPUT' }));
  });

  it('names one share by portfolio, node type and node value', () => {
    expect(physicalIdOf(parseShareProperties(base))).toBe('port-examplepf0001|ORGANIZATIONAL_UNIT|ou-ab12-prod0001');
  });
});
