import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PROPERTY } from '../../src/cdk/handler/properties.js';
import type { CloudFormationRequest, CloudFormationResponse } from '../../src/cdk/handler/customResource.js';
import { defaultScenario, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';

/**
 * examples/cloudformation/organization-portfolio-share.json: the custom resource for teams without the
 * CDK. Its structure is checked here, and its handler (`index.customResource` of the real bundle) is
 * run the way CloudFormation runs it: the request in, the answer PUT to a ResponseURL (a local HTTP
 * server standing in for the presigned S3 URL), the share made on the simulator over HTTP.
 */
interface Template {
  Parameters: Record<string, unknown>;
  Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
}
type Handler = (event: CloudFormationRequest, context: { getRemainingTimeInMillis(): number }) => Promise<CloudFormationResponse>;

const template = JSON.parse(readFileSync(join(process.cwd(), 'examples', 'cloudformation', 'organization-portfolio-share.json'), 'utf8')) as Template;

describe('the CloudFormation template', () => {
  it('runs the bundled customResource handler for up to 15 minutes', () => {
    expect(template.Resources.HandlerFunction?.Properties).toMatchObject({ Handler: 'index.customResource', Runtime: 'nodejs24.x', Timeout: 900 });
  });

  it('grants exactly the share actions on the portfolio and the status check', () => {
    const policies = template.Resources.HandlerRole?.Properties.Policies as Array<{ PolicyDocument: { Statement: unknown[] } }>;
    expect(policies.flatMap((policy) => policy.PolicyDocument.Statement)).toEqual([
      {
        Effect: 'Allow',
        Action: ['servicecatalog:CreatePortfolioShare', 'servicecatalog:UpdatePortfolioShare', 'servicecatalog:DeletePortfolioShare'],
        Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:catalog:${AWS::Region}:${AWS::AccountId}:portfolio/${PortfolioId}' },
      },
      { Effect: 'Allow', Action: 'servicecatalog:DescribePortfolioShareStatus', Resource: '*' },
    ]);
  });

  it('passes every property the handler reads, and only those, and references only declared parameters', () => {
    const share = template.Resources.Share;
    expect(share?.Type).toBe('Custom::OrganizationPortfolioShare');
    expect(Object.keys(share?.Properties ?? {}).sort()).toEqual(['ServiceToken', ...Object.values(PROPERTY)].sort());
    const refs = [...JSON.stringify(template.Resources).matchAll(/"Ref":"([A-Za-z]+)"|\$\{([A-Za-z]+)\}/g)].map((m) => m[1] ?? m[2]);
    for (const ref of refs) expect([...Object.keys(template.Parameters), ...Object.keys(template.Resources)]).toContain(ref);
  });
});

describe('its handler, run as CloudFormation runs it', () => {
  let sim: RunningSimulator;
  let responder: Server;
  let responseUrl: string;
  const answers: CloudFormationResponse[] = [];
  let handler: Handler;
  let requests = 0;

  beforeAll(async () => {
    sim = await startSimulator({
      scenario: {
        ...defaultScenario,
        shares: { ...defaultScenario.shares, defaultDurationSeconds: 1, notStartedSeconds: 0 },
        accounts: { '333333333333': { shareError: 'ThrottlingException', message: 'Rate exceeded' } },
      },
    });
    responder = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        expect(req.method).toBe('PUT');
        expect(req.headers['content-type'] ?? '').toBe('');
        answers.push(JSON.parse(body) as CloudFormationResponse);
        res.end();
      });
    });
    await new Promise<void>((resolve) => responder.listen(0, '127.0.0.1', resolve));
    responseUrl = `http://127.0.0.1:${(responder.address() as AddressInfo).port}/presigned?X-Amz-Signature=abc`;
    Object.assign(process.env, { AWS_ENDPOINT_URL: sim.endpoint, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'example-secret', LOG_LEVEL: 'silent' });
    handler = (createRequire(import.meta.url)(join(process.cwd(), 'dist', 'cdk', 'handler-bundle', 'index.js')) as { customResource: Handler }).customResource;
  });

  afterAll(async () => {
    await new Promise((resolve) => responder.close(resolve));
    await sim.close();
  });

  function event(type: CloudFormationRequest['RequestType'], value: string, extra: Partial<CloudFormationRequest> = {}): CloudFormationRequest {
    requests += 1;
    return {
      RequestType: type,
      ResponseURL: responseUrl,
      StackId: 'arn:aws:cloudformation:us-east-1:111111111111:stack/Shares/1',
      RequestId: `req-${requests}`,
      LogicalResourceId: 'Share',
      ResourceProperties: { ServiceToken: 'arn', PortfolioId: 'port-examplepf0001', OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: value }, ShareTagOptions: 'false' },
      ...extra,
    };
  }
  const longRunning = { getRemainingTimeInMillis: () => 900_000 };

  it('Create: shares, waits, and answers SUCCESS with the attributes', async () => {
    const returned = await handler(event('Create', 'ou-ab12-sandbox1'), longRunning);
    expect(answers.at(-1)).toEqual(returned);
    expect(returned).toEqual({
      Status: 'SUCCESS',
      PhysicalResourceId: 'port-examplepf0001|ORGANIZATIONAL_UNIT|ou-ab12-sandbox1',
      StackId: 'arn:aws:cloudformation:us-east-1:111111111111:stack/Shares/1',
      RequestId: expect.stringMatching(/^req-/),
      LogicalResourceId: 'Share',
      Data: { PortfolioShareToken: expect.stringMatching(/^share-/), SharedAccountCount: 1 },
    });
  });

  it('Create that ends COMPLETED_WITH_ERRORS answers FAILED naming the throttled account; its rollback Delete unshares', async () => {
    const failed = await handler(event('Create', 'ou-ab12-prod0001'), longRunning);
    expect(failed.Status).toBe('FAILED');
    expect(failed.Reason).toMatch(/COMPLETED_WITH_ERRORS .*333333333333: ThrottlingException "Rate exceeded".*delete the share and create it again/);
    expect(failed.PhysicalResourceId).toBe('port-examplepf0001|ORGANIZATIONAL_UNIT|ou-ab12-prod0001');
    const before = sim.requests().length;
    const rollback = await handler(event('Delete', 'ou-ab12-prod0001', { PhysicalResourceId: failed.PhysicalResourceId }), longRunning);
    expect(rollback).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: failed.PhysicalResourceId });
    expect(sim.requests().slice(before).map((entry) => `${entry.operation} ${entry.outcome}`)).toContain('DeletePortfolioShare ok');
  });

  it('a Create refused before any share existed answers FAILED under a placeholder id whose rollback Delete does nothing', async () => {
    const failed = await handler(event('Create', 'r-ab12'), longRunning);
    expect(failed).toMatchObject({ Status: 'FAILED', PhysicalResourceId: expect.stringMatching(/^portfolio-share-waiter:create-failed:req-/) });
    expect(failed.Reason).toMatch(/is a root/);
    const before = sim.requests().length;
    const rollback = await handler(event('Delete', 'r-ab12', { PhysicalResourceId: failed.PhysicalResourceId }), longRunning);
    expect(rollback).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: failed.PhysicalResourceId });
    expect(sim.requests().length).toBe(before);
  });

  it('answers FAILED, saying why, when the function is about to run out of time', async () => {
    const answer = await handler(event('Create', 'ou-ab12-dev00001'), { getRemainingTimeInMillis: () => 5_000 });
    expect(answer.Status).toBe('FAILED');
    expect(answer.Reason).toMatch(/had not finished when the function was about to reach its time limit.*raise the function's Timeout/);
  });

  it('Delete: unshares and answers SUCCESS', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // let the Development share above finish
    const answer = await handler(event('Delete', 'ou-ab12-sandbox1', { PhysicalResourceId: 'port-examplepf0001|ORGANIZATIONAL_UNIT|ou-ab12-sandbox1' }), longRunning);
    expect(answer).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'port-examplepf0001|ORGANIZATIONAL_UNIT|ou-ab12-sandbox1' });
  });
});
