import { BASELINES, fixedLoop, smithyDelay, terraformDelay } from '../../bench/schedule/baselines.js';
import { logUniformDurations, simulateWait } from '../../bench/schedule/model.js';
import { checkTargets, summarize } from '../../bench/schedule/summary.js';

const mid = (): number => 0.5;

describe('the bench baselines match their definitions', () => {
  it('fixed loop: every delay is the period', () => {
    expect([1, 2, 50].map((a) => fixedLoop(10)(a, a * 10, mid))).toEqual([10, 10, 10]);
  });

  it('Terraform: first check at once, then 0.1 s doubling, capped at 10 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((a) => terraformDelay(a, 0, mid))).toEqual([0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 10]);
    expect(terraformDelay(40, 0, mid)).toBe(10);
    // The first check is at 0: a share already done is seen at once, after one call.
    expect(simulateWait(0, terraformDelay, mid)).toEqual({ durationSeconds: 0, lagSeconds: 0, calls: 1 });
    // Checks at 0, 0.1, 0.3, 0.7, 1.5, 3.1: a 3 s share is seen at 3.1 s on the sixth call.
    const wait = simulateWait(3, terraformDelay, mid);
    expect(wait.calls).toBe(6);
    expect(wait.lagSeconds).toBeCloseTo(0.1, 10);
  });

  it("Smithy: attempt a waits uniform in [min, min·2^(a−1)] while a ≤ log2(max/min) + 1, then max", () => {
    const defaults = smithyDelay(2, 120);
    // Ceiling log2(60) + 1 ≈ 6.9: attempts 1–6 are drawn, 7 on is the cap.
    expect(defaults(1, 0, () => 0.99)).toBe(2);
    expect(defaults(2, 0, () => 0)).toBe(2);
    expect(defaults(2, 0, () => 1)).toBe(4);
    expect(defaults(3, 0, mid)).toBe(2 + 0.5 * (8 - 2));
    expect(defaults(6, 0, () => 1)).toBe(64);
    expect(defaults(7, 0, () => 0)).toBe(120);
    expect(defaults(30, 0, mid)).toBe(120);
    const small = smithyDelay(1, 8);
    // Ceiling log2(8) + 1 = 4: attempt 4 still draws (up to min(8, 8)), 5 on is the cap.
    expect(small(4, 0, () => 0)).toBe(1);
    expect(small(4, 0, () => 1)).toBe(8);
    expect(small(5, 0, () => 0)).toBe(8);
  });

  it('lists the four baselines of DESIGN §4', () => {
    expect(BASELINES.map((b) => b.name)).toEqual(['fixed 10 s loop', 'Terraform', 'Smithy defaults (2 → 120 s)', 'Smithy 1 → 8 s']);
  });
});

describe('the bench model', () => {
  it('draws log-uniform durations within the range', () => {
    let i = 0;
    const values = [0, 0.5, 0.999999];
    const durations = logUniformDurations(3, 3, 900, () => values[i++] ?? 0);
    expect(durations[0]).toBeCloseTo(3, 10);
    expect(durations[1]).toBeCloseTo(Math.sqrt(3 * 900), 6);
    expect(durations[2]).toBeLessThan(900);
  });

  it('summarizes lags and calls, and checks the targets against Terraform and the former default', () => {
    const summary = summarize([
      { durationSeconds: 10, lagSeconds: 1, calls: 5 },
      { durationSeconds: 100, lagSeconds: 3, calls: 15 },
    ]);
    expect(summary).toEqual({ meanLag: 2, p95Lag: 3, p95LagShort: 1, callsPerWait: 10 });
    const terraform = { meanLag: 4, p95Lag: 9, p95LagShort: 9, callsPerWait: 22 };
    const former = { meanLag: 2.5, p95Lag: 7.4, p95LagShort: 2.5, callsPerWait: 33 };
    expect(checkTargets({ meanLag: 2.4, p95Lag: 6.4, p95LagShort: 2.3, callsPerWait: 30 }, terraform, former).every((t) => t.met)).toBe(true);
    expect(checkTargets({ meanLag: 2.4, p95Lag: 6.4, p95LagShort: 2.4, callsPerWait: 30 }, terraform, former).map((t) => t.met)).toEqual([false, true, true, true]);
    expect(checkTargets({ meanLag: 2.6, p95Lag: 6.4, p95LagShort: 2.3, callsPerWait: 31 }, terraform, former).map((t) => t.met)).toEqual([true, true, false, false]);
  });
});
