import { THROTTLING_ERROR_NAMES } from './serviceError.js';
import type { ShareDetails } from './types.js';

/** The only ShareErrors[].Error value that is not a failure: the account already had the portfolio. */
export const DUPLICATE_ERROR = 'DuplicateResourceException';

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Every account named in ShareErrors, in order, once each. */
export function failedAccountsOf(details: ShareDetails): string[] {
  return unique((details.ShareErrors ?? []).flatMap((entry) => entry.Accounts ?? []));
}

/** Accounts whose share error is throttling: the share must be deleted and created again for them. */
export function throttledAccountsOf(details: ShareDetails): string[] {
  return unique(
    (details.ShareErrors ?? [])
      .filter((entry) => entry.Error !== undefined && (THROTTLING_ERROR_NAMES.has(entry.Error) || /throttl/i.test(entry.Error)))
      .flatMap((entry) => entry.Accounts ?? []),
  );
}

/** Accounts the share has reached so far, successfully or not, each once. */
export function accountsDoneOf(details: ShareDetails): number {
  return new Set([...(details.SuccessfulShares ?? []), ...failedAccountsOf(details)]).size;
}

/** Accounts named in ShareErrors other than DuplicateResourceException, in order, once each. */
export function nonDuplicateFailedAccountsOf(details: ShareDetails): string[] {
  return failedAccountsOf({ ShareErrors: (details.ShareErrors ?? []).filter((entry) => entry.Error !== DUPLICATE_ERROR) });
}

/** Accounts of ShareErrors whose error is DuplicateResourceException. */
export function duplicateAccountsOf(details: ShareDetails): string[] {
  return unique((details.ShareErrors ?? []).filter((entry) => entry.Error === DUPLICATE_ERROR).flatMap((entry) => entry.Accounts ?? []));
}

/** True when there is at least one share error and every one is DuplicateResourceException. */
export function onlyDuplicateErrors(details: ShareDetails): boolean {
  const errors = details.ShareErrors ?? [];
  return errors.length > 0 && errors.every((entry) => entry.Error === DUPLICATE_ERROR);
}
