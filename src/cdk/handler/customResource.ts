import { computeDelay } from '../../schedule.js';
import type { OnEventRequest } from './events.js';
import { isComplete, type IsCompleteDependencies } from './isComplete.js';
import { onEvent, type OnEventDependencies } from './onEvent.js';

/** A CloudFormation custom-resource request, as CloudFormation sends it to a Lambda function directly. */
export interface CloudFormationRequest extends OnEventRequest {
  ResponseURL: string;
  StackId: string;
  RequestId: string;
  LogicalResourceId: string;
}

/** The response CloudFormation reads from the presigned ResponseURL. */
export interface CloudFormationResponse {
  Status: 'SUCCESS' | 'FAILED';
  Reason?: string;
  PhysicalResourceId: string;
  StackId: string;
  RequestId: string;
  LogicalResourceId: string;
  Data?: Record<string, string | number>;
}

export interface CustomResourceDependencies extends OnEventDependencies, IsCompleteDependencies {
  /** Milliseconds this invocation has left (Lambda's context.getRemainingTimeInMillis). */
  remainingMs(): number;
  /** PUT the response to the ResponseURL. */
  respond(url: string, response: CloudFormationResponse): Promise<void>;
}

/** Physical id of a Create that failed before any share existed; its rollback Delete has nothing to do. */
export const CREATE_FAILED_PREFIX = 'portfolio-share-waiter:create-failed:';
/** Time kept back to answer CloudFormation before the function's own time limit. */
export const RESPONSE_MARGIN_MS = 20_000;

/**
 * The whole custom resource in one invocation, for CloudFormation templates without the CDK Provider
 * framework: start the action (onEvent), check it on the waiter's schedule (isComplete) until it is
 * done or the function is about to run out of time, then answer CloudFormation. A Lambda function runs
 * at most 15 minutes, so a share that takes longer fails the resource with a message saying so.
 */
export async function handleCustomResource(event: CloudFormationRequest, deps: CustomResourceDependencies): Promise<CloudFormationResponse> {
  const base = { StackId: event.StackId, RequestId: event.RequestId, LogicalResourceId: event.LogicalResourceId };
  // Once a share action has started, a failure keeps its physical id, so the rollback's Delete unshares what was made.
  const progress: { physicalId?: string } = {};
  const response = await run(event, deps, progress).then(
    (done) => ({ ...base, Status: 'SUCCESS' as const, ...done }),
    (error: unknown) => ({
      ...base,
      Status: 'FAILED' as const,
      Reason: error instanceof Error ? error.message : String(error),
      PhysicalResourceId: progress.physicalId ?? event.PhysicalResourceId ?? `${CREATE_FAILED_PREFIX}${event.RequestId}`,
    }),
  );
  await deps.respond(event.ResponseURL, response);
  return response;
}

async function run(
  event: CloudFormationRequest,
  deps: CustomResourceDependencies,
  progress: { physicalId?: string },
): Promise<{ PhysicalResourceId: string; Data?: Record<string, string | number> }> {
  if (event.RequestType === 'Delete' && event.PhysicalResourceId?.startsWith(CREATE_FAILED_PREFIX)) return { PhysicalResourceId: event.PhysicalResourceId };
  const started = await onEvent(event, deps);
  progress.physicalId = started.PhysicalResourceId;
  const merged = { ...event, ...started };
  const startMs = deps.timers.now();
  for (;;) {
    const answer = await isComplete(merged, deps);
    if (answer.IsComplete) return answer.Data === undefined ? { PhysicalResourceId: started.PhysicalResourceId } : { PhysicalResourceId: started.PhysicalResourceId, Data: answer.Data };
    const delayMs = computeDelay((deps.timers.now() - startMs) / 1000, { random: deps.timers.random }) * 1000;
    if (deps.remainingMs() < delayMs + RESPONSE_MARGIN_MS) {
      const minutes = Math.round((deps.timers.now() - startMs) / 60_000);
      throw new Error(
        `${started.ShareAction ?? 'The share action'} ${started.PortfolioShareToken ?? ''} had not finished when the function was about to reach its time limit (after about ${minutes} min); raise the function's Timeout (at most 15 minutes), or use the CDK construct, whose Provider waits up to an hour.`,
      );
    }
    await deps.timers.sleep(delayMs);
  }
}
