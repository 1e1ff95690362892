import { redact } from './redact.js';

/**
 * What the waiter keeps of a failed call: plain data read defensively from whatever was thrown (an SDK
 * service exception, a socket error, a credentials-provider error…). Never the request or the client
 * config, so nothing secret can leak into logs or error JSON.
 */
export interface ServiceErrorInfo {
  /** The error's name, e.g. `ResourceNotFoundException`, `ThrottlingException`, `Error`. */
  name: string;
  message: string;
  /** Node's error code for socket errors, e.g. `ECONNRESET`. */
  code?: string | undefined;
  /** `$metadata.requestId` when the service answered. */
  requestId?: string | undefined;
  /** `$metadata.httpStatusCode` (or `$response.statusCode`) when the service answered. */
  httpStatusCode?: number | undefined;
  /** The SDK marked the error retryable (`$retryable`). */
  retryable: boolean;
  /** The thrown value itself, kept as the `cause` of the typed error. */
  cause: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}

function numberField(record: Record<string, unknown>, key: string): number | undefined {
  const value = record[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

const SDK_ERROR_WRAPPER = /^AWS SDK error wrapper for ([A-Za-z_$][\w$]*)(?::\s*([\s\S]*))?$/;
const SOCKET_CODE_IN_MESSAGE = /\b(E[A-Z]{3,}|UND_ERR_[A-Z_]+)\b/;

/** Read the fields the waiter uses from any thrown value. */
export function toServiceErrorInfo(error: unknown): ServiceErrorInfo {
  if (!isRecord(error)) {
    return { name: 'Error', message: String(error), retryable: false, cause: error };
  }
  const metadata = isRecord(error.$metadata) ? error.$metadata : {};
  const response = isRecord(error.$response) ? error.$response : {};
  let name = stringField(error, 'name') ?? 'Error';
  let message = stringField(error, 'message') ?? stringField(error, 'Message') ?? name;
  let code = stringField(error, 'code');
  // The SDK's retry middleware replaces a thrown value that is not `instanceof Error` (a socket error
  // from another realm, as under a VM-sandboxed test runner) by a bare Error whose message is all that
  // is left of it: read the original name and socket code back from that message.
  const wrapped = SDK_ERROR_WRAPPER.exec(message);
  if (name === 'Error' && wrapped !== null) {
    name = wrapped[1] ?? name;
    message = wrapped[2] ?? message;
    code ??= SOCKET_CODE_IN_MESSAGE.exec(message)?.[1];
  }
  return {
    name,
    message,
    code,
    requestId: stringField(metadata, 'requestId'),
    httpStatusCode: numberField(metadata, 'httpStatusCode') ?? numberField(response, 'statusCode'),
    retryable: isRecord(error.$retryable) || error.$retryable === true,
    cause: error,
  };
}

/** The log-safe summary of an error, for the `err` key of a log line (the message redacted). */
export function errorLogFields(info: ServiceErrorInfo): Record<string, unknown> {
  return {
    name: info.name,
    message: redact(info.message),
    code: info.code,
    requestId: info.requestId,
    httpStatusCode: info.httpStatusCode,
  };
}

/** Error names AWS SDKs treat as throttling (the describe call is retried after a back-off). */
export const THROTTLING_ERROR_NAMES: ReadonlySet<string> = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'LimitExceededException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'ProvisionedThroughputExceededException',
  'SlowDown',
]);

/** Other error names of one call that the next call may not have (timeouts, 5xx, a cut body). */
export const TRANSIENT_ERROR_NAMES: ReadonlySet<string> = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'InternalFailure',
  'InternalServerError',
  'ServiceUnavailable',
  // A body that is not JSON (a proxy's HTML page, a cut connection): the next call may be fine.
  'SyntaxError',
]);

const SOCKET_ERROR_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
]);

/** Socket codes meaning no connection was made at all (refused, unknown host, no route), as opposed to one that broke. */
const CONNECT_ERROR_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** The SDK's `connectionTimeout` error: "…did not establish a connection with the server within…". */
const CONNECT_TIMEOUT_MESSAGE = /(did not establish|without establishing) a connection/i;

/**
 * True when the call never reached the endpoint: connection refused, unknown host, no route, or the
 * connection timeout. On a wait's first check (after its per-call retries) this means a wrong endpoint
 * or no network rather than a blip, so the wait fails at once instead of polling until its deadline.
 */
export function isConnectionFailure(info: ServiceErrorInfo): boolean {
  if (info.code !== undefined && CONNECT_ERROR_CODES.has(info.code)) return true;
  return info.name === 'TimeoutError' && CONNECT_TIMEOUT_MESSAGE.test(info.message);
}

/**
 * True for failures of one call that the next call may not have: throttling, 5xx, timeouts, socket
 * errors and errors the SDK marked `$retryable`. These are retried inside the attempt and never turn
 * into success; anything else (not found, validation, access denied, credentials…) is not retried.
 */
export function isTransientError(info: ServiceErrorInfo): boolean {
  if (THROTTLING_ERROR_NAMES.has(info.name) || TRANSIENT_ERROR_NAMES.has(info.name)) return true;
  if (info.code !== undefined && SOCKET_ERROR_CODES.has(info.code)) return true;
  if (info.httpStatusCode !== undefined && info.httpStatusCode >= 500) return true;
  if (info.httpStatusCode === 429) return true;
  return info.retryable;
}
