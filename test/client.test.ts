import { ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { DEFAULT_REQUEST_HANDLER_OPTIONS, resolveClient } from '../src/client.js';

/** The options a client's NodeHttpHandler resolved: its private `configProvider`, the only place they can be read before a call. */
async function handlerConfig(client: ServiceCatalogClient): Promise<Record<string, unknown>> {
  const handler = client.config.requestHandler as unknown as { configProvider: Promise<Record<string, unknown>> };
  return handler.configProvider;
}

describe('resolveClient', () => {
  it('uses the caller\'s client as is and never destroys it', () => {
    let destroyed = false;
    const client = { send: async () => ({}), destroy: () => (destroyed = true) };
    const resolved = resolveClient({ client });
    expect(resolved.client).toBe(client);
    resolved.release();
    expect(destroyed).toBe(false);
  });

  it('creates a client with one SDK attempt and throwing HTTP timeouts, and destroys it on release', async () => {
    const original = ServiceCatalogClient.prototype.destroy;
    const destroyed: unknown[] = [];
    ServiceCatalogClient.prototype.destroy = function destroy(this: ServiceCatalogClient) {
      destroyed.push(this);
      original.call(this);
    };
    try {
      const resolved = resolveClient({ clientConfig: { region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } } });
      expect(resolved.client).toBeInstanceOf(ServiceCatalogClient);
      const created = resolved.client as ServiceCatalogClient;
      expect(await created.config.maxAttempts()).toBe(1);
      // The client's own request handler carries the timeouts (test/integration/clientTimeouts.test.ts
      // shows a hung call timed out end to end).
      expect(await handlerConfig(created)).toMatchObject({ connectionTimeout: 5000, requestTimeout: 30_000, throwOnRequestTimeout: true });
      resolved.release();
      expect(destroyed).toEqual([created]);
    } finally {
      ServiceCatalogClient.prototype.destroy = original;
    }
  });

  it('lets clientConfig.requestHandler replace the timeouts', async () => {
    const resolved = resolveClient({ clientConfig: { region: 'eu-west-1', requestHandler: { requestTimeout: 7 } } });
    const config = await handlerConfig(resolved.client as ServiceCatalogClient);
    expect(config).toMatchObject({ requestTimeout: 7 });
    expect(config).not.toHaveProperty('connectionTimeout', DEFAULT_REQUEST_HANDLER_OPTIONS.connectionTimeout);
    resolved.release();
  });

  it('keeps the caller\'s maxAttempts', async () => {
    const resolved = resolveClient({ clientConfig: { region: 'eu-west-1', maxAttempts: 3 } });
    expect(await (resolved.client as ServiceCatalogClient).config.maxAttempts()).toBe(3);
    resolved.release();
  });
});
