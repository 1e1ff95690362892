import { computeDelay, defaultDelaySchedule, DEFAULT_MAX_DELAY_SECONDS, DEFAULT_MIN_DELAY_SECONDS } from '../src/schedule.js';

const noJitter = { random: () => 0.5 };

/** When a share that finishes at `duration` s is seen, following the schedule with instant checks. */
function detectionLag(duration: number): number {
  let elapsed = 0;
  while (elapsed < duration) elapsed += computeDelay(elapsed, noJitter);
  return elapsed - duration;
}

describe('computeDelay', () => {
  it('starts at the minimum delay', () => {
    expect(computeDelay(0, noJitter)).toBe(DEFAULT_MIN_DELAY_SECONDS);
    expect(DEFAULT_MIN_DELAY_SECONDS).toBe(0.5);
  });

  it('grows as 0.65·√elapsed between the bounds', () => {
    expect(computeDelay(4, noJitter)).toBeCloseTo(1.3, 10);
    expect(computeDelay(100, noJitter)).toBeCloseTo(6.5, 10);
  });

  it('is capped at the maximum delay, 9 s by default', () => {
    expect(DEFAULT_MAX_DELAY_SECONDS).toBe(9);
    expect(computeDelay(200, noJitter)).toBe(9);
    expect(computeDelay(86_400, noJitter)).toBe(9);
  });

  it('keeps jitter within ±10 % and within the bounds', () => {
    expect(computeDelay(100, { random: () => 0 })).toBeCloseTo(6.5 * 0.9, 10);
    expect(computeDelay(100, { random: () => 0.999999 })).toBeCloseTo(6.5 * 1.1, 4);
    for (const random of [0, 0.25, 0.75, 0.999999]) {
      for (const elapsed of [0, 0.1, 1, 10, 150, 190, 10_000]) {
        const delay = computeDelay(elapsed, { random: () => random });
        expect(delay).toBeGreaterThanOrEqual(DEFAULT_MIN_DELAY_SECONDS);
        expect(delay).toBeLessThanOrEqual(DEFAULT_MAX_DELAY_SECONDS);
      }
    }
  });

  it('treats minDelay and maxDelay as bounds, as SDK waiters do', () => {
    expect(computeDelay(0, { ...noJitter, minDelay: 2, maxDelay: 4 })).toBe(2);
    expect(computeDelay(16, { ...noJitter, minDelay: 2, maxDelay: 4 })).toBe(2.6);
    expect(computeDelay(1000, { ...noJitter, minDelay: 2, maxDelay: 4 })).toBe(4);
    expect(computeDelay(1000, { ...noJitter, minDelay: 30, maxDelay: 60 })).toBe(30);
    expect(computeDelay(10_000, { ...noJitter, minDelay: 30, maxDelay: 60 })).toBe(60);
  });

  it('reads a negative or non-finite elapsed time as zero', () => {
    expect(computeDelay(-5, noJitter)).toBe(0.5);
    expect(computeDelay(Number.NaN, noJitter)).toBe(0.5);
  });
});

describe('defaultDelaySchedule', () => {
  it('is empty for a zero horizon', () => {
    expect(defaultDelaySchedule(0)).toEqual([]);
  });

  it('never shrinks without jitter and reaches the cap after about three minutes', () => {
    const delays = defaultDelaySchedule(900, noJitter);
    for (let i = 1; i < delays.length; i += 1) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1] ?? 0);
    let elapsed = 0;
    let capReachedAt = Number.NaN;
    for (const delay of delays) {
      if (delay === 9 && Number.isNaN(capReachedAt)) capReachedAt = elapsed;
      elapsed += delay;
    }
    expect(capReachedAt).toBeGreaterThan(150);
    expect(capReachedAt).toBeLessThan(250);
  });

  it('sees short shares within a couple of seconds and long ones within a capped delay (DESIGN §4)', () => {
    for (let duration = 1; duration <= 30; duration += 0.25) expect(detectionLag(duration)).toBeLessThanOrEqual(3.6);
    for (let duration = 1; duration <= 10; duration += 0.25) expect(detectionLag(duration)).toBeLessThanOrEqual(2.1);
    for (let duration = 30; duration <= 900; duration += 1) expect(detectionLag(duration)).toBeLessThanOrEqual(9);
  });

  it('makes a bounded number of calls for a 15-minute share', () => {
    const calls = defaultDelaySchedule(900, noJitter).length;
    expect(calls).toBeGreaterThan(100);
    expect(calls).toBeLessThan(140);
  });
});
