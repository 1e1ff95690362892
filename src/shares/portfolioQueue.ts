/**
 * One share action at a time per portfolio, within one process. The service refuses a second share
 * action on a portfolio while one runs (InvalidStateException), so the share operations hold a
 * portfolio's turn from their call until their wait ends: ten shares of one portfolio started together
 * run one after the other and none is refused. Free of imports so the pool can put its own rate limit
 * around it.
 */

/** Options of one {@link PortfolioQueue.run}. */
export interface PortfolioQueueRunOptions {
  /** Leave the queue when it aborts before the task's turn: `run` rejects with the signal's reason and the task never runs. */
  signal?: AbortSignal | undefined;
}

/** Runs tasks one at a time per key (a portfolio id), in the order they were given; tasks of different keys run freely. */
export interface PortfolioQueue {
  /**
   * Run `task` once every task given earlier for `portfolioId` has settled; resolve or reject as it
   * does. A task that fails does not stop the ones behind it.
   */
  run<T>(portfolioId: string, task: () => Promise<T>, options?: PortfolioQueueRunOptions): Promise<T>;
  /** Tasks given for `portfolioId` that have not settled yet (the running one included). */
  size(portfolioId: string): number;
}

/** A new, empty queue. Share operations use {@link sharedPortfolioQueue} unless given one. */
export function createPortfolioQueue(): PortfolioQueue {
  /** Per portfolio: the promise the next task waits for, and how many tasks have not settled. */
  const lines = new Map<string, { tail: Promise<void>; size: number }>();

  return {
    size: (portfolioId) => lines.get(portfolioId)?.size ?? 0,
    run<T>(portfolioId: string, task: () => Promise<T>, options: PortfolioQueueRunOptions = {}): Promise<T> {
      const { signal } = options;
      if (signal?.aborted) return Promise.reject(signal.reason as unknown);
      const line = lines.get(portfolioId) ?? { tail: Promise.resolve(), size: 0 };
      lines.set(portfolioId, line);
      const previous = line.tail;
      let release!: () => void;
      line.tail = new Promise<void>((resolve) => {
        release = resolve;
      });
      line.size += 1;
      const finish = (): void => {
        line.size -= 1;
        // Every task of this line has settled: the next run starts a new one.
        if (line.size === 0) lines.delete(portfolioId);
        release();
      };

      return new Promise<T>((resolve, reject) => {
        let gaveUp = false;
        const onAbort = (): void => {
          gaveUp = true;
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        // A task that gave up still keeps its place until the one before it settles, so order holds.
        void previous.then(async () => {
          signal?.removeEventListener('abort', onAbort);
          if (gaveUp) return finish();
          try {
            resolve(await task());
          } catch (error) {
            reject(error);
          } finally {
            finish();
          }
        });
      });
    },
  };
}

/** The process-wide queue every share operation uses by default. */
export const sharedPortfolioQueue: PortfolioQueue = createPortfolioQueue();
