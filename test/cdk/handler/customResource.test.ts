import { clientShareActions } from '../../../src/cdk/handler/shareActions.js';
import { handleCustomResource, type CloudFormationRequest, type CloudFormationResponse } from '../../../src/cdk/handler/customResource.js';
import { DEFAULT_RETRY } from '../../../src/describe.js';
import { silentLogger } from '../../../src/logger.js';
import { startWaiterHarness, type WaiterHarness } from '../../integration/harness.js';

/** The one-invocation custom resource from the sources: real SDK over HTTP, the simulator's clock as time. */
let h: WaiterHarness;
beforeAll(async () => {
  h = await startWaiterHarness();
});
afterAll(() => h.close());

function deps(remainingMs: () => number, answers: CloudFormationResponse[]) {
  return {
    actions: clientShareActions(h.client, 5),
    now: () => h.clock.now(),
    client: h.client,
    timers: h.timers,
    logger: silentLogger,
    retry: { ...DEFAULT_RETRY, retries: 0 },
    remainingMs,
    respond: async (_url: string, response: CloudFormationResponse) => {
      answers.push(response);
    },
  };
}

const event = (type: CloudFormationRequest['RequestType'], value: string, extra: Partial<CloudFormationRequest> = {}): CloudFormationRequest => ({
  RequestType: type,
  ResponseURL: 'https://example.invalid/response',
  StackId: 'stack',
  RequestId: 'req',
  LogicalResourceId: 'Share',
  ResourceProperties: { PortfolioId: 'port-examplepf0001', OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: value } },
  ...extra,
});

describe('handleCustomResource', () => {
  it('waits on the schedule (sleeping on the injected timers) and answers SUCCESS with the attributes', async () => {
    const answers: CloudFormationResponse[] = [];
    const start = h.clock.now();
    const response = await handleCustomResource(event('Create', 'ou-ab12-prod0001'), deps(() => 900_000, answers));
    expect(answers).toEqual([response]);
    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'port-examplepf0001|ORGANIZATIONAL_UNIT|ou-ab12-prod0001', Data: { SharedAccountCount: 3 } });
    expect(h.clock.now() - start).toBeGreaterThanOrEqual(4_000);
  });

  it('a Delete of a share already gone answers SUCCESS without Data', async () => {
    h.clock.advance(60_000);
    const answers: CloudFormationResponse[] = [];
    const response = await handleCustomResource(event('Delete', 'ou-ab12-sandbox1', { PhysicalResourceId: 'port-examplepf0001|ORGANIZATIONAL_UNIT|ou-ab12-sandbox1' }), deps(() => 900_000, answers));
    expect(response).toEqual({ Status: 'SUCCESS', PhysicalResourceId: 'port-examplepf0001|ORGANIZATIONAL_UNIT|ou-ab12-sandbox1', StackId: 'stack', RequestId: 'req', LogicalResourceId: 'Share' });
  });

  it('answers FAILED with the reason when the function is about to run out of time, keeping the started share\'s id', async () => {
    h.clock.advance(60_000);
    const answers: CloudFormationResponse[] = [];
    const response = await handleCustomResource(event('Create', 'ou-ab12-dev00001'), deps(() => 20_500, answers));
    expect(response).toMatchObject({ Status: 'FAILED', PhysicalResourceId: 'port-examplepf0001|ORGANIZATIONAL_UNIT|ou-ab12-dev00001' });
    expect(response.Reason).toMatch(/^CREATE share-\S+ had not finished when the function was about to reach its time limit \(after about 0 min\)/);
  });

  it('a non-Error failure still answers FAILED with its text', async () => {
    const answers: CloudFormationResponse[] = [];
    const d = { ...deps(() => 900_000, answers), actions: { create: () => Promise.reject('boom'), update: () => Promise.reject('boom'), delete: () => Promise.reject('boom') } };
    await expect(handleCustomResource(event('Create', 'ou-ab12-dev00001'), d)).resolves.toMatchObject({ Status: 'FAILED', Reason: 'boom', PhysicalResourceId: 'portfolio-share-waiter:create-failed:req' });
  });
});
