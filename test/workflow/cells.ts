import { WaiterState } from '@smithy/util-waiter';
import { accept, type CheckResult } from '../../src/acceptor.js';
import { toShareError } from '../../src/outcome.js';
import { SHARE_STATUSES } from '../../src/shareObservation.js';
import type { ShareDetails } from '../../src/types.js';

/** One cell of the acceptor's table: a describe answer (or error) under a set of options. */
export interface Cell {
  name: string;
  output?: Record<string, unknown>;
  /** Service error name (the SDK's), e.g. ResourceNotFoundException. */
  errorName?: string;
  acceptPartialSuccess: boolean;
  tolerateDuplicates: boolean;
  notFoundGraceSeconds: number;
}

/** What the machine must do with a cell: succeed, fail with a code, or poll again. */
export type Verdict = 'SUCCESS' | 'RETRY' | `FAILURE:${string}`;

const DETAILS: Record<string, ShareDetails | undefined> = {
  'no details': undefined,
  'all successful': { SuccessfulShares: ['111111111111', '222222222222'] },
  'no share errors': { SuccessfulShares: ['111111111111'], ShareErrors: [] },
  'only duplicates': { SuccessfulShares: ['111111111111'], ShareErrors: [{ Accounts: ['222222222222', '333333333333'], Error: 'DuplicateResourceException', Message: 'already shared' }] },
  'duplicates and a failure': {
    ShareErrors: [
      { Accounts: ['222222222222'], Error: 'DuplicateResourceException', Message: 'already shared' },
      { Accounts: ['333333333333'], Error: 'AccessDeniedException', Message: 'denied' },
    ],
  },
  'throttled and a failure': {
    ShareErrors: [
      { Accounts: ['222222222222', '444444444444'], Error: 'ThrottlingException', Message: 'Rate exceeded' },
      { Accounts: ['333333333333', '222222222222'], Error: 'AccessDeniedException', Message: 'denied' },
    ],
  },
  'an error with no name': { ShareErrors: [{ Accounts: ['222222222222'], Message: 'something' }] },
  'a throttling-like name': { ShareErrors: [{ Accounts: ['555555555555'], Error: 'RequestThrottled', Message: 'slow down' }] },
};

const ERRORS = ['ResourceNotFoundException', 'ThrottlingException', 'InternalFailure', 'AccessDeniedException', 'ValidationException', 'InvalidParametersException'];

/** Every cell: statuses × share details × options, unknown answers, and errors in and out of the grace. */
export function cells(): Cell[] {
  const out: Cell[] = [];
  for (const acceptPartialSuccess of [false, true]) {
    for (const tolerateDuplicates of [true, false]) {
      const options = { acceptPartialSuccess, tolerateDuplicates, notFoundGraceSeconds: 30 };
      const tag = `partial=${acceptPartialSuccess} duplicates=${tolerateDuplicates}`;
      for (const status of SHARE_STATUSES) {
        for (const [label, details] of Object.entries(DETAILS)) {
          const output: Record<string, unknown> = { Status: status, PortfolioId: 'port-abcdefgh1234', OrganizationNodeValue: 'ou-ab12-prod0001' };
          if (details !== undefined) output.ShareDetails = details;
          out.push({ name: `${status}, ${label}, ${tag}`, output, ...options });
        }
      }
      out.push({ name: `unknown status, ${tag}`, output: { Status: 'PAUSED' }, ...options });
      out.push({ name: `no status, ${tag}`, output: {}, ...options });
      for (const errorName of ERRORS) {
        out.push({ name: `${errorName} in the grace, ${tag}`, errorName, ...options });
        out.push({ name: `${errorName} without grace, ${tag}`, errorName, ...options, notFoundGraceSeconds: 0 });
      }
    }
  }
  return out;
}

/** The library's verdict on a cell, at the first check (elapsed 0), as a wait decides. */
export function libraryVerdict(cell: Cell): Verdict {
  const check: CheckResult = cell.errorName !== undefined ? { error: Object.assign(new Error('from the service'), { name: cell.errorName, $metadata: { httpStatusCode: cell.errorName === 'InternalFailure' ? 500 : 400 } }) } : { output: cell.output };
  const verdict = accept(check, { elapsedSeconds: 0, transientFailure: 'retry', ...cell });
  if (verdict.state === WaiterState.SUCCESS) return 'SUCCESS';
  if (verdict.state === WaiterState.RETRY) return 'RETRY';
  const { reason } = verdict;
  if (reason.kind === 'shareFailed') return `FAILURE:${toShareError(reason.observation, [], [], { token: 't', attempts: 1, elapsedSeconds: 0 }).code}`;
  return 'FAILURE:API_ERROR';
}
