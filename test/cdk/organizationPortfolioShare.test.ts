import { App, Duration, Lazy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Portfolio } from 'aws-cdk-lib/aws-servicecatalog';
import { MAX_TIMEOUT, OrganizationPortfolioShare, PortfolioShareNode, RESOURCE_TYPE } from '../../src/cdk/index.js';

function stackWith(build: (stack: Stack) => void): Template {
  const app = new App();
  const stack = new Stack(app, 'Shares', { env: { account: '111111111111', region: 'us-east-1' } });
  build(stack);
  return Template.fromStack(stack);
}

/** Every IAM policy statement of the role behind the Lambda function whose handler is `handler`. */
function statementsOf(template: Template, handler: string): unknown[] {
  const functions = template.findResources('AWS::Lambda::Function', { Properties: { Handler: handler } });
  const [fn] = Object.values(functions) as Array<{ Properties: { Role: { 'Fn::GetAtt': [string, string] } } }>;
  if (fn === undefined) throw new Error(`no function with handler ${handler}`);
  const role = fn.Properties.Role['Fn::GetAtt'][0];
  const policies = template.findResources('AWS::IAM::Policy') as Record<string, { Properties: { Roles: Array<{ Ref: string }>; PolicyDocument: { Statement: unknown[] } } }>;
  return Object.values(policies)
    .filter((policy) => policy.Properties.Roles.some((ref) => ref.Ref === role))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}

describe('OrganizationPortfolioShare synthesis', () => {
  const template = stackWith((stack) => {
    const portfolio = new Portfolio(stack, 'Portfolio', { displayName: 'Platform', providerName: 'Platform team' });
    new OrganizationPortfolioShare(stack, 'ProdShare', {
      portfolio,
      shareWith: PortfolioShareNode.organizationalUnit('ou-ab12-prod0001'),
      shareTagOptions: true,
      timeout: Duration.minutes(40),
    });
    new OrganizationPortfolioShare(stack, 'OrgShare', { portfolio: 'port-examplepf0001', shareWith: PortfolioShareNode.fromId('o-exampleorg01'), timeout: Duration.minutes(40) });
  });

  it('declares the custom resource with every property the handlers read', () => {
    template.resourceCountIs(RESOURCE_TYPE, 2);
    template.hasResourceProperties(RESOURCE_TYPE, {
      ServiceToken: Match.anyValue(),
      PortfolioId: { Ref: Match.stringLikeRegexp('Portfolio') },
      OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-prod0001' },
      ShareTagOptions: true,
      SharePrincipals: false,
      AcceptPartialSuccess: false,
      TolerateDuplicates: true,
      NotFoundGraceSeconds: 30,
    });
    template.hasResourceProperties(RESOURCE_TYPE, { PortfolioId: 'port-examplepf0001', OrganizationNode: { Type: 'ORGANIZATION', Value: 'o-exampleorg01' } });
  });

  it('deploys one provider for shares with the same settings: onEvent and isComplete from the bundled handler asset', () => {
    template.hasResourceProperties('AWS::Lambda::Function', { Handler: 'index.onEvent', Runtime: 'nodejs24.x', Code: { S3Key: Match.stringLikeRegexp('\\.zip$') } });
    template.hasResourceProperties('AWS::Lambda::Function', { Handler: 'index.isComplete', Runtime: 'nodejs24.x' });
    expect(Object.keys(template.findResources('AWS::Lambda::Function', { Properties: { Handler: 'index.onEvent' } }))).toHaveLength(1);
    // The Provider framework: its own onEvent/isComplete/onTimeout functions and the waiter state machine.
    template.resourceCountIs('AWS::StepFunctions::StateMachine', 1);
  });

  it('grants onEvent exactly the share actions on exactly the shared portfolios, and isComplete only the status check', () => {
    const [portfolioLogicalId] = Object.keys(template.findResources('AWS::ServiceCatalog::Portfolio'));
    expect(statementsOf(template, 'index.onEvent')).toEqual([
      {
        Action: ['servicecatalog:CreatePortfolioShare', 'servicecatalog:UpdatePortfolioShare', 'servicecatalog:DeletePortfolioShare'],
        Effect: 'Allow',
        Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':catalog:us-east-1:111111111111:portfolio/', { Ref: portfolioLogicalId }]] },
      },
      {
        Action: ['servicecatalog:CreatePortfolioShare', 'servicecatalog:UpdatePortfolioShare', 'servicecatalog:DeletePortfolioShare'],
        Effect: 'Allow',
        Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':catalog:us-east-1:111111111111:portfolio/port-examplepf0001']] },
      },
    ]);
    expect(statementsOf(template, 'index.isComplete')).toEqual([{ Action: 'servicecatalog:DescribePortfolioShareStatus', Effect: 'Allow', Resource: '*' }]);
  });

  it('polls isComplete every 10 s for the timeout given (40 min: 240 attempts), within the framework limit of one hour', () => {
    const machines = template.findResources('AWS::StepFunctions::StateMachine');
    const definition = JSON.stringify(Object.values(machines)[0]);
    expect(definition).toContain('\\"IntervalSeconds\\":10');
    expect(definition).toContain('\\"MaxAttempts\\":240');
    expect(definition).toContain('\\"BackoffRate\\":1');
  });
});

describe('OrganizationPortfolioShare refuses at synthesis', () => {
  const share = (props: Partial<ConstructorParameters<typeof OrganizationPortfolioShare>[2]>): (() => void) => () =>
    stackWith((stack) => new OrganizationPortfolioShare(stack, 'S', { portfolio: 'port-examplepf0001', shareWith: PortfolioShareNode.organization('o-exampleorg01'), ...props }));

  it.each([
    ['a timeout over the framework limit', { timeout: MAX_TIMEOUT.plus(Duration.seconds(10)) }, /at most 1 hour/],
    ['a query interval that does not divide the timeout', { timeout: Duration.minutes(10), queryInterval: Duration.seconds(7) }, /divide timeout/],
    ['a negative not-found grace', { notFoundGraceSeconds: -1 }, /notFoundGraceSeconds/],
  ])('%s', (_label, props, message) => {
    expect(share(props)).toThrow(message);
  });

  it.each([
    [() => PortfolioShareNode.fromId('r-ab12'), /is a root/],
    [() => PortfolioShareNode.organizationalUnit('o-exampleorg01'), /is an ORGANIZATION id, not an ORGANIZATIONAL_UNIT id/],
    [() => PortfolioShareNode.account('12345'), /12-digit/],
  ])('a wrong node (%#)', (make, message) => {
    expect(make).toThrow(message);
  });

  it('accepts a token for the node value when its type is given', () => {
    const template = stackWith((stack) => {
      const ou = new Portfolio(stack, 'P', { displayName: 'x', providerName: 'y' }).portfolioId;
      new OrganizationPortfolioShare(stack, 'S', { portfolio: 'port-examplepf0001', shareWith: PortfolioShareNode.organizationalUnit(ou) });
    });
    template.hasResourceProperties(RESOURCE_TYPE, { OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: { Ref: Match.anyValue() } } });
    expect(() => PortfolioShareNode.fromId(Lazy.string({ produce: () => 'ou-ab12-prod0001' }))).toThrow(/literal id/);
  });
});

describe('shares of one portfolio', () => {
  it('are chained in declaration order, so CloudFormation never starts two share actions on one portfolio at once', () => {
    const template = stackWith((stack) => {
      const a = new Portfolio(stack, 'A', { displayName: 'a', providerName: 'p' });
      const b = new Portfolio(stack, 'B', { displayName: 'b', providerName: 'p' });
      new OrganizationPortfolioShare(stack, 'A1', { portfolio: a, shareWith: PortfolioShareNode.fromId('ou-ab12-prod0001') });
      new OrganizationPortfolioShare(stack, 'B1', { portfolio: b, shareWith: PortfolioShareNode.fromId('ou-ab12-prod0001') });
      new OrganizationPortfolioShare(stack, 'A2', { portfolio: a, shareWith: PortfolioShareNode.fromId('ou-ab12-dev00001') });
    });
    const shares = template.findResources(RESOURCE_TYPE) as Record<string, { DependsOn?: string[] }>;
    const id = (prefix: string): string => Object.keys(shares).find((key) => key.startsWith(prefix)) ?? prefix;
    expect(shares[id('A1')]?.DependsOn).toBeUndefined();
    expect(shares[id('B1')]?.DependsOn).toBeUndefined();
    expect(shares[id('A2')]?.DependsOn).toEqual([id('A1')]);
  });
});
