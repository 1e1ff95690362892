import { createTokenBucket, type TokenBucket } from './tokenBucket.js';
import type { PoolStats, PoolTimers } from './types.js';
import type { PoolSettings } from './validatePool.js';

/** Calls in flight at once: the option, but at most a tenth of the budget (at least one). */
export function effectiveConcurrency(settings: PoolSettings): number {
  return Math.min(settings.maxConcurrentCalls, Math.max(1, Math.floor(settings.maxCallsPerSecond / 10)));
}

/** What the budget needs of a wait to account for how late its check starts. */
interface DueCheck {
  dueAt: number;
  lastCheckEnd: number;
  attempts: number;
}

/**
 * The pool's call budget and its one timer: a token bucket for the rate, a cap on calls in flight,
 * and the tally of how far the budget has stretched the schedule.
 */
export class PoolBudget {
  readonly maxConcurrentCalls: number;
  private readonly maxCallsPerSecond: number;
  private readonly bucket: TokenBucket;
  private cancelTimer: (() => void) | undefined;
  private timerAt = Number.POSITIVE_INFINITY;
  private wakeQueued = false;
  private stopped = false;
  private calls = 0;
  private delayedChecks = 0;
  private lateMs = 0;
  private maxLateMs = 0;
  private scheduledMs = 0;

  constructor(
    settings: PoolSettings,
    private readonly timers: PoolTimers,
    private readonly onTimer: () => void,
  ) {
    // Calls in flight are reserved out of the budget (see createTokenBucket), so keep them to a tenth of it.
    this.maxConcurrentCalls = effectiveConcurrency(settings);
    this.maxCallsPerSecond = settings.maxCallsPerSecond;
    this.bucket = createTokenBucket(settings.maxCallsPerSecond, { inFlight: this.maxConcurrentCalls, start: timers.now() });
  }

  /** Take a token for a due check at `now`; false when the bucket is empty. */
  take(now: number, check: DueCheck): boolean {
    if (!this.bucket.tryTake(now)) return false;
    this.calls += 1;
    const late = Math.max(0, now - check.dueAt);
    if (late > 0) this.delayedChecks += 1;
    this.lateMs += late;
    this.maxLateMs = Math.max(this.maxLateMs, late);
    if (check.attempts > 0) this.scheduledMs += check.dueAt - check.lastCheckEnd;
    return true;
  }

  /**
   * Arm the one timer for the next moment the pool has something to do: the next due check (later
   * when the bucket is empty; never while every slot is busy, as a finishing call pumps), or the
   * earliest expiry of a call in flight (the hung-call guard). None when neither is there.
   */
  arm(now: number, nextDue: number | undefined, saturated: boolean, nextExpiry?: number): void {
    const checkAt = this.stopped || nextDue === undefined || saturated ? Number.POSITIVE_INFINITY : Math.max(nextDue, now + this.bucket.msUntilToken(now));
    const at = this.stopped ? Number.POSITIVE_INFINITY : Math.min(checkAt, nextExpiry ?? Number.POSITIVE_INFINITY);
    if (at === Number.POSITIVE_INFINITY) {
      this.clear();
      return;
    }
    if (this.cancelTimer !== undefined && this.timerAt === at) return;
    this.clear();
    this.timerAt = at;
    this.cancelTimer = this.timers.setTimer(() => {
      this.cancelTimer = undefined;
      this.timerAt = Number.POSITIVE_INFINITY;
      this.onTimer();
    }, at - now);
  }

  /** Pump once after the current synchronous work (many adds in a row cost one pump). */
  wake(_now: number): void {
    if (this.wakeQueued || this.stopped) return;
    this.wakeQueued = true;
    queueMicrotask(() => {
      this.wakeQueued = false;
      if (!this.stopped) this.onTimer();
    });
  }

  stop(): void {
    this.stopped = true;
    this.clear();
  }

  stats(): Omit<PoolStats, 'pending' | 'inFlight' | 'settled' | 'timedOutCalls'> {
    return {
      calls: this.calls,
      maxCallsPerSecond: this.maxCallsPerSecond,
      stretch: {
        delayedChecks: this.delayedChecks,
        meanDelaySeconds: this.calls === 0 ? 0 : this.lateMs / this.calls / 1000,
        maxDelaySeconds: this.maxLateMs / 1000,
        factor: this.scheduledMs === 0 ? 1 : (this.scheduledMs + this.lateMs) / this.scheduledMs,
      },
    };
  }

  private clear(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
  }
}
