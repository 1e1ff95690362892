import { request } from 'node:http';
import { connect } from 'node:net';
import { CreatePortfolioShareCommand, DescribePortfolioCommand, ListPortfoliosCommand } from '@aws-sdk/client-service-catalog';
import { defaultScenario } from '../../src/simulator/index.js';
import type { FaultRule } from '../../src/simulator/index.js';
import { rawCall, sdkError, startHarness } from './helpers.js';
import type { Harness } from './helpers.js';

const describePortfolio = (h: Harness) => h.client.send(new DescribePortfolioCommand({ Id: 'port-examplepf0001' }));

describe('fault injection', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it.each([
    ['throttle', 'ThrottlingException', 400],
    ['http500', 'InternalFailure', 500],
    ['http503', 'ServiceUnavailable', 503],
  ] as const)('%s answers %s with status %d for the next call only', async (kind, name, status) => {
    h = await startHarness();
    h.sim.injectFault({ operation: 'DescribePortfolio', kind, count: 1 });
    const error = await sdkError(describePortfolio(h));
    expect(error).toMatchObject({ name, status });
    await expect(describePortfolio(h)).resolves.toMatchObject({ PortfolioDetail: { Id: 'port-examplepf0001' } });
    expect(h.sim.requests().map((r) => [r.operation, r.httpStatus, r.outcome])).toEqual([
      ['DescribePortfolio', status, `fault:${kind}`],
      ['DescribePortfolio', 200, 'ok'],
    ]);
  });

  it('throttle answers the service text "Rate exceeded"', async () => {
    h = await startHarness();
    h.sim.injectFault({ operation: '*', kind: 'throttle', count: 1 });
    const response = await rawCall(h.sim.endpoint, {});
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ __type: 'ThrottlingException', Message: 'Rate exceeded' });
    expect(response.headers['x-amzn-requestid']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('reset destroys the connection without an answer', async () => {
    h = await startHarness();
    h.sim.injectFault({ operation: 'DescribePortfolio', kind: 'reset', count: 1 });
    const error = await sdkError(describePortfolio(h));
    expect(error.status).toBeUndefined();
    expect(error.message).toMatch(/ECONNRESET/);
    await expect(describePortfolio(h)).resolves.toBeDefined();
    expect(h.sim.requests()[0]).toMatchObject({ operation: 'DescribePortfolio', httpStatus: 0, outcome: 'fault:reset', requestId: '' });
  });

  it('malformed answers 200 with a body that is not JSON', async () => {
    h = await startHarness();
    h.sim.injectFault({ operation: 'ListPortfolios', kind: 'malformed', count: 1 });
    const raw = await rawCall(h.sim.endpoint, {});
    expect(raw.status).toBe(200);
    expect(raw.json).toBeUndefined();
    h.sim.injectFault({ operation: 'ListPortfolios', kind: 'malformed', count: 1 });
    const error = await sdkError(h.client.send(new ListPortfoliosCommand({})));
    expect(error).toMatchObject({ name: 'SyntaxError', status: 200 });
  });

  it('latency delays the answer and then answers normally', async () => {
    h = await startHarness();
    h.sim.injectFault({ operation: 'DescribePortfolio', kind: 'latency', latencyMs: 30, count: 1 });
    await expect(describePortfolio(h)).resolves.toBeDefined();
    await describePortfolio(h);
    expect(h.sim.requests().map((r) => [r.outcome, r.latencyMs])).toEqual([
      ['ok', 30],
      ['ok', 0],
    ]);
  });

  it('a client that gives up during a latency fault does not break anything; the operation still runs', async () => {
    h = await startHarness();
    h.sim.injectFault({ operation: 'CreatePortfolioShare', kind: 'latency', latencyMs: 300, count: 1 });
    const share = () =>
      h.client.send(new CreatePortfolioShareCommand({ PortfolioId: 'port-examplepf0001', OrganizationNode: { Type: 'ORGANIZATION', Value: 'o-exampleorg01' } }));
    await new Promise<void>((resolve, reject) => {
      const req = request(`${h.sim.endpoint}/`, {
        method: 'POST',
        headers: { 'X-Amz-Target': 'AWS242ServiceCatalogService.CreatePortfolioShare', 'Content-Type': 'application/x-amz-json-1.1' },
      });
      req.on('error', () => resolve());
      req.on('finish', () => setImmediate(() => req.destroy()));
      req.on('response', () => reject(new Error('expected no answer')));
      req.end(JSON.stringify({ PortfolioId: 'port-examplepf0001', OrganizationNode: { Type: 'ORGANIZATION', Value: 'o-exampleorg01' } }));
    });
    while (h.sim.requests().length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(h.sim.requests()).toEqual([expect.objectContaining({ operation: 'CreatePortfolioShare', httpStatus: 0, outcome: 'client-closed', latencyMs: 300 })]);
    // The abandoned create did happen: the retry meets the running share action.
    expect(await sdkError(share())).toMatchObject({ name: 'InvalidStateException' });
  });

  it.each(['http500', 'throttle', 'malformed', 'reset'] as const)(
    'a %s fault whose client gave up during an added latency is logged as client-closed, not as answered',
    async (kind) => {
      h = await startHarness();
      h.sim.injectFault({ operation: 'ListPortfolios', kind: 'latency', latencyMs: 200, count: 1 });
      h.sim.injectFault({ operation: 'ListPortfolios', kind, count: 1 });
      await new Promise<void>((resolve, reject) => {
        const req = request(`${h.sim.endpoint}/`, {
          method: 'POST',
          headers: { 'X-Amz-Target': 'AWS242ServiceCatalogService.ListPortfolios', 'Content-Type': 'application/x-amz-json-1.1' },
        });
        req.on('error', () => resolve());
        req.on('finish', () => setImmediate(() => req.destroy()));
        req.on('response', () => reject(new Error('expected no answer')));
        req.end('{}');
      });
      while (h.sim.requests().length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(h.sim.requests()).toEqual([expect.objectContaining({ operation: 'ListPortfolios', httpStatus: 0, outcome: 'client-closed', requestId: '', latencyMs: 200 })]);
      await expect(h.client.send(new ListPortfoliosCommand({}))).resolves.toBeDefined();
    },
  );

  it('close() at once ends a call waiting out a 10-minute latency, a half-sent body and keep-alive connections', async () => {
    h = await startHarness();
    await h.client.send(new ListPortfoliosCommand({})); // leaves a keep-alive connection open
    const halfSent = connect(h.sim.port, '127.0.0.1');
    const halfSentClosed = new Promise<void>((resolve) => halfSent.on('close', () => resolve()));
    halfSent.on('error', () => undefined);
    halfSent.write('POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: AWS242ServiceCatalogService.ListPortfolios\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: 100\r\n\r\n{"Pa');
    h.sim.injectFault({ operation: 'DescribePortfolio', kind: 'latency', latencyMs: 600_000, count: 1 });
    const waiting = sdkError(describePortfolio(h));
    // The count rule is used up once the call has been decided, i.e. once it is waiting.
    while ((await rawCall(h.sim.endpoint, { method: 'GET', path: '/_simulator/faults', target: null, contentType: null })).body !== '{"faults":[]}') {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await h.sim.close();
    await halfSentClosed;
    expect((await waiting).status).toBeUndefined();
    // The half-sent request (logged as client-closed once the server has seen its headers) may come before or after the waiting call.
    const logged = h.sim.requests().map((r) => [r.operation, r.httpStatus, r.outcome, r.latencyMs]);
    expect(logged.filter(([operation]) => operation !== '')).toEqual([
      ['ListPortfolios', 200, 'ok', 0],
      ['DescribePortfolio', 0, 'closed', 600_000],
    ]);
  });

  it('a latency rule and a fault rule combine; only matching operations are hit', async () => {
    h = await startHarness();
    h.sim.injectFault({ operation: 'DescribePortfolio', kind: 'latency', latencyMs: 5, count: 1 });
    h.sim.injectFault({ operation: 'DescribePortfolio', kind: 'http503', count: 1 });
    await h.client.send(new ListPortfoliosCommand({}));
    expect((await sdkError(describePortfolio(h))).status).toBe(503);
    expect(h.sim.requests().map((r) => [r.operation, r.outcome, r.latencyMs])).toEqual([
      ['ListPortfolios', 'ok', 0],
      ['DescribePortfolio', 'fault:http503', 5],
    ]);
  });

  it('rate rules hit a seeded, repeatable fraction of calls', async () => {
    const outcomes = async (seed: number): Promise<string[]> => {
      const run = await startHarness({ seed });
      run.sim.injectFault({ operation: 'DescribePortfolio', kind: 'throttle', rate: 0.5 });
      for (let i = 0; i < 40; i += 1) await describePortfolio(run).catch(() => undefined);
      const result = run.sim.requests().map((r) => r.outcome);
      await run.close();
      return result;
    };
    h = await startHarness();
    const a = await outcomes(7);
    expect(await outcomes(7)).toEqual(a);
    expect(await outcomes(8)).not.toEqual(a);
    const hits = a.filter((o) => o === 'fault:throttle').length;
    expect(hits).toBeGreaterThan(8);
    expect(hits).toBeLessThan(32);
    expect(a.filter((o) => o === 'ok')).toHaveLength(40 - hits);
  });

  it('scenario faults are active from the start; clearFaults removes them', async () => {
    const faults: FaultRule[] = [{ operation: 'DescribePortfolio', kind: 'throttle', rate: 1 }];
    h = await startHarness({ scenario: { ...defaultScenario, faults } });
    expect((await sdkError(describePortfolio(h))).name).toBe('ThrottlingException');
    h.sim.clearFaults();
    await expect(describePortfolio(h)).resolves.toBeDefined();
  });

  it('injectFault refuses a bad rule with a TypeError naming the field', async () => {
    h = await startHarness();
    expect(() => h.sim.injectFault({ operation: 'X', kind: 'throttle' })).toThrow(/rule\.count: expected exactly one of "count"/);
    expect(() => h.sim.injectFault({ operation: 'X', kind: 'latency', count: 1 })).toThrow(TypeError);
    expect(() => h.sim.injectFault({ operation: 'X', kind: 'throttle', rate: 2 })).toThrow(/rule\.rate: expected a number between 0 and 1, got 2/);
    expect(() => h.sim.injectFault({ operation: 'ListPortfolio', kind: 'throttle', count: 1 })).toThrow(/^injectFault: invalid fault rule: rule\.operation: expected "\*" or an operation the simulator implements/);
    expect(() => h.sim.injectFault({ operation: 'ListPortfolios', kind: 'throttle', count: 1 })).not.toThrow();
  });
});

describe('fault injection: answers that break the model or echo secrets', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it.each([
    ['accessDenied', 'AccessDeniedException', 400],
    ['invalidState', 'InvalidStateException', 400],
    ['signatureMismatch', 'InvalidSignatureException', 403],
  ] as const)('%s answers %s with status %d', async (kind, name, status) => {
    h = await startHarness();
    h.sim.injectFault({ operation: 'DescribePortfolio', kind, count: 1 });
    const error = await sdkError(describePortfolio(h));
    expect(error).toMatchObject({ name, status });
    expect(h.sim.requests().map((r) => r.outcome)).toEqual([`fault:${kind}`]);
  });

  it('signatureMismatch quotes the request back, session token included, as AWS does', async () => {
    h = await startHarness();
    h.sim.injectFault({ operation: '*', kind: 'signatureMismatch', count: 1 });
    const response = await rawCall(h.sim.endpoint, { headers: { 'X-Amz-Security-Token': 'IQoJb3JpZ2luX2VjSECRET', Authorization: 'AWS4-HMAC-SHA256 Credential=ASIAEXAMPLEEXAMPLE12/20260101/us-east-1/servicecatalog/aws4_request, SignedHeaders=host, Signature=abc123' } });
    expect(response.status).toBe(403);
    const message = (response.json as { Message: string }).Message;
    expect(message).toContain('x-amz-security-token:IQoJb3JpZ2luX2VjSECRET');
    expect(message).toContain('20260101/us-east-1/servicecatalog/aws4_request');
  });

  it.each([
    ['unknownStatus', { Status: 'PAUSED' }],
    ['missingStatus', { Status: undefined }],
    ['missingShareDetails', { ShareDetails: undefined }],
  ] as const)('%s runs the operation and alters its answer', async (kind, expected) => {
    h = await startHarness();
    const portfolio = await h.client.send(new ListPortfoliosCommand({}));
    const id = portfolio.PortfolioDetails?.[0]?.Id ?? '';
    const share = await h.client.send(new CreatePortfolioShareCommand({ PortfolioId: id, OrganizationNode: { Type: 'ORGANIZATION', Value: defaultScenario.organization.id } }));
    h.sim.injectFault({ operation: 'DescribePortfolioShareStatus', kind, count: 1 });
    const response = await rawCall(h.sim.endpoint, { target: 'AWS242ServiceCatalogService.DescribePortfolioShareStatus', body: JSON.stringify({ PortfolioShareToken: share.PortfolioShareToken }) });
    expect(response.status).toBe(200);
    const body = response.json as Record<string, unknown>;
    for (const [key, value] of Object.entries(expected)) expect(body[key]).toEqual(value);
    expect(body.PortfolioShareToken ?? body.PortfolioId).toBeDefined();
    expect(h.sim.requests().at(-1)?.outcome).toBe(`fault:${kind}`);
  });
});
