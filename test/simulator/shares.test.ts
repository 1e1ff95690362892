import {
  AcceptPortfolioShareCommand,
  CreatePortfolioCommand,
  CreatePortfolioShareCommand,
  DeletePortfolioShareCommand,
  DescribePortfolioSharesCommand,
  DescribePortfolioShareStatusCommand,
  UpdatePortfolioShareCommand,
} from '@aws-sdk/client-service-catalog';
import type { OrganizationNode } from '@aws-sdk/client-service-catalog';
import { defaultScenario } from '../../src/simulator/index.js';
import { newClient, rawCall, sdkError, startHarness } from './helpers.js';
import type { Harness } from './helpers.js';

const PORTFOLIO = 'port-examplepf0001';
const OU = (Value: string): OrganizationNode => ({ Type: 'ORGANIZATIONAL_UNIT', Value });
const CONCURRENT = 'Cannot process more than one portfolio share action at the same time. Try again later.';

describe('share operations', () => {
  let h: Harness;
  afterEach(async () => h.close());

  const share = (input: { OrganizationNode?: OrganizationNode; AccountId?: string; PortfolioId?: string }) =>
    h.client.send(new CreatePortfolioShareCommand({ PortfolioId: PORTFOLIO, ...input }));
  const status = (token: string | undefined) => h.client.send(new DescribePortfolioShareStatusCommand({ PortfolioShareToken: token }));
  const finalStatus = async (token: string | undefined) => {
    h.clock.advance(3_600_000);
    return status(token);
  };

  describe('which accounts a node covers', () => {
    beforeEach(async () => {
      h = await startHarness();
    });

    it.each([
      [{ Type: 'ORGANIZATION', Value: 'o-exampleorg01' }, ['222222222222', '333333333333', '444444444444', '555555555555', '666666666666', '777777777777']],
      [OU('ou-ab12-prod0001'), ['222222222222', '333333333333', '444444444444']],
      [OU('ou-ab12-prodeu01'), ['444444444444']],
      [OU('arn:aws:organizations::111111111111:ou/o-exampleorg01/ou-ab12-dev00001'), ['555555555555', '666666666666']],
      [{ Type: 'ACCOUNT', Value: '777777777777' }, ['777777777777']],
    ] as Array<[OrganizationNode, string[]]>)('%j covers %j', async (node, accounts) => {
      const { PortfolioShareToken } = await share({ OrganizationNode: node });
      expect((await finalStatus(PortfolioShareToken)).ShareDetails).toEqual({ SuccessfulShares: accounts, ShareErrors: [] });
    });

    it.each([
      ['an OU outside the organization', { OrganizationNode: OU('ou-zz99-unknown1') }, 'Organizational unit ou-zz99-unknown1 does not exist in organization o-exampleorg01.'],
      ['another organization', { OrganizationNode: { Type: 'ORGANIZATION', Value: 'o-otherorg0001' } }, 'o-otherorg0001 is not the organization of this account (o-exampleorg01).'],
      ['a type that does not fit the value', { OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: 'o-exampleorg01' } }, /does not exist/],
      ['an account outside the organization', { OrganizationNode: { Type: 'ACCOUNT', Value: '999999999999' } }, 'Account 999999999999 is not a member of organization o-exampleorg01.'],
      ['both AccountId and OrganizationNode', { AccountId: '999999999999', OrganizationNode: OU('ou-ab12-prod0001') }, 'Specify either AccountId or OrganizationNode, but not both.'],
      ['neither AccountId nor OrganizationNode', {}, 'Specify either AccountId or OrganizationNode, but not both.'],
      ['a node without Value', { OrganizationNode: { Type: 'ORGANIZATION' } }, 'OrganizationNode requires both Type and Value.'],
      ['the management account itself', { AccountId: '111111111111' }, /owns the portfolio/],
    ] as Array<[string, { OrganizationNode?: OrganizationNode; AccountId?: string }, string | RegExp]>)(
      'refuses %s with InvalidParametersException',
      async (_what, input, message) => {
        const error = await sdkError(share(input));
        expect(error.name).toBe('InvalidParametersException');
        expect(error.message).toMatch(message);
      },
    );

    it('answers ResourceNotFoundException for an unknown portfolio or token', async () => {
      expect(await sdkError(share({ PortfolioId: 'port-nothere', OrganizationNode: OU('ou-ab12-prod0001') }))).toMatchObject({
        name: 'ResourceNotFoundException',
        message: 'Portfolio port-nothere not found.',
      });
      expect(await sdkError(status('share-doesnotexist1'))).toMatchObject({ name: 'ResourceNotFoundException', message: 'Portfolio share token share-doesnotexist1 not found.' });
    });
  });

  describe('one share action at a time per portfolio', () => {
    beforeEach(async () => {
      h = await startHarness();
    });

    it('refuses create, update and delete while an action runs, with the service message; other portfolios are free', async () => {
      const { PortfolioShareToken } = await share({ OrganizationNode: OU('ou-ab12-prod0001') });
      h.clock.advance(2000);
      expect((await status(PortfolioShareToken)).Status).toBe('IN_PROGRESS');
      for (const call of [
        share({ OrganizationNode: OU('ou-ab12-dev00001') }),
        share({ AccountId: '999999999999' }),
        h.client.send(new UpdatePortfolioShareCommand({ PortfolioId: PORTFOLIO, OrganizationNode: OU('ou-ab12-prod0001'), SharePrincipals: true })),
        h.client.send(new DeletePortfolioShareCommand({ PortfolioId: PORTFOLIO, OrganizationNode: OU('ou-ab12-prod0001') })),
      ]) {
        expect(await sdkError(call)).toMatchObject({ name: 'InvalidStateException', message: CONCURRENT, status: 400 });
      }
      const other = await h.client.send(new CreatePortfolioCommand({ DisplayName: 'o', ProviderName: 'p', IdempotencyToken: 'o' }));
      await expect(share({ PortfolioId: other.PortfolioDetail?.Id, OrganizationNode: OU('ou-ab12-dev00001') })).resolves.toBeDefined();
      h.clock.advance(2000);
      expect((await status(PortfolioShareToken)).Status).toBe('COMPLETED');
      await expect(share({ OrganizationNode: OU('ou-ab12-dev00001') })).resolves.toHaveProperty('PortfolioShareToken');
    });
  });

  describe('update and delete', () => {
    beforeEach(async () => {
      h = await startHarness();
    });

    it('UpdatePortfolioShare answers {PortfolioShareToken, Status} and runs the state machine', async () => {
      await finalStatus((await share({ OrganizationNode: OU('ou-ab12-dev00001') })).PortfolioShareToken);
      const out = await h.client.send(new UpdatePortfolioShareCommand({ PortfolioId: PORTFOLIO, OrganizationNode: OU('ou-ab12-dev00001'), ShareTagOptions: true }));
      expect(out.PortfolioShareToken).toMatch(/^share-[a-z0-9]{13}$/);
      expect(out.Status).toBe('NOT_STARTED');
      expect((await finalStatus(out.PortfolioShareToken)).Status).toBe('COMPLETED');
      const listed = await h.client.send(new DescribePortfolioSharesCommand({ PortfolioId: PORTFOLIO, Type: 'ORGANIZATIONAL_UNIT' }));
      expect(listed.PortfolioShareDetails).toEqual([
        { PrincipalId: 'ou-ab12-dev00001', Type: 'ORGANIZATIONAL_UNIT', Accepted: true, ShareTagOptions: true, SharePrincipals: false },
      ]);
      expect(await sdkError(h.client.send(new UpdatePortfolioShareCommand({ PortfolioId: PORTFOLIO, OrganizationNode: OU('ou-ab12-sandbox1'), ShareTagOptions: true })))).toMatchObject({
        name: 'ResourceNotFoundException',
      });
      expect(await sdkError(h.client.send(new UpdatePortfolioShareCommand({ PortfolioId: PORTFOLIO, OrganizationNode: OU('ou-ab12-dev00001') })))).toMatchObject({
        name: 'InvalidParametersException',
      });
    });

    it('DeletePortfolioShare of a node answers a token whose action completes; the share is gone', async () => {
      await finalStatus((await share({ OrganizationNode: OU('ou-ab12-dev00001') })).PortfolioShareToken);
      const out = await h.client.send(new DeletePortfolioShareCommand({ PortfolioId: PORTFOLIO, OrganizationNode: OU('ou-ab12-dev00001') }));
      expect((await status(out.PortfolioShareToken)).Status).toBe('NOT_STARTED');
      expect(await finalStatus(out.PortfolioShareToken)).toMatchObject({ Status: 'COMPLETED', ShareDetails: { SuccessfulShares: ['555555555555', '666666666666'] } });
      const listed = await h.client.send(new DescribePortfolioSharesCommand({ PortfolioId: PORTFOLIO, Type: 'ORGANIZATIONAL_UNIT' }));
      expect(listed.PortfolioShareDetails).toEqual([]);
      expect((await sdkError(h.client.send(new DeletePortfolioShareCommand({ PortfolioId: PORTFOLIO, OrganizationNode: OU('ou-ab12-dev00001') })))).name).toBe(
        'ResourceNotFoundException',
      );
    });
  });

  describe('account (AccountId) shares', () => {
    it('answer no token, list as not accepted, and are accepted by AcceptPortfolioShare', async () => {
      h = await startHarness();
      const out = await share({ AccountId: '999999999999' });
      expect(out.PortfolioShareToken).toBeUndefined();
      const accepted = async () =>
        (await h.client.send(new DescribePortfolioSharesCommand({ PortfolioId: PORTFOLIO, Type: 'ACCOUNT' }))).PortfolioShareDetails?.map((d) => [d.PrincipalId, d.Accepted]);
      expect(await accepted()).toEqual([['999999999999', false]]);
      await h.client.send(new AcceptPortfolioShareCommand({ PortfolioId: PORTFOLIO }));
      expect(await accepted()).toEqual([['999999999999', true]]);
      await expect(h.client.send(new DeletePortfolioShareCommand({ PortfolioId: PORTFOLIO, AccountId: '999999999999' }))).resolves.toBeDefined();
      expect(await accepted()).toEqual([]);
    });

    it('with several pending, the accepting account comes from the access key id or the x-simulator-account header', async () => {
      h = await startHarness();
      await share({ AccountId: '888888888888' });
      await share({ AccountId: '999999999999' });
      expect(await sdkError(h.client.send(new AcceptPortfolioShareCommand({ PortfolioId: PORTFOLIO })))).toMatchObject({ name: 'InvalidParametersException' });
      const asAccount = newClient(h.sim.endpoint, '999999999999');
      await asAccount.send(new AcceptPortfolioShareCommand({ PortfolioId: PORTFOLIO, PortfolioShareType: 'IMPORTED' }));
      asAccount.destroy();
      const viaHeader = await rawCall(h.sim.endpoint, {
        target: 'AWS242ServiceCatalogService.AcceptPortfolioShare',
        headers: { 'x-simulator-account': '888888888888' },
        body: JSON.stringify({ PortfolioId: PORTFOLIO }),
      });
      expect(viaHeader.status).toBe(200);
      const listed = await h.client.send(new DescribePortfolioSharesCommand({ PortfolioId: PORTFOLIO, Type: 'ACCOUNT' }));
      expect(listed.PortfolioShareDetails?.every((d) => d.Accepted)).toBe(true);
      const stranger = await rawCall(h.sim.endpoint, { target: 'AWS242ServiceCatalogService.AcceptPortfolioShare', body: JSON.stringify({ PortfolioId: PORTFOLIO }) });
      expect(stranger.status).toBe(200);
    });

    it('are accepted by themselves after accountAcceptDelaySeconds', async () => {
      h = await startHarness({ scenario: { ...defaultScenario, shares: { ...defaultScenario.shares, accountAcceptDelaySeconds: 10 } } });
      await share({ AccountId: '999999999999' });
      const accepted = async () => (await h.client.send(new DescribePortfolioSharesCommand({ PortfolioId: PORTFOLIO, Type: 'ACCOUNT' }))).PortfolioShareDetails?.[0]?.Accepted;
      h.clock.advance(9999);
      expect(await accepted()).toBe(false);
      h.clock.advance(1);
      expect(await accepted()).toBe(true);
    });

    it('AcceptPortfolioShare answers ResourceNotFoundException when there is nothing to accept', async () => {
      h = await startHarness();
      expect((await sdkError(h.client.send(new AcceptPortfolioShareCommand({ PortfolioId: 'port-nothere' })))).name).toBe('ResourceNotFoundException');
      expect((await sdkError(h.client.send(new AcceptPortfolioShareCommand({ PortfolioId: PORTFOLIO })))).name).toBe('ResourceNotFoundException');
      expect((await sdkError(h.client.send(new AcceptPortfolioShareCommand({ PortfolioId: PORTFOLIO, PortfolioShareType: 'AWS_ORGANIZATIONS' })))).name).toBe(
        'ResourceNotFoundException',
      );
      await share({ OrganizationNode: { Type: 'ORGANIZATION', Value: 'o-exampleorg01' } });
      await expect(h.client.send(new AcceptPortfolioShareCommand({ PortfolioId: PORTFOLIO, PortfolioShareType: 'AWS_ORGANIZATIONS' }))).resolves.toBeDefined();
    });
  });

  describe('DescribePortfolioShares', () => {
    it('filters by Type and pages', async () => {
      h = await startHarness({ scenario: { ...defaultScenario, shares: { defaultDurationSeconds: 0 } } });
      await share({ OrganizationNode: { Type: 'ORGANIZATION', Value: 'o-exampleorg01' } });
      await share({ OrganizationNode: { Type: 'ACCOUNT', Value: '222222222222' } });
      for (const ou of ['ou-ab12-prod0001', 'ou-ab12-dev00001', 'ou-ab12-sandbox1']) await share({ OrganizationNode: OU(ou) });
      const list = (Type: 'ORGANIZATION' | 'ORGANIZATION_MEMBER_ACCOUNT' | 'ORGANIZATIONAL_UNIT' | 'ACCOUNT', PageSize?: number, PageToken?: string) =>
        h.client.send(new DescribePortfolioSharesCommand({ PortfolioId: PORTFOLIO, Type, PageSize, PageToken }));
      expect((await list('ORGANIZATION')).PortfolioShareDetails?.map((d) => d.PrincipalId)).toEqual(['o-exampleorg01']);
      expect((await list('ORGANIZATION_MEMBER_ACCOUNT')).PortfolioShareDetails?.map((d) => [d.PrincipalId, d.Type])).toEqual([['222222222222', 'ORGANIZATION_MEMBER_ACCOUNT']]);
      const first = await list('ORGANIZATIONAL_UNIT', 2);
      expect(first.PortfolioShareDetails?.map((d) => d.PrincipalId)).toEqual(['ou-ab12-prod0001', 'ou-ab12-dev00001']);
      const second = await list('ORGANIZATIONAL_UNIT', 2, first.NextPageToken);
      expect(second.PortfolioShareDetails?.map((d) => d.PrincipalId)).toEqual(['ou-ab12-sandbox1']);
      expect(second.NextPageToken).toBeUndefined();
      expect((await sdkError(list('ORGANIZATION', 2, first.NextPageToken))).name).toBe('InvalidParametersException');
      expect(await sdkError(h.client.send(new DescribePortfolioSharesCommand({ PortfolioId: PORTFOLIO, Type: undefined as never })))).toMatchObject({
        name: 'ValidationException',
        message: "1 validation error detected: Value null at 'type' failed to satisfy constraint: Member must not be null",
      });
    });
  });

  describe('scenario-driven outcomes and timing', () => {
    it('an outcome with times: 1 fails once, so deleting and re-creating the share heals it', async () => {
      h = await startHarness({ scenario: { ...defaultScenario, accounts: { '333333333333': { shareError: 'ThrottlingException', times: 1 } } } });
      const first = await finalStatus((await share({ OrganizationNode: OU('ou-ab12-prod0001') })).PortfolioShareToken);
      expect(first.Status).toBe('COMPLETED_WITH_ERRORS');
      expect(first.ShareDetails?.ShareErrors).toEqual([{ Accounts: ['333333333333'], Error: 'ThrottlingException', Message: 'Rate exceeded' }]);
      await finalStatus((await h.client.send(new DeletePortfolioShareCommand({ PortfolioId: PORTFOLIO, OrganizationNode: OU('ou-ab12-prod0001') }))).PortfolioShareToken);
      const again = await finalStatus((await share({ OrganizationNode: OU('ou-ab12-prod0001') })).PortfolioShareToken);
      expect(again.Status).toBe('COMPLETED');
    });

    it('outcomes apply to the actions listed (DELETE here) and durationsByNode overrides the default', async () => {
      h = await startHarness({
        scenario: {
          ...defaultScenario,
          shares: { defaultDurationSeconds: 4, notStartedSeconds: 0, durationsByNode: { 'ou-ab12-sandbox1': 100 } },
          accounts: { '777777777777': { shareError: 'InternalFailure', actions: ['DELETE'] } },
        },
      });
      const created = await share({ OrganizationNode: OU('ou-ab12-sandbox1') });
      h.clock.advance(99_999);
      expect((await status(created.PortfolioShareToken)).Status).toBe('IN_PROGRESS');
      h.clock.advance(1);
      expect((await status(created.PortfolioShareToken)).Status).toBe('COMPLETED');
      const deleted = await h.client.send(new DeletePortfolioShareCommand({ PortfolioId: PORTFOLIO, OrganizationNode: OU('ou-ab12-sandbox1') }));
      expect((await status(deleted.PortfolioShareToken)).Status).toBe('IN_PROGRESS');
      expect(await finalStatus(deleted.PortfolioShareToken)).toMatchObject({
        Status: 'ERROR',
        ShareDetails: { SuccessfulShares: [], ShareErrors: [{ Accounts: ['777777777777'], Error: 'InternalFailure' }] },
      });
    });
  });
});
