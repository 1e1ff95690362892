import type { PoolTimers } from '../../src/pool/types.js';
import type { ServiceCatalogLikeClient } from '../../src/types.js';

/** Pool timers on a fake clock that moves only from timer to timer; counts how many timers are live. */
export interface PoolClock extends PoolTimers {
  readonly live: number;
  readonly maxLive: number;
  /** Run timers (flushing promise work between them) until none is left or `untilMs` passes. */
  run(untilMs?: number): Promise<void>;
  advance(ms: number): void;
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function createPoolClock(random: () => number = () => 0.5): PoolClock {
  let now = 0;
  let nextId = 0;
  let maxLive = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => now,
    random,
    get live() {
      return timers.size;
    },
    get maxLive() {
      return maxLive;
    },
    advance(ms) {
      now += ms;
    },
    setTimer(callback, ms) {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, ms), callback });
      maxLive = Math.max(maxLive, timers.size);
      return () => timers.delete(id);
    },
    async run(untilMs = Number.POSITIVE_INFINITY) {
      for (let guard = 0; guard < 1_000_000; guard += 1) {
        await flush();
        let first: [number, { at: number; callback: () => void }] | undefined;
        for (const entry of timers) if (first === undefined || entry[1].at < first[1].at) first = entry;
        if (first === undefined || first[1].at > untilMs) return;
        timers.delete(first[0]);
        now = Math.max(now, first[1].at);
        first[1].callback();
      }
      throw new Error('the pool never went idle');
    },
  };
}

export interface ShareScript {
  /** Milliseconds of the clock at which the share is terminal. */
  doneAt: number;
  final?: string;
  shareErrors?: Array<{ Accounts: string[]; Error: string; Message: string }>;
  /** Throw this from every call instead. */
  error?: Error;
}

/** A client whose describe answers from the clock: IN_PROGRESS before doneAt, then the final status. */
export function scriptedClient(clock: PoolTimers, shares: Record<string, ShareScript>, latencyMs = 0): ServiceCatalogLikeClient & { calls: Array<{ token: string; at: number }> } {
  const calls: Array<{ token: string; at: number }> = [];
  return {
    calls,
    send: async (command: unknown, options?: { abortSignal?: AbortSignal }) => {
      const input = (command as { input: { PortfolioShareToken: string } }).input;
      calls.push({ token: input.PortfolioShareToken, at: clock.now() });
      if (latencyMs > 0) {
        await new Promise<void>((resolve, reject) => {
          const done = clock.now() + latencyMs;
          const cancel = clock.setTimer(resolve, done - clock.now());
          options?.abortSignal?.addEventListener('abort', () => {
            cancel();
            reject(options.abortSignal?.reason);
          });
        });
      }
      const share = shares[input.PortfolioShareToken];
      if (share === undefined) throw Object.assign(new Error('no such share'), { name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 400 } });
      if (share.error !== undefined) throw share.error;
      const done = clock.now() >= share.doneAt;
      return {
        $metadata: { httpStatusCode: 200 },
        Status: done ? (share.final ?? 'COMPLETED') : 'IN_PROGRESS',
        PortfolioId: 'port-pool0000001',
        OrganizationNodeValue: 'ou-ab12-pool0001',
        ShareDetails: { SuccessfulShares: [], ShareErrors: done ? (share.shareErrors ?? []) : [] },
      };
    },
  };
}

export { maxInWindow } from '../../bench/lib/windows.js';
