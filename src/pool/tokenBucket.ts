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
 * A bucket that never lets more than `maxPerWindow` calls reach the service in any window of
 * `windowMs` (default one second), however late each call travels. With burst capacity C and refill
 * rate ρ a window sees at most C + ρ·window calls taken within it, plus the calls taken before it
 * that were still on their way (at most `inFlight`, the cap on calls in flight): so
 * ρ = (max − C − inFlight) / window. The burst is a fiftieth of the budget, so a refill never starts
 * more than a few calls in one turn of the event loop (each SDK call costs CPU to sign and send).
 * Budgets too small to leave room (C + inFlight ≥ max) refill at max / 2 per window: the bound is then
 * approximate.
 */
export function createTokenBucket(maxPerWindow: number, options: { windowMs?: number; inFlight?: number; start?: number } = {}): TokenBucket {
  if (!Number.isFinite(maxPerWindow) || maxPerWindow < 1) throw new RangeError(`maxPerWindow must be a finite number ≥ 1, got ${String(maxPerWindow)}`);
  const windowMs = options.windowMs ?? 1000;
  const capacity = Math.max(1, Math.floor(maxPerWindow / 50));
  const room = maxPerWindow - capacity - (options.inFlight ?? 0);
  const refillPerMs = (room > 0 ? room : maxPerWindow / 2) / windowMs;
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
