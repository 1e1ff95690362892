import { DUPLICATE_ERROR } from '../shareAccounts.js';
import { THROTTLING_ERROR_NAMES } from '../serviceError.js';
import type { PortfolioShareStatus } from '../types.js';
import type { ChoiceRule, State } from './asl.js';
import { OUTCOME } from './jsonPathOutcomes.js';
import type { StatusRoute } from './statusRoutes.js';

/**
 * The share errors of a finished share, classified one by one (duplicate, throttled, failed) by an inline
 * Map — JSONPath has no filter that works alike in Step Functions and the local interpreter — then
 * summed up with States.ArrayContains, so a Choice can tell "only duplicates" from a failure.
 */
export const SHARE_ERRORS = {
  hasErrors: 'HasShareErrors',
  noErrors: 'NoShareErrors',
  classify: 'ClassifyShareErrors',
  summarize: 'SummarizeShareErrors',
  decide: 'DecideOnShareErrors',
} as const;

const status = (value: PortfolioShareStatus): ChoiceRule => ({ Variable: '$.check.Status', StringEquals: value });
const failureOutcome = (code: 'SHARE_FAILED' | 'SHARE_COMPLETED_WITH_ERRORS'): string => (code === 'SHARE_FAILED' ? OUTCOME.shareFailed : OUTCOME.completedWithErrors);

/** Choice rules once the share errors are classified: only-duplicates success, else the failure. */
function decideChoices(routes: Record<PortfolioShareStatus, StatusRoute>): ChoiceRule[] {
  const choices: ChoiceRule[] = [];
  for (const [name, route] of Object.entries(routes) as [PortfolioShareStatus, StatusRoute][]) {
    if (route.kind === 'succeedIfOnlyDuplicates') {
      choices.push({
        And: [
          status(name),
          { Variable: '$.summary.count', NumericGreaterThanEquals: 1 },
          { Variable: '$.summary.failed', BooleanEquals: false },
          { Variable: '$.summary.throttled', BooleanEquals: false },
        ],
        Next: OUTCOME.succeeded,
      });
    }
    if (route.kind === 'fail' || route.kind === 'succeedIfOnlyDuplicates') choices.push({ ...status(name), Next: failureOutcome(route.code) });
  }
  return choices;
}

/** One share error's kind: duplicate (the account had the portfolio), throttled, or failed. */
function classifier(): State {
  const throttled: ChoiceRule[] = [...THROTTLING_ERROR_NAMES].map((name) => ({ Variable: '$.Error', StringEquals: name }));
  // The library also counts any name containing "throttl" (any case) as throttling.
  throttled.push({ Variable: '$.Error', StringMatches: '*hrottl*' }, { Variable: '$.Error', StringMatches: '*HROTTL*' });
  return {
    Type: 'Map',
    ItemsPath: '$.check.ShareDetails.ShareErrors',
    ItemProcessor: {
      ProcessorConfig: { Mode: 'INLINE' },
      StartAt: 'ClassifyShareError',
      States: {
        ClassifyShareError: {
          Type: 'Choice',
          Choices: [
            { Not: { Variable: '$.Error', IsPresent: true }, Next: 'FailedShareError' },
            { Variable: '$.Error', StringEquals: DUPLICATE_ERROR, Next: 'DuplicateShareError' },
            { Or: throttled, Next: 'ThrottledShareError' },
          ],
          Default: 'FailedShareError',
        },
        DuplicateShareError: { Type: 'Pass', Result: 'duplicate', End: true },
        ThrottledShareError: { Type: 'Pass', Result: 'throttled', End: true },
        FailedShareError: { Type: 'Pass', Result: 'failed', End: true },
      },
    },
    ResultPath: '$.shareErrorKinds',
    Next: SHARE_ERRORS.summarize,
  };
}

/** The states from a terminal status with share errors to its outcome. */
export function shareErrorStates(routes: Record<PortfolioShareStatus, StatusRoute>): Record<string, State> {
  return {
    [SHARE_ERRORS.hasErrors]: {
      Type: 'Choice',
      Choices: [{ Variable: '$.check.ShareDetails.ShareErrors', IsPresent: true, Next: SHARE_ERRORS.classify }],
      Default: SHARE_ERRORS.noErrors,
    },
    [SHARE_ERRORS.noErrors]: { Type: 'Pass', Result: [], ResultPath: '$.shareErrorKinds', Next: SHARE_ERRORS.summarize },
    [SHARE_ERRORS.classify]: classifier(),
    [SHARE_ERRORS.summarize]: {
      Type: 'Pass',
      Parameters: {
        'count.$': 'States.ArrayLength($.shareErrorKinds)',
        'failed.$': "States.ArrayContains($.shareErrorKinds, 'failed')",
        'throttled.$': "States.ArrayContains($.shareErrorKinds, 'throttled')",
      },
      ResultPath: '$.summary',
      Next: SHARE_ERRORS.decide,
    },
    [SHARE_ERRORS.decide]: { Type: 'Choice', Choices: decideChoices(routes), Default: OUTCOME.unexpectedStatus },
  };
}
