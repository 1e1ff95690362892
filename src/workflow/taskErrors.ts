import { THROTTLING_ERROR_NAMES, TRANSIENT_ERROR_NAMES } from '../serviceError.js';

/**
 * Error names as Step Functions reports them for an `aws-sdk:servicecatalog:*` Task: the service's
 * name, a dot and the error name, with an `Exception` suffix added when the service's name lacks one
 * (`ServiceCatalog.ResourceNotFoundException`, `Throttling` → `ServiceCatalog.ThrottlingException`).
 */
export function serviceCatalogErrorName(name: string): string {
  return `ServiceCatalog.${name.endsWith('Exception') ? name : `${name}Exception`}`;
}

/** `ServiceCatalog.ResourceNotFoundException`: inside the not-found grace it means "not visible yet". */
export const NOT_FOUND_ERROR = serviceCatalogErrorName('ResourceNotFoundException');
/** `ServiceCatalog.InvalidStateException`: another share action on the portfolio is still running. */
export const INVALID_STATE_ERROR = serviceCatalogErrorName('InvalidStateException');

/**
 * `ServiceCatalog.SdkClientException`: the call got no service answer it could read — a connection reset
 * or timed out, a body that is not JSON. An assumed name: AWS documents `Lambda.SdkClientException` (the
 * AWS SDK for Java's SdkClientException) for Lambda tasks but names no such error for SDK integrations.
 * Retrying it costs nothing if it never occurs; the waiter retries the same failures (socket errors,
 * TimeoutError, SyntaxError).
 */
export const CLIENT_FAILURE_ERROR = serviceCatalogErrorName('SdkClientException');

/**
 * The library's transient failures (throttling, timeouts, 5xx) as Task error names: retried inside the
 * Task like the waiter's per-call retry, then polled again like the waiter does after its retries.
 * SyntaxError (a body that is not JSON) has no Step Functions counterpart of its own: it is one of the
 * client failures named {@link CLIENT_FAILURE_ERROR}.
 */
export const TRANSIENT_TASK_ERRORS: readonly string[] = [
  ...new Set([...THROTTLING_ERROR_NAMES, ...TRANSIENT_ERROR_NAMES].filter((name) => name !== 'SyntaxError').map(serviceCatalogErrorName)),
  CLIENT_FAILURE_ERROR,
];
