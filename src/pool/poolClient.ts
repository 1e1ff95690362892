import { resolveClient } from '../client.js';
import type { ServiceCatalogLikeClient } from '../types.js';
import type { SharePoolOptions } from './types.js';
import type { PoolSettings } from './validatePool.js';

/** The client a pool sends its describes with, and how it sends them. */
export interface PoolClient {
  client: ServiceCatalogLikeClient;
  /** Destroys a client the pool created (closing its sockets); a no-op for the caller's own. */
  release(): void;
  /**
   * True for the caller's client: each call gets an AbortSignal, so a hung or abandoned call is cut.
   * False for a client the pool created: calls go without per-call options (see below) and its
   * `requestTimeout` cuts a hung call at the pool's `callTimeout`; close() destroys its sockets.
   */
  abortable: boolean;
}

/**
 * A client the pool creates from `clientConfig`: one try a call (the pool's schedule is the retry),
 * sockets for every call in flight, a `requestTimeout` of `callTimeout`, and `cacheMiddleware`. The
 * SDK otherwise rebuilds its whole middleware stack for every `send` (some thirty closures and lists,
 * which V8 pretenures into the old generation): at 10,000 waits that garbage alone grew the old space
 * to 60 MiB between two full collections. With the cache the SDK reuses one resolved handler per
 * command class, but only for calls sent without options, so the pool sends none to its own client.
 * Anything in `clientConfig` overrides these.
 */
export function createPoolClient(options: SharePoolOptions, settings: PoolSettings): PoolClient {
  if (options.clientConfig === undefined) return { ...resolveClient(options), abortable: true };
  const { clientConfig } = options;
  return {
    ...resolveClient({
      clientConfig: {
        cacheMiddleware: true,
        requestHandler: {
          connectionTimeout: Math.min(5_000, settings.callTimeoutMs),
          requestTimeout: settings.callTimeoutMs,
          throwOnRequestTimeout: true,
          httpAgent: { keepAlive: true, maxSockets: settings.maxConcurrentCalls },
        },
        ...clientConfig,
      },
    }),
    abortable: false,
  };
}
