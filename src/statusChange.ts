import type { Logger } from './logger.js';
import { errorLogFields, toServiceErrorInfo } from './serviceError.js';
import type { PortfolioShareResult } from './types.js';
import type { WaitSettings } from './validate.js';

/**
 * Report a status transition: an info log line, then the caller's `onStatusChange`. A callback that
 * throws is logged at warn and otherwise ignored: progress reporting must never break the wait.
 */
export function notifyStatusChange(settings: WaitSettings, logger: Logger, current: PortfolioShareResult, previous: PortfolioShareResult | undefined): void {
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
  if (settings.onStatusChange === undefined) return;
  try {
    settings.onStatusChange({
      token: current.token,
      status: current.status,
      previousStatus: previous?.status,
      shareDetails: current.shareDetails,
      attempts: current.attempts,
      elapsedSeconds: current.elapsedSeconds,
    });
  } catch (error) {
    logger.warn({ err: errorLogFields(toServiceErrorInfo(error)) }, 'onStatusChange threw; the wait goes on');
  }
}
