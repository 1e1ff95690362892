import { ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { DEFAULT_REQUEST_HANDLER_OPTIONS, resolveClient } from '../src/client.js';

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
      expect(DEFAULT_REQUEST_HANDLER_OPTIONS).toEqual({ connectionTimeout: 5000, requestTimeout: 30_000, throwOnRequestTimeout: true });
      resolved.release();
      expect(destroyed).toEqual([created]);
    } finally {
      ServiceCatalogClient.prototype.destroy = original;
    }
  });

  it('keeps the caller\'s maxAttempts', async () => {
    const resolved = resolveClient({ clientConfig: { region: 'eu-west-1', maxAttempts: 3 } });
    expect(await (resolved.client as ServiceCatalogClient).config.maxAttempts()).toBe(3);
    resolved.release();
  });
});
