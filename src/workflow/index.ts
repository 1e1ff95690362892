// Public exports of `portfolio-share-waiter/workflow`: Step Functions definitions, their IAM policies and plans.
export { generateStateMachine, type StateMachineSpec } from './definitions.js';
export { jsonPathWaitMachine } from './jsonPathMachine.js';
export { jsonataWaitMachine } from './jsonataMachine.js';
export { jsonPathMapMachine, jsonataMapMachine, DEFAULT_MAP_MAX_CONCURRENCY, PLAN_FAILED_ERROR, type MapMachineOptions } from './mapMachine.js';
export { lambdaWaitMachine, FUNCTION_ARN_PLACEHOLDER, LAMBDA_FAILURES } from './lambdaMachine.js';
export { iamPolicy, type PolicyDocument } from './iamPolicy.js';
export { planToExecutionInput, type SharePlan, type SharePlanEntry, type MapMachineItem, type MapMachineInput } from './plan.js';
export { delayTable, wholeSecondDelay, jsonataDelayExpression, type DelayTable, type MachineScheduleOptions } from './machineSchedule.js';
export { DEFAULT_MACHINE_MAX_WAIT_TIME, DEFAULT_MACHINE_NOT_FOUND_GRACE_SECONDS, SHARE_ACTIONS, type ShareAction, type WaitMachineOptions } from './options.js';
export { serviceCatalogErrorName, TRANSIENT_TASK_ERRORS } from './taskErrors.js';
export type * from './asl.js';
