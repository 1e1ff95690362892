import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError, sendRaw } from './protocol.js';
import { invalidState, ServiceError } from './serviceError.js';
import type { FaultKind } from './types.js';

/** Faults that change a normal answer rather than replace it: the operation runs, its output is altered. */
export const OUTPUT_FAULT_KINDS: ReadonlySet<FaultKind> = new Set(['unknownStatus', 'missingStatus', 'missingShareDetails']);

const TRUNCATED_BODY = '{"PortfolioShareToken":"share-';

/** `output` as the fault `kind` alters it (a status the model does not know, or a field left out). */
export function alterOutput(kind: FaultKind, output: unknown): unknown {
  if (typeof output !== 'object' || output === null) return output;
  const altered: Record<string, unknown> = { ...(output as Record<string, unknown>) };
  if (kind === 'unknownStatus' && 'Status' in altered) altered.Status = 'PAUSED';
  if (kind === 'missingStatus') delete altered.Status;
  if (kind === 'missingShareDetails') delete altered.ShareDetails;
  return altered;
}

function header(req: IncomingMessage, name: string): string {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : (value ?? '');
}

/**
 * What AWS answers when a signature does not match: the canonical request and the string to sign,
 * quoted back with the request's own headers — `x-amz-security-token` included. The package must
 * never print it as is.
 */
export function signatureMismatchMessage(req: IncomingMessage): string {
  const authorization = header(req, 'authorization');
  const scope = /Credential=[^/,\s]+\/([^,\s]+)/.exec(authorization)?.[1] ?? '';
  const signature = /Signature=([0-9a-f]+)/.exec(authorization)?.[1] ?? '';
  const names = ['content-type', 'host', 'x-amz-date', 'x-amz-security-token', 'x-amz-target'].filter((name) => header(req, name) !== '');
  return [
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    '',
    'The Canonical String for this request should have been',
    `'POST\n/\n\n${names.map((name) => `${name}:${header(req, name)}`).join('\n')}\n\n${names.join(';')}\n${signature}'`,
    '',
    'The String-to-Sign should have been',
    `'AWS4-HMAC-SHA256\n${header(req, 'x-amz-date')}\n${scope}\n${signature}'`,
  ].join('\n');
}

/** Answer one call with the fault `kind` instead of the operation's result. */
export function applyFault(
  kind: Exclude<FaultKind, 'latency'>,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  finish: (httpStatus: number, outcome: string) => void,
): void {
  const outcome = `fault:${kind}`;
  const answer = (error: ServiceError): void => {
    sendError(res, error, requestId);
    finish(error.httpStatus, outcome);
  };
  switch (kind) {
    case 'throttle':
      return answer(new ServiceError('ThrottlingException', 'Rate exceeded'));
    case 'http500':
      return answer(new ServiceError('InternalFailure', 'We encountered an internal error. Please try again.', 500));
    case 'http503':
      return answer(new ServiceError('ServiceUnavailable', 'Service is unavailable. Please try again later.', 503));
    case 'accessDenied':
      return answer(new ServiceError('AccessDeniedException', 'User: arn:aws:iam::123456789012:user/ci is not authorized to perform: servicecatalog:DescribePortfolioShareStatus'));
    case 'invalidState':
      return answer(invalidState());
    case 'signatureMismatch':
      return answer(new ServiceError('InvalidSignatureException', signatureMismatchMessage(req), 403));
    case 'malformed':
      sendRaw(res, 200, TRUNCATED_BODY, requestId);
      return finish(200, outcome);
    case 'reset':
      req.socket.resetAndDestroy();
      return finish(0, outcome);
    case 'unknownStatus':
    case 'missingStatus':
    case 'missingShareDetails':
      // Output faults are applied to the operation's answer by the caller.
      throw new Error(`fault ${kind} alters an answer; it is not one`);
  }
}
