// The share operations over real HTTP against the simulator, with a real SDK client; time runs on the
// simulator's manual clock, so minutes of shares and back-off take milliseconds.
import { CreatePortfolioShareCommand, DescribePortfolioSharesCommand } from '@aws-sdk/client-service-catalog';
import { ApiError, InvalidInputError, ShareCompletedWithErrorsError, WaitAbortedError } from '../../src/errors.js';
import { createPortfolioQueue } from '../../src/shares/portfolioQueue.js';
import { PortfolioBusyError, ShareNotAcceptedError } from '../../src/shares/errors.js';
import { createPortfolioShareAndWait, deletePortfolioShareAndWait, updatePortfolioShareAndWait } from '../../src/shares/portfolioShareAndWait.js';
import type { RecreationRound, ShareOperationConfiguration } from '../../src/shares/types.js';
import { PRODUCTION_OU, rejection, SANDBOX_OU, scenarioWith, startWaiterHarness, type WaiterHarness } from '../integration/harness.js';

const PORTFOLIO = 'port-examplepf0001';
const ORG = 'o-exampleorg01';

describe('share operations against the simulator', () => {
  let h: WaiterHarness;
  afterEach(async () => h.close());

  const config = (extra: Partial<ShareOperationConfiguration> = {}): ShareOperationConfiguration => ({
    clientConfig: h.clientConfig,
    timers: h.timers,
    maxWaitTime: 600,
    queue: createPortfolioQueue(),
    ...extra,
  });
  const count = (operation: string, outcome: string): number => h.sim.requests().filter((r) => r.operation === operation && r.outcome === outcome).length;

  it.each([
    ['an organization', { Type: 'ORGANIZATION' as const, Value: ORG }, 6],
    ['an OU', { Type: 'ORGANIZATIONAL_UNIT' as const, Value: PRODUCTION_OU }, 3],
    ['a member account', { Type: 'ACCOUNT' as const, Value: '555555555555' }, 1],
  ])('create-and-wait for %s: the final description plus the request', async (_name, node, accounts) => {
    h = await startWaiterHarness();
    const result = await createPortfolioShareAndWait(config(), { PortfolioId: PORTFOLIO, OrganizationNode: node });
    expect(result).toMatchObject({
      kind: 'token',
      action: 'CREATE',
      status: 'COMPLETED',
      portfolioId: PORTFOLIO,
      organizationNodeValue: node.Value,
      request: { PortfolioId: PORTFOLIO, OrganizationNode: node },
      callAttempts: 1,
      busySeconds: 0,
      recreations: [],
    });
    expect(result.kind === 'token' && result.shareDetails.SuccessfulShares).toHaveLength(accounts);
    expect(result.elapsedSeconds).toBeGreaterThanOrEqual(4);
  });

  it('infers the node type when it is left out, and passes AcceptLanguage on', async () => {
    h = await startWaiterHarness();
    const result = await createPortfolioShareAndWait(config(), { PortfolioId: PORTFOLIO, OrganizationNode: { Value: SANDBOX_OU }, AcceptLanguage: 'en' });
    expect(result.request).toEqual({ PortfolioId: PORTFOLIO, AcceptLanguage: 'en', OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: SANDBOX_OU } });
  });

  it('ten concurrent creates on one portfolio from one process meet no InvalidStateException and all succeed', async () => {
    h = await startWaiterHarness();
    const nodes = [ORG, PRODUCTION_OU, 'ou-ab12-prodeu01', 'ou-ab12-dev00001', SANDBOX_OU, '222222222222', '333333333333', '444444444444', '555555555555', '666666666666'];
    // The default (process-wide) queue, as a script would use it.
    const results = await Promise.all(
      nodes.map((value) => createPortfolioShareAndWait({ clientConfig: h.clientConfig, timers: h.timers, maxWaitTime: 600 }, { PortfolioId: PORTFOLIO, OrganizationNode: { Value: value } })),
    );
    expect(results.map((r) => r.kind === 'token' && r.status)).toEqual(nodes.map(() => 'COMPLETED'));
    expect(count('CreatePortfolioShare', 'ok')).toBe(10);
    expect(count('CreatePortfolioShare', 'InvalidStateException')).toBe(0);
    // Those behind others in the queue report the time they waited as busy.
    expect(Math.max(...results.map((r) => r.busySeconds))).toBeGreaterThan(30);
  });

  it('without a shared queue the same ten meet InvalidStateException, and the back-off still gets every one through', async () => {
    h = await startWaiterHarness();
    const nodes = [ORG, PRODUCTION_OU, 'ou-ab12-prodeu01', 'ou-ab12-dev00001', SANDBOX_OU, '222222222222', '333333333333', '444444444444', '555555555555', '666666666666'];
    const results = await Promise.all(nodes.map((value) => createPortfolioShareAndWait(config({ maxWaitTime: 3600 }), { PortfolioId: PORTFOLIO, OrganizationNode: { Value: value } })));
    expect(results.every((r) => r.kind === 'token' && r.status === 'COMPLETED')).toBe(true);
    expect(count('CreatePortfolioShare', 'InvalidStateException')).toBeGreaterThan(0);
    expect(results.reduce((sum, r) => sum + r.callAttempts, 0)).toBe(h.sim.requests().filter((r) => r.operation === 'CreatePortfolioShare').length);
  });

  it('another actor holding the portfolio busy: retried with back-off, then done; the result says how long it was busy', async () => {
    h = await startWaiterHarness();
    h.sim.holdPortfolioBusy(PORTFOLIO, 25);
    const result = await createPortfolioShareAndWait(config(), { PortfolioId: PORTFOLIO, OrganizationNode: { Value: SANDBOX_OU } });
    expect(result.callAttempts).toBe(count('CreatePortfolioShare', 'InvalidStateException') + 1);
    expect(result.callAttempts).toBeGreaterThan(2);
    expect(result.busySeconds).toBeGreaterThanOrEqual(25);
    // Delays grow like 2, 4, 8, 10 s, each drawn from its upper half (random 0.5 → 75 %).
    const times = h.sim.requests().filter((r) => r.operation === 'CreatePortfolioShare').map((r) => r.time);
    expect(times.slice(1, 4).map((t, i) => t - (times[i] ?? 0))).toEqual([1500, 3000, 6000]);
  });

  it('a portfolio busy until the deadline: PortfolioBusyError saying how long, and the last call made at the deadline', async () => {
    h = await startWaiterHarness();
    h.sim.holdPortfolioBusy(PORTFOLIO, 3600);
    const start = h.clock.now();
    const error = await rejection(createPortfolioShareAndWait(config({ maxWaitTime: 30 }), { PortfolioId: PORTFOLIO, OrganizationNode: { Value: SANDBOX_OU } }));
    expect(error).toBeInstanceOf(PortfolioBusyError);
    expect(error).toMatchObject({ code: 'PORTFOLIO_BUSY', portfolioId: PORTFOLIO, action: 'CREATE', busySeconds: 30, elapsedSeconds: 30, maxWaitTime: 30 });
    expect((error as PortfolioBusyError).callAttempts).toBe(count('CreatePortfolioShare', 'InvalidStateException'));
    expect(h.sim.requests().at(-1)?.time).toBe(start + 30_000);
    expect((error as Error).message).toMatch(/busy with another share action for 30 s/);
  });

  it('update-and-wait and delete-and-wait', async () => {
    h = await startWaiterHarness();
    const node = { Type: 'ORGANIZATIONAL_UNIT' as const, Value: PRODUCTION_OU };
    await createPortfolioShareAndWait(config(), { PortfolioId: PORTFOLIO, OrganizationNode: node });
    const updated = await updatePortfolioShareAndWait(config(), { PortfolioId: PORTFOLIO, OrganizationNode: node, ShareTagOptions: true, SharePrincipals: false });
    expect(updated).toMatchObject({ kind: 'token', action: 'UPDATE', status: 'COMPLETED', request: { ShareTagOptions: true, SharePrincipals: false } });
    const listed = await h.client.send(new DescribePortfolioSharesCommand({ PortfolioId: PORTFOLIO, Type: 'ORGANIZATIONAL_UNIT' }));
    expect(listed.PortfolioShareDetails).toEqual([expect.objectContaining({ PrincipalId: PRODUCTION_OU, ShareTagOptions: true, SharePrincipals: false })]);
    const deleted = await deletePortfolioShareAndWait(config(), { PortfolioId: PORTFOLIO, OrganizationNode: node });
    expect(deleted).toMatchObject({ kind: 'token', action: 'DELETE', status: 'COMPLETED', request: { PortfolioId: PORTFOLIO, OrganizationNode: node } });
    const after = await h.client.send(new DescribePortfolioSharesCommand({ PortfolioId: PORTFOLIO, Type: 'ORGANIZATIONAL_UNIT' }));
    expect(after.PortfolioShareDetails).toEqual([]);
  });

  it('an AccountId share: waits until the account accepts it; a delete waits until it is gone', async () => {
    h = await startWaiterHarness(scenarioWith({ shares: { accountAcceptDelaySeconds: 40 } }));
    const created = await createPortfolioShareAndWait(config(), { PortfolioId: PORTFOLIO, AccountId: '777777777777' });
    expect(created).toMatchObject({ kind: 'account', action: 'CREATE', portfolioId: PORTFOLIO, accountId: '777777777777', accepted: true, present: true, request: { AccountId: '777777777777' } });
    expect(created.elapsedSeconds).toBeGreaterThanOrEqual(40);
    expect(created.elapsedSeconds).toBeLessThan(50);
    const deleted = await deletePortfolioShareAndWait(config(), { PortfolioId: PORTFOLIO, AccountId: '777777777777' });
    expect(deleted).toMatchObject({ kind: 'account', action: 'DELETE', accepted: false, present: false, attempts: 1 });
  });

  it('an AccountId share read across pages of DescribePortfolioShares (PageSize 100)', async () => {
    h = await startWaiterHarness(scenarioWith({ shares: { accountAcceptDelaySeconds: 0 } }));
    // 120 account shares before ours, so it is on the second page.
    for (let i = 0; i < 120; i += 1) {
      await h.client.send(new CreatePortfolioShareCommand({ PortfolioId: PORTFOLIO, AccountId: String(900000000000 + i) }));
    }
    const created = await createPortfolioShareAndWait(config(), { PortfolioId: PORTFOLIO, AccountId: '999999999999' });
    expect(created).toMatchObject({ kind: 'account', accepted: true, attempts: 1 });
    const describes = h.sim.requests().filter((r) => r.operation === 'DescribePortfolioShares');
    expect(describes).toHaveLength(2);
  });

  it('an AccountId share never accepted: ShareNotAcceptedError at the deadline', async () => {
    h = await startWaiterHarness();
    const start = h.clock.now();
    const error = await rejection(createPortfolioShareAndWait(config({ maxWaitTime: 60 }), { PortfolioId: PORTFOLIO, AccountId: '777777777777' }));
    expect(error).toBeInstanceOf(ShareNotAcceptedError);
    expect(error).toMatchObject({ name: 'ShareNotAcceptedError', code: 'SHARE_NOT_ACCEPTED', portfolioId: PORTFOLIO, accountId: '777777777777', elapsedSeconds: 60, maxWaitTime: 60 });
    expect((error as ShareNotAcceptedError).toJSON()).toMatchObject({ code: 'SHARE_NOT_ACCEPTED', accountId: '777777777777' });
    expect(h.sim.requests().at(-1)).toMatchObject({ operation: 'DescribePortfolioShares', time: start + 60_000 });
    expect((error as Error).message).toMatch(/had not accepted the share after 60 s.*AcceptPortfolioShare/);
  });

  describe('accounts throttled inside the share', () => {
    const throttledOnce = (times: number) =>
      scenarioWith({ accounts: { '222222222222': { shareError: 'ThrottlingException', times } } });

    it('by default: ShareCompletedWithErrorsError naming them, nothing re-created', async () => {
      h = await startWaiterHarness(throttledOnce(1));
      const error = await rejection(createPortfolioShareAndWait(config(), { PortfolioId: PORTFOLIO, OrganizationNode: { Value: PRODUCTION_OU } }));
      expect(error).toBeInstanceOf(ShareCompletedWithErrorsError);
      expect(error).toMatchObject({ throttledAccounts: ['222222222222'] });
      expect(count('DeletePortfolioShare', 'ok')).toBe(0);
    });

    it('recreateThrottled: deletes the share and creates it again, reporting each round', async () => {
      h = await startWaiterHarness(throttledOnce(1));
      const rounds: RecreationRound[] = [];
      const result = await createPortfolioShareAndWait(config({ recreateThrottled: 2, onRecreate: (round) => rounds.push(round) }), {
        PortfolioId: PORTFOLIO,
        OrganizationNode: { Value: PRODUCTION_OU },
      });
      expect(result).toMatchObject({ kind: 'token', status: 'COMPLETED', callAttempts: 3 });
      expect(result.recreations).toEqual([{ round: 1, maxRounds: 2, throttledAccounts: ['222222222222'], throttledToken: expect.stringMatching(/^share-/) }]);
      expect(rounds).toEqual(result.recreations);
      expect(count('DeletePortfolioShare', 'ok')).toBe(1);
      expect(count('CreatePortfolioShare', 'ok')).toBe(2);
    });

    it('recreateThrottled is bounded: after the last round the share error stands', async () => {
      h = await startWaiterHarness(throttledOnce(5));
      const rounds: RecreationRound[] = [];
      const error = await rejection(
        createPortfolioShareAndWait(
          config({
            recreateThrottled: 2,
            onRecreate: (round) => {
              rounds.push(round);
              throw new Error('a callback that throws does not stop the rounds');
            },
          }),
          { PortfolioId: PORTFOLIO, OrganizationNode: { Value: PRODUCTION_OU } },
        ),
      );
      expect(error).toBeInstanceOf(ShareCompletedWithErrorsError);
      expect(rounds.map((r) => r.round)).toEqual([1, 2]);
      expect(count('CreatePortfolioShare', 'ok')).toBe(3);
    });

    it('with acceptPartialSuccess a resolved share with throttled accounts is re-created too', async () => {
      h = await startWaiterHarness(throttledOnce(1));
      const result = await createPortfolioShareAndWait(config({ recreateThrottled: 1, acceptPartialSuccess: true }), {
        PortfolioId: PORTFOLIO,
        OrganizationNode: { Value: PRODUCTION_OU },
      });
      expect(result).toMatchObject({ status: 'COMPLETED', recreations: [expect.objectContaining({ round: 1 })] });
    });
  });

  it('an unknown portfolio: ApiError ResourceNotFoundException naming the call', async () => {
    h = await startWaiterHarness();
    const error = await rejection(createPortfolioShareAndWait(config(), { PortfolioId: 'port-nope', OrganizationNode: { Value: SANDBOX_OU } }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ serviceErrorName: 'ResourceNotFoundException', httpStatusCode: 400, attempts: 1, requestId: expect.any(String) });
    expect((error as Error).message).toMatch(/^CreatePortfolioShare of portfolio port-nope with ou-ab12-sandbox1 failed with ResourceNotFoundException: .*check the portfolio id/);
  });

  it.each([
    ['a root', { PortfolioId: PORTFOLIO, OrganizationNode: { Value: 'r-ab12' } }, 'OrganizationNode.Value', /is a root/],
    ['a type that does not match the value', { PortfolioId: PORTFOLIO, OrganizationNode: { Type: 'ORGANIZATION', Value: SANDBOX_OU } }, 'OrganizationNode.Type', /ORGANIZATIONAL_UNIT/],
    ['both targets', { PortfolioId: PORTFOLIO, AccountId: '777777777777', OrganizationNode: { Value: SANDBOX_OU } }, 'AccountId/OrganizationNode', /exactly one/],
    ['no target', { PortfolioId: PORTFOLIO }, 'AccountId/OrganizationNode', /exactly one/],
    ['a bad account id', { PortfolioId: PORTFOLIO, AccountId: '1234' }, 'AccountId', /12-digit/],
    ['a node that is not an object', { PortfolioId: PORTFOLIO, OrganizationNode: 'ou-ab12-sandbox1' }, 'OrganizationNode', /object/],
    ['a bad portfolio id', { PortfolioId: 'port/1', OrganizationNode: { Value: SANDBOX_OU } }, 'PortfolioId', /letters, digits/],
    ['a non-boolean ShareTagOptions', { PortfolioId: PORTFOLIO, OrganizationNode: { Value: SANDBOX_OU }, ShareTagOptions: 'yes' }, 'ShareTagOptions', /true or false/],
    ['a number as portfolio id', { PortfolioId: 5, OrganizationNode: { Value: SANDBOX_OU } }, 'PortfolioId', /received 5;/],
    ['a very long portfolio id', { PortfolioId: 'p'.repeat(130), OrganizationNode: { Value: SANDBOX_OU } }, 'PortfolioId', /received "p{120}…"/],
    ['a non-string AcceptLanguage', { PortfolioId: PORTFOLIO, OrganizationNode: { Value: SANDBOX_OU }, AcceptLanguage: 1 }, 'AcceptLanguage', /string/],
  ])('refuses %s with InvalidInputError before any call', async (_name, input, option, message) => {
    h = await startWaiterHarness();
    const error = await rejection(createPortfolioShareAndWait(config(), input as never));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ option, message: expect.stringMatching(message) });
    expect(h.sim.requests()).toEqual([]);
  });

  it('refuses an update with neither ShareTagOptions nor SharePrincipals, bad options and a non-object input, before any call', async () => {
    h = await startWaiterHarness();
    await expect(updatePortfolioShareAndWait(config(), { PortfolioId: PORTFOLIO, OrganizationNode: { Value: SANDBOX_OU } })).rejects.toMatchObject({ option: 'ShareTagOptions/SharePrincipals' });
    await expect(createPortfolioShareAndWait(config(), null as never)).rejects.toMatchObject({ option: 'input' });
    await expect(createPortfolioShareAndWait(null as never, { PortfolioId: PORTFOLIO, OrganizationNode: { Value: SANDBOX_OU } })).rejects.toMatchObject({ option: 'config' });
    const input = { PortfolioId: PORTFOLIO, OrganizationNode: { Value: SANDBOX_OU } };
    for (const [extra, option] of [
      [{ recreateThrottled: 11 }, 'recreateThrottled'],
      [{ recreateThrottled: 1.5 }, 'recreateThrottled'],
      [{ onRecreate: 'log' }, 'onRecreate'],
      [{ busyRetry: 5 }, 'busyRetry'],
      [{ busyRetry: { minDelay: -1 } }, 'busyRetry.minDelay'],
      [{ busyRetry: { minDelay: 5, maxDelay: 2 } }, 'busyRetry.maxDelay'],
      [{ queue: {} }, 'queue'],
      [{ minDelay: 0 }, 'minDelay'],
    ] as const) {
      await expect(createPortfolioShareAndWait(config(extra as never), input)).rejects.toMatchObject({ code: 'INVALID_INPUT', option });
    }
    expect(h.sim.requests()).toEqual([]);
  });

  it('an abort while queued behind another action: WaitAbortedError, and the call is never made', async () => {
    h = await startWaiterHarness();
    const queue = createPortfolioQueue();
    const controller = new AbortController();
    const first = createPortfolioShareAndWait(config({ queue, onProgress: () => controller.abort(new Error('stop')) }), { PortfolioId: PORTFOLIO, OrganizationNode: { Value: SANDBOX_OU } });
    const second = createPortfolioShareAndWait(config({ queue, abortSignal: controller.signal }), { PortfolioId: PORTFOLIO, OrganizationNode: { Value: PRODUCTION_OU } });
    const error = await rejection(second);
    expect(error).toBeInstanceOf(WaitAbortedError);
    expect((error as WaitAbortedError).cause).toEqual(new Error('stop'));
    await expect(first).resolves.toMatchObject({ status: 'COMPLETED' });
    expect(count('CreatePortfolioShare', 'ok')).toBe(1);
  });
});
