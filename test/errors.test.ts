import {
  ApiError,
  InvalidInputError,
  PortfolioShareWaiterError,
  ShareCompletedWithErrorsError,
  ShareFailedError,
  WaitAbortedError,
  WaitTimeoutError,
} from '../src/errors.js';
import { toAbortedError, toApiError, toShareError, toTimeoutError } from '../src/outcome.js';
import { toServiceErrorInfo } from '../src/serviceError.js';
import type { PortfolioShareResult } from '../src/types.js';
import { serviceError } from './support/fakeClient.js';

const shareDetails = {
  SuccessfulShares: ['555555555555'],
  ShareErrors: [
    { Accounts: ['111111111111'], Error: 'ThrottlingException', Message: 'Rate exceeded' },
    { Accounts: ['222222222222'], Error: 'SomethingNewException', Message: 'brand new' },
  ],
};
const observation = { status: 'COMPLETED_WITH_ERRORS' as const, portfolioId: 'port-abc', organizationNodeValue: 'ou-ab12-abcdefgh', shareDetails };
const context = { token: 'share-tok1', attempts: 7, elapsedSeconds: 42.123456 };
const lastResult: PortfolioShareResult = {
  status: 'IN_PROGRESS',
  token: 'share-tok1',
  shareDetails: {},
  duplicateAccounts: [],
  attempts: 6,
  elapsedSeconds: 40,
};

describe('share outcome errors', () => {
  it('ShareCompletedWithErrorsError: name, code, fields, JSON and a message that says to re-create the share for throttled accounts', () => {
    const error = toShareError(observation, ['111111111111', '222222222222'], ['111111111111'], context);
    expect(error).toBeInstanceOf(ShareCompletedWithErrorsError);
    expect(error).toBeInstanceOf(PortfolioShareWaiterError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ShareCompletedWithErrorsError');
    expect(error.code).toBe('SHARE_COMPLETED_WITH_ERRORS');
    expect(error.toJSON()).toEqual({
      name: 'ShareCompletedWithErrorsError',
      code: 'SHARE_COMPLETED_WITH_ERRORS',
      message: error.message,
      status: 'COMPLETED_WITH_ERRORS',
      token: 'share-tok1',
      portfolioId: 'port-abc',
      organizationNodeValue: 'ou-ab12-abcdefgh',
      shareDetails,
      failedAccounts: ['111111111111', '222222222222'],
      throttledAccounts: ['111111111111'],
      attempts: 7,
      elapsedSeconds: 42.123,
    });
    expect(error.message).toBe(
      'Portfolio share share-tok1 of port-abc to ou-ab12-abcdefgh ended in COMPLETED_WITH_ERRORS for 2 account(s) (111111111111: ThrottlingException "Rate exceeded"; 222222222222: SomethingNewException "brand new"); the service was throttled for 111111111111, and checking again will not help: delete the share and create it again for them.',
    );
    expect(JSON.parse(JSON.stringify(error))).toEqual(error.toJSON());
  });

  it('ShareFailedError for status ERROR, without throttling', () => {
    const failed = { ...observation, status: 'ERROR' as const, shareDetails: { ShareErrors: [{ Accounts: ['2'], Error: 'InternalError' }] } };
    const error = toShareError(failed, ['2'], [], context);
    expect(error).toBeInstanceOf(ShareFailedError);
    expect(error).toMatchObject({ name: 'ShareFailedError', code: 'SHARE_FAILED', status: 'ERROR', throttledAccounts: [] });
    expect(error.message).toBe(
      'Portfolio share share-tok1 of port-abc to ou-ab12-abcdefgh ended in ERROR for 1 account(s) (2: InternalError); fix the cause for each failed account and share again.',
    );
  });
});

describe('share outcome errors: the service\'s free text', () => {
  const secret = 'AKIAIOSFODNN7EXAMPLE';
  const fields = { status: 'ERROR' as const, token: 'share-tok1', failedAccounts: ['1', '2'], throttledAccounts: [], attempts: 1, elapsedSeconds: 1 };

  it('redacts credentials from the ShareErrors messages in the shareDetails field, leaving entries without a message as they are', () => {
    const shareDetails = {
      SuccessfulShares: ['3'],
      ShareErrors: [{ Accounts: ['1'], Error: 'AccessDenied', Message: `denied for ${secret}` }, { Accounts: ['2'], Error: 'InternalError' }],
    };
    const error = new ShareFailedError('m', { ...fields, shareDetails });
    expect(error.shareDetails).toEqual({
      SuccessfulShares: ['3'],
      ShareErrors: [{ Accounts: ['1'], Error: 'AccessDenied', Message: 'denied for [REDACTED]' }, { Accounts: ['2'], Error: 'InternalError' }],
    });
    expect(shareDetails.ShareErrors[0]?.Message).toBe(`denied for ${secret}`);
  });

  it('keeps shareDetails without ShareErrors as given', () => {
    const shareDetails = { SuccessfulShares: ['3'] };
    expect(new ShareFailedError('m', { ...fields, shareDetails }).shareDetails).toEqual({ SuccessfulShares: ['3'] });
  });
});

describe('wait-ended errors', () => {
  it('WaitTimeoutError carries the last status and result', () => {
    const error = toTimeoutError({ ...context, maxWaitTime: 40, lastResult });
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error.toJSON()).toEqual({
      name: 'WaitTimeoutError',
      code: 'WAIT_TIMEOUT',
      message: error.message,
      token: 'share-tok1',
      lastStatus: 'IN_PROGRESS',
      lastResult,
      attempts: 7,
      elapsedSeconds: 42.123,
    });
    expect(error.message).toBe(
      'Gave up waiting for portfolio share share-tok1 after 42.123 s and 7 check(s) (maxWaitTime 40 s) and its last status was IN_PROGRESS; raise maxWaitTime or check the share again later.',
    );
  });

  it('WaitTimeoutError when no check ever answered', () => {
    const error = toTimeoutError({ ...context, maxWaitTime: 40 });
    expect(error.lastStatus).toBeUndefined();
    expect(error.toJSON()).not.toHaveProperty('lastStatus');
    expect(error.message).toContain('no check answered');
  });

  it('WaitAbortedError has the signal\'s reason as cause, kept out of the JSON', () => {
    const reason = new Error('SIGINT');
    const error = toAbortedError({ ...context, maxWaitTime: 40, lastResult }, reason);
    expect(error).toBeInstanceOf(WaitAbortedError);
    expect(error).toMatchObject({ name: 'WaitAbortedError', code: 'WAIT_ABORTED', cause: reason, lastStatus: 'IN_PROGRESS', attempts: 7 });
    expect(error.toJSON()).not.toHaveProperty('cause');
    expect(error.message).toBe(
      'Stopped waiting for portfolio share share-tok1 after 42.123 s and 7 check(s) because the wait was aborted, and its last status was IN_PROGRESS; the share itself goes on, so check it again later.',
    );
  });
});

describe('ApiError', () => {
  it('carries the service error\'s name, message, request id, HTTP status and cause', () => {
    const cause = serviceError('ResourceNotFoundException', 'Share share-tok1 not found');
    const error = toApiError(toServiceErrorInfo(cause), context);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.cause).toBe(cause);
    expect(error.toJSON()).toEqual({
      name: 'ApiError',
      code: 'API_ERROR',
      message: error.message,
      token: 'share-tok1',
      serviceErrorName: 'ResourceNotFoundException',
      serviceMessage: 'Share share-tok1 not found',
      requestId: 'req-ResourceNotFoundException',
      httpStatusCode: 400,
      attempts: 7,
      elapsedSeconds: 42.123,
    });
    expect(error.message).toBe(
      "DescribePortfolioShareStatus for share share-tok1 failed with ResourceNotFoundException: Share share-tok1 not found (request id req-ResourceNotFoundException); check the token, and call from the account that made the share (the organization's management account or a delegated administrator) in the same region.",
    );
  });

  it.each([
    ['AccessDeniedException', 'management account or a delegated administrator'],
    ['UnrecognizedClientException', 'configure valid AWS credentials'],
    ['CredentialsProviderError', 'configure valid AWS credentials'],
    ['ValidationException', 'fix the request'],
    ['InvalidParametersException', 'fix the request'],
    ['OperationNotSupportedException', 'not supported'],
  ])('tells what to do about %s', (name, hint) => {
    expect(toApiError(toServiceErrorInfo(serviceError(name, 'x')), context).message).toContain(hint);
  });

  it('tells to set a region when it is missing', () => {
    const error = toApiError(toServiceErrorInfo(new Error('Region is missing')), {});
    expect(error.message).toBe('DescribePortfolioShareStatus failed with Error: Region is missing; set a region (clientConfig.region or AWS_REGION) and try again.');
    expect(error.toJSON()).toEqual({ name: 'ApiError', code: 'API_ERROR', message: error.message, serviceErrorName: 'Error', serviceMessage: 'Region is missing' });
  });
});

describe('InvalidInputError', () => {
  it('names the option and the value received', () => {
    const error = new InvalidInputError('maxWaitTime must be …', { option: 'maxWaitTime', received: -1 });
    expect(error).toBeInstanceOf(PortfolioShareWaiterError);
    expect(error.toJSON()).toEqual({ name: 'InvalidInputError', code: 'INVALID_INPUT', message: 'maxWaitTime must be …', option: 'maxWaitTime', received: -1 });
  });
});

test('toJSON leaves the cause out, whatever it holds', () => {
  const error = new ApiError('m', { serviceErrorName: 'E', serviceMessage: 'm' }, { cause: new Error('secret inside') });
  expect(error.cause).toBeInstanceOf(Error);
  expect(error.toJSON()).not.toHaveProperty('cause');
});

test('toJSON leaves out a cause set after construction too (then an enumerable own property)', () => {
  const error = new ApiError('m', { serviceErrorName: 'E', serviceMessage: 'm' });
  Object.assign(error, { cause: new Error('set later') });
  expect(Object.keys(error)).toContain('cause');
  expect(error.toJSON()).not.toHaveProperty('cause');
});

test('toJSON copies fields whole, however long (the bounds of printed values do not apply)', () => {
  const accounts = Array.from({ length: 60 }, (_, i) => String(100_000_000_000 + i));
  const longMessage = 'the service said '.repeat(40);
  const shareError = new ShareFailedError('m', {
    status: 'ERROR',
    token: 'share-tok1',
    shareDetails: {},
    failedAccounts: accounts,
    throttledAccounts: [],
    attempts: 1,
    elapsedSeconds: 1,
  });
  expect(shareError.toJSON().failedAccounts).toEqual(accounts);
  const apiError = new ApiError('m', { serviceErrorName: 'E', serviceMessage: longMessage });
  expect(apiError.toJSON().serviceMessage).toBe(longMessage);
});
