import type { JsonObject, State } from './asl.js';

/**
 * The terminal states of a JSONPath share machine. Every end is an outcome object `{ ok, code?, … }`
 * built by a Pass state; a single-share machine then fails with `Error` = the code and `Cause` = the
 * outcome as JSON (built in a Pass first: Fail states evaluate no intrinsic functions), while an item
 * of a Map ends with the outcome so the Map can collect every share's.
 */
export const OUTCOME = {
  succeeded: 'ShareSucceeded',
  shareFailed: 'ShareFailed',
  completedWithErrors: 'ShareCompletedWithErrors',
  timedOut: 'WaitTimedOut',
  apiError: 'ApiErrorAnswered',
  unexpectedStatus: 'UnexpectedStatusAnswered',
  actionFailed: 'ShareActionFailed',
  failureCause: 'DescribeFailure',
  failed: 'Failed',
} as const;

/** How a machine ends a share: fail the execution, or end the (Map item's) branch with the outcome. */
export type Terminal = 'fail' | 'outcome';

const attempts = { 'attempts.$': 'States.MathAdd($.wait.attempt, 1)', 'elapsedSeconds.$': '$.wait.elapsedSeconds' };

function outcome(parameters: JsonObject, terminal: Terminal, ok: boolean): State {
  const end = ok || terminal === 'outcome';
  return { Type: 'Pass', Parameters: { ok, ...parameters }, ...(end ? { End: true } : { Next: OUTCOME.failureCause }) };
}

/**
 * Every terminal state; `maxWaitTime` goes into the timeout's outcome. `actionShare` (the Parameters
 * that name the share from a share action's input) adds the outcome of a failed share action.
 */
export function outcomeStates(terminal: Terminal, maxWaitTime: number, actionShare?: JsonObject): Record<string, State> {
  const share = { 'token.$': '$.token', 'share.$': '$.share' };
  const described = { ...share, 'status.$': '$.check.Status', 'describe.$': '$.check' };
  const states: Record<string, State> = {
    [OUTCOME.succeeded]: outcome({ ...described, ...attempts }, terminal, true),
    [OUTCOME.shareFailed]: outcome({ code: 'SHARE_FAILED', ...described, 'shareErrorKinds.$': '$.shareErrorKinds', ...attempts }, terminal, false),
    [OUTCOME.completedWithErrors]: outcome(
      { code: 'SHARE_COMPLETED_WITH_ERRORS', ...described, 'shareErrorKinds.$': '$.shareErrorKinds', ...attempts },
      terminal,
      false,
    ),
    [OUTCOME.timedOut]: outcome({ code: 'WAIT_TIMEOUT', ...share, 'lastCheck.$': '$.check', 'lastError.$': '$.error', maxWaitTime, ...attempts }, terminal, false),
    [OUTCOME.apiError]: outcome({ code: 'API_ERROR', ...share, 'error.$': '$.error', ...attempts }, terminal, false),
    [OUTCOME.unexpectedStatus]: outcome(
      {
        code: 'API_ERROR',
        ...share,
        error: { Error: 'UnexpectedResponseError', Cause: 'DescribePortfolioShareStatus answered no known Status' },
        'describe.$': '$.check',
        ...attempts,
      },
      terminal,
      false,
    ),
  };
  if (actionShare !== undefined) states[OUTCOME.actionFailed] = outcome({ code: 'API_ERROR', share: actionShare, 'error.$': '$.error' }, terminal, false);
  if (terminal === 'fail') {
    states[OUTCOME.failureCause] = { Type: 'Pass', Parameters: { 'code.$': '$.code', 'cause.$': 'States.JsonToString($)' }, Next: OUTCOME.failed };
    states[OUTCOME.failed] = { Type: 'Fail', Comment: 'Error: the outcome code; Cause: the outcome as JSON', ErrorPath: '$.code', CausePath: '$.cause' };
  }
  return states;
}
