import { WaiterState } from '@smithy/util-waiter';
import { accept, type AcceptorContext, type AcceptorReason } from '../src/acceptor.js';
import { failedAccountsOf, throttledAccountsOf } from '../src/shareAccounts.js';
import { parseDescribeOutput } from '../src/shareObservation.js';
import { serviceError } from './support/fakeClient.js';

const context: AcceptorContext = {
  elapsedSeconds: 5,
  notFoundGraceSeconds: 30,
  acceptPartialSuccess: false,
  tolerateDuplicates: true,
  transientFailure: 'retry',
};

function output(Status: string, ShareDetails: unknown = {}): { output: unknown } {
  return { output: { Status, PortfolioId: 'port-1', OrganizationNodeValue: 'ou-ab12-abcdefgh', ShareDetails, $metadata: { requestId: 'r-1' } } };
}

const throttled = { Accounts: ['111111111111'], Error: 'ThrottlingException', Message: 'Rate exceeded' };
const duplicate = { Accounts: ['222222222222', '333333333333'], Error: 'DuplicateResourceException', Message: 'already shared' };
const unknownError = { Accounts: ['444444444444'], Error: 'SomethingNewException', Message: 'brand new failure' };

function kind(reason: AcceptorReason): string {
  return reason.kind;
}

describe('accept: statuses (DESIGN §2)', () => {
  it('COMPLETED is success with the final description', () => {
    const verdict = accept(output('COMPLETED', { SuccessfulShares: ['111111111111'] }), context);
    expect(verdict.state).toBe(WaiterState.SUCCESS);
    expect(verdict.reason).toEqual({
      kind: 'success',
      duplicateAccounts: [],
      observation: {
        status: 'COMPLETED',
        portfolioId: 'port-1',
        organizationNodeValue: 'ou-ab12-abcdefgh',
        shareDetails: { SuccessfulShares: ['111111111111'] },
        requestId: 'r-1',
      },
    });
  });

  it.each(['NOT_STARTED', 'IN_PROGRESS'])('%s is retry', (status) => {
    const verdict = accept(output(status), context);
    expect(verdict.state).toBe(WaiterState.RETRY);
    expect(kind(verdict.reason)).toBe('pending');
  });

  it('COMPLETED_WITH_ERRORS is failure, with every failed and every throttled account', () => {
    const verdict = accept(output('COMPLETED_WITH_ERRORS', { SuccessfulShares: ['9'], ShareErrors: [throttled, unknownError] }), context);
    expect(verdict.state).toBe(WaiterState.FAILURE);
    expect(verdict.reason).toMatchObject({ kind: 'shareFailed', failedAccounts: ['111111111111', '444444444444'], throttledAccounts: ['111111111111'] });
  });

  it('COMPLETED_WITH_ERRORS resolves when partial success is accepted, listing duplicates', () => {
    const verdict = accept(output('COMPLETED_WITH_ERRORS', { ShareErrors: [throttled, duplicate] }), { ...context, acceptPartialSuccess: true });
    expect(verdict.state).toBe(WaiterState.SUCCESS);
    expect(verdict.reason).toMatchObject({ kind: 'success', duplicateAccounts: ['222222222222', '333333333333'] });
  });

  it('COMPLETED_WITH_ERRORS whose errors are all DuplicateResourceException is success by default', () => {
    const verdict = accept(output('COMPLETED_WITH_ERRORS', { ShareErrors: [duplicate] }), context);
    expect(verdict.state).toBe(WaiterState.SUCCESS);
    expect(verdict.reason).toMatchObject({ kind: 'success', duplicateAccounts: ['222222222222', '333333333333'] });
  });

  it('duplicates are failures when tolerateDuplicates is off, and when mixed with other errors', () => {
    expect(accept(output('COMPLETED_WITH_ERRORS', { ShareErrors: [duplicate] }), { ...context, tolerateDuplicates: false }).state).toBe(WaiterState.FAILURE);
    const mixed = accept(output('COMPLETED_WITH_ERRORS', { ShareErrors: [duplicate, unknownError] }), context);
    expect(mixed.state).toBe(WaiterState.FAILURE);
    expect(mixed.reason).toMatchObject({ failedAccounts: ['222222222222', '333333333333', '444444444444'], throttledAccounts: [] });
  });

  it('COMPLETED_WITH_ERRORS with no ShareErrors at all is still a failure', () => {
    expect(accept(output('COMPLETED_WITH_ERRORS', {}), context).state).toBe(WaiterState.FAILURE);
  });

  it('ERROR is failure even when every error is a duplicate and partial success is accepted', () => {
    const verdict = accept(output('ERROR', { ShareErrors: [duplicate] }), { ...context, acceptPartialSuccess: true });
    expect(verdict.state).toBe(WaiterState.FAILURE);
    expect(kind(verdict.reason)).toBe('shareFailed');
  });

  it('keeps unknown ShareErrors values verbatim', () => {
    const verdict = accept(output('ERROR', { ShareErrors: [unknownError] }), context);
    expect(verdict.reason).toMatchObject({ observation: { shareDetails: { ShareErrors: [unknownError] } } });
  });

  it('an unknown or missing Status is an API error, not a silent wait', () => {
    for (const bad of [{ Status: 'CANCELLED' }, {}, null, 'text']) {
      const verdict = accept({ output: bad }, context);
      expect(verdict.state).toBe(WaiterState.FAILURE);
      expect(verdict.reason).toMatchObject({ kind: 'apiError', error: { name: 'UnexpectedResponseError' } });
    }
  });
});

describe('accept: errors (DESIGN §2)', () => {
  const notFound = serviceError('ResourceNotFoundException', 'Share not found');

  it('ResourceNotFound within the grace window is retry', () => {
    const verdict = accept({ error: notFound }, { ...context, elapsedSeconds: 29.9 });
    expect(verdict.state).toBe(WaiterState.RETRY);
    expect(kind(verdict.reason)).toBe('notFoundInGrace');
  });

  it('ResourceNotFound once the grace window has passed is an API error with its request id', () => {
    const verdict = accept({ error: notFound }, { ...context, elapsedSeconds: 30 });
    expect(verdict.state).toBe(WaiterState.FAILURE);
    expect(verdict.reason).toMatchObject({
      kind: 'apiError',
      error: { name: 'ResourceNotFoundException', message: 'Share not found', requestId: 'req-ResourceNotFoundException', httpStatusCode: 400, cause: notFound },
    });
  });

  it('a zero grace window fails on the first not-found', () => {
    expect(accept({ error: notFound }, { ...context, elapsedSeconds: 0, notFoundGraceSeconds: 0 }).state).toBe(WaiterState.FAILURE);
  });

  it.each([
    'ValidationException',
    'InvalidParametersException',
    'OperationNotSupportedException',
    'AccessDeniedException',
    'AccessDenied',
    'UnrecognizedClientException',
    'InvalidSignatureException',
    'ExpiredTokenException',
    'CredentialsProviderError',
    'InvalidStateException',
  ])('%s is an API error at once', (name) => {
    const verdict = accept({ error: serviceError(name, 'no') }, { ...context, elapsedSeconds: 0 });
    expect(verdict.state).toBe(WaiterState.FAILURE);
    expect(verdict.reason).toMatchObject({ kind: 'apiError', error: { name } });
  });

  it('a missing region (a plain Error, no HTTP status) is an API error at once', () => {
    const verdict = accept({ error: new Error('Region is missing') }, context);
    expect(verdict.reason).toMatchObject({ kind: 'apiError', error: { name: 'Error', message: 'Region is missing' } });
  });

  it('a transient failure that outlived its retries polls again during a wait, and fails a one-shot check', () => {
    const throttling = serviceError('ThrottlingException', 'Rate exceeded');
    expect(accept({ error: throttling }, context)).toMatchObject({ state: WaiterState.RETRY, reason: { kind: 'transientError' } });
    expect(accept({ error: throttling }, { ...context, transientFailure: 'fail' })).toMatchObject({ state: WaiterState.FAILURE, reason: { kind: 'apiError' } });
  });
});

describe('accept: connection failures', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
  const unknownHost = Object.assign(new Error('getaddrinfo EAI_AGAIN sc.example'), { code: 'EAI_AGAIN' });
  const connectTimeout = Object.assign(
    new Error('@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 5000 ms.'),
    { name: 'TimeoutError' },
  );
  // Under a VM-sandboxed runner the SDK hands back only a wrapper whose message names the socket error.
  const wrappedRefused = new Error('AWS SDK error wrapper for Error: connect ECONNREFUSED 127.0.0.1:1');

  it.each([
    ['connection refused', refused],
    ['a host that does not resolve', unknownHost],
    ['the connection timeout', connectTimeout],
    ['connection refused, seen through the SDK wrapper', wrappedRefused],
  ])('%s on the first check is an API error at once (a wrong endpoint, not a blip)', (_label, error) => {
    const verdict = accept({ error }, { ...context, firstCheck: true });
    expect(verdict.state).toBe(WaiterState.FAILURE);
    expect(verdict.reason).toMatchObject({ kind: 'apiError' });
  });

  it('connection refused on a later check polls again: the endpoint answered before', () => {
    expect(accept({ error: refused }, { ...context, firstCheck: false })).toMatchObject({ state: WaiterState.RETRY, reason: { kind: 'transientError' } });
    expect(accept({ error: refused }, context)).toMatchObject({ state: WaiterState.RETRY, reason: { kind: 'transientError' } });
  });

  it('a failure after connecting (reset, request timeout, throttling, 5xx) on the first check still polls again', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const requestTimeout = Object.assign(new Error('Request timed out after 30000 ms'), { name: 'TimeoutError' });
    for (const error of [reset, requestTimeout, serviceError('ThrottlingException', 'Rate exceeded'), serviceError('InternalFailure', 'boom', 500)]) {
      expect(accept({ error }, { ...context, firstCheck: true })).toMatchObject({ state: WaiterState.RETRY, reason: { kind: 'transientError' } });
    }
  });
});

describe('parseDescribeOutput', () => {
  it('keeps only well-typed fields of ShareDetails', () => {
    const parsed = parseDescribeOutput({
      Status: 'COMPLETED_WITH_ERRORS',
      ShareDetails: { SuccessfulShares: ['1', 2, '3'], ShareErrors: [{ Accounts: ['4'], Error: 'E', Message: 7 }, 'junk'] },
    });
    expect(parsed).toEqual({
      status: 'COMPLETED_WITH_ERRORS',
      portfolioId: undefined,
      organizationNodeValue: undefined,
      requestId: undefined,
      shareDetails: { SuccessfulShares: ['1', '3'], ShareErrors: [{ Accounts: ['4'], Error: 'E' }] },
    });
  });

  it('lists accounts once each', () => {
    const details = { ShareErrors: [throttled, { ...throttled, Error: 'LimitExceededException' }, unknownError] };
    expect(failedAccountsOf(details)).toEqual(['111111111111', '444444444444']);
    expect(throttledAccountsOf(details)).toEqual(['111111111111']);
  });
});

describe('an answer without a known Status', () => {
  it.each([
    [{ Status: 'NEW_STATUS' }, '"NEW_STATUS"'],
    [{ Status: 7 }, '7'],
    [{}, 'null'],
    ['text', 'null'],
  ])('%j is an API error naming the status received (%s)', (out, shown) => {
    const verdict = accept({ output: out }, context);
    expect(verdict.state).toBe(WaiterState.FAILURE);
    expect(verdict.reason).toMatchObject({ kind: 'apiError', error: { name: 'UnexpectedResponseError', message: `DescribePortfolioShareStatus answered an unknown Status ${shown}` } });
  });
});

