import { parseDescribeOutput } from '../src/shareObservation.js';

describe('parseDescribeOutput', () => {
  test('parses a full answer', () => {
    expect(
      parseDescribeOutput({
        Status: 'COMPLETED_WITH_ERRORS',
        PortfolioId: 'port-1',
        OrganizationNodeValue: 'ou-ab12-prod0001',
        ShareDetails: { SuccessfulShares: ['1'], ShareErrors: [{ Accounts: ['2'], Message: 'm', Error: 'E' }] },
        $metadata: { requestId: 'req-1' },
      }),
    ).toEqual({
      status: 'COMPLETED_WITH_ERRORS',
      portfolioId: 'port-1',
      organizationNodeValue: 'ou-ab12-prod0001',
      shareDetails: { SuccessfulShares: ['1'], ShareErrors: [{ Accounts: ['2'], Message: 'm', Error: 'E' }] },
      requestId: 'req-1',
    });
  });

  test('keeps only what has the right type: strings in lists, objects as share errors', () => {
    expect(
      parseDescribeOutput({
        Status: 'ERROR',
        PortfolioId: 5,
        ShareDetails: { SuccessfulShares: ['1', 2, null], ShareErrors: [null, 'x', { Accounts: 'no', Message: 1, Error: ['E'] }, { Accounts: ['3', 4] }] },
        $metadata: 'none',
      }),
    ).toEqual({
      status: 'ERROR',
      portfolioId: undefined,
      organizationNodeValue: undefined,
      shareDetails: { SuccessfulShares: ['1'], ShareErrors: [{}, { Accounts: ['3'] }] },
      requestId: undefined,
    });
  });

  test('share details that are missing or not an object are empty', () => {
    expect(parseDescribeOutput({ Status: 'IN_PROGRESS' })?.shareDetails).toEqual({});
    expect(parseDescribeOutput({ Status: 'IN_PROGRESS', ShareDetails: 'x' })?.shareDetails).toEqual({});
    expect(parseDescribeOutput({ Status: 'IN_PROGRESS', ShareDetails: { ShareErrors: 'x' } })?.shareDetails).toEqual({});
  });

  test.each([[undefined], [null], ['COMPLETED'], [{}], [{ Status: 'DONE' }], [{ Status: 3 }]])('no known Status: %j → undefined', (output) => {
    expect(parseDescribeOutput(output)).toBeUndefined();
  });
});
