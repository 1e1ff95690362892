import { createTokenBucket } from '../../src/pool/tokenBucket.js';
import { DueQueue } from '../../src/pool/dueQueue.js';
import { maxInWindow } from './poolClock.js';

describe('createTokenBucket (injected time)', () => {
  it('starts full with a burst of a fiftieth of the budget, then refills', () => {
    const bucket = createTokenBucket(500, { start: 0 });
    expect(bucket.capacity).toBe(10);
    for (let i = 0; i < 10; i += 1) expect(bucket.tryTake(0)).toBe(true);
    expect(bucket.tryTake(0)).toBe(false);
    // (500 − 10) per 1000 ms: one token every ~2.04 ms.
    expect(bucket.msUntilToken(0)).toBe(3);
    expect(bucket.tryTake(2)).toBe(false);
    expect(bucket.tryTake(3)).toBe(true);
    expect(bucket.ratePerSecond).toBeCloseTo(490, 6);
    expect(createTokenBucket(500, { inFlight: 50 }).ratePerSecond).toBeCloseTo(440, 6);
  });

  it('never lets more than the budget reach the service in any one-second window, whatever the calls\' travel time', () => {
    for (const budget of [7, 20, 100, 1000]) {
      const inFlight = Math.max(1, Math.floor(budget / 10));
      const bucket = createTokenBucket(budget, { inFlight, start: 0 });
      const taken: number[] = [];
      // Ask as often as possible for 10 s: every millisecond.
      for (let now = 0; now < 10_000; now += 1) while (bucket.tryTake(now)) taken.push(now);
      expect(maxInWindow(taken)).toBeLessThanOrEqual(budget - inFlight);
      // Worst case: the inFlight calls taken last before a window all arrive inside it, late.
      const arrivals = taken.map((t, i) => (i % 97 < inFlight ? t + 999 : t));
      expect(maxInWindow(arrivals)).toBeLessThanOrEqual(budget);
      // …and it does not starve: its sustained rate is at least half the budget, and it delivers it.
      expect(bucket.ratePerSecond).toBeGreaterThanOrEqual(0.5 * budget);
      expect(taken.length).toBeGreaterThanOrEqual(Math.floor(bucket.ratePerSecond * 10 * 0.98));
    }
  });

  it('does not count time going backwards, and reports 0 ms when a token is there', () => {
    const bucket = createTokenBucket(40, { start: 1000 });
    expect(bucket.msUntilToken(1000)).toBe(0);
    expect(bucket.tryTake(500)).toBe(true);
  });

  it('starts its clock at 0 unless told; a budget with no room refills at half of it', () => {
    const bucket = createTokenBucket(1);
    expect(bucket.tryTake(0)).toBe(true);
    expect(bucket.msUntilToken(0)).toBe(2000);
    expect(createTokenBucket(2, { inFlight: 1 }).ratePerSecond).toBe(1);
  });

  it('refuses a budget below one call', () => {
    expect(() => createTokenBucket(0)).toThrow(RangeError);
    expect(() => createTokenBucket(Number.NaN)).toThrow('maxPerWindow must be a finite number ≥ 1, got NaN');
  });
});

describe('DueQueue', () => {
  it('pops the earliest due first, ties in arrival order', () => {
    const queue = new DueQueue<{ dueAt: number; seq: number }>();
    const items = [5, 3, 9, 3, 1, 7, 3, 0, 12, 4].map((dueAt, seq) => ({ dueAt, seq }));
    for (const item of items) queue.push(item);
    expect(queue.size).toBe(10);
    expect(queue.peek()).toEqual({ dueAt: 0, seq: 7 });
    const out: Array<[number, number]> = [];
    for (let item = queue.pop(); item !== undefined; item = queue.pop()) out.push([item.dueAt, item.seq]);
    expect(out).toEqual([[0, 7], [1, 4], [3, 1], [3, 3], [3, 6], [4, 9], [5, 0], [7, 5], [9, 2], [12, 8]]);
    expect(queue.pop()).toBeUndefined();
  });
});
