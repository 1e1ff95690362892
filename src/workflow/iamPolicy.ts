import type { StateMachineDefinition } from './asl.js';
import { allStates } from './states.js';

/** An IAM policy document (the part the generators write). */
export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: Array<{ Sid: string; Effect: 'Allow'; Action: string[]; Resource: string | string[] }>;
}

const SDK_TASK = /^arn:aws:states:::aws-sdk:servicecatalog:(\w+)$/;

/**
 * The policy a machine's execution role needs, read from its Task states — Step Functions derives none
 * for AWS SDK integrations. Service Catalog's share actions are allowed on every resource
 * (DescribePortfolioShareStatus takes a token, not a resource ARN); lambda:InvokeFunction on the
 * function (and its versions) a Lambda variant invokes.
 */
export function iamPolicy(definition: StateMachineDefinition): PolicyDocument {
  const serviceCatalog = new Set<string>();
  const functions = new Set<string>();
  for (const [, state] of allStates(definition.States)) {
    if (state.Type !== 'Task') continue;
    const sdk = SDK_TASK.exec(state.Resource);
    if (sdk?.[1] !== undefined) serviceCatalog.add(`servicecatalog:${sdk[1].charAt(0).toUpperCase()}${sdk[1].slice(1)}`);
    const name = state.Parameters?.FunctionName;
    if (state.Resource === 'arn:aws:states:::lambda:invoke' && typeof name === 'string') functions.add(name);
  }
  const statements: PolicyDocument['Statement'] = [];
  if (serviceCatalog.size > 0) statements.push({ Sid: 'PortfolioShares', Effect: 'Allow', Action: [...serviceCatalog].sort(), Resource: '*' });
  if (functions.size > 0) {
    statements.push({ Sid: 'CheckShareFunction', Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: [...functions].flatMap((arn) => [arn, `${arn}:*`]) });
  }
  return { Version: '2012-10-17', Statement: statements };
}
