import type { Logger } from './logger.js';
import { errorLogFields, toServiceErrorInfo } from './serviceError.js';
import type { PortfolioShareResult, StatusChangeEvent } from './types.js';
import type { WaitSettings } from './validate.js';

/**
 * Report one answered check: on a status transition an info log line and the caller's
 * `onStatusChange`; every time, the caller's `onProgress`. A callback that throws is logged at warn
 * and otherwise ignored: progress reporting must never break the wait.
 */
export function notifyObservation(settings: WaitSettings, logger: Logger, current: PortfolioShareResult, previous: PortfolioShareResult | undefined): void {
  const event: StatusChangeEvent = {
    token: current.token,
    status: current.status,
    previousStatus: previous?.status,
    shareDetails: current.shareDetails,
    attempts: current.attempts,
    elapsedSeconds: current.elapsedSeconds,
  };
  if (previous?.status !== current.status) {
    logger.info(
      {
        status: current.status,
        previousStatus: previous?.status,
        attempt: current.attempts,
        elapsedSeconds: current.elapsedSeconds,
        successfulShares: current.shareDetails.SuccessfulShares?.length ?? 0,
        shareErrors: current.shareDetails.ShareErrors?.length ?? 0,
      },
      'portfolio share status changed',
    );
    callSafely(logger, 'onStatusChange', settings.onStatusChange, event);
  }
  callSafely(logger, 'onProgress', settings.onProgress, event);
}

function callSafely(logger: Logger, name: string, callback: ((event: StatusChangeEvent) => unknown) | undefined, event: StatusChangeEvent): void {
  if (callback === undefined) return;
  const report = (error: unknown): void => logger.warn({ err: errorLogFields(toServiceErrorInfo(error)) }, `${name} threw; the wait goes on`);
  try {
    const returned: unknown = callback(event);
    // An async callback rejects instead of throwing: catch that too, or it would crash the process
    // as an unhandled rejection. The wait does not wait for it.
    if (typeof returned === 'object' && returned !== null && typeof (returned as { then?: unknown }).then === 'function') {
      Promise.resolve(returned as PromiseLike<unknown>).then(undefined, report);
    }
  } catch (error) {
    report(error);
  }
}
