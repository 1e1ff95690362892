import {
  computeDelay,
  defaultDelaySchedule,
  DEFAULT_DELAY_COEFFICIENT,
  DEFAULT_DELAY_EXPONENT,
  DEFAULT_MAX_DELAY_SECONDS,
  DEFAULT_MIN_DELAY_SECONDS,
  MAX_SCHEDULE_LENGTH,
  resolveScheduleOptions,
  SCHEDULE_PRESETS,
  type DelayScheduleOptions,
} from '../src/schedule.js';
import { invalidInput } from './support/invalidInput.js';

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

describe('schedule options are checked before use', () => {
  const refusal = invalidInput;

  it('names the option and shows the value received: numbers and bigints as written, text quoted, anything else by its type', () => {
    const negative = refusal(() => computeDelay(0, { minDelay: -1 }));
    expect(negative.message).toBe('minDelay must be a finite number of seconds greater than 0, but received -1; pass such a value or leave it out.');
    expect([negative.option, negative.received]).toEqual(['minDelay', -1]);
    const big = refusal(() => computeDelay(0, { maxDelay: 5n as unknown as number }));
    expect(big.message).toBe('maxDelay must be a finite number of seconds greater than 0, but received 5; pass such a value or leave it out.');
    expect([big.option, big.received]).toEqual(['maxDelay', '5n']);
    const text = refusal(() => computeDelay(0, { jitter: '0.1' as unknown as number }));
    expect(text.message).toBe('jitter must be a number in [0, 1), but received "0.1"; pass such a value or leave it out.');
    expect([text.option, text.received]).toEqual(['jitter', '0.1']);
    const object = refusal(() => computeDelay(0, { coefficient: {} as unknown as number }));
    expect(object.message).toBe('coefficient must be a finite number greater than 0, but received object; pass such a value or leave it out.');
    expect([object.option, object.received]).toEqual(['coefficient', {}]);
  });

  it('refuses options that are not an object', () => {
    for (const options of [null, 5, 'fast']) {
      const error = refusal(() => computeDelay(0, options as unknown as DelayScheduleOptions));
      expect(error.option).toBe('options');
      expect(error.message).toMatch(/^options must be an object, but received /);
    }
  });

  it('refuses delay bounds that are not finite numbers greater than 0, and a minimum above the maximum', () => {
    for (const key of ['minDelay', 'maxDelay'] as const) {
      for (const bad of [0, -0.5, Number.POSITIVE_INFINITY, Number.NaN, '2']) {
        expect(refusal(() => computeDelay(0, { [key]: bad as number })).option).toBe(key);
      }
    }
    expect(refusal(() => computeDelay(0, { minDelay: 5, maxDelay: 4 })).message).toBe('minDelay must not exceed maxDelay (4 s), but received 5; pass such a value or leave it out.');
    expect(computeDelay(0, { ...noJitter, minDelay: 0.001, maxDelay: 0.001 })).toBe(0.001);
  });

  it('fits the default of a bound given alone around it', () => {
    expect(resolveScheduleOptions({ maxDelay: 1 })).toMatchObject({ minDelay: 1, maxDelay: 1 });
    expect(resolveScheduleOptions({ maxDelay: 3 })).toMatchObject({ minDelay: DEFAULT_MIN_DELAY_SECONDS, maxDelay: 3 });
    expect(resolveScheduleOptions({ minDelay: 10 })).toMatchObject({ minDelay: 10, maxDelay: 10 });
    expect(resolveScheduleOptions({ minDelay: 1 })).toMatchObject({ minDelay: 1, maxDelay: DEFAULT_MAX_DELAY_SECONDS });
    expect(resolveScheduleOptions({})).toMatchObject({ minDelay: DEFAULT_MIN_DELAY_SECONDS, maxDelay: DEFAULT_MAX_DELAY_SECONDS, jitter: 0.1, coefficient: 0.38, exponent: 0.64 });
  });

  it('takes a jitter in [0, 1) and refuses any other', () => {
    const wide = { minDelay: 0.1, maxDelay: 20 };
    expect(computeDelay(60, { ...wide, jitter: 0, random: () => 0 })).toBeCloseTo(curve(60), 10);
    expect(computeDelay(60, { ...wide, jitter: 0.5, random: () => 0 })).toBeCloseTo(curve(60) * 0.5, 10);
    expect(computeDelay(60, { ...wide, jitter: 0.99, random: () => 0.75 })).toBeCloseTo(curve(60) * 1.495, 10);
    for (const bad of [1, 1.5, -0.01, Number.NaN]) expect(refusal(() => computeDelay(60, { jitter: bad })).option).toBe('jitter');
  });

  it('takes a curve with a coefficient above 0 and an exponent in (0, 1]: 1 grows linearly', () => {
    const open = { ...noJitter, minDelay: 0.1, maxDelay: 100 };
    expect(computeDelay(10, { ...open, coefficient: 0.5, exponent: 1 })).toBeCloseTo(5, 10);
    for (const exponent of [0, 1.01, -1]) expect(refusal(() => computeDelay(10, { ...open, exponent })).option).toBe('exponent');
    for (const coefficient of [0, -0.1]) expect(refusal(() => computeDelay(10, { ...open, coefficient })).option).toBe('coefficient');
  });

  it('refuses a random source that is not a function', () => {
    const error = refusal(() => computeDelay(0, { random: 0.5 as unknown as () => number }));
    expect(error.option).toBe('random');
    expect(error.message).toBe('random must be a function returning a number in [0, 1), but received 0.5; pass such a value or leave it out.');
  });

  it('refuses a horizon that is not a finite number ≥ 0, or one that needs more than MAX_SCHEDULE_LENGTH delays', () => {
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, '60']) {
      const error = refusal(() => defaultDelaySchedule(bad as number));
      expect(error.option).toBe('horizonSeconds');
      expect(error.message).toMatch(/^horizonSeconds must be a finite number of seconds ≥ 0, but received /);
    }
  });

  it('accepts a horizon of exactly MAX_SCHEDULE_LENGTH × minDelay, not one second more', () => {
    // The limit counts the worst case (every delay at minDelay); a steep curve keeps the list itself short.
    const steep = { ...noJitter, minDelay: 1, maxDelay: MAX_SCHEDULE_LENGTH, coefficient: MAX_SCHEDULE_LENGTH, exponent: 1 };
    expect(defaultDelaySchedule(MAX_SCHEDULE_LENGTH, steep)).toEqual([1, MAX_SCHEDULE_LENGTH]);
    expect(refusal(() => defaultDelaySchedule(MAX_SCHEDULE_LENGTH + 1, steep)).message).toBe(
      `horizonSeconds must need at most ${MAX_SCHEDULE_LENGTH} delays of at least minDelay (1 s), but received ${MAX_SCHEDULE_LENGTH + 1}; pass such a value or leave it out.`,
    );
  });
});

describe('the presets', () => {
  it('are these curves and bounds', () => {
    expect(SCHEDULE_PRESETS).toEqual({
      balanced: { coefficient: 0.38, exponent: 0.64, minDelay: 2.1, maxDelay: 7.5 },
      'fewer-calls': { coefficient: 0.6, exponent: 0.6, minDelay: 3, maxDelay: 15 },
      'low-lag': { coefficient: 0.3, exponent: 0.6, minDelay: 1, maxDelay: 5 },
    });
  });
});
