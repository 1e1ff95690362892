import { CustomResource, Duration, Stack, Token } from 'aws-cdk-lib';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import type { IPortfolio } from 'aws-cdk-lib/aws-servicecatalog';
import { Construct } from 'constructs';
import { ATTRIBUTE } from './handler/events.js';
import { PROPERTY } from './handler/properties.js';
import type { PortfolioShareNode } from './portfolioShareNode.js';
import { PortfolioShareProvider } from './provider.js';

/** CloudFormation type of the custom resource. */
export const RESOURCE_TYPE = 'Custom::OrganizationPortfolioShare';
/** The Provider framework's limit on how long isComplete may be polled. */
export const MAX_TIMEOUT = Duration.hours(1);

export interface OrganizationPortfolioShareProps {
  /** The portfolio to share: a portfolio of this app or its id (`port-…`). */
  readonly portfolio: IPortfolio | string;
  /** What to share it with: `PortfolioShareNode.organizationalUnit('ou-…')`, `.organization('o-…')`, `.account('…')`. */
  readonly shareWith: PortfolioShareNode;
  /** Share the portfolio's TagOptions too. @default false */
  readonly shareTagOptions?: boolean;
  /** Share the portfolio's principal names too. @default false */
  readonly sharePrincipals?: boolean;
  /** How long a share action may take before the deployment fails; at most 1 hour (the Provider framework's limit). @default Duration.minutes(30) */
  readonly timeout?: Duration;
  /** How often the share's status is checked; must divide `timeout` evenly. @default Duration.seconds(10) */
  readonly queryInterval?: Duration;
  /** Succeed when the share ends COMPLETED_WITH_ERRORS instead of failing the deployment. @default false */
  readonly acceptPartialSuccess?: boolean;
  /** Succeed when every share error is DuplicateResourceException (the account had the portfolio already). @default true */
  readonly tolerateDuplicates?: boolean;
  /** Seconds after the action started during which "share not found" means "not visible yet". @default 30 */
  readonly notFoundGraceSeconds?: number;
  /** Runtime of the handler functions. @default Runtime.NODEJS_24_X */
  readonly runtime?: Runtime;
}

/** The last share of each portfolio in each stack: the next one waits for it (see the constructor). */
const lastShareOf = new WeakMap<Stack, Map<string, Construct>>();

function portfolioIdAndArn(scope: Construct, portfolio: IPortfolio | string): { id: string; arn: string } {
  if (typeof portfolio !== 'string') return { id: portfolio.portfolioId, arn: portfolio.portfolioArn };
  const arn = Stack.of(scope).formatArn({ service: 'catalog', resource: 'portfolio', resourceName: portfolio });
  return { id: portfolio, arn };
}

function checkTiming(timeout: Duration, queryInterval: Duration): void {
  const total = timeout.toSeconds();
  const interval = queryInterval.toSeconds();
  if (total <= 0 || total > MAX_TIMEOUT.toSeconds()) {
    throw new RangeError(`OrganizationPortfolioShare: timeout must be more than 0 and at most 1 hour (the Provider framework's limit), but is ${total} s`);
  }
  if (interval <= 0 || total % interval !== 0) {
    throw new RangeError(`OrganizationPortfolioShare: queryInterval (${interval} s) must divide timeout (${total} s) evenly, or synthesis of the Provider fails`);
  }
}

/**
 * Shares a Service Catalog portfolio with an organization, an organizational unit or an account of the
 * organization — what AWS::ServiceCatalog::PortfolioShare cannot do — and waits until the share has
 * finished, failing the deployment (with the failed and throttled accounts named) when it did not.
 */
export class OrganizationPortfolioShare extends Construct {
  /** Token of the last share action (CREATE or UPDATE). */
  readonly shareToken: string;
  /** Accounts the last share action reached successfully. */
  readonly sharedAccountCount: number;
  readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: OrganizationPortfolioShareProps) {
    super(scope, id);
    const timeout = props.timeout ?? Duration.minutes(30);
    const queryInterval = props.queryInterval ?? Duration.seconds(10);
    checkTiming(timeout, queryInterval);
    const grace = props.notFoundGraceSeconds ?? 30;
    if (!Token.isUnresolved(grace) && (!Number.isFinite(grace) || grace < 0)) {
      throw new RangeError(`OrganizationPortfolioShare: notFoundGraceSeconds must be a number of seconds ≥ 0, but is ${grace}`);
    }
    const portfolio = portfolioIdAndArn(this, props.portfolio);
    const provider = PortfolioShareProvider.of(this, { totalTimeout: timeout, queryInterval, runtime: props.runtime ?? Runtime.NODEJS_24_X });
    provider.grantShareActions(portfolio.arn);
    // The service refuses a second share action on a portfolio while one runs (InvalidStateException).
    // CloudFormation would start the shares of one portfolio in parallel; chaining them in the order
    // they are declared keeps every share action alone on its portfolio (the handlers' retry absorbs
    // actions started elsewhere).
    const stack = Stack.of(this);
    const shares = lastShareOf.get(stack) ?? new Map<string, Construct>();
    lastShareOf.set(stack, shares);
    const previous = shares.get(portfolio.arn);
    if (previous !== undefined) this.node.addDependency(previous);
    shares.set(portfolio.arn, this);
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: RESOURCE_TYPE,
      properties: {
        [PROPERTY.portfolioId]: portfolio.id,
        [PROPERTY.node]: { Type: props.shareWith.type, Value: props.shareWith.value },
        [PROPERTY.shareTagOptions]: props.shareTagOptions ?? false,
        [PROPERTY.sharePrincipals]: props.sharePrincipals ?? false,
        [PROPERTY.acceptPartialSuccess]: props.acceptPartialSuccess ?? false,
        [PROPERTY.tolerateDuplicates]: props.tolerateDuplicates ?? true,
        [PROPERTY.notFoundGraceSeconds]: grace,
      },
    });
    this.shareToken = this.resource.getAttString(ATTRIBUTE.token);
    this.sharedAccountCount = Token.asNumber(this.resource.getAtt(ATTRIBUTE.sharedAccountCount));
  }
}
