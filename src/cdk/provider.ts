import { Duration, Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Code, Function as LambdaFunction, type Runtime } from 'aws-cdk-lib/aws-lambda';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { handlerAssetPath } from './handlerAsset.js';

/** The actions onEvent calls; granted on the portfolios shared, one statement for each share. */
export const SHARE_ACTIONS = ['servicecatalog:CreatePortfolioShare', 'servicecatalog:UpdatePortfolioShare', 'servicecatalog:DeletePortfolioShare'];
/** The action isComplete calls; it supports no resource-level permission, so its resource is "*". */
export const STATUS_ACTION = 'servicecatalog:DescribePortfolioShareStatus';

export interface PortfolioShareProviderSettings {
  queryInterval: Duration;
  totalTimeout: Duration;
  runtime: Runtime;
}

/**
 * The Provider framework behind every OrganizationPortfolioShare of a stack with the same settings:
 * the onEvent and isComplete functions (bundled handlers) and the framework's waiter state machine.
 * One per stack and settings, so a hundred shares deploy three functions, not three hundred.
 */
export class PortfolioShareProvider extends Construct {
  /** The provider for these settings in the stack of `scope`, created on first use. */
  static of(scope: Construct, settings: PortfolioShareProviderSettings): PortfolioShareProvider {
    const stack = Stack.of(scope);
    const id = `PortfolioShareWaiterProvider${settings.totalTimeout.toSeconds()}s${settings.queryInterval.toSeconds()}s${settings.runtime.name.replace(/[^a-zA-Z0-9]/g, '')}`;
    const existing = stack.node.tryFindChild(id);
    return existing instanceof PortfolioShareProvider ? existing : new PortfolioShareProvider(stack, id, settings);
  }

  readonly onEventFunction: LambdaFunction;
  readonly isCompleteFunction: LambdaFunction;
  readonly provider: Provider;
  private readonly grantedPortfolios = new Set<string>();

  private constructor(scope: Construct, id: string, settings: PortfolioShareProviderSettings) {
    super(scope, id);
    const code = Code.fromAsset(handlerAssetPath());
    const common = { code, runtime: settings.runtime, memorySize: 256 };
    this.onEventFunction = new LambdaFunction(this, 'OnEvent', {
      ...common,
      handler: 'index.onEvent',
      // The call itself is quick, but InvalidStateException (another share action on the portfolio) is retried for up to about a minute.
      timeout: Duration.minutes(2),
      description: 'portfolio-share-waiter: starts Create/Update/DeletePortfolioShare',
    });
    this.isCompleteFunction = new LambdaFunction(this, 'IsComplete', {
      ...common,
      handler: 'index.isComplete',
      timeout: Duration.minutes(1),
      description: 'portfolio-share-waiter: one DescribePortfolioShareStatus check',
    });
    this.isCompleteFunction.addToRolePolicy(new PolicyStatement({ actions: [STATUS_ACTION], resources: ['*'] }));
    this.provider = new Provider(this, 'Provider', {
      onEventHandler: this.onEventFunction,
      isCompleteHandler: this.isCompleteFunction,
      queryInterval: settings.queryInterval,
      totalTimeout: settings.totalTimeout,
    });
  }

  /** Let onEvent share, update and unshare this portfolio (once per portfolio ARN). */
  grantShareActions(portfolioArn: string): void {
    if (this.grantedPortfolios.has(portfolioArn)) return;
    this.grantedPortfolios.add(portfolioArn);
    this.onEventFunction.addToRolePolicy(new PolicyStatement({ actions: SHARE_ACTIONS, resources: [portfolioArn] }));
  }

  get serviceToken(): string {
    return this.provider.serviceToken;
  }
}
