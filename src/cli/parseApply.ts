import { DEFAULT_APPLY_TIMEOUT_SECONDS } from './applyCommand.js';
import type { ApplyInvocation, CommonOptions } from './options.js';
import { seconds, UsageError } from './usage.js';

/** The invocation of `apply`; throws UsageError before anything is read or called. */
export function applyInvocationOf(opts: Record<string, unknown>, options: CommonOptions, maxCallsPerSecond: number | undefined): ApplyInvocation {
  const file = String(opts.file);
  if (file.trim() === '') throw new UsageError('--file must name a plan file (JSON, or YAML ending in .yaml or .yml)');
  const minDelaySeconds = seconds(opts.minDelay, '--min-delay', false);
  const maxDelaySeconds = seconds(opts.maxDelay, '--max-delay', false);
  if (minDelaySeconds !== undefined && maxDelaySeconds !== undefined && minDelaySeconds > maxDelaySeconds) {
    throw new UsageError(`--min-delay (${minDelaySeconds}) must not be greater than --max-delay (${maxDelaySeconds})`);
  }
  return {
    command: 'apply',
    file,
    dryRun: opts.dryRun === true,
    keepGoing: opts.keepGoing === true,
    timeoutSeconds: seconds(opts.timeout, '--timeout', false) ?? DEFAULT_APPLY_TIMEOUT_SECONDS,
    minDelaySeconds,
    maxDelaySeconds,
    notFoundGraceSeconds: seconds(opts.notFoundGrace, '--not-found-grace', true),
    maxCallsPerSecond,
    acceptPartial: opts.acceptPartial === true,
    options,
  };
}
