import { ServiceCatalogClient, type ServiceCatalogClientConfig } from '@aws-sdk/client-service-catalog';
import type { ServiceCatalogLikeClient } from './types.js';

/** A client to use for one wait, and how to let go of it afterwards. */
export interface ResolvedClient {
  client: ServiceCatalogLikeClient;
  /** Destroys the client if the waiter created it (closing its sockets); a no-op for the caller's own client. */
  release(): void;
}

/**
 * HTTP timeouts of a client the waiter creates, in milliseconds: a call that hangs becomes a transient
 * `TimeoutError` (retried per call) instead of a wait that outlives its deadline. The SDK's own
 * default is no timeout at all. `clientConfig.requestHandler` replaces them.
 */
export const DEFAULT_REQUEST_HANDLER_OPTIONS = Object.freeze({ connectionTimeout: 5_000, requestTimeout: 30_000, throwOnRequestTimeout: true });

/**
 * Use the caller's client as is, or create one from `clientConfig`. A created client gets
 * `maxAttempts: 1` unless the config sets it, so the waiter's own per-call retry (abortable, bounded
 * by the deadline, logged) is the only retry layer; a caller's client keeps its own retry on top.
 */
export function resolveClient(config: { client?: ServiceCatalogLikeClient | undefined; clientConfig?: ServiceCatalogClientConfig | undefined }): ResolvedClient {
  if (config.client !== undefined) return { client: config.client, release: () => {} };
  const created = new ServiceCatalogClient({ maxAttempts: 1, requestHandler: DEFAULT_REQUEST_HANDLER_OPTIONS, ...config.clientConfig });
  return { client: created, release: () => created.destroy() };
}
