import { DUPLICATE_ERROR } from '../shareAccounts.js';
import { THROTTLING_ERROR_NAMES } from '../serviceError.js';
import type { PortfolioShareStatus } from '../types.js';

/**
 * JSONata (2.0.6, as Step Functions runs it) expressions of the library's rules over the variables a
 * JSONata machine keeps: `$check` (the last DescribePortfolioShareStatus output), `$elapsed` (seconds
 * since the first check), `$attempt` (checks made), `$token`, `$share`, `$error`.
 */
export const js = (value: unknown): string => JSON.stringify(value);

/** Wrap an expression as an ASL JSONata field. */
export const expr = (body: string): string => `{% ${body} %}`;

export function statusIn(statuses: PortfolioShareStatus[]): string {
  return `$check.Status in ${js(statuses)}`;
}

const errors = '$check.ShareDetails.ShareErrors';

/** shareAccounts.onlyDuplicateErrors: at least one share error, and every one DuplicateResourceException. */
export const ONLY_DUPLICATES = `$count(${errors}) > 0 and $count(${errors}[$not(Error = ${js(DUPLICATE_ERROR)})]) = 0`;

/** shareAccounts.failedAccountsOf: every account named in ShareErrors, once each. */
export const FAILED_ACCOUNTS = `$distinct([${errors}.Accounts])`;

/** shareAccounts.throttledAccountsOf: accounts whose error is throttling (a known name, or containing "throttl"). */
export const THROTTLED_ACCOUNTS = `$distinct([${errors}[Error in ${js([...THROTTLING_ERROR_NAMES])} or $contains(Error, /throttl/i)].Accounts])`;

/** shareAccounts.duplicateAccountsOf. */
export const DUPLICATE_ACCOUNTS = `$distinct([${errors}[Error = ${js(DUPLICATE_ERROR)}].Accounts])`;

/** An object constructor from field name → JSONata expression. */
export function object(fields: Record<string, string>): string {
  return `{${Object.entries(fields)
    .map(([key, value]) => `${js(key)}: ${value}`)
    .join(', ')}}`;
}
