import {
  accountsDoneOf,
  duplicateAccountsOf,
  failedAccountsOf,
  nonDuplicateFailedAccountsOf,
  onlyDuplicateErrors,
  throttledAccountsOf,
} from '../src/shareAccounts.js';
import type { ShareDetails } from '../src/types.js';

const details: ShareDetails = {
  SuccessfulShares: ['1', '2'],
  ShareErrors: [
    { Accounts: ['3', '4'], Error: 'ThrottlingException' },
    { Accounts: ['4', '5'], Error: 'AccessDenied' },
    { Accounts: ['6'], Error: 'DuplicateResourceException' },
    { Accounts: ['7'], Error: 'RequestThrottled' },
    { Accounts: ['8'], Error: 'SomethingThrottledHere' },
    { Error: 'ThrottlingException' },
    { Error: 'DuplicateResourceException' },
    { Accounts: ['9'] },
  ],
};

describe('accounts of a share', () => {
  test('failed: every account named in ShareErrors, once, in order', () => {
    expect(failedAccountsOf(details)).toEqual(['3', '4', '5', '6', '7', '8', '9']);
    expect(failedAccountsOf({})).toEqual([]);
  });

  test('throttled: the SDK throttling names and anything that says throttl, ignoring entries without accounts', () => {
    expect(throttledAccountsOf(details)).toEqual(['3', '4', '7', '8']);
    expect(throttledAccountsOf({})).toEqual([]);
  });

  test('done: successful and failed, each once', () => {
    expect(accountsDoneOf(details)).toBe(9);
    expect(accountsDoneOf({ ShareErrors: [{ Accounts: ['1'] }] })).toBe(1);
    expect(accountsDoneOf({ SuccessfulShares: ['1'] })).toBe(1);
  });

  test('duplicates apart from the rest', () => {
    expect(duplicateAccountsOf(details)).toEqual(['6']);
    expect(duplicateAccountsOf({})).toEqual([]);
    expect(nonDuplicateFailedAccountsOf(details)).toEqual(['3', '4', '5', '7', '8', '9']);
    expect(nonDuplicateFailedAccountsOf({})).toEqual([]);
  });

  test('only duplicates: at least one error and all of them duplicates', () => {
    expect(onlyDuplicateErrors(details)).toBe(false);
    expect(onlyDuplicateErrors({ ShareErrors: [{ Accounts: ['6'], Error: 'DuplicateResourceException' }] })).toBe(true);
    expect(onlyDuplicateErrors({ ShareErrors: [] })).toBe(false);
    expect(onlyDuplicateErrors({})).toBe(false);
  });
});
