import {
  CreatePortfolioCommand,
  CreatePortfolioShareCommand,
  DescribePortfolioShareStatusCommand,
} from '@aws-sdk/client-service-catalog';
import { defaultScenario } from '../../src/simulator/index.js';
import type { Scenario } from '../../src/simulator/index.js';
import { sdkError, startHarness } from './helpers.js';
import type { Harness } from './helpers.js';

const PORTFOLIO = 'port-examplepf0001';

describe('share state machine (driven clock)', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('moves NOT_STARTED → IN_PROGRESS → COMPLETED with the OU accounts (nested OU included)', async () => {
    h = await startHarness();
    const created = await h.client.send(
      new CreatePortfolioShareCommand({ PortfolioId: PORTFOLIO, OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-prod0001' } }),
    );
    const token = created.PortfolioShareToken ?? '';
    expect(token).toMatch(/^share-[a-z0-9]{13}$/);
    const describe = () => h.client.send(new DescribePortfolioShareStatusCommand({ PortfolioShareToken: token }));

    const first = await describe();
    expect(first).toMatchObject({ Status: 'NOT_STARTED', PortfolioId: PORTFOLIO, OrganizationNodeValue: 'ou-ab12-prod0001', PortfolioShareToken: token });
    expect(first.ShareDetails).toEqual({ SuccessfulShares: [], ShareErrors: [] });

    h.clock.advance(1000);
    expect((await describe()).Status).toBe('IN_PROGRESS');
    h.clock.advance(2000);
    const middle = await describe();
    expect(middle.Status).toBe('IN_PROGRESS');
    // Two thirds of the IN_PROGRESS phase gone: two of the three accounts processed.
    expect(middle.ShareDetails?.SuccessfulShares).toEqual(['222222222222', '333333333333']);

    h.clock.advance(1000);
    const done = await describe();
    expect(done.Status).toBe('COMPLETED');
    expect(done.ShareDetails).toEqual({ SuccessfulShares: ['222222222222', '333333333333', '444444444444'], ShareErrors: [] });
  });

  it('reports COMPLETED_WITH_ERRORS with errors grouped by type, and ERROR when every account fails', async () => {
    const scenario: Scenario = {
      ...defaultScenario,
      accounts: {
        '222222222222': { shareError: 'ThrottlingException' },
        '333333333333': { shareError: 'ThrottlingException' },
        '444444444444': { shareError: 'DuplicateResourceException' },
        '777777777777': { shareError: 'AccessDeniedException', message: 'no' },
      },
    };
    h = await startHarness({ scenario });
    await h.client.send(new CreatePortfolioCommand({ DisplayName: 'p2', ProviderName: 'x', IdempotencyToken: 'tok-1' }));
    const org = await h.client.send(new CreatePortfolioShareCommand({ PortfolioId: PORTFOLIO, OrganizationNode: { Type: 'ORGANIZATION', Value: 'o-exampleorg01' } }));
    h.clock.advance(4000);
    const orgStatus = await h.client.send(new DescribePortfolioShareStatusCommand({ PortfolioShareToken: org.PortfolioShareToken }));
    expect(orgStatus.Status).toBe('COMPLETED_WITH_ERRORS');
    expect(orgStatus.ShareDetails?.SuccessfulShares).toEqual(['555555555555', '666666666666']);
    expect(orgStatus.ShareDetails?.ShareErrors).toEqual([
      { Accounts: ['222222222222', '333333333333'], Error: 'ThrottlingException', Message: 'Rate exceeded' },
      { Accounts: ['444444444444'], Error: 'DuplicateResourceException', Message: 'The portfolio is already shared with this account.' },
      { Accounts: ['777777777777'], Error: 'AccessDeniedException', Message: 'no' },
    ]);

    const sandbox = await h.client.send(new CreatePortfolioShareCommand({ PortfolioId: PORTFOLIO, OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-sandbox1' } }));
    h.clock.advance(4000);
    const sandboxStatus = await h.client.send(new DescribePortfolioShareStatusCommand({ PortfolioShareToken: sandbox.PortfolioShareToken }));
    expect(sandboxStatus.Status).toBe('ERROR');
    expect(sandboxStatus.ShareDetails).toEqual({ SuccessfulShares: [], ShareErrors: [{ Accounts: ['777777777777'], Error: 'AccessDeniedException', Message: 'no' }] });
  });

  it('answers ResourceNotFoundException for the first notFoundDescribes calls on a new token', async () => {
    h = await startHarness({ scenario: { ...defaultScenario, shares: { ...defaultScenario.shares, notFoundDescribes: 2 } } });
    const { PortfolioShareToken } = await h.client.send(
      new CreatePortfolioShareCommand({ PortfolioId: PORTFOLIO, OrganizationNode: { Type: 'ACCOUNT', Value: '555555555555' } }),
    );
    const describe = () => h.client.send(new DescribePortfolioShareStatusCommand({ PortfolioShareToken }));
    expect((await sdkError(describe())).name).toBe('ResourceNotFoundException');
    expect((await sdkError(describe())).name).toBe('ResourceNotFoundException');
    expect((await describe()).Status).toBe('NOT_STARTED');
    expect(h.sim.requests().map((r) => r.outcome)).toEqual(['ok', 'ResourceNotFoundException', 'ResourceNotFoundException', 'ok']);
  });
});
