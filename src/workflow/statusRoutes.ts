import { WaiterState } from '@smithy/util-waiter';
import { acceptObservation, type AcceptorContext } from '../acceptor.js';
import { toShareError } from '../outcome.js';
import { SHARE_STATUSES } from '../shareObservation.js';
import type { PortfolioShareStatus, ShareDetails } from '../types.js';

/** Where a machine's Choice sends one status. */
export type StatusRoute =
  | { kind: 'succeed' }
  | { kind: 'pending' }
  | { kind: 'fail'; code: 'SHARE_FAILED' | 'SHARE_COMPLETED_WITH_ERRORS' }
  /** Success when every share error is DuplicateResourceException, else a failure with `code`. */
  | { kind: 'succeedIfOnlyDuplicates'; code: 'SHARE_FAILED' | 'SHARE_COMPLETED_WITH_ERRORS' };

/** The acceptor options a machine bakes in. */
export interface RouteOptions {
  acceptPartialSuccess: boolean;
  tolerateDuplicates: boolean;
}

const ONLY_DUPLICATES: ShareDetails = { ShareErrors: [{ Accounts: ['111111111111'], Error: 'DuplicateResourceException' }] };
const OTHER_ERROR: ShareDetails = { ShareErrors: [{ Accounts: ['111111111111'], Error: 'AccessDeniedException' }] };

/**
 * The Choice routes of every status, read from the library's acceptor rather than restated: each status
 * is put to `acceptObservation` with share errors that are all duplicates and with one that is not; the
 * failure code comes from the error the library would throw. A test runs the generated machines on the
 * acceptor's cells to hold the two together.
 */
export function statusRoutes(options: RouteOptions): Record<PortfolioShareStatus, StatusRoute> {
  const context: AcceptorContext = { elapsedSeconds: 0, notFoundGraceSeconds: 0, transientFailure: 'retry', ...options };
  const entries = SHARE_STATUSES.map((status): [PortfolioShareStatus, StatusRoute] => {
    const verdicts = [ONLY_DUPLICATES, OTHER_ERROR].map((shareDetails) => acceptObservation({ status, shareDetails }, context).state);
    const code = toShareError({ status, shareDetails: {} }, [], [], { token: 'share-x', attempts: 0, elapsedSeconds: 0 }).code;
    const [duplicates, other] = verdicts;
    if (duplicates === WaiterState.RETRY) return [status, { kind: 'pending' }];
    if (other === WaiterState.SUCCESS) return [status, { kind: 'succeed' }];
    if (duplicates === WaiterState.SUCCESS) return [status, { kind: 'succeedIfOnlyDuplicates', code }];
    return [status, { kind: 'fail', code }];
  });
  return Object.fromEntries(entries) as Record<PortfolioShareStatus, StatusRoute>;
}
