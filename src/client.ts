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

const ignore = (): void => {};
/**
 * The SDK logger of a client the waiter creates, unless `clientConfig.logger` is given. A plain object,
 * not the SDK's `NoOpLogger`: for that one the credential chain falls back to `console.warn` (its
 * multi-line "Multiple credential sources detected" warning), and the library never writes.
 */
export const SILENT_SDK_LOGGER = Object.freeze({ trace: ignore, debug: ignore, info: ignore, warn: ignore, error: ignore });

const NODE_WARNING_SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

/**
 * `new ServiceCatalogClient(config)` without the SDK's Node-version warning (a `process.emitWarning`
 * on Node < 22, once per process, decided in the constructor): the switch the SDK reads is set for the
 * synchronous constructor call only and put back as it was. The SDK remembers it decided, so a client
 * the caller creates later in the same process does not warn either.
 */
export function createServiceCatalogClient(config: ServiceCatalogClientConfig): ServiceCatalogClient {
  const before = process.env[NODE_WARNING_SWITCH];
  process.env[NODE_WARNING_SWITCH] = 'true';
  try {
    return new ServiceCatalogClient(config);
  } finally {
    if (before === undefined) delete process.env[NODE_WARNING_SWITCH];
    else process.env[NODE_WARNING_SWITCH] = before;
  }
}

/**
 * Use the caller's client as is, or create one from `clientConfig`. A created client gets
 * `maxAttempts: 1` unless the config sets it, so the waiter's own per-call retry (abortable, bounded
 * by the deadline, logged) is the only retry layer; a caller's client keeps its own retry on top.
 * A created client writes nothing (no SDK warnings) unless `clientConfig.logger` says where to.
 */
export function resolveClient(config: { client?: ServiceCatalogLikeClient | undefined; clientConfig?: ServiceCatalogClientConfig | undefined }): ResolvedClient {
  if (config.client !== undefined) return { client: config.client, release: () => {} };
  const created = createServiceCatalogClient({
    maxAttempts: 1,
    requestHandler: DEFAULT_REQUEST_HANDLER_OPTIONS,
    ...config.clientConfig,
    logger: config.clientConfig?.logger ?? SILENT_SDK_LOGGER,
  });
  return { client: created, release: () => created.destroy() };
}
