// Every outcome the CLI can report, through each of its renderers: the text report, the GitHub Actions
// annotations and the step summary. Built from the library's real error classes.
import type { JsonReport } from '../../src/cli/formatJson.js';
import { annotations, outputs, stepSummary } from '../../src/cli/githubActions.js';
import { formatOutcomeText, formatText } from '../../src/cli/formatText.js';
import { outcomeOfError, outcomeOfStatusResult, outcomeOfWaitResult, type TokenOutcome } from '../../src/cli/outcome.js';
import { ApiError, InvalidInputError, ShareFailedError, WaitAbortedError, WaitTimeoutError } from '../../src/errors.js';
import { parseGithubOutput } from '../support/githubOutput.js';
import { result } from './fakes.js';

const T = 'share-t';
const ended = { token: T, attempts: 4, elapsedSeconds: 125 };

// Built inside each test (not at load time) so that a mutation tool sees which tests reach the code.
let timeout: TokenOutcome, timeoutNoCheck: TokenOutcome, interruptedTerm: TokenOutcome, interruptedDefault: TokenOutcome, apiError: TokenOutcome, apiErrorBare: TokenOutcome, foreignError: TokenOutcome, thrownString: TokenOutcome, invalid: TokenOutcome, failedNoErrors: TokenOutcome, throttled: TokenOutcome, inProgress: TokenOutcome, partialAccepted: TokenOutcome, onlyDuplicates: TokenOutcome, partialRefused: TokenOutcome;
let all: Record<string, TokenOutcome>;
beforeEach(() => {
  timeout = outcomeOfError(T, new WaitTimeoutError('m', { ...ended, lastStatus: 'IN_PROGRESS', lastResult: result(T, { status: 'IN_PROGRESS' }) }));
  timeoutNoCheck = outcomeOfError(T, new WaitTimeoutError('m', { token: T, attempts: 0, elapsedSeconds: 0 }));
  interruptedTerm = outcomeOfError(T, new WaitAbortedError('m', { ...ended, lastStatus: 'NOT_STARTED' }), 'SIGTERM');
  interruptedDefault = outcomeOfError(T, new WaitAbortedError('m', { token: T, attempts: 1, elapsedSeconds: 1 }), undefined, 'IN_PROGRESS');
  apiError = outcomeOfError(
    T,
    new ApiError('m', { token: T, serviceErrorName: 'AccessDeniedException', serviceMessage: 'not the management account', requestId: 'req-1', httpStatusCode: 403, attempts: 1, elapsedSeconds: 0 }),
  );
  apiErrorBare = outcomeOfError(T, new ApiError('m', { serviceErrorName: 'ResourceNotFoundException', serviceMessage: 'no such share' }));
  foreignError = outcomeOfError(T, Object.assign(new Error('Could not load credentials'), { name: 'CredentialsProviderError' }), undefined, 'NOT_STARTED');
  thrownString = outcomeOfError(T, 'boom');
  invalid = outcomeOfError(T, new InvalidInputError('maxWaitTime must be a number of seconds, got -1', { option: 'maxWaitTime', received: -1 }));
  failedNoErrors = outcomeOfError(
    T,
    new ShareFailedError('m', {
      token: T,
      status: 'ERROR',
      portfolioId: 'port-1',
      organizationNodeValue: 'o-exampleorg01',
      shareDetails: {},
      failedAccounts: [],
      throttledAccounts: [],
      attempts: 2,
      elapsedSeconds: 3,
    }),
  );
  throttled = outcomeOfStatusResult(
    result(T, {
      status: 'ERROR',
      shareDetails: {
        SuccessfulShares: [],
        ShareErrors: [
          { Accounts: ['111111111111', '222222222222'], Error: 'ThrottlingException' },
          { Error: 'InternalFailure', Message: 'no accounts named' },
        ],
      },
    }),
    false,
  );
  inProgress = outcomeOfStatusResult(result(T, { status: 'NOT_STARTED', shareDetails: { SuccessfulShares: [] } }), false);
  partialAccepted = outcomeOfStatusResult(
    result(T, { status: 'COMPLETED_WITH_ERRORS', shareDetails: { SuccessfulShares: ['1'], ShareErrors: [{ Accounts: ['2'], Error: 'AccessDenied' }] } }),
    true,
  );
  onlyDuplicates = outcomeOfStatusResult(
    result(T, { status: 'COMPLETED_WITH_ERRORS', shareDetails: { ShareErrors: [{ Accounts: ['3', '4'], Error: 'DuplicateResourceException' }] } }),
    false,
  );
  partialRefused = outcomeOfStatusResult(
    result(T, { status: 'COMPLETED_WITH_ERRORS', shareDetails: { SuccessfulShares: ['1'], ShareErrors: [{ Accounts: ['2'], Error: 'AccessDenied' }] } }),
    false,
  );
  all = { timeout, timeoutNoCheck, interruptedTerm, interruptedDefault, apiError, apiErrorBare, foreignError, thrownString, invalid, failedNoErrors, throttled, inProgress, partialAccepted, onlyDuplicates, partialRefused };
});

describe('classification', () => {
  test.each([
    ['timeout', 'timeout', 'timeout', 3, 'IN_PROGRESS'],
    ['timeout before any answer', 'timeoutNoCheck', 'timeout', 3, null],
    ['SIGTERM', 'interruptedTerm', 'interrupted', 143, 'NOT_STARTED'],
    ['an abort without a signal (counted as SIGINT)', 'interruptedDefault', 'interrupted', 130, 'IN_PROGRESS'],
    ['an API error', 'apiError', 'api-error', 4, null],
    ['an error not of ours', 'foreignError', 'api-error', 4, 'NOT_STARTED'],
    ['a thrown string', 'thrownString', 'api-error', 4, null],
    ['invalid input', 'invalid', 'invalid-input', 2, null],
    ['ERROR without share errors', 'failedNoErrors', 'failed', 1, 'ERROR'],
    ['a status check of an ERROR share', 'throttled', 'failed', 1, 'ERROR'],
    ['a status check still running', 'inProgress', 'in-progress', 5, 'NOT_STARTED'],
    ['partial success accepted', 'partialAccepted', 'completed', 0, 'COMPLETED_WITH_ERRORS'],
    ['only duplicates', 'onlyDuplicates', 'completed', 0, 'COMPLETED_WITH_ERRORS'],
    ['partial success refused', 'partialRefused', 'failed', 1, 'COMPLETED_WITH_ERRORS'],
  ] as const)('%s', (_name, key, outcome, exitCode, status) => {
    const o = all[key] as TokenOutcome;
    expect({ outcome: o.outcome, exitCode: o.exitCode, status: o.status }).toEqual({ outcome, exitCode, status });
  });

  test('error data: toJSON of our errors, name and message of others, a string as message', () => {
    expect(apiError.error).toMatchObject({ name: 'ApiError', code: 'API_ERROR', serviceErrorName: 'AccessDeniedException', requestId: 'req-1' });
    expect(foreignError.error).toEqual({ name: 'CredentialsProviderError', message: 'Could not load credentials' });
    expect(thrownString.error).toEqual({ name: 'Error', message: 'boom' });
    expect(foreignError.view).toMatchObject({ serviceErrorName: 'CredentialsProviderError', serviceMessage: 'Could not load credentials' });
    expect(thrownString.view).toEqual({ failedAccounts: [], throttledAccounts: [], duplicateAccounts: [], message: 'boom' });
  });

  test('views carry what the renderers need', () => {
    expect(timeout.view).toMatchObject({ attempts: 4, elapsedSeconds: 125, portfolioId: 'port-abcd1234efgh5', signal: undefined });
    expect(interruptedTerm.view.signal).toBe('SIGTERM');
    expect(interruptedDefault.view.signal).toBe('SIGINT');
    expect(apiError.view).toMatchObject({ requestId: 'req-1', httpStatusCode: 403, attempts: 1, elapsedSeconds: 0 });
    expect(throttled.view.throttledAccounts).toEqual(['111111111111', '222222222222']);
    expect(partialAccepted.warnings).toEqual(['partial success accepted: the share failed for 1 account: 2']);
    expect(onlyDuplicates.warnings).toEqual(['2 accounts already had the portfolio (DuplicateResourceException), tolerated: 3, 4']);
    expect(onlyDuplicates.view.failedAccounts).toEqual([]);
    expect(outcomeOfWaitResult(result(T)).warnings).toEqual([]);
  });
});

describe('text report', () => {
  test.each([
    ['timeout', `${T}: timed out after 2m05s (4 checks); last status IN_PROGRESS\n`],
    ['timeoutNoCheck', `${T}: timed out after 0s (0 checks); last status none (no check answered)\n`],
    ['interruptedTerm', `${T}: interrupted by SIGTERM after 2m05s (4 checks); last status NOT_STARTED\n`],
    ['interruptedDefault', `${T}: interrupted by SIGINT after 1s (1 check); last status IN_PROGRESS\n`],
    ['invalid', `${T}: invalid input: maxWaitTime must be a number of seconds, got -1\n`],
    ['apiErrorBare', `${T}: API error ResourceNotFoundException: no such share\n`],
    ['thrownString', `${T}: API error Error: boom\n`],
    ['failedNoErrors', `${T}: ERROR after 3s (2 checks)\n  portfolio   port-1\n  node        o-exampleorg01\n  successful  none yet\n`],
  ] as Array<[string, string]>)('%s: the first lines', (key, text) => {
    expect(formatOutcomeText(all[key] as TokenOutcome, false).startsWith(text)).toBe(true);
  });

  test('an API error names the request id and HTTP status', () => {
    expect(formatOutcomeText(apiError, false).split('\n')[0]).toBe(`${T}: API error AccessDeniedException: not the management account (request id req-1, HTTP 403)`);
  });

  test('throttled accounts get the delete-and-recreate advice; an error without accounts is listed too', () => {
    const text = formatOutcomeText(throttled, false);
    expect(text).toContain('  error       ThrottlingException on 2 accounts: 111111111111, 222222222222\n');
    expect(text).toContain('  error       InternalFailure on 0 accounts: \n              no accounts named\n');
    expect(text).toContain('Delete the share and create it again to reach those accounts.');
  });

  test('colors: green for a plain success, yellow with warnings or still running, red for failures', () => {
    expect(formatOutcomeText(outcomeOfWaitResult(result(T)), true)).toContain('\x1b[32mCOMPLETED\x1b[0m');
    expect(formatOutcomeText(onlyDuplicates, true)).toContain('\x1b[33mCOMPLETED_WITH_ERRORS\x1b[0m');
    expect(formatOutcomeText(inProgress, true)).toContain('\x1b[33mNOT_STARTED\x1b[0m (not finished)');
    expect(formatOutcomeText(timeout, true)).toContain('\x1b[31mtimed out\x1b[0m');
    expect(formatOutcomeText(interruptedTerm, true)).toContain('\x1b[33minterrupted by SIGTERM\x1b[0m');
  });

  test('quiet keeps only what did not pass and drops the tally', () => {
    const ok = outcomeOfWaitResult(result(T));
    expect(formatText([ok, timeout], 3, false, true)).toBe(formatOutcomeText(timeout, false));
    expect(formatText([ok, timeout, invalid], 2, false, false)).toMatch(/\n3 shares: 1 completed, 1 timeout, 1 invalid-input; exit code 2\n$/);
    expect(formatText([ok], 0, false, false)).toBe(formatOutcomeText(ok, false));
  });
});

describe('annotations', () => {
  test.each([
    ['timeout', `::error title=Portfolio share ${T}::timed out after 125s; last status IN_PROGRESS\n`],
    ['timeoutNoCheck', `::error title=Portfolio share ${T}::timed out after 0s; last status unknown\n`],
    ['interruptedTerm', `::error title=Portfolio share ${T}::interrupted by SIGTERM; last status NOT_STARTED\n`],
    ['apiError', `::error title=Portfolio share ${T}::API error AccessDeniedException: not the management account\n`],
    ['thrownString', `::error title=Portfolio share ${T}::API error Error: boom\n`],
    ['invalid', `::error title=Portfolio share ${T}::invalid input: maxWaitTime must be a number of seconds, got -1\n`],
    ['failedNoErrors', `::error title=Portfolio share ${T}::share ended ERROR\n`],
    ['inProgress', `::notice title=Portfolio share ${T}::share is still NOT_STARTED\n`],
    ['partialAccepted', `::warning title=Portfolio share ${T}::partial success accepted: the share failed for 1 account: 2\n`],
    [
      'throttled',
      `::error title=Portfolio share ${T}::ERROR: ThrottlingException on 2 accounts (111111111111, 222222222222)\n` +
        `::error title=Portfolio share ${T}::ERROR: InternalFailure on 0 accounts (): no accounts named\n` +
        `::error title=Portfolio share ${T}::throttled inside the share: 2 accounts (111111111111, 222222222222); delete the share and create it again to reach them\n`,
    ],
  ] as Array<[string, string]>)('%s', (key, text) => {
    expect(annotations([all[key] as TokenOutcome])).toBe(text);
  });

  test('a view with neither status nor messages still reads', () => {
    const bare: TokenOutcome = { ...failedNoErrors, status: null };
    expect(annotations([bare])).toBe(`::error title=Portfolio share ${T}::share ended in failure\n`);
    const noMessage: TokenOutcome = { ...invalid, view: { ...invalid.view, message: undefined } };
    expect(annotations([noMessage])).toBe(`::error title=Portfolio share ${T}::invalid input: \n`);
    const noSignal: TokenOutcome = { ...interruptedTerm, status: null, view: { ...interruptedTerm.view, signal: undefined } };
    expect(annotations([noSignal])).toBe(`::error title=Portfolio share ${T}::interrupted by a signal; last status unknown\n`);
  });
});

test('a share error without an error name is an UnknownError everywhere', () => {
  const unnamed = outcomeOfStatusResult(result(T, { status: 'ERROR', shareDetails: { ShareErrors: [{ Accounts: ['9'] }] } }), false);
  expect(annotations([unnamed])).toBe(`::error title=Portfolio share ${T}::ERROR: UnknownError on 1 account (9)\n`);
  expect(formatOutcomeText(unnamed, false)).toContain('  error       UnknownError on 1 account: 9\n');
  expect(stepSummary('status', [unnamed], 1)).toContain(`- \`${T}\`: **UnknownError** on 1 account (9)\n`);
});

describe('step summary', () => {
  test('icons per outcome, dashes for what is unknown, notes for API errors and throttling', () => {
    const rows = stepSummary('wait', [timeoutNoCheck, interruptedTerm, apiError, invalid, inProgress, onlyDuplicates, throttled], 143).split('\n');
    expect(rows[0]).toBe('### portfolio-share wait: exit code 143');
    expect(rows.slice(4, 11)).toEqual([
      `| \`${T}\` | ⏱️ timeout | — | — | — | 0 | 0 | 0s |`,
      `| \`${T}\` | ⏹️ interrupted | NOT_STARTED | — | — | 0 | 0 | 125s |`,
      `| \`${T}\` | ❌ api-error | — | — | — | 0 | 0 | 0s |`,
      `| \`${T}\` | ❌ invalid-input | — | — | — | 0 | 0 | — |`,
      `| \`${T}\` | ⏳ in-progress | NOT_STARTED | port-abcd1234efgh5 | ou-ab12-prod0001 | 0 | 0 | 13s |`,
      `| \`${T}\` | ⚠️ completed | COMPLETED_WITH_ERRORS | port-abcd1234efgh5 | ou-ab12-prod0001 | 0 | 0 | 13s |`,
      `| \`${T}\` | ❌ failed | ERROR | port-abcd1234efgh5 | ou-ab12-prod0001 | 0 | 2 | 13s |`,
    ]);
    expect(rows.slice(12)).toEqual([
      `- \`${T}\`: AccessDeniedException: not the management account`,
      `- \`${T}\`: **DuplicateResourceException** on 2 accounts (3, 4)`,
      `- \`${T}\`: 2 accounts already had the portfolio (DuplicateResourceException), tolerated: 3, 4`,
      `- \`${T}\`: **ThrottlingException** on 2 accounts (111111111111, 222222222222)`,
      `- \`${T}\`: **InternalFailure** on 0 accounts () — no accounts named`,
      `- \`${T}\`: throttled accounts will not get the portfolio from this share; delete it and create it again.`,
      '',
      '',
    ]);
  });
});

describe('fallbacks when a view lacks a field', () => {
  const bareView = { failedAccounts: [], throttledAccounts: [], duplicateAccounts: [] };
  const bare = (outcome: TokenOutcome['outcome'], view: Partial<TokenOutcome['view']> = {}): TokenOutcome => ({
    token: T,
    outcome,
    exitCode: 4,
    status: null,
    result: undefined,
    warnings: [],
    view: { ...bareView, ...view },
  });

  test('annotations', () => {
    expect(annotations([bare('failed', { shareDetails: { ShareErrors: [{ Accounts: ['1'], Error: 'E' }] } })])).toBe(`::error title=Portfolio share ${T}::failed: E on 1 account (1)\n`);
    expect(annotations([bare('timeout')])).toBe(`::error title=Portfolio share ${T}::timed out after 0s; last status unknown\n`);
    expect(annotations([bare('api-error', { message: 'only a message' })])).toBe(`::error title=Portfolio share ${T}::API error Error: only a message\n`);
    expect(annotations([bare('api-error')])).toBe(`::error title=Portfolio share ${T}::API error Error: \n`);
    expect(annotations([bare('in-progress')])).toBe(`::notice title=Portfolio share ${T}::share is still in progress\n`);
  });

  test('text', () => {
    expect(formatOutcomeText(bare('interrupted'), false)).toBe(`${T}: interrupted by a signal; last status none (no check answered)\n`);
    expect(formatOutcomeText(bare('api-error', { message: 'only a message' }), false)).toBe(`${T}: API error Error: only a message\n`);
    expect(formatOutcomeText(bare('api-error'), false)).toBe(`${T}: API error Error: \n`);
    expect(formatOutcomeText(bare('invalid-input'), false)).toBe(`${T}: invalid input: \n`);
    expect(formatOutcomeText(bare('failed', { throttledAccounts: ['9'] }), false)).toContain('to reach that account.');
    expect(formatOutcomeText(bare('failed', { elapsedSeconds: 119.6, attempts: 1 }), false)).toBe(`${T}: unknown status after 2m00s (1 check)\n`);
  });

  test('step summary notes', () => {
    expect(stepSummary('wait', [bare('api-error', { message: 'only a message' })], 4)).toContain(`- \`${T}\`: Error: only a message\n`);
    expect(stepSummary('wait', [bare('api-error')], 4)).toContain(`- \`${T}\`: Error: \n`);
  });

  test('outputs of no outcome at all', () => {
    expect(parseGithubOutput(outputs({ command: 'wait', exitCode: 0, results: [] } as unknown as JsonReport, []))).toEqual({
      status: 'UNKNOWN',
      outcome: 'completed',
      'exit-code': '0',
      result: '{"command":"wait","exitCode":0,"results":[]}',
    });
  });
});
