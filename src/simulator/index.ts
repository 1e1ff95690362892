// Public exports of `portfolio-share-waiter/simulator`.
export { startSimulator, DEFAULT_MAX_BODY_BYTES } from './server.js';
export { loadScenario, validateScenario } from './scenario.js';
export { builtInScenarioNames } from './builtInScenarios.js';
export { ScenarioError } from './scenarioError.js';
export { validateFaultRule, FAULT_KINDS } from './faultRule.js';
export { createManualClock, isManualClock, systemClock, DEFAULT_MANUAL_CLOCK_START_MS } from './clock.js';
export type { ManualClock } from './clock.js';
export { defaultScenario } from './defaultScenario.js';
export { OPERATION_NAMES } from './operations.js';
export { CONTROL_PREFIX } from './control.js';
export { TARGET_PREFIX } from './protocol.js';
export type * from './types.js';
