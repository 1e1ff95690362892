import { errorLogFields, isConnectionFailure, isTransientError, toServiceErrorInfo } from '../src/serviceError.js';

describe('toServiceErrorInfo', () => {
  test('a thrown non-object is an Error with its text', () => {
    expect(toServiceErrorInfo('boom')).toEqual({ name: 'Error', message: 'boom', retryable: false, cause: 'boom' });
    expect(toServiceErrorInfo(undefined)).toMatchObject({ name: 'Error', message: 'undefined' });
  });

  test('reads name, message (or the service\'s Message), request id and HTTP status from an SDK-shaped error', () => {
    const error = { name: 'ThrottlingException', Message: 'Rate exceeded', $metadata: { requestId: 'req-9', httpStatusCode: 400 }, $retryable: { throttling: true } };
    expect(toServiceErrorInfo(error)).toEqual({
      name: 'ThrottlingException',
      message: 'Rate exceeded',
      code: undefined,
      requestId: 'req-9',
      httpStatusCode: 400,
      retryable: true,
      cause: error,
    });
  });

  test('falls back to the name for the message, to Error for the name, and to $response for the HTTP status', () => {
    expect(toServiceErrorInfo({ name: 'Weird' })).toMatchObject({ name: 'Weird', message: 'Weird', httpStatusCode: undefined, retryable: false });
    expect(toServiceErrorInfo({ $response: { statusCode: 503 } })).toMatchObject({ name: 'Error', message: 'Error', httpStatusCode: 503 });
    expect(toServiceErrorInfo({ $retryable: true, code: 'ECONNRESET' })).toMatchObject({ retryable: true, code: 'ECONNRESET' });
  });

  test('a wrapper message naming only the error type keeps the whole message', () => {
    expect(toServiceErrorInfo(new Error('AWS SDK error wrapper for TimeoutError'))).toMatchObject({
      name: 'TimeoutError',
      message: 'AWS SDK error wrapper for TimeoutError',
      code: undefined,
    });
    // Only a plain Error is read back: a named error keeps its own name.
    expect(toServiceErrorInfo(Object.assign(new Error('AWS SDK error wrapper for X: y'), { name: 'Other' }))).toMatchObject({ name: 'Other' });
  });

  test('log fields leave the cause (and whatever it carries) out', () => {
    const info = toServiceErrorInfo({ name: 'E', message: 'm', code: 'C', $metadata: { requestId: 'r', httpStatusCode: 500 }, secret: 'x' });
    expect(errorLogFields(info)).toEqual({ name: 'E', message: 'm', code: 'C', requestId: 'r', httpStatusCode: 500 });
  });
});

describe('isTransientError', () => {
  test.each([
    ['throttling by name', { name: 'TooManyRequestsException' }, true],
    ['a transient name', { name: 'InternalFailure' }, true],
    ['a socket code', { name: 'Error', code: 'ECONNRESET' }, true],
    ['another code', { name: 'Error', code: 'ENOTFOUND' }, false],
    ['HTTP 500', { name: 'X', $metadata: { httpStatusCode: 500 } }, true],
    ['HTTP 429', { name: 'X', $metadata: { httpStatusCode: 429 } }, true],
    ['HTTP 499', { name: 'X', $metadata: { httpStatusCode: 499 } }, false],
    ['marked retryable by the SDK', { name: 'X', $retryable: {} }, true],
    ['nothing of the kind', { name: 'ValidationException' }, false],
  ])('%s', (_name, error, transient) => {
    expect(isTransientError(toServiceErrorInfo(error))).toBe(transient);
  });
});

describe('isConnectionFailure', () => {
  test.each([
    ['refused', { name: 'Error', code: 'ECONNREFUSED' }, true],
    ['unknown host', { name: 'Error', code: 'ENOTFOUND' }, true],
    ['a reset (the connection was made)', { name: 'Error', code: 'ECONNRESET' }, false],
    ['the SDK connection timeout', { name: 'TimeoutError', message: 'the request socket did not establish a connection with the server within the configured timeout of 5000 ms.' }, true],
    ['the SDK request timeout', { name: 'TimeoutError', message: 'a request has exceeded the configured 30000 ms requestTimeout.' }, false],
    ['another error with that message', { name: 'Error', message: 'did not establish a connection' }, false],
  ])('%s', (_name, error, failure) => {
    expect(isConnectionFailure(toServiceErrorInfo(error))).toBe(failure);
  });
});
