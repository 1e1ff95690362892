import { ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { createServiceCatalogClient, DEFAULT_REQUEST_HANDLER_OPTIONS, resolveClient, SILENT_SDK_LOGGER } from '../src/client.js';

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

  it("gives a created client a silent SDK logger (the SDK's NoOpLogger makes its credential chain use console.warn), or the caller's", () => {
    const silent = resolveClient({ clientConfig: { region: 'eu-west-1' } });
    expect((silent.client as ServiceCatalogClient).config.logger).toBe(SILENT_SDK_LOGGER);
    silent.release();
    const mine = { trace: () => {}, debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
    const own = resolveClient({ clientConfig: { region: 'eu-west-1', logger: mine } });
    expect((own.client as ServiceCatalogClient).config.logger).toBe(mine);
    own.release();
  });
});

describe('createServiceCatalogClient', () => {
  const SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';
  const saved = process.env[SWITCH];
  afterEach(() => {
    if (saved === undefined) delete process.env[SWITCH];
    else process.env[SWITCH] = saved;
  });

  it.each([undefined, 'false', 'true'])('sets the SDK warning switch only while constructing, then puts back %s', (before) => {
    if (before === undefined) delete process.env[SWITCH];
    else process.env[SWITCH] = before;
    let during: string | undefined;
    const client = createServiceCatalogClient({
      region: 'eu-west-1',
      // Read while the constructor runs (the SDK reads the switch in the same synchronous call).
      get maxAttempts() {
        during = process.env[SWITCH];
        return 1;
      },
    });
    client.destroy();
    expect(during).toBe('true');
    expect(process.env[SWITCH]).toBe(before);
  });
});
