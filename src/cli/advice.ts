import { PROGRAM } from './options.js';
import type { ShareView } from './outcome.js';

/** Socket errors and the SDK's connection timeout: the request never reached the endpoint. */
const CONNECT_FAILURE = /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)\b|(did not establish|without establishing) a connection/i;
const CREDENTIALS = /Credential|UnrecognizedClient|InvalidClientTokenId|ExpiredToken|Signature|MissingAuthenticationToken/i;
const ACCESS_DENIED = /AccessDenied|Unauthorized|Forbidden/i;

export const CONNECT_ADVICE = 'check --endpoint-url (or AWS_ENDPOINT_URL), --region and the network';

/** True when the request never reached the endpoint (refused, unknown host, no route, connect timeout). */
export function isConnectFailure(view: Pick<ShareView, 'serviceMessage'>): boolean {
  return CONNECT_FAILURE.test(view.serviceMessage ?? '');
}

/** What to do after a timeout, in the command line's words (the library's message names `maxWaitTime`). */
export function timeoutAdvice(token: string): string {
  return `raise --timeout, or check again later with: ${PROGRAM} status ${token}`;
}

/**
 * What to do about an API error, worded for the command line (its flags, not the library's options).
 * The service's own message rarely says it: a "not found" is most often the wrong account or region.
 * Undefined when the error's message already says what to do (a missing region) or nothing useful
 * can be added.
 */
export function apiErrorAdvice(view: Pick<ShareView, 'serviceErrorName' | 'serviceMessage'>): string | undefined {
  const name = view.serviceErrorName ?? '';
  const message = view.serviceMessage ?? '';
  if (CONNECT_FAILURE.test(message)) return `could not connect to the endpoint URL: ${CONNECT_ADVICE}.`;
  if (/certificate/i.test(message)) {
    return "the endpoint's TLS certificate is not trusted: set AWS_CA_BUNDLE (or ca_bundle in the profile) to the CA bundle that signed it.";
  }
  if (name === 'ResourceNotFoundException') {
    return "check the token, and run as the account that made the share (the organization's management account or a delegated administrator) in its region (--profile, --region).";
  }
  if (ACCESS_DENIED.test(name)) {
    return "run as the organization's management account or a delegated administrator (--profile), with permission for servicecatalog:DescribePortfolioShareStatus.";
  }
  if (CREDENTIALS.test(name)) return 'configure valid AWS credentials (environment variables, --profile or a role) and try again.';
  if (name === 'ValidationException' || name === 'InvalidParametersException') {
    return 'check the token: it is the PortfolioShareToken that create-portfolio-share, update-portfolio-share or delete-portfolio-share returned.';
  }
  if (name === 'OperationNotSupportedException') return 'this share action is not supported for that portfolio or account.';
  return undefined;
}
