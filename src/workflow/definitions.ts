import type { QueryLanguage, StateMachineDefinition } from './asl.js';
import { jsonataWaitMachine } from './jsonataMachine.js';
import { jsonPathWaitMachine } from './jsonPathMachine.js';
import { lambdaWaitMachine } from './lambdaMachine.js';
import { jsonataMapMachine, jsonPathMapMachine, type MapMachineOptions } from './mapMachine.js';
import type { ShareAction } from './options.js';

/** What `generateStateMachine` makes. */
export interface StateMachineSpec extends MapMachineOptions {
  /** @default 'JSONPath' */
  queryLanguage?: QueryLanguage;
  /** Make this share action before waiting (ignored with `map`, whose items name their own). */
  action?: ShareAction | undefined;
  /** A Map over a plan of shares (input: `planToExecutionInput(plan)`). */
  map?: boolean;
  /** Check through the `portfolio-share-waiter/lambda` handler at this function ARN (JSONPath only). */
  lambdaFunctionArn?: string | undefined;
}

/** The one entry to every generated machine: a typed ASL definition, ready for JSON.stringify. */
export function generateStateMachine(spec: StateMachineSpec = {}): StateMachineDefinition {
  const language = spec.queryLanguage ?? 'JSONPath';
  if (spec.lambdaFunctionArn !== undefined) {
    if (spec.map === true || spec.action !== undefined || language !== 'JSONPath') {
      throw new TypeError('the Lambda variant waits for an existing share token in JSONPath: it takes no action, map or JSONata');
    }
    return lambdaWaitMachine({ ...spec, functionArn: spec.lambdaFunctionArn });
  }
  if (spec.map === true) return language === 'JSONata' ? jsonataMapMachine(spec) : jsonPathMapMachine(spec);
  const action = spec.action ?? 'none';
  return language === 'JSONata' ? jsonataWaitMachine(action, spec) : jsonPathWaitMachine(action, spec);
}
