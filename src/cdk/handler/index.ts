import { ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { pino } from 'pino';
import { DEFAULT_RETRY } from '../../describe.js';
import { realTimers } from '../../timers.js';
import type { IsCompleteRequest, IsCompleteResponse, OnEventRequest, OnEventResponse } from './events.js';
import { isComplete as checkOnce } from './isComplete.js';
import { onEvent as startAction } from './onEvent.js';
import { clientShareActions } from './shareActions.js';
import { handleCustomResource, type CloudFormationRequest, type CloudFormationResponse } from './customResource.js';

/**
 * The Lambda entry of the OrganizationPortfolioShare custom resource (bundled into
 * dist/cdk/handler/index.js at build time). One client per container, reused across invocations;
 * region and credentials come from the Lambda environment; logs are pino JSON lines on stdout,
 * which Lambda sends to CloudWatch Logs (LOG_LEVEL sets the level, default info).
 */
const client = new ServiceCatalogClient({});
const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', base: { handler: 'portfolio-share-waiter/cdk' } });

export async function onEvent(event: OnEventRequest): Promise<OnEventResponse> {
  logger.info({ requestType: event.RequestType, logicalResourceId: event.LogicalResourceId }, 'custom resource event');
  return startAction(event, { actions: clientShareActions(client), now: () => Date.now() });
}

export async function isComplete(event: IsCompleteRequest): Promise<IsCompleteResponse> {
  return checkOnce(event, { client, timers: realTimers, logger, retry: { ...DEFAULT_RETRY } });
}

/** For CloudFormation templates without the CDK: the whole custom resource in one invocation (handler `index.customResource`). */
export async function customResource(event: CloudFormationRequest, context: { getRemainingTimeInMillis(): number }): Promise<CloudFormationResponse> {
  logger.info({ requestType: event.RequestType, logicalResourceId: event.LogicalResourceId }, 'custom resource event');
  return handleCustomResource(event, {
    actions: clientShareActions(client),
    now: () => Date.now(),
    client,
    timers: realTimers,
    logger,
    retry: { ...DEFAULT_RETRY },
    remainingMs: () => context.getRemainingTimeInMillis(),
    respond: putResponse,
  });
}

/** PUT to CloudFormation's presigned S3 URL; the empty content type is what the URL was signed for. */
async function putResponse(url: string, response: CloudFormationResponse): Promise<void> {
  const body = JSON.stringify(response);
  const answer = await fetch(url, { method: 'PUT', body, headers: { 'content-type': '', 'content-length': String(Buffer.byteLength(body)) } });
  if (!answer.ok) throw new Error(`CloudFormation's response URL answered HTTP ${answer.status}`);
}
