import {
  computeDelay,
  defaultDelaySchedule,
  DEFAULT_DELAY_COEFFICIENT,
  DEFAULT_DELAY_EXPONENT,
  DEFAULT_MAX_DELAY_SECONDS,
  DEFAULT_MIN_DELAY_SECONDS,
  SCHEDULE_PRESETS,
} from '../src/schedule.js';

const noJitter = { random: () => 0.5 };

/** When a share that finishes at `duration` s is seen, following the schedule with instant checks. */
function detectionLag(duration: number, options = {}): number {
  let elapsed = 0;
  while (elapsed < duration) elapsed += computeDelay(elapsed, { ...noJitter, ...options });
  return elapsed - duration;
}

/** The curve without bounds or jitter. */
const curve = (elapsed: number): number => DEFAULT_DELAY_COEFFICIENT * elapsed ** DEFAULT_DELAY_EXPONENT;

describe('computeDelay', () => {
  it('starts at the minimum delay', () => {
    expect(computeDelay(0, noJitter)).toBe(DEFAULT_MIN_DELAY_SECONDS);
    expect(DEFAULT_MIN_DELAY_SECONDS).toBe(2.1);
  });

  it('grows as 0.38·elapsed^0.64 between the bounds', () => {
    expect([DEFAULT_DELAY_COEFFICIENT, DEFAULT_DELAY_EXPONENT]).toEqual([0.38, 0.64]);
    expect(computeDelay(30, noJitter)).toBeCloseTo(0.38 * 30 ** 0.64, 10);
    expect(computeDelay(60, noJitter)).toBeCloseTo(0.38 * 60 ** 0.64, 10);
    expect(computeDelay(60, noJitter)).toBeGreaterThan(computeDelay(30, noJitter));
  });

  it('is capped at the maximum delay, 7.5 s by default', () => {
    expect(DEFAULT_MAX_DELAY_SECONDS).toBe(7.5);
    expect(curve(200)).toBeGreaterThan(7.5);
    expect(computeDelay(200, noJitter)).toBe(7.5);
    expect(computeDelay(86_400, noJitter)).toBe(7.5);
  });

  it('keeps jitter within ±10 % and within the bounds', () => {
    expect(computeDelay(60, { random: () => 0 })).toBeCloseTo(curve(60) * 0.9, 10);
    expect(computeDelay(60, { random: () => 0.999999 })).toBeCloseTo(curve(60) * 1.1, 4);
    for (const random of [0, 0.25, 0.75, 0.999999]) {
      for (const elapsed of [0, 0.1, 1, 10, 80, 110, 10_000]) {
        const delay = computeDelay(elapsed, { random: () => random });
        expect(delay).toBeGreaterThanOrEqual(DEFAULT_MIN_DELAY_SECONDS);
        expect(delay).toBeLessThanOrEqual(DEFAULT_MAX_DELAY_SECONDS);
      }
    }
  });

  it('treats minDelay and maxDelay as bounds, as SDK waiters do', () => {
    expect(computeDelay(0, { ...noJitter, minDelay: 2, maxDelay: 4 })).toBe(2);
    expect(computeDelay(16, { ...noJitter, minDelay: 2, maxDelay: 4 })).toBeCloseTo(0.38 * 16 ** 0.64, 10);
    expect(computeDelay(1000, { ...noJitter, minDelay: 2, maxDelay: 4 })).toBe(4);
    expect(computeDelay(100, { ...noJitter, minDelay: 30, maxDelay: 60 })).toBe(30);
    expect(computeDelay(100_000, { ...noJitter, minDelay: 30, maxDelay: 60 })).toBe(60);
  });

  it('follows a given curve', () => {
    expect(computeDelay(100, { ...noJitter, coefficient: 0.65, exponent: 0.5, minDelay: 0.5, maxDelay: 9 })).toBeCloseTo(6.5, 10);
  });

  it('reads a negative or non-finite elapsed time as zero', () => {
    expect(computeDelay(-5, noJitter)).toBe(DEFAULT_MIN_DELAY_SECONDS);
    expect(computeDelay(Number.NaN, noJitter)).toBe(DEFAULT_MIN_DELAY_SECONDS);
  });
});

describe('defaultDelaySchedule', () => {
  it('is empty for a zero horizon', () => {
    expect(defaultDelaySchedule(0)).toEqual([]);
  });

  it('never shrinks without jitter and reaches the cap after about two minutes', () => {
    const delays = defaultDelaySchedule(900, noJitter);
    for (let i = 1; i < delays.length; i += 1) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1] ?? 0);
    let elapsed = 0;
    let capReachedAt = Number.NaN;
    for (const delay of delays) {
      if (delay === DEFAULT_MAX_DELAY_SECONDS && Number.isNaN(capReachedAt)) capReachedAt = elapsed;
      elapsed += delay;
    }
    expect(capReachedAt).toBeGreaterThan(90);
    expect(capReachedAt).toBeLessThan(150);
  });

  it('sees short shares within a couple of seconds and long ones within a capped delay (DESIGN §4)', () => {
    for (let duration = 1; duration <= 30; duration += 0.25) expect(detectionLag(duration)).toBeLessThanOrEqual(3.1);
    for (let duration = 1; duration <= 10; duration += 0.25) expect(detectionLag(duration)).toBeLessThanOrEqual(2.1);
    for (let duration = 30; duration <= 900; duration += 1) expect(detectionLag(duration)).toBeLessThanOrEqual(7.5);
  });

  it('makes a bounded number of calls for a 15-minute share', () => {
    const calls = defaultDelaySchedule(900, noJitter).length;
    expect(calls).toBeGreaterThan(100);
    expect(calls).toBeLessThan(140);
  });
});

describe('SCHEDULE_PRESETS', () => {
  it('balanced is the default; fewer-calls calls less and low-lag lags less', () => {
    expect(SCHEDULE_PRESETS.balanced).toEqual({ coefficient: 0.38, exponent: 0.64, minDelay: 2.1, maxDelay: 7.5 });
    const calls = (name: keyof typeof SCHEDULE_PRESETS): number => defaultDelaySchedule(600, { ...noJitter, ...SCHEDULE_PRESETS[name] }).length;
    expect(calls('fewer-calls')).toBeLessThan(calls('balanced'));
    expect(calls('low-lag')).toBeGreaterThan(calls('balanced'));
    const meanLag = (name: keyof typeof SCHEDULE_PRESETS): number => {
      let total = 0;
      for (let d = 3; d <= 600; d += 1) total += detectionLag(d, SCHEDULE_PRESETS[name]);
      return total / 598;
    };
    expect(meanLag('low-lag')).toBeLessThan(meanLag('balanced'));
    expect(meanLag('fewer-calls')).toBeGreaterThan(meanLag('balanced'));
  });
});
