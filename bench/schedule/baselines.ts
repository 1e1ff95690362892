/**
 * Polling schedules to compare against, each re-implemented from its source on the bench's virtual
 * clock. A schedule answers the delay (seconds) before check number `attempt + 1`, given that
 * `attempt` checks were made (the first at once) and `elapsed` seconds have passed.
 */
export type DelayFunction = (attempt: number, elapsedSeconds: number, random: () => number) => number;

export interface NamedSchedule {
  name: string;
  /** Where the definition comes from. */
  source: string;
  delay: DelayFunction;
}

/** A fixed loop: check, sleep `seconds`, check again (a shell `while sleep 10` loop). */
export function fixedLoop(seconds: number): DelayFunction {
  return () => seconds;
}

/**
 * Terraform's `retry.StateChangeConf.WaitForState` without PollInterval: the first refresh at once,
 * then waits of 100 ms doubling after every pending refresh, capped at 10 s.
 */
export const terraformDelay: DelayFunction = (attempt) => Math.min(10, 0.1 * 2 ** (attempt - 1));

/**
 * Smithy's waiter poller (smithy-typescript util-waiter `poller.ts`, `exponentialBackoffWithJitter`):
 * attempt a (1-based, after the first check) waits uniform in [min, min·2^(a−1)] (capped at max)
 * while a ≤ log2(max/min) + 1, and max after that. Its shortening before the deadline does not apply
 * here: the bench's waits never reach a deadline.
 */
export function smithyDelay(minDelay: number, maxDelay: number): DelayFunction {
  const attemptCeiling = Math.log(maxDelay / minDelay) / Math.log(2) + 1;
  return (attempt, _elapsed, random) => {
    if (attempt > attemptCeiling) return maxDelay;
    const ceiling = Math.min(minDelay * 2 ** (attempt - 1), maxDelay);
    return minDelay + random() * (ceiling - minDelay);
  };
}

export const BASELINES: readonly NamedSchedule[] = [
  { name: 'fixed 10 s loop', source: 'sleep 10 between checks', delay: fixedLoop(10) },
  { name: 'Terraform', source: 'first check at once, 0.1 s doubling, 10 s cap', delay: terraformDelay },
  { name: 'Smithy defaults (2 → 120 s)', source: 'util-waiter poller, minDelay 2, maxDelay 120', delay: smithyDelay(2, 120) },
  { name: 'Smithy 1 → 8 s', source: 'util-waiter poller, minDelay 1, maxDelay 8', delay: smithyDelay(1, 8) },
];
