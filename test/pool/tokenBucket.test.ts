import { createTokenBucket } from '../../src/pool/tokenBucket.js';
import { DueQueue } from '../../src/pool/dueQueue.js';
import { maxInWindow } from './poolClock.js';

describe('createTokenBucket (injected time)', () => {
  it('starts full with a burst of a twentieth of the budget, then refills', () => {
    const bucket = createTokenBucket(100, { start: 0 });
    expect(bucket.capacity).toBe(5);
    for (let i = 0; i < 5; i += 1) expect(bucket.tryTake(0)).toBe(true);
    expect(bucket.tryTake(0)).toBe(false);
    // (100 − 5) per 1050 ms: one token every ~11 ms.
    expect(bucket.msUntilToken(0)).toBe(12);
    expect(bucket.tryTake(11)).toBe(false);
    expect(bucket.tryTake(12)).toBe(true);
    expect(bucket.ratePerSecond).toBeCloseTo(95 / 1.05, 6);
  });

  it('never lets more than the budget through in any one-second window, even stretched by the slack', () => {
    for (const budget of [1, 7, 20, 100, 1000]) {
      const bucket = createTokenBucket(budget, { start: 0 });
      const taken: number[] = [];
      // Ask as often as possible for 10 s: every millisecond.
      for (let now = 0; now < 10_000; now += 1) while (bucket.tryTake(now)) taken.push(now);
      expect(maxInWindow(taken, 1050)).toBeLessThanOrEqual(budget);
      // …and it does not starve: its sustained rate is at least 80 % of the budget, and it delivers it.
      expect(bucket.ratePerSecond).toBeGreaterThanOrEqual(0.8 * budget);
      expect(taken.length).toBeGreaterThanOrEqual(Math.floor(bucket.ratePerSecond * 10 * 0.98));
    }
  });

  it('does not count time going backwards, and reports 0 ms when a token is there', () => {
    const bucket = createTokenBucket(40, { start: 1000 });
    expect(bucket.msUntilToken(1000)).toBe(0);
    expect(bucket.tryTake(500)).toBe(true);
  });

  it('starts its clock at 0 unless told', () => {
    const bucket = createTokenBucket(1);
    expect(bucket.tryTake(0)).toBe(true);
    expect(bucket.msUntilToken(0)).toBe(1050);
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
