import { CreatePortfolioShareCommand } from '@aws-sdk/client-service-catalog';
import { isComplete } from '../../../src/cdk/handler/isComplete.js';
import { DEFAULT_RETRY } from '../../../src/describe.js';
import { silentLogger } from '../../../src/logger.js';
import { scenarioWith, startWaiterHarness, type WaiterHarness } from '../../integration/harness.js';

/** isComplete from the sources, over real HTTP against the simulator on its manual clock. */
let h: WaiterHarness;
beforeAll(async () => {
  h = await startWaiterHarness(scenarioWith({ shares: { notFoundDescribes: 1 }, accounts: { '777777777777': { shareError: 'ThrottlingException' } } }));
});
afterAll(() => h.close());

const deps = () => ({ client: h.client, timers: h.timers, logger: silentLogger, retry: { ...DEFAULT_RETRY, retries: 0 } });
const props = (value: string, more: Record<string, string> = {}) => ({ PortfolioId: 'port-examplepf0001', OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: value }, ...more });

async function share(value: string): Promise<string> {
  h.clock.advance(60_000);
  const out = await h.client.send(new CreatePortfolioShareCommand({ PortfolioId: 'port-examplepf0001', OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: value } }));
  return out.PortfolioShareToken ?? '';
}

describe('isComplete', () => {
  it('nothing to wait for is complete at once', async () => {
    await expect(isComplete({ RequestType: 'Delete', ResourceProperties: props('ou-ab12-prod0001') }, deps())).resolves.toEqual({ IsComplete: true });
  });

  it('not found within the grace, then pending, then complete with the attributes', async () => {
    const token = await share('ou-ab12-prod0001');
    const event = { RequestType: 'Create' as const, ResourceProperties: props('ou-ab12-prod0001'), PortfolioShareToken: token, ShareActionStartedAt: h.clock.now(), ShareAction: 'CREATE' as const };
    await expect(isComplete(event, deps())).resolves.toEqual({ IsComplete: false });
    await expect(isComplete(event, deps())).resolves.toEqual({ IsComplete: false });
    h.clock.advance(10_000);
    await expect(isComplete(event, deps())).resolves.toEqual({ IsComplete: true, Data: { PortfolioShareToken: token, SharedAccountCount: 3 } });
  });

  it('a failed share throws a message naming the throttled account and what to do, with the library code', async () => {
    const token = await share('ou-ab12-sandbox1');
    h.clock.advance(10_000);
    const event = { RequestType: 'Update' as const, ResourceProperties: props('ou-ab12-sandbox1'), PortfolioShareToken: token, ShareActionStartedAt: h.clock.now() - 10_000, ShareAction: 'UPDATE' as const };
    await expect(isComplete(event, deps())).resolves.toEqual({ IsComplete: false }); // not visible yet, within the grace
    await expect(isComplete(event, deps())).rejects.toMatchObject({
      name: 'ShareResourceError',
      code: 'SHARE_FAILED',
      message: expect.stringMatching(/^UPDATE: Portfolio share .* ended in ERROR .*777777777777.*delete the share and create it again.*CloudFormation rolls the update back/),
    });
  });

  it('not found after the grace is an API error that says what to check; the action defaults to CREATE', async () => {
    const event = { RequestType: 'Delete' as const, ResourceProperties: props('ou-ab12-prod0001', { NotFoundGraceSeconds: '0' }), PortfolioShareToken: 'share-doesnotexist' };
    const outcome = await isComplete(event, deps()).catch((error: unknown) => error);
    expect(outcome).toMatchObject({ code: 'API_ERROR', message: expect.stringMatching(/^CREATE: DescribePortfolioShareStatus for share share-doesnotexist failed with ResourceNotFoundException/) });
  });
});
