import { OPERATION_NAMES } from './operations.js';
import type { FaultKind, FaultRule } from './types.js';
import { expectNumber, expectObject, expectString, join, ScenarioError } from './scenarioError.js';

export const FAULT_KINDS: readonly FaultKind[] = [
  'throttle',
  'http500',
  'http503',
  'reset',
  'latency',
  'malformed',
  'accessDenied',
  'invalidState',
  'signatureMismatch',
  'unknownStatus',
  'missingStatus',
  'missingShareDetails',
];

const OPERATION = { regex: /^(\*|[A-Z][A-Za-z0-9]{0,99})$/, text: 'an operation name such as "DescribePortfolioShareStatus", or "*"' };

/** Checks one fault rule (from a scenario, `injectFault()` or the control endpoint) and returns a clean copy. */
export function validateFaultRule(value: unknown, field: string): FaultRule {
  const o = expectObject(value, field, ['operation', 'kind', 'count', 'rate', 'latencyMs']);
  const operation = expectString(o.operation, join(field, 'operation'), OPERATION);
  const kindField = join(field, 'kind');
  if (typeof o.kind !== 'string' || !(FAULT_KINDS as readonly string[]).includes(o.kind)) {
    throw new ScenarioError(kindField, `one of ${FAULT_KINDS.join(', ')}`, o.kind);
  }
  const kind = o.kind as FaultKind;
  const rule: FaultRule = { operation, kind };
  if ((o.count === undefined) === (o.rate === undefined)) {
    throw new ScenarioError(join(field, 'count'), 'exactly one of "count" (next N calls) and "rate" (fraction of calls)');
  }
  if (o.count !== undefined) rule.count = expectNumber(o.count, join(field, 'count'), { min: 1, integer: true });
  if (o.rate !== undefined) rule.rate = expectNumber(o.rate, join(field, 'rate'), { min: 0, max: 1 });
  if (kind === 'latency') {
    rule.latencyMs = expectNumber(o.latencyMs, join(field, 'latencyMs'), { min: 0, max: 600_000 });
  } else if (o.latencyMs !== undefined) {
    throw new ScenarioError(join(field, 'latencyMs'), 'no latencyMs: it applies to kind "latency" only', o.latencyMs);
  }
  // A rule for an operation the simulator does not implement could never fire (such calls are
  // answered UnknownOperationException first), so a misspelt name would pass unnoticed.
  if (operation !== '*' && !OPERATION_NAMES.includes(operation)) {
    throw new ScenarioError(join(field, 'operation'), `"*" or an operation the simulator implements (${OPERATION_NAMES.join(', ')})`, operation);
  }
  return rule;
}
