import { createManualClock, isManualClock, systemClock } from '../../src/simulator/clock.js';
import { FaultInjector } from '../../src/simulator/faults.js';
import { createRandomStreams, mulberry32, randomString, randomUuid } from '../../src/simulator/random.js';
import { shareStatusAt } from '../../src/simulator/shareOperation.js';
import type { ShareOperation } from '../../src/simulator/shareOperation.js';

describe('manual clock', () => {
  it('starts at 2026-01-01 by default, advances and sets', () => {
    const clock = createManualClock();
    expect(clock.now()).toBe(Date.UTC(2026, 0, 1));
    expect(clock.advance(1500)).toBe(Date.UTC(2026, 0, 1) + 1500);
    clock.set(7);
    expect(clock.now()).toBe(7);
    expect(createManualClock(0).now()).toBe(0);
  });

  it('refuses to go backwards by advance, and non-finite times', () => {
    const clock = createManualClock(0);
    expect(() => clock.advance(-1)).toThrow(TypeError);
    expect(() => clock.set(Number.NaN)).toThrow(TypeError);
    expect(() => createManualClock(Number.POSITIVE_INFINITY)).toThrow(TypeError);
  });

  it('stays within the Date range, so a timestamp it makes is always valid; a refused move leaves the time as it was', () => {
    const clock = createManualClock(0);
    expect(() => clock.set(8.64e15 + 1)).toThrow(TypeError);
    expect(() => clock.set(-8.64e15 - 1)).toThrow(TypeError);
    expect(() => createManualClock(1e300)).toThrow(TypeError);
    clock.set(8.64e15 - 10);
    expect(() => clock.advance(11)).toThrow(/within ±8640000000000000/);
    expect(clock.now()).toBe(8.64e15 - 10);
    expect(clock.advance(10)).toBe(8.64e15);
    expect(Number.isNaN(new Date(clock.now()).getTime())).toBe(false);
  });

  it('isManualClock tells the two clocks apart', () => {
    expect(isManualClock(createManualClock())).toBe(true);
    expect(isManualClock(systemClock)).toBe(false);
  });
});

describe('seeded random', () => {
  it('repeats for a seed and gives the documented id shapes', () => {
    expect(Array.from({ length: 5 }, mulberry32(3))).toEqual(Array.from({ length: 5 }, mulberry32(3)));
    const random = mulberry32(1);
    expect(randomString(random, 13)).toMatch(/^[a-z0-9]{13}$/);
    expect(randomUuid(random)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('keeps ids, request ids and fault draws on separate streams', () => {
    const a = createRandomStreams(9);
    const b = createRandomStreams(9);
    a.requestIds();
    a.faults();
    expect(a.ids()).toBe(b.ids());
  });
});

describe('FaultInjector', () => {
  it('count rules hit the next N matching calls, then remove themselves', () => {
    const faults = new FaultInjector(() => 0);
    faults.add({ operation: 'A', kind: 'throttle', count: 2 });
    expect(faults.decide('B')).toEqual({ latencyMs: 0 });
    expect(faults.decide('A')).toEqual({ latencyMs: 0, kind: 'throttle' });
    expect(faults.list()).toEqual([{ operation: 'A', kind: 'throttle', count: 1 }]);
    expect(faults.decide('A').kind).toBe('throttle');
    expect(faults.list()).toEqual([]);
    expect(faults.decide('A')).toEqual({ latencyMs: 0 });
  });

  it('latency rules add up; the first firing non-latency rule wins and later ones keep their count', () => {
    const faults = new FaultInjector(() => 0.5);
    faults.add({ operation: '*', kind: 'latency', latencyMs: 10, rate: 1 });
    faults.add({ operation: 'A', kind: 'latency', latencyMs: 5, count: 1 });
    faults.add({ operation: 'A', kind: 'http503', rate: 0.4 });
    faults.add({ operation: 'A', kind: 'http500', count: 1 });
    faults.add({ operation: 'A', kind: 'reset', count: 1 });
    expect(faults.decide('A')).toEqual({ latencyMs: 15, kind: 'http500' });
    expect(faults.decide('A')).toEqual({ latencyMs: 10, kind: 'reset' });
    expect(faults.decide('A')).toEqual({ latencyMs: 10 });
    expect(faults.clear()).toBe(2);
  });

  it('rate rules fire when the draw is below the rate', () => {
    const draws = [0.1, 0.9];
    const faults = new FaultInjector(() => draws.shift() ?? 1);
    faults.add({ operation: '*', kind: 'malformed', rate: 0.5 });
    expect(faults.decide('X').kind).toBe('malformed');
    expect(faults.decide('X').kind).toBeUndefined();
  });
});

describe('shareStatusAt', () => {
  const op = (fields: Partial<ShareOperation>): ShareOperation => ({
    token: 'share-t',
    portfolioId: 'port-p',
    nodeValue: 'ou-x',
    action: 'CREATE',
    startMs: 0,
    notStartedMs: 1000,
    durationMs: 5000,
    accounts: ['1', '2', '3', '4'],
    failures: new Map(),
    describeCalls: 0,
    ...fields,
  });

  it('processes accounts evenly over the IN_PROGRESS phase', () => {
    const o = op({ failures: new Map([['2', { error: 'E', message: 'm' }]]) });
    expect(shareStatusAt(o, 999).status).toBe('NOT_STARTED');
    expect(shareStatusAt(o, 1000)).toEqual({ status: 'IN_PROGRESS', details: { SuccessfulShares: [], ShareErrors: [] } });
    expect(shareStatusAt(o, 3000)).toEqual({ status: 'IN_PROGRESS', details: { SuccessfulShares: ['1'], ShareErrors: [{ Accounts: ['2'], Message: 'm', Error: 'E' }] } });
    expect(shareStatusAt(o, 5000)).toEqual({ status: 'COMPLETED_WITH_ERRORS', details: { SuccessfulShares: ['1', '3', '4'], ShareErrors: [{ Accounts: ['2'], Message: 'm', Error: 'E' }] } });
  });

  it('a zero duration is terminal at once; a node with no accounts completes with empty details', () => {
    expect(shareStatusAt(op({ durationMs: 0, notStartedMs: 0 }), 0).status).toBe('COMPLETED');
    expect(shareStatusAt(op({ accounts: [] }), 5000)).toEqual({ status: 'COMPLETED', details: { SuccessfulShares: [], ShareErrors: [] } });
  });

  it('groups errors by type and message, and is ERROR when every account failed', () => {
    const failures = new Map(['1', '2', '3', '4'].map((a) => [a, { error: a === '3' ? 'Other' : 'ThrottlingException', message: 'Rate exceeded' }]));
    expect(shareStatusAt(op({ failures }), 5000)).toEqual({
      status: 'ERROR',
      details: {
        SuccessfulShares: [],
        ShareErrors: [
          { Accounts: ['1', '2', '4'], Message: 'Rate exceeded', Error: 'ThrottlingException' },
          { Accounts: ['3'], Message: 'Rate exceeded', Error: 'Other' },
        ],
      },
    });
  });
});
