/**
 * A token bucket on an injected clock: pure arithmetic, no timer of its own, so the pool's one timer
 * can ask when the next token comes. Kept libraries (bottleneck, p-throttle, limiter) each read
 * `Date.now()` and run timers of their own, which neither tests on injected time nor a pool with one
 * timer can use.
 */
export interface TokenBucket {
  /** Take a token at time `now` (ms) if one is there. */
  tryTake(now: number): boolean;
  /** Milliseconds from `now` until a token is there (0 if one is). */
  msUntilToken(now: number): number;
  /** The sustained rate, tokens per second. */
  readonly ratePerSecond: number;
  readonly capacity: number;
}

/**
 * A bucket that never lets more than `maxPerWindow` takes happen in any window of `windowMs`
 * (default one second), even one stretched by `slackMs` of jitter between taking a token and the call
 * arriving: with burst capacity C and refill rate ρ, a window of length L sees at most C + ρ·L takes,
 * so ρ = (max − C) / (window + slack). The burst is a twentieth of the budget so a refill never
 * starts hundreds of calls in one turn of the event loop.
 */
export function createTokenBucket(maxPerWindow: number, options: { windowMs?: number; slackMs?: number; start?: number } = {}): TokenBucket {
  if (!Number.isFinite(maxPerWindow) || maxPerWindow < 1) throw new RangeError(`maxPerWindow must be a finite number ≥ 1, got ${String(maxPerWindow)}`);
  const windowMs = options.windowMs ?? 1000;
  const slackMs = options.slackMs ?? 50;
  const capacity = Math.max(1, Math.floor(maxPerWindow / 20));
  const perMs = Math.max(maxPerWindow - capacity, 0) / (windowMs + slackMs);
  // A budget of one call (capacity 1) still refills: at one per window-plus-slack.
  const refillPerMs = perMs > 0 ? perMs : 1 / (windowMs + slackMs);
  let tokens = capacity;
  let last = options.start ?? 0;
  const refill = (now: number): void => {
    if (now > last) {
      tokens = Math.min(capacity, tokens + (now - last) * refillPerMs);
      last = now;
    }
  };
  return {
    ratePerSecond: refillPerMs * 1000,
    capacity,
    tryTake(now) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      return false;
    },
    msUntilToken(now) {
      refill(now);
      return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / refillPerMs);
    },
  };
}
