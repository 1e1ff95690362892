import type { Logger } from '../logger.js';
import { isValidToken } from '../token.js';
import type { ServiceCatalogLikeClient, Timers } from '../types.js';
import { validateWaiterConfiguration, type WaitSettings } from '../validate.js';
import { DEFAULT_POOL_MAX_WAIT_SECONDS } from './defaults.js';
import type { PoolTimers, PoolWaitOptions, SharePoolOptions } from './types.js';

/**
 * Check the wait options a pool is given as every wait's defaults with the core's rules (and that
 * exactly one of client and clientConfig is there), before anything is created.
 */
export function checkPoolWaitDefaults(options: SharePoolOptions): void {
  validateWaiterConfiguration({ ...options, maxWaitTime: options.maxWaitTime ?? DEFAULT_POOL_MAX_WAIT_SECONDS, timers: undefined }, { PortfolioShareToken: 'share-check' });
}

/**
 * The validated settings of each wait: the pool's defaults overlaid with the wait's own options, by
 * the core's rules. A wait that gives no options of its own shares one settings object, so 10,000
 * such waits cost one copy.
 */
export class PoolWaitSettings {
  /** The settings of a wait that gives no options of its own (its `token` is not any wait's). */
  readonly shared: WaitSettings;
  private readonly defaults: Omit<SharePoolOptions, 'abortSignal'>;
  /** The pool's clock as the core's Timers (a pool's check never sleeps: its one timer does). */
  private readonly coreTimers: Timers;

  constructor(
    options: SharePoolOptions,
    private readonly client: ServiceCatalogLikeClient,
    timers: PoolTimers,
    private readonly logger: Logger,
  ) {
    const { abortSignal: _pool, ...defaults } = options;
    this.defaults = { ...defaults, maxWaitTime: options.maxWaitTime ?? DEFAULT_POOL_MAX_WAIT_SECONDS };
    this.coreTimers = { now: () => timers.now(), random: () => timers.random(), sleep: () => Promise.resolve() };
    this.shared = this.resolve('share-default', {});
  }

  /** The settings of a wait for `token`; throws InvalidInputError on a bad token or option. */
  for(token: string, options: PoolWaitOptions): WaitSettings {
    return Object.keys(options).length === 0 ? this.checkToken(token) : this.resolve(token, options);
  }

  private checkToken(token: string): WaitSettings {
    // A valid token needs no full validation: only a bad one is run through the rules, for their error.
    if (!isValidToken(token)) this.resolve(token, {});
    return this.shared;
  }

  private resolve(token: string, options: PoolWaitOptions): WaitSettings {
    return validateWaiterConfiguration(
      { ...this.defaults, ...options, client: this.client, clientConfig: undefined, timers: this.coreTimers, logger: this.logger },
      { PortfolioShareToken: token },
    );
  }
}
