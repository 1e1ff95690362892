import type { ChoiceRule, JsonObject, State, StateMachineDefinition } from './asl.js';
import { expr, FAILED_ACCOUNTS, js, object, ONLY_DUPLICATES, statusIn, THROTTLED_ACCOUNTS, DUPLICATE_ACCOUNTS } from './jsonataExpressions.js';
import { OUTCOME, type Terminal } from './jsonPathOutcomes.js';
import { DESCRIBE_RESOURCE, POLL, TRANSIENT_RETRY } from './jsonPathPolling.js';
import { ACTION_RESOURCE, ACTION_STATE, INVALID_STATE_RETRY } from './jsonPathShareAction.js';
import { assertHistoryFits, delayTable, jsonataDelayExpression } from './machineSchedule.js';
import { reachableStates } from './reachable.js';
import { resolveWaitOptions, SHARE_ACTIONS, type ResolvedWaitOptions, type ShareAction, type WaitMachineOptions } from './options.js';
import { statusRoutes } from './statusRoutes.js';
import type { PortfolioShareStatus } from '../types.js';
import { NOT_FOUND_ERROR, TRANSIENT_TASK_ERRORS } from './taskErrors.js';

const COUNTERS = { attempt: '$attempt', elapsedSeconds: '$elapsed' };
const DESCRIBED = { token: '$token', share: '$share', status: '$check.Status', describe: '$check' };

function end(name: string, fields: Record<string, string>, terminal: Terminal, code?: string): State {
  const all = code === undefined ? { ok: 'true', ...fields } : { ok: 'false', code: js(code), ...fields };
  if (code === undefined || terminal === 'outcome') return { Type: 'Pass', Output: expr(object(all)), End: true };
  const { ok: _ok, ...cause } = all;
  return { Type: 'Fail', Comment: `${name}: Cause is the outcome as JSON`, Error: code, Cause: expr(`$string(${object(cause)})`) };
}

function outcomes(options: ResolvedWaitOptions, terminal: Terminal): Record<string, State> {
  const shareErrors = { failedAccounts: FAILED_ACCOUNTS, throttledAccounts: THROTTLED_ACCOUNTS };
  const attempts = { attempts: COUNTERS.attempt, elapsedSeconds: COUNTERS.elapsedSeconds };
  return {
    [OUTCOME.succeeded]: end(OUTCOME.succeeded, { ...DESCRIBED, duplicateAccounts: `$check.Status = "COMPLETED" ? [] : ${DUPLICATE_ACCOUNTS}`, ...attempts }, terminal),
    [OUTCOME.shareFailed]: end(OUTCOME.shareFailed, { ...DESCRIBED, ...shareErrors, ...attempts }, terminal, 'SHARE_FAILED'),
    [OUTCOME.completedWithErrors]: end(OUTCOME.completedWithErrors, { ...DESCRIBED, ...shareErrors, ...attempts }, terminal, 'SHARE_COMPLETED_WITH_ERRORS'),
    [OUTCOME.timedOut]: end(
      OUTCOME.timedOut,
      { token: '$token', share: '$share', lastCheck: '$check', lastError: '$error', maxWaitTime: js(options.maxWaitTime), ...attempts },
      terminal,
      'WAIT_TIMEOUT',
    ),
    [OUTCOME.apiError]: end(OUTCOME.apiError, { token: '$token', share: '$share', error: '$error', ...attempts }, terminal, 'API_ERROR'),
    [OUTCOME.unexpectedStatus]: end(
      OUTCOME.unexpectedStatus,
      { token: '$token', share: '$share', error: object({ Error: js('UnexpectedResponseError'), Cause: js('DescribePortfolioShareStatus answered no known Status') }), describe: '$check', ...attempts },
      terminal,
      'API_ERROR',
    ),
    [OUTCOME.actionFailed]: end(OUTCOME.actionFailed, { share: '$share', error: '$error' }, terminal, 'API_ERROR'),
  };
}

/** RouteStatus: the acceptor's routes as JSONata conditions, the deadline before the pending statuses. */
function routeChoices(options: ResolvedWaitOptions): ChoiceRule[] {
  const routes = statusRoutes(options);
  const choices: ChoiceRule[] = [];
  const statuses = Object.keys(routes) as PortfolioShareStatus[];
  const succeed = statuses.filter((s) => routes[s].kind === 'succeed');
  choices.push({ Condition: expr(statusIn(succeed)), Next: OUTCOME.succeeded });
  for (const status of statuses) {
    const route = routes[status];
    if (route.kind === 'succeedIfOnlyDuplicates') choices.push({ Condition: expr(`${statusIn([status])} and ${ONLY_DUPLICATES}`), Next: OUTCOME.succeeded });
    if (route.kind === 'fail' || route.kind === 'succeedIfOnlyDuplicates') {
      choices.push({ Condition: expr(statusIn([status])), Next: route.code === 'SHARE_FAILED' ? OUTCOME.shareFailed : OUTCOME.completedWithErrors });
    }
  }
  const pending = statuses.filter((s) => routes[s].kind === 'pending');
  choices.push({ Condition: expr(`${statusIn(pending)} and $elapsed >= ${js(options.maxWaitTime)}`), Next: OUTCOME.timedOut });
  choices.push({ Condition: expr(statusIn(pending)), Next: POLL.wait });
  return choices;
}

const afterCheck = (result: string): JsonObject => ({
  check: expr(result),
  attempt: expr('$attempt + 1'),
  elapsed: expr('($millis() - $startedAt) / 1000'),
});

function actionState(action: ShareAction): State {
  const args: JsonObject = { PortfolioId: expr('$states.input.PortfolioId'), OrganizationNode: expr('$states.input.OrganizationNode') };
  if (action !== 'delete') {
    args.ShareTagOptions = expr('$states.input.ShareTagOptions = true');
    args.SharePrincipals = expr('$states.input.SharePrincipals = true');
  }
  const share = expr(object({ PortfolioId: '$states.input.PortfolioId', OrganizationNode: '$states.input.OrganizationNode', action: js(action) }));
  return {
    Type: 'Task',
    Resource: ACTION_RESOURCE[action],
    Arguments: args,
    Assign: { share, token: expr('$states.result.PortfolioShareToken') },
    Retry: [INVALID_STATE_RETRY, TRANSIENT_RETRY],
    Catch: [{ ErrorEquals: ['States.ALL'], Assign: { share, error: expr('$states.errorOutput') }, Next: OUTCOME.actionFailed }],
    Next: POLL.start,
  };
}

/** The JSONata states of one share; shared by the single machine and the Map's items. */
export function jsonataShareStates(action: ShareAction | 'none' | 'fromInput', options: WaitMachineOptions, terminal: Terminal): { startAt: string; states: Record<string, State> } {
  const resolved = resolveWaitOptions(options);
  // Per check: the Task (5 events), RouteStatus and the Wait (2 each).
  assertHistoryFits(delayTable(resolved.maxWaitTime, 0, resolved).delays.length + 1, 9, resolved.maxWaitTime);
  const states: Record<string, State> = {};
  const actions = action === 'fromInput' ? SHARE_ACTIONS : action === 'none' ? [] : [action];
  if (action === 'fromInput') {
    states.ShareAction = {
      Type: 'Choice',
      Choices: SHARE_ACTIONS.map((a) => ({ Condition: expr(`$states.input.action = ${js(a)}`), Next: ACTION_STATE[a] })),
      Default: ACTION_STATE.create,
    };
  }
  for (const a of actions) states[ACTION_STATE[a]] = actionState(a);
  const start: JsonObject = { startedAt: expr('$millis()'), attempt: 0, elapsed: 0, check: null, error: null };
  if (action === 'none') {
    start.token = expr('$states.input.PortfolioShareToken');
    start.share = expr(object({ PortfolioShareToken: '$states.input.PortfolioShareToken' }));
  }
  const errorCatch = (next: string) => ({ ErrorEquals: [] as string[], Assign: { ...afterCheck('$check'), error: expr('$states.errorOutput') }, Next: next });
  Object.assign(states, {
    [POLL.start]: { Type: 'Pass', Assign: start, Next: POLL.describe },
    [POLL.describe]: {
      Type: 'Task',
      Resource: DESCRIBE_RESOURCE,
      Arguments: { PortfolioShareToken: expr('$token') },
      Assign: { ...afterCheck('$states.result'), error: null },
      Retry: [TRANSIENT_RETRY],
      Catch: [
        { ...errorCatch(POLL.notFound), ErrorEquals: [NOT_FOUND_ERROR] },
        { ...errorCatch(POLL.deadline), ErrorEquals: [...TRANSIENT_TASK_ERRORS] },
        { ...errorCatch(OUTCOME.apiError), ErrorEquals: ['States.ALL'] },
      ],
      Next: POLL.route,
    },
    [POLL.route]: { Type: 'Choice', Choices: routeChoices(resolved), Default: OUTCOME.unexpectedStatus },
    [POLL.notFound]: {
      Type: 'Choice',
      Choices: [{ Condition: expr(`$elapsed < ${js(resolved.notFoundGraceSeconds)}`), Next: POLL.deadline }],
      Default: OUTCOME.apiError,
    },
    [POLL.deadline]: { Type: 'Choice', Choices: [{ Condition: expr(`$elapsed >= ${js(resolved.maxWaitTime)}`), Next: OUTCOME.timedOut }], Default: POLL.wait },
    [POLL.wait]: {
      Type: 'Wait',
      Comment: 'the schedule of src/schedule.ts in whole seconds, jitter at its midpoint; the last wait ends at maxWaitTime',
      Seconds: expr(waitSecondsExpression(resolved)),
      Next: POLL.describe,
    },
    ...outcomes(resolved, terminal),
  });
  const startAt = action === 'fromInput' ? 'ShareAction' : action === 'none' ? POLL.start : ACTION_STATE[action];
  return { startAt, states: reachableStates(startAt, states) };
}

/** The Wait's seconds: the schedule's delay at `$elapsed`, cut so the last check falls on the deadline. */
export function waitSecondsExpression(options: ResolvedWaitOptions): string {
  return `$min([${jsonataDelayExpression('$elapsed', options)}, $max([1, $ceil(${js(options.maxWaitTime)} - $elapsed)])])`;
}

/** The JSONata twin of {@link jsonPathWaitMachine}: same input, outcomes and codes; delays computed from elapsed time. */
export function jsonataWaitMachine(action: ShareAction | 'none', options: WaitMachineOptions = {}): StateMachineDefinition {
  const { startAt, states } = jsonataShareStates(action, options, 'fail');
  const what = action === 'none' ? 'Wait for a portfolio share' : `${action[0]?.toUpperCase()}${action.slice(1)} a portfolio share and wait for it`;
  return { Comment: `${what} (generated by portfolio-share-waiter)`, QueryLanguage: 'JSONata', StartAt: startAt, States: states };
}
