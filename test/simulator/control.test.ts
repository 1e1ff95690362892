import { CreatePortfolioShareCommand, DescribePortfolioCommand, DescribePortfolioShareStatusCommand } from '@aws-sdk/client-service-catalog';
import { startSimulator } from '../../src/simulator/index.js';
import { newClient, rawCall, sdkError, startHarness } from './helpers.js';
import type { Harness } from './helpers.js';

async function control(endpoint: string, method: string, route: string, body?: unknown) {
  const response = await rawCall(endpoint, {
    method,
    path: `/_simulator/${route}`,
    target: null,
    contentType: body === undefined ? null : 'application/json',
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: response.status, json: response.json as Record<string, unknown>, contentType: response.headers['content-type'] };
}

describe('control endpoint /_simulator/', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => h.close());

  it('GET health answers ok with the clock time', async () => {
    expect(await control(h.sim.endpoint, 'GET', 'health')).toEqual({
      status: 200,
      json: { status: 'ok', now: h.clock.now(), manualClock: true },
      contentType: 'application/json',
    });
  });

  it('GET requests lists API calls only (control calls are not logged); DELETE clears it', async () => {
    await h.client.send(new DescribePortfolioCommand({ Id: 'port-examplepf0001' }));
    await sdkError(h.client.send(new DescribePortfolioCommand({ Id: 'port-nope' })));
    const listed = await control(h.sim.endpoint, 'GET', 'requests');
    expect(listed.json.requests).toEqual([
      { operation: 'DescribePortfolio', time: h.clock.now(), httpStatus: 200, outcome: 'ok', requestId: expect.any(String), latencyMs: 0 },
      { operation: 'DescribePortfolio', time: h.clock.now(), httpStatus: 400, outcome: 'ResourceNotFoundException', requestId: expect.any(String), latencyMs: 0 },
    ]);
    expect(await control(h.sim.endpoint, 'DELETE', 'requests')).toMatchObject({ status: 200, json: { cleared: 2 } });
    expect(h.sim.requests()).toEqual([]);
  });

  it('POST faults adds a rule (201), GET lists it with the calls left, DELETE removes all', async () => {
    const added = await control(h.sim.endpoint, 'POST', 'faults', { operation: 'DescribePortfolio', kind: 'throttle', count: 2 });
    expect(added).toMatchObject({ status: 201, json: { faults: [{ operation: 'DescribePortfolio', kind: 'throttle', count: 2 }] } });
    expect((await sdkError(h.client.send(new DescribePortfolioCommand({ Id: 'port-examplepf0001' })))).name).toBe('ThrottlingException');
    expect((await control(h.sim.endpoint, 'GET', 'faults')).json).toEqual({ faults: [{ operation: 'DescribePortfolio', kind: 'throttle', count: 1 }] });
    expect(await control(h.sim.endpoint, 'DELETE', 'faults')).toMatchObject({ status: 200, json: { cleared: 1 } });
    await expect(h.client.send(new DescribePortfolioCommand({ Id: 'port-examplepf0001' }))).resolves.toBeDefined();
  });

  it.each([
    [{ operation: 'DescribePortfolio', kind: 'nope', count: 1 }, /invalid fault rule: rule\.kind: expected one of/],
    [{ operation: 'DescribePortfolio', kind: 'latency', count: 1 }, /rule\.latencyMs/],
    [{ operation: 'DescribePortfolio', kind: 'throttle', count: 1, extra: true }, /rule\.extra: expected no such field/],
    [{ operation: 'DescribePortfolioShareStatuss', kind: 'throttle', count: 1 }, /rule\.operation: expected "\*" or an operation the simulator implements/],
    ['{not json', /not valid JSON/],
  ])('POST faults refuses %j with 400', async (body, message) => {
    const response = await control(h.sim.endpoint, 'POST', 'faults', body);
    expect(response.status).toBe(400);
    expect(response.json.Message).toMatch(message);
  });

  it('POST clock moves a manual clock, and a share moves with it', async () => {
    const { PortfolioShareToken } = await h.client.send(
      new CreatePortfolioShareCommand({ PortfolioId: 'port-examplepf0001', OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-sandbox1' } }),
    );
    const start = h.clock.now();
    expect(await control(h.sim.endpoint, 'POST', 'clock', { advanceMs: 4000 })).toEqual({ status: 200, json: { now: start + 4000 }, contentType: 'application/json' });
    const out = await h.client.send(new DescribePortfolioShareStatusCommand({ PortfolioShareToken }));
    expect(out.Status).toBe('COMPLETED');
    expect(await control(h.sim.endpoint, 'POST', 'clock', { setMs: 5 })).toMatchObject({ status: 200, json: { now: 5 } });
    expect(await control(h.sim.endpoint, 'GET', 'clock')).toMatchObject({ status: 200, json: { now: 5, manualClock: true } });
    expect(await control(h.sim.endpoint, 'POST', 'clock', { advanceMs: -1 })).toMatchObject({ status: 400, json: { __type: 'InvalidClockChange' } });
  });

  it('POST clock refuses a move past the Date range with 400 and leaves the clock where it was', async () => {
    const before = h.clock.now();
    for (const body of [{ advanceMs: 1e308 }, { setMs: 1e300 }, { setMs: -9e15 }]) {
      const response = await control(h.sim.endpoint, 'POST', 'clock', body);
      expect(response).toMatchObject({ status: 400, json: { __type: 'InvalidClockChange', Message: expect.stringMatching(/Date range/) } });
    }
    expect(await control(h.sim.endpoint, 'GET', 'clock')).toMatchObject({ status: 200, json: { now: before } });
  });

  it('POST clock answers 409 ClockNotManual on the real clock', async () => {
    const real = await startSimulator();
    try {
      expect(await control(real.endpoint, 'POST', 'clock', { advanceMs: 1 })).toMatchObject({ status: 409, json: { __type: 'ClockNotManual' } });
      expect(await control(real.endpoint, 'GET', 'health')).toMatchObject({ json: { manualClock: false } });
    } finally {
      await real.close();
    }
  });

  it('POST busy: another actor holds a portfolio busy; every share action on it answers InvalidStateException until then', async () => {
    const share = () =>
      h.client.send(new CreatePortfolioShareCommand({ PortfolioId: 'port-examplepf0001', OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-sandbox1' } }));
    const start = h.clock.now();
    expect(await control(h.sim.endpoint, 'POST', 'busy', { portfolioId: 'port-examplepf0001', seconds: 3 })).toMatchObject({
      status: 200,
      json: { portfolioId: 'port-examplepf0001', busyUntil: start + 3000 },
    });
    expect((await sdkError(share())).name).toBe('InvalidStateException');
    h.clock.advance(2999);
    expect((await sdkError(share())).name).toBe('InvalidStateException');
    h.clock.advance(1);
    await expect(share()).resolves.toMatchObject({ PortfolioShareToken: expect.any(String) });
    expect(h.sim.holdPortfolioBusy('port-examplepf0001', 0)).toBe(h.clock.now());
    expect(() => h.sim.holdPortfolioBusy('port-nope', 1)).toThrow(TypeError);
    expect(() => h.sim.holdPortfolioBusy('port-examplepf0001', -1)).toThrow(TypeError);
  });

  it.each([
    [{ portfolioId: 'port-examplepf0001' }, 400, 'InvalidBusyHold'],
    [{ portfolioId: 'port-examplepf0001', seconds: -1 }, 400, 'InvalidBusyHold'],
    [{ portfolioId: 'port-nope', seconds: 1 }, 404, 'PortfolioNotFound'],
    ['{not json', 400, 'SerializationException'],
  ])('POST busy refuses %j', async (body, status, type) => {
    expect(await control(h.sim.endpoint, 'POST', 'busy', body)).toMatchObject({ status, json: { __type: type } });
  });

  it('POST clock refuses a body that is not an object, is not JSON, or is too large', async () => {
    expect(await control(h.sim.endpoint, 'POST', 'clock', [1])).toMatchObject({ status: 400, json: { __type: 'InvalidClockChange' } });
    expect(await control(h.sim.endpoint, 'POST', 'clock', { advanceMs: 1, setMs: 1 })).toMatchObject({ status: 400, json: { __type: 'InvalidClockChange' } });
    expect(await control(h.sim.endpoint, 'POST', 'clock', '{"advanceMs":')).toMatchObject({ status: 400, json: { __type: 'SerializationException' } });
    expect(await control(h.sim.endpoint, 'POST', 'clock', JSON.stringify({ advanceMs: 1, pad: 'x'.repeat(70_000) }))).toMatchObject({
      status: 413,
      json: { __type: 'RequestEntityTooLarge' },
    });
  });

  it('answers 404 for an unknown route and 405 for a wrong method', async () => {
    expect(await control(h.sim.endpoint, 'GET', 'nope')).toMatchObject({ status: 404, json: { __type: 'NotFound' } });
    expect(await control(h.sim.endpoint, 'PUT', 'faults', {})).toMatchObject({ status: 405, json: { __type: 'MethodNotAllowed' } });
  });

  it('the API keeps working beside it: the SDK never reaches /_simulator/', async () => {
    const client = newClient(h.sim.endpoint);
    await expect(client.send(new DescribePortfolioCommand({ Id: 'port-examplepf0001' }))).resolves.toBeDefined();
    client.destroy();
  });
});
