import { outcomeOfError, outcomeOfStatusResult } from '../../src/cli/outcome.js';
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
