import { CreatePortfolioShareCommand, DescribePortfolioSharesCommand, ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createManualClock, startSimulator, type ManualClock, type RunningSimulator } from '../../src/simulator/index.js';
import type { IsCompleteRequest, IsCompleteResponse, OnEventRequest, OnEventResponse } from '../../src/cdk/handler/events.js';

/**
 * The real bundled handlers (dist/cdk/handler-bundle, as the construct deploys them) driven with
 * CloudFormation-shaped events, against the simulator over HTTP, the way the CDK Provider framework
 * drives them: onEvent once, then isComplete every query interval until it says complete (merging
 * onEvent's answer into isComplete's event and the attributes of both, and refusing Data before
 * completion). The simulator's clock stands in for the query interval.
 */
interface Handlers {
  onEvent(event: OnEventRequest): Promise<OnEventResponse>;
  isComplete(event: IsCompleteRequest): Promise<IsCompleteResponse>;
}

const PORTFOLIO = 'port-examplepf0001';
const QUERY_INTERVAL_MS = 10_000;
let sim: RunningSimulator;
let clock: ManualClock;
let client: ServiceCatalogClient;
let handlers: Handlers;
let requests = 0;

beforeAll(async () => {
  clock = createManualClock();
  sim = await startSimulator({ clock, scenario: join(process.cwd(), 'examples', 'scenarios', 'partial-failure.json') });
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: sim.endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'example-secret',
    LOG_LEVEL: 'silent',
  });
  client = new ServiceCatalogClient({ endpoint: sim.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example-secret' } });
  handlers = createRequire(import.meta.url)(join(process.cwd(), 'dist', 'cdk', 'handler-bundle', 'index.js')) as Handlers;
});

afterAll(async () => {
  client.destroy();
  await sim.close();
});

function request(type: OnEventRequest['RequestType'], properties: Record<string, unknown>, extra: Partial<OnEventRequest> = {}): OnEventRequest {
  requests += 1;
  return {
    RequestType: type,
    RequestId: `req-${requests}`,
    LogicalResourceId: 'Share',
    StackId: 'arn:aws:cloudformation:us-east-1:111111111111:stack/Shares/1',
    ResourceProperties: { ServiceToken: 'arn:aws:lambda:us-east-1:111111111111:function:provider', ...properties },
    ...extra,
  };
}

/** CloudFormation passes every property as a string. */
function properties(node: { Type: string; Value: string }, more: Record<string, string> = {}): Record<string, unknown> {
  return { PortfolioId: PORTFOLIO, OrganizationNode: node, ShareTagOptions: 'false', SharePrincipals: 'false', AcceptPartialSuccess: 'false', TolerateDuplicates: 'true', NotFoundGraceSeconds: '30', ...more };
}

/** What the Provider framework does with one event: the final response, and how many isComplete polls it took. */
async function provide(event: OnEventRequest): Promise<{ response: Record<string, unknown>; polls: number }> {
  const started = await handlers.onEvent(event);
  const merged: IsCompleteRequest = { ...event, ...started, PhysicalResourceId: started.PhysicalResourceId };
  for (let polls = 1; polls <= 360; polls += 1) {
    const answer = await handlers.isComplete(merged);
    if (answer.IsComplete) return { response: { ...merged, ...answer, Data: { ...merged.Data, ...answer.Data } }, polls };
    expect(answer).toEqual({ IsComplete: false });
    clock.advance(QUERY_INTERVAL_MS);
  }
  throw new Error('isComplete never completed');
}

async function failure(event: OnEventRequest): Promise<Error> {
  try {
    await provide(event);
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected the resource to fail');
}

const SANDBOX = { Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-sandbox1' };
const PRODUCTION = { Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-prod0001' };
const DEVELOPMENT = { Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-dev00001' };

describe('OrganizationPortfolioShare handlers over the Provider framework contract', () => {
  it('Create shares and completes once the share is COMPLETED, with the token and the accounts shared as attributes', async () => {
    const { response, polls } = await provide(request('Create', properties(SANDBOX)));
    expect(response.PhysicalResourceId).toBe(`${PORTFOLIO}|ORGANIZATIONAL_UNIT|ou-ab12-sandbox1`);
    expect(response.Data).toEqual({ PortfolioShareToken: expect.stringMatching(/^share-/), SharedAccountCount: 1 });
    expect(polls).toBeGreaterThan(1); // not found (twice, as right after a real create), then NOT_STARTED/IN_PROGRESS, then COMPLETED
  });

  it('Create that ends COMPLETED_WITH_ERRORS fails with a message naming the status, the failed and the throttled accounts and what to do', async () => {
    const error = await failure(request('Create', properties(PRODUCTION)));
    expect(error.message).toMatch(/^CREATE: Portfolio share share-\S+ of port-examplepf0001 to ou-ab12-prod0001 ended in COMPLETED_WITH_ERRORS/);
    expect(error.message).toContain('333333333333: ThrottlingException "Rate exceeded"');
    expect(error.message).toContain('444444444444: DuplicateResourceException');
    expect(error.message).toContain('the service was throttled for 333333333333');
    expect(error.message).toContain('CloudFormation rolls the share back');
  });

  it('Update of the share options updates in place and waits for the update', async () => {
    const created = await provide(request('Create', properties(DEVELOPMENT)));
    const physicalId = created.response.PhysicalResourceId as string;
    clock.advance(60_000);
    const update = request('Update', properties(DEVELOPMENT, { ShareTagOptions: 'true' }), { PhysicalResourceId: physicalId, OldResourceProperties: properties(DEVELOPMENT) });
    const { response } = await provide(update);
    expect(response).toMatchObject({ PhysicalResourceId: physicalId, ShareAction: 'UPDATE' });
    expect(response.Data).toEqual({ PortfolioShareToken: expect.stringMatching(/^share-/), SharedAccountCount: 2 });
    expect(response.PortfolioShareToken).not.toBe(created.response.PortfolioShareToken);
  });

  it('Update to another node creates the new share under a new physical id (CloudFormation then deletes the old one)', async () => {
    clock.advance(60_000);
    const { response } = await provide(
      request('Update', properties({ Type: 'ACCOUNT', Value: '777777777777' }), { PhysicalResourceId: `${PORTFOLIO}|ORGANIZATIONAL_UNIT|ou-ab12-sandbox1`, OldResourceProperties: properties(SANDBOX) }),
    );
    expect(response.PhysicalResourceId).toBe(`${PORTFOLIO}|ACCOUNT|777777777777`);
    expect(response.Data).toMatchObject({ SharedAccountCount: 1 });
  });

  it('Delete unshares and waits; a Delete of a share already gone completes at once', async () => {
    clock.advance(60_000);
    const physicalId = `${PORTFOLIO}|ORGANIZATIONAL_UNIT|ou-ab12-sandbox1`;
    const deleted = await provide(request('Delete', properties(SANDBOX), { PhysicalResourceId: physicalId }));
    expect(deleted.response.PhysicalResourceId).toBe(physicalId);
    expect(deleted.response.ShareAction).toBe('DELETE');
    const shares = await client.send(new DescribePortfolioSharesCommand({ PortfolioId: PORTFOLIO, Type: 'ORGANIZATIONAL_UNIT' }));
    expect((shares.PortfolioShareDetails ?? []).map((share) => share.PrincipalId)).not.toContain('ou-ab12-sandbox1');

    const again = await provide(request('Delete', properties(SANDBOX), { PhysicalResourceId: physicalId }));
    expect(again).toEqual({ response: expect.objectContaining({ PhysicalResourceId: physicalId, Data: {} }), polls: 1 });
    expect(again.response.PortfolioShareToken).toBeUndefined();
  });

  it('Create meeting InvalidStateException (another share action on the portfolio) retries and succeeds', async () => {
    clock.advance(60_000);
    await client.send(new CreatePortfolioShareCommand({ PortfolioId: PORTFOLIO, OrganizationNode: { Type: 'ACCOUNT', Value: '555555555555' } }));
    const before = sim.requests().length;
    const finishOther = setTimeout(() => clock.advance(60_000), 500);
    try {
      const { response } = await provide(request('Create', properties(SANDBOX)));
      expect(response.Data).toMatchObject({ SharedAccountCount: 1 });
    } finally {
      clearTimeout(finishOther);
    }
    const creates = sim.requests().slice(before).filter((entry) => entry.operation === 'CreatePortfolioShare');
    expect(creates.map((entry) => entry.outcome)).toEqual(['InvalidStateException', expect.not.stringMatching(/Exception/)]);
  });
});
