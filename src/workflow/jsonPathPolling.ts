import { DEFAULT_RETRY } from '../describe.js';
import type { PortfolioShareStatus } from '../types.js';
import type { ChoiceRule, JsonObject, Retrier, State } from './asl.js';
import { OUTCOME } from './jsonPathOutcomes.js';
import { SHARE_ERRORS, shareErrorStates } from './jsonPathShareErrors.js';
import { assertHistoryFits, delayTable } from './machineSchedule.js';
import type { ResolvedWaitOptions } from './options.js';
import { statusRoutes, type StatusRoute } from './statusRoutes.js';
import { NOT_FOUND_ERROR, TRANSIENT_TASK_ERRORS } from './taskErrors.js';

/** State names of the polling loop (the tests bind and shorten them by name). */
export const POLL = {
  start: 'StartWaiting',
  describe: 'DescribeShareStatus',
  route: 'RouteStatus',
  notFound: 'NotFoundInGrace',
  deadline: 'CheckDeadline',
  nextDelay: 'NextDelay',
  wait: 'WaitForNextCheck',
  ...SHARE_ERRORS,
} as const;

export const DESCRIBE_RESOURCE = 'arn:aws:states:::aws-sdk:servicecatalog:describePortfolioShareStatus';

/** The waiter's per-call retry, in the Task's terms (whole seconds). */
export const TRANSIENT_RETRY: Retrier = {
  ErrorEquals: [...TRANSIENT_TASK_ERRORS],
  IntervalSeconds: Math.max(1, Math.round(DEFAULT_RETRY.minTimeout / 1000)),
  MaxAttempts: DEFAULT_RETRY.retries,
  BackoffRate: DEFAULT_RETRY.factor,
  MaxDelaySeconds: Math.max(1, Math.round(DEFAULT_RETRY.maxTimeout / 1000)),
};

const status = (value: PortfolioShareStatus): ChoiceRule => ({ Variable: '$.check.Status', StringEquals: value });
const anyOf = (statuses: PortfolioShareStatus[]): ChoiceRule => (statuses.length === 1 ? status(statuses[0] as PortfolioShareStatus) : { Or: statuses.map(status) });

/** Choice rules of RouteStatus: terminal statuses, then the deadline, then pending ones. */
function routeChoices(routes: Record<PortfolioShareStatus, StatusRoute>, checks: number): ChoiceRule[] {
  const where = (kinds: StatusRoute['kind'][]): PortfolioShareStatus[] =>
    (Object.keys(routes) as PortfolioShareStatus[]).filter((s) => kinds.includes(routes[s].kind));
  // `Not IsPresent` rather than `IsPresent: false`: the same rule in Step Functions, and
  // aws-local-stepfunctions 3.0.0 never matches `IsPresent: false`.
  const choices: ChoiceRule[] = [{ Not: { Variable: '$.check.Status', IsPresent: true }, Next: OUTCOME.unexpectedStatus }];
  // The acceptor has statuses of every kind (COMPLETED succeeds, ERROR fails, IN_PROGRESS waits); were
  // one kind ever empty, the definition would hold an empty Or and fail validation in the tests.
  const pending = where(['pending']);
  choices.push(
    { ...anyOf(where(['succeed'])), Next: OUTCOME.succeeded },
    { ...anyOf(where(['fail', 'succeedIfOnlyDuplicates'])), Next: POLL.hasErrors },
    { And: [anyOf(pending), { Variable: '$.wait.attempt', NumericGreaterThanEquals: checks }], Next: OUTCOME.timedOut },
    { ...anyOf(pending), Next: POLL.nextDelay },
  );
  return choices;
}

/**
 * The polling loop of one share: StartWaiting (reads the token at `tokenPath`, keeps `share`), then
 * Describe → RouteStatus → NextDelay → Wait → Describe…, the delays read from a table indexed by the
 * attempt with States.ArrayGetItem, the deadline at the end of the table.
 */
export function pollingStates(options: ResolvedWaitOptions, tokenPath: string, share: JsonObject): Record<string, State> {
  const table = delayTable(options.maxWaitTime, options.notFoundGraceSeconds, options);
  const routes = statusRoutes(options);
  const checks = table.delays.length;
  // Per check: the Task (5 events), RouteStatus, NextDelay and the Wait (2 each).
  assertHistoryFits(checks + 1, 11, options.maxWaitTime);
  return {
    [POLL.start]: {
      Type: 'Pass',
      Comment: 'delays: the schedule of src/schedule.ts in whole seconds, jitter at its midpoint; the last wait ends at maxWaitTime',
      Parameters: {
        'token.$': tokenPath,
        share,
        delays: table.delays,
        wait: { attempt: 0, elapsedSeconds: 0, delaySeconds: 0 },
        check: null,
        error: null,
      },
      Next: POLL.describe,
    },
    [POLL.describe]: {
      Type: 'Task',
      Resource: DESCRIBE_RESOURCE,
      Parameters: { 'PortfolioShareToken.$': '$.token' },
      ResultPath: '$.check',
      Retry: [TRANSIENT_RETRY],
      Catch: [
        { ErrorEquals: [NOT_FOUND_ERROR], ResultPath: '$.error', Next: POLL.notFound },
        { ErrorEquals: [...TRANSIENT_TASK_ERRORS], ResultPath: '$.error', Next: POLL.deadline },
        { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: OUTCOME.apiError },
      ],
      Next: POLL.route,
    },
    [POLL.route]: { Type: 'Choice', Choices: routeChoices(routes, checks), Default: OUTCOME.unexpectedStatus },
    [POLL.notFound]: {
      Type: 'Choice',
      Comment: `checks before ${options.notFoundGraceSeconds} s of waiting read "not found" as "not visible yet"`,
      Choices: [{ Variable: '$.wait.attempt', NumericLessThan: table.graceChecks, Next: POLL.deadline }],
      Default: OUTCOME.apiError,
    },
    [POLL.deadline]: {
      Type: 'Choice',
      Choices: [{ Variable: '$.wait.attempt', NumericGreaterThanEquals: checks, Next: OUTCOME.timedOut }],
      Default: POLL.nextDelay,
    },
    [POLL.nextDelay]: {
      Type: 'Pass',
      Parameters: {
        'attempt.$': 'States.MathAdd($.wait.attempt, 1)',
        'elapsedSeconds.$': 'States.MathAdd($.wait.elapsedSeconds, States.ArrayGetItem($.delays, $.wait.attempt))',
        'delaySeconds.$': 'States.ArrayGetItem($.delays, $.wait.attempt)',
      },
      ResultPath: '$.wait',
      Next: POLL.wait,
    },
    [POLL.wait]: { Type: 'Wait', SecondsPath: '$.wait.delaySeconds', Next: POLL.describe },
    ...shareErrorStates(routes),
  };
}
