import { createPortfolioQueue, sharedPortfolioQueue } from '../../src/shares/portfolioQueue.js';

/** A task that records when it starts and ends, and ends when told. */
function gate(log: string[], name: string): { task: () => Promise<string>; open(): void; fail(error: Error): void } {
  let open!: () => void;
  let fail!: (error: Error) => void;
  const ended = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return {
    task: async () => {
      log.push(`${name} start`);
      try {
        await ended;
      } finally {
        log.push(`${name} end`);
      }
      return name;
    },
    open: () => open(),
    fail: (error) => fail(error),
  };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('createPortfolioQueue', () => {
  it('runs the tasks of one portfolio one at a time, in order, and tasks of others alongside', async () => {
    const queue = createPortfolioQueue();
    const log: string[] = [];
    const [a, b, c] = [gate(log, 'a'), gate(log, 'b'), gate(log, 'c')];
    const ra = queue.run('port-1', a.task);
    const rb = queue.run('port-1', b.task);
    const rc = queue.run('port-2', c.task);
    await tick();
    expect(log).toEqual(['a start', 'c start']);
    expect([queue.size('port-1'), queue.size('port-2'), queue.size('port-3')]).toEqual([2, 1, 0]);
    b.open();
    await tick();
    expect(log).toEqual(['a start', 'c start']);
    a.open();
    c.open();
    await expect(Promise.all([ra, rb, rc])).resolves.toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a start', 'c start', 'a end', 'c end', 'b start', 'b end']);
    expect(queue.size('port-1')).toBe(0);
  });

  it('a failing task rejects its own run only; the next one runs', async () => {
    const queue = createPortfolioQueue();
    const log: string[] = [];
    const [a, b] = [gate(log, 'a'), gate(log, 'b')];
    const ra = queue.run('port-1', a.task);
    const rb = queue.run('port-1', b.task);
    a.fail(new Error('boom'));
    await expect(ra).rejects.toThrow('boom');
    b.open();
    await expect(rb).resolves.toBe('b');
  });

  it('an abort before its turn takes a task out of the line without running it; order still holds', async () => {
    const queue = createPortfolioQueue();
    const log: string[] = [];
    const [a, b, c] = [gate(log, 'a'), gate(log, 'b'), gate(log, 'c')];
    const controller = new AbortController();
    const ra = queue.run('port-1', a.task);
    const rb = queue.run('port-1', b.task, { signal: controller.signal });
    const rc = queue.run('port-1', c.task);
    controller.abort(new Error('no longer needed'));
    await expect(rb).rejects.toThrow('no longer needed');
    await tick();
    // c waits for a, not for the abandoned b.
    expect(log).toEqual(['a start']);
    a.open();
    c.open();
    await expect(Promise.all([ra, rc])).resolves.toEqual(['a', 'c']);
    expect(log).toEqual(['a start', 'a end', 'c start', 'c end']);
    expect(queue.size('port-1')).toBe(0);
  });

  it('an already-aborted signal rejects at once; a signal that never fires is let go', async () => {
    const queue = createPortfolioQueue();
    let calls = 0;
    const task = async (): Promise<string> => {
      calls += 1;
      return 'ran';
    };
    await expect(queue.run('port-1', task, { signal: AbortSignal.abort(new Error('gone')) })).rejects.toThrow('gone');
    expect(calls).toBe(0);
    const controller = new AbortController();
    await expect(queue.run('port-1', task, { signal: controller.signal })).resolves.toBe('ran');
    controller.abort();
    expect(queue.size('port-1')).toBe(0);
  });

  it('the shared queue is one queue for the process', () => {
    expect(typeof sharedPortfolioQueue.run).toBe('function');
    expect(sharedPortfolioQueue.size('port-never-used')).toBe(0);
  });
});
