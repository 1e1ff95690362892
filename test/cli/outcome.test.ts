import { outcomeOfError, outcomeOfStatusResult, outcomeOfWaitResult, type ShareView } from '../../src/cli/outcome.js';
import { ApiError, InvalidInputError, ShareCompletedWithErrorsError, WaitAbortedError, WaitTimeoutError } from '../../src/errors.js';
import { toShareError } from '../../src/outcome.js';
import { failedAccountsOf, throttledAccountsOf } from '../../src/shareAccounts.js';
import type { ShareDetails } from '../../src/types.js';
import { result } from './fakes.js';

describe('throttled accounts', () => {
  // Throttling inside ShareErrors can carry any of the names AWS SDKs treat as throttling.
  const shareDetails: ShareDetails = {
    ShareErrors: [
      { Accounts: ['111111111111'], Error: 'LimitExceededException', Message: 'Rate exceeded' },
      { Accounts: ['222222222222'], Error: 'ThrottlingException', Message: 'Rate exceeded' },
      { Accounts: ['333333333333'], Error: 'AccessDenied', Message: 'no' },
    ],
  };

  test('a status check names the same throttled accounts as a failed wait of the same share', () => {
    const fromStatus = outcomeOfStatusResult(result('share-t', { status: 'ERROR', shareDetails }), false);
    const waitError = toShareError(
      { status: 'ERROR', shareDetails },
      failedAccountsOf(shareDetails),
      throttledAccountsOf(shareDetails),
      { token: 'share-t', attempts: 1, elapsedSeconds: 1 },
    );
    const fromWait = outcomeOfError('share-t', waitError);
    expect(fromWait.view.throttledAccounts).toEqual(['111111111111', '222222222222']);
    expect(fromStatus.view.throttledAccounts).toEqual(fromWait.view.throttledAccounts);
  });
});

describe('outcomes field by field', () => {
  const T = 'share-t';
  const shareDetails: ShareDetails = {
    SuccessfulShares: ['1'],
    ShareErrors: [
      { Accounts: ['2', '3'], Error: 'AccessDenied' },
      { Accounts: ['4'], Error: 'DuplicateResourceException' },
      { Accounts: ['3'], Error: 'ThrottlingException' },
    ],
  };
  const partial = result(T, { status: 'COMPLETED_WITH_ERRORS', shareDetails, duplicateAccounts: ['4'] });
  const view = (extra: Partial<ShareView> = {}): ShareView => ({
    portfolioId: 'port-abcd1234efgh5',
    organizationNodeValue: 'ou-ab12-prod0001',
    shareDetails,
    attempts: 3,
    elapsedSeconds: 12.5,
    failedAccounts: ['2', '3'],
    throttledAccounts: ['3'],
    duplicateAccounts: ['4'],
    ...extra,
  });
  const warnings = ['1 account already had the portfolio (DuplicateResourceException), tolerated: 4', 'partial success accepted: the share failed for 2 accounts: 2, 3'];

  test('a wait that resolved with partial success', () => {
    expect(outcomeOfWaitResult(partial)).toEqual({ token: T, outcome: 'completed', exitCode: 0, status: 'COMPLETED_WITH_ERRORS', result: partial, warnings, view: view() });
  });

  test('a status check: partial success accepted reads the duplicates from the share errors; refused, it fails', () => {
    const checked = { ...partial, duplicateAccounts: [] };
    expect(outcomeOfStatusResult(checked, true)).toEqual({ token: T, outcome: 'completed', exitCode: 0, status: 'COMPLETED_WITH_ERRORS', result: checked, warnings, view: view() });
    expect(outcomeOfStatusResult(checked, false)).toEqual({
      token: T,
      outcome: 'failed',
      exitCode: 1,
      status: 'COMPLETED_WITH_ERRORS',
      result: checked,
      warnings: [],
      view: view({ duplicateAccounts: [] }),
    });
  });

  test('an account the wait tolerated as a duplicate is not counted as failed', () => {
    const both = result(T, { status: 'COMPLETED', shareDetails: { ShareErrors: [{ Accounts: ['5'], Error: 'AccessDenied' }] }, duplicateAccounts: ['5'] });
    expect(outcomeOfWaitResult(both).view.failedAccounts).toEqual([]);
    expect(outcomeOfWaitResult(both).warnings).toEqual(['1 account already had the portfolio (DuplicateResourceException), tolerated: 5']);
  });

  test('a status check of COMPLETED_WITH_ERRORS whose one error names no account fails: nothing shows the errors are all duplicates', () => {
    // AWS can report an error for the node rather than for accounts: no failed account, no duplicate.
    const unnamed = result(T, { status: 'COMPLETED_WITH_ERRORS', shareDetails: { SuccessfulShares: ['1'], ShareErrors: [{ Error: 'InternalFailure', Message: 'no accounts named' }] } });
    expect(outcomeOfStatusResult(unnamed, false)).toMatchObject({ outcome: 'failed', exitCode: 1, warnings: [] });
    expect(outcomeOfStatusResult(unnamed, false).view).toMatchObject({ failedAccounts: [], duplicateAccounts: [] });
    // Accepted as a partial success, it warns of duplicates or failed accounts only when there are some.
    expect(outcomeOfStatusResult(unnamed, true)).toMatchObject({ outcome: 'completed', exitCode: 0, warnings: [] });
  });

  test('a COMPLETED answer that still lists share errors shows the accounts but warns of no accepted partial success', () => {
    // COMPLETED is a success whatever ShareErrors says; the warning is for COMPLETED_WITH_ERRORS accepted by choice.
    const odd = result(T, { status: 'COMPLETED', shareDetails: { SuccessfulShares: ['1'], ShareErrors: [{ Accounts: ['2'], Error: 'AccessDenied' }] } });
    for (const outcome of [outcomeOfWaitResult(odd), outcomeOfStatusResult(odd, false)]) {
      expect(outcome).toMatchObject({ outcome: 'completed', exitCode: 0, warnings: [] });
      expect(outcome.view.failedAccounts).toEqual(['2']);
    }
  });

  test('a share error', () => {
    const error = new ShareCompletedWithErrorsError('msg', {
      token: T,
      status: 'COMPLETED_WITH_ERRORS',
      portfolioId: 'p',
      organizationNodeValue: 'o',
      shareDetails,
      failedAccounts: ['2', '3'],
      throttledAccounts: ['3'],
      attempts: 2,
      elapsedSeconds: 5,
    });
    expect(outcomeOfError(T, error)).toEqual({
      token: T,
      error: error.toJSON(),
      warnings: [],
      outcome: 'failed',
      exitCode: 1,
      status: 'COMPLETED_WITH_ERRORS',
      view: { portfolioId: 'p', organizationNodeValue: 'o', shareDetails, attempts: 2, elapsedSeconds: 5, failedAccounts: ['2', '3'], throttledAccounts: ['3'], duplicateAccounts: [], message: 'msg' },
    });
  });

  test('a time-out: the status of its last result when it carries no last status; the signal is not used', () => {
    const last = result(T, { status: 'IN_PROGRESS', shareDetails: {}, duplicateAccounts: ['9'] });
    const error = new WaitTimeoutError('t', { token: T, lastResult: last, attempts: 3, elapsedSeconds: 7 });
    // The CLI words a time-out in its own flags (--timeout), not the library's option names.
    const message = `Gave up waiting for portfolio share ${T} after 7 s and 3 check(s), and no check answered; raise --timeout, or check again later with: portfolio-share status ${T}.`;
    expect(outcomeOfError(T, error, 'SIGTERM', 'NOT_STARTED')).toEqual({
      token: T,
      error: { ...error.toJSON(), message },
      warnings: [],
      outcome: 'timeout',
      exitCode: 3,
      status: 'IN_PROGRESS',
      view: {
        portfolioId: 'port-abcd1234efgh5',
        organizationNodeValue: 'ou-ab12-prod0001',
        shareDetails: {},
        attempts: 3,
        elapsedSeconds: 7,
        failedAccounts: [],
        throttledAccounts: [],
        duplicateAccounts: ['9'],
        message,
        signal: undefined,
      },
    });
  });

  test('an abort: the status seen through onProgress when the error has none', () => {
    const error = new WaitAbortedError('a', { token: T, attempts: 1, elapsedSeconds: 1 });
    expect(outcomeOfError(T, error, 'SIGTERM', 'NOT_STARTED')).toEqual({
      token: T,
      error: error.toJSON(),
      warnings: [],
      outcome: 'interrupted',
      exitCode: 143,
      status: 'NOT_STARTED',
      view: { failedAccounts: [], throttledAccounts: [], duplicateAccounts: [], attempts: 1, elapsedSeconds: 1, message: 'a', signal: 'SIGTERM' },
    });
    expect(outcomeOfError(T, error).status).toBeNull();
  });

  test('invalid input and an API error', () => {
    const invalid = new InvalidInputError('bad', { option: 'x', received: 1 });
    expect(outcomeOfError(T, invalid, 'SIGINT', 'IN_PROGRESS')).toEqual({
      token: T,
      error: invalid.toJSON(),
      warnings: [],
      outcome: 'invalid-input',
      exitCode: 2,
      status: null,
      view: { failedAccounts: [], throttledAccounts: [], duplicateAccounts: [], message: 'bad' },
    });
    const api = new ApiError('api', { token: T, serviceErrorName: 'N', serviceMessage: 'M', requestId: 'r', httpStatusCode: 403, attempts: 1, elapsedSeconds: 0.5 });
    expect(outcomeOfError(T, api, undefined, 'IN_PROGRESS')).toEqual({
      token: T,
      error: api.toJSON(),
      warnings: [],
      outcome: 'api-error',
      exitCode: 4,
      status: 'IN_PROGRESS',
      view: {
        failedAccounts: [],
        throttledAccounts: [],
        duplicateAccounts: [],
        message: 'api',
        serviceErrorName: 'N',
        serviceMessage: 'M',
        requestId: 'r',
        httpStatusCode: 403,
        attempts: 1,
        elapsedSeconds: 0.5,
      },
    });
  });

  test('a thrown value that is not an Error is shown as text, its fields not read as a service error', () => {
    const thrown = { name: 'CredentialsProviderError', message: 'looks like an error' };
    const outcome = outcomeOfError(T, thrown);
    expect(outcome).toMatchObject({ outcome: 'api-error', exitCode: 4, error: { name: 'Error', message: '[object Object]' } });
    expect(outcome.view).toEqual({ failedAccounts: [], throttledAccounts: [], duplicateAccounts: [], message: '[object Object]' });
    expect(Object.keys(outcome.view)).not.toContain('serviceErrorName');
  });

  test('an error whose toJSON gives no object is shown by name and message', () => {
    for (const given of ['text', null, 3]) {
      const odd = Object.assign(new Error('odd'), { toJSON: () => given });
      expect(outcomeOfError(T, odd).error).toEqual({ name: 'Error', message: 'odd' });
    }
  });
});
