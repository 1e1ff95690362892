import { main } from '../../src/cli/main.js';
import { ENV, fakeIo, fakeLibrary, result } from './fakes.js';

const A = 'share-aaaaaaaaaaaaa';
const B = 'share-bbbbbbbbbbbbb';

describe('wait with several tokens goes through one share pool', () => {
  it('passes --max-calls-per-second and --schedule to the pool, and the wait options to every wait', async () => {
    const library = fakeLibrary({ [A]: result(A), [B]: result(B) });
    const io = fakeIo();
    const code = await main(['wait', A, B, '--max-calls-per-second', '5', '--schedule', 'fewer-calls', '--timeout', '90'], ENV, io, { library });
    expect(code).toBe(0);
    expect(library.pools).toHaveLength(1);
    expect(library.pools[0]).toMatchObject({ maxCallsPerSecond: 5, schedule: 'fewer-calls', maxWaitTime: 90, clientConfig: { region: 'us-east-1' } });
    expect(library.pools[0]?.abortSignal).toBeInstanceOf(AbortSignal);
    expect(library.waits.map((w) => w.input.PortfolioShareToken)).toEqual([A, B]);
  });

  it('waits for one token without a pool', async () => {
    const library = fakeLibrary({ [A]: result(A) });
    const code = await main(['wait', A, '--schedule', 'low-lag'], ENV, fakeIo(), { library });
    expect(code).toBe(0);
    expect(library.pools).toHaveLength(0);
    expect(library.waits[0]?.config).toMatchObject({ schedule: 'low-lag' });
  });

  it.each([
    [['--max-calls-per-second', '0'], "--max-calls-per-second must be a number of calls of 1 or more, got '0'"],
    [['--max-calls-per-second', 'many'], "--max-calls-per-second must be a number of calls of 1 or more, got 'many'"],
    [['--schedule', 'fast'], "--schedule must be balanced, fewer-calls or low-lag, got 'fast'"],
  ])('refuses %j before any call (exit 2)', async (flags, message) => {
    const library = fakeLibrary();
    const io = fakeIo();
    const code = await main(['wait', A, B, ...flags], ENV, io, { library });
    expect(code).toBe(2);
    expect(io.err()).toContain(message);
    expect(library.calls()).toBe(0);
  });
});
