import { RequestLog } from '../../src/simulator/requestLog.js';

describe('RequestLog (ring buffer)', () => {
  it('keeps the newest entries in arrival order once full, and only answered ones are listed', () => {
    const log = new RequestLog(3);
    const finishers = [1, 2, 3, 4, 5].map((time) => log.begin(time));
    finishers.forEach((finish, i) => {
      if (i !== 3) finish({ operation: `Op${i + 1}`, httpStatus: 200, outcome: 'ok' });
    });
    expect(log.list().map((e) => e.time)).toEqual([3, 5]);
    finishers[3]?.({ operation: 'Op4', httpStatus: 400, outcome: 'ThrottlingException' });
    expect(log.list().map((e) => [e.time, e.outcome])).toEqual([
      [3, 'ok'],
      [4, 'ThrottlingException'],
      [5, 'ok'],
    ]);
  });

  it('clear() forgets everything and counts the answered entries; recording starts again from empty', () => {
    const log = new RequestLog(2);
    for (let i = 0; i < 5; i += 1) log.begin(i)({ operation: 'X', httpStatus: 200, outcome: 'ok' });
    expect(log.clear()).toBe(2);
    expect(log.list()).toEqual([]);
    log.begin(9)({ operation: 'Y', httpStatus: 200, outcome: 'ok' });
    expect(log.list()).toEqual([{ operation: 'Y', time: 9, httpStatus: 200, outcome: 'ok' }]);
  });

  it('records a call in constant time at any size: no copy of the log per call', () => {
    // Count work, not time: a log whose begin() copied or spliced its array would touch O(n) slots.
    const log = new RequestLog(1000);
    const records = (log as unknown as { records: unknown[] }).records;
    for (let i = 0; i < 5000; i += 1) log.begin(i)({ operation: 'X', httpStatus: 200, outcome: 'ok' });
    // Same array object throughout (no splice/slice reallocation), holding exactly the capacity.
    expect((log as unknown as { records: unknown[] }).records).toBe(records);
    expect(records).toHaveLength(1000);
    expect(log.list()[0]?.time).toBe(4000);
  });
});
