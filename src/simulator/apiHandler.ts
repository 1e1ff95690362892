import type { IncomingMessage, ServerResponse } from 'node:http';
import { TextDecoder } from 'node:util';
import type { FaultInjector } from './faults.js';
import type { Logger } from '../logger.js';
import type { CallContext } from './operationTypes.js';
import { findOperation } from './operations.js';
import { alterOutput, applyFault, OUTPUT_FAULT_KINDS } from './faultAnswers.js';
import { isAcceptedContentType, parseTarget, readBody, readCredentialScope, sendError, sendJson } from './protocol.js';
import type { RequestLog } from './requestLog.js';
import { serializationError, ServiceError } from './serviceError.js';
import { DEFAULT_REGION } from './state.js';
import type { SimulatorState } from './state.js';
import { isObject, validateInput } from './validation.js';

export interface ApiDeps {
  state: SimulatorState;
  faults: FaultInjector;
  log: RequestLog;
  logger: Logger;
  maxBodyBytes: number;
  newRequestId: () => string;
  /** Real-time wait for latency faults; resolves early (false) when the simulator closes. */
  delay: (ms: number) => Promise<boolean>;
}

/** Answers one API call (`POST /`): protocol checks, faults, input validation, then the operation. */
export async function handleApi(req: IncomingMessage, res: ServerResponse, path: string, deps: ApiDeps): Promise<void> {
  const requestId = deps.newRequestId();
  const finishLog = deps.log.begin(deps.state.clock.now());
  let operation = '';
  let latencyMs = 0;
  const finish = (httpStatus: number, outcome: string): void => {
    finishLog({ operation, httpStatus, outcome, requestId: httpStatus === 0 ? '' : requestId, latencyMs });
    deps.logger.debug({ operation, httpStatus, outcome, requestId, latencyMs }, 'api call answered');
  };
  const fail = (error: ServiceError): void => {
    if (!res.headersSent && !res.destroyed) sendError(res, error, requestId);
    finish(error.httpStatus, error.type);
  };
  try {
    if (path !== '/') return fail(new ServiceError('UnknownOperationException', `No route ${req.method ?? ''} ${path}: the Service Catalog API is POST /`, 404));
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return fail(new ServiceError('UnknownOperationException', `Method ${req.method ?? ''} is not allowed: the Service Catalog API is POST /`, 405));
    }
    const read = await readBody(req, deps.maxBodyBytes);
    if ('tooLarge' in read) {
      res.setHeader('Connection', 'close');
      return fail(new ServiceError('RequestEntityTooLargeException', `Request body is larger than ${deps.maxBodyBytes} bytes`, 413));
    }
    const target = parseTarget(req.headers['x-amz-target']);
    if ('problem' in target) return fail(new ServiceError('UnknownOperationException', target.problem));
    operation = target.operation;
    const op = findOperation(operation);
    if (!op) return fail(new ServiceError('UnknownOperationException', `Operation ${operation} is not implemented by portfolio-share-simulator`));
    if (!isAcceptedContentType(req.headers['content-type'])) {
      return fail(serializationError(`Content-Type must be application/x-amz-json-1.1, got ${JSON.stringify(req.headers['content-type'] ?? '')}`));
    }
    const decision = deps.faults.decide(operation);
    latencyMs = decision.latencyMs;
    if (latencyMs > 0 && !(await deps.delay(latencyMs))) {
      res.destroy();
      return finish(0, 'closed');
    }
    const outputFault = decision.kind !== undefined && OUTPUT_FAULT_KINDS.has(decision.kind) ? decision.kind : undefined;
    if (decision.kind && !outputFault) {
      // The client gave up during the latency: the fault was drawn, but nothing reaches anyone.
      if (res.destroyed || req.socket.destroyed) return finish(0, 'client-closed');
      return applyFault(decision.kind, req, res, requestId, finish);
    }
    const input = parseInput(read.body);
    validateInput(input, op.input);
    const auth = readCredentialScope(req.headers.authorization);
    // The operation runs even if the client has gone (as in the real service, where a timed-out
    // create may still have happened); only the answer is lost.
    const output = op.handler(deps.state, input, callContext(req, auth));
    if (res.destroyed || req.socket.destroyed) return finish(0, 'client-closed');
    sendJson(res, 200, outputFault ? alterOutput(outputFault, output) : output, requestId);
    finish(200, outputFault ? `fault:${outputFault}` : 'ok');
  } catch (err) {
    if (err instanceof ServiceError) return fail(err);
    if (req.destroyed || res.destroyed) {
      // The client went away mid-request (e.g. aborted a slow call): nothing to answer, nothing broken.
      deps.logger.debug({ err, operation, requestId }, 'client closed the connection');
      return finish(0, 'client-closed');
    }
    deps.logger.error({ err, operation, requestId }, 'simulator failed on a request');
    fail(new ServiceError('InternalFailure', 'The simulator failed on this request; see its log.', 500));
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function parseInput(body: Buffer): Record<string, unknown> {
  let text: string;
  try {
    // Invalid bytes are refused, as the service's JSON parser does, not turned into U+FFFD and stored.
    text = UTF8.decode(body).trim();
  } catch {
    throw serializationError('The request body is not valid UTF-8');
  }
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw serializationError('The request body is not valid JSON');
  }
  if (!isObject(parsed)) throw serializationError('The request body must be a JSON object');
  return parsed;
}

function callContext(req: IncomingMessage, auth: { accessKeyId?: string; region?: string }): CallContext {
  const header = req.headers['x-simulator-account'];
  const fromHeader = typeof header === 'string' && /^[0-9]{12}$/.test(header) ? header : undefined;
  const fromKey = auth.accessKeyId !== undefined && /^[0-9]{12}$/.test(auth.accessKeyId) ? auth.accessKeyId : undefined;
  return { region: auth.region ?? DEFAULT_REGION, callerAccount: fromHeader ?? fromKey };
}
