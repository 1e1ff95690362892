import { ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { createManualClock, startSimulator } from '../../src/simulator/index.js';
import type { ManualClock, RunningSimulator, SimulatorOptions } from '../../src/simulator/index.js';

export interface Harness {
  sim: RunningSimulator;
  client: ServiceCatalogClient;
  clock: ManualClock;
  close(): Promise<void>;
}

/** A simulator on a manual clock and a real SDK client (one attempt per call, so faults are seen as they are). */
export async function startHarness(options: SimulatorOptions = {}): Promise<Harness> {
  const clock = createManualClock();
  const sim = await startSimulator({ clock, ...options });
  const client = newClient(sim.endpoint);
  return {
    sim,
    client,
    clock,
    async close() {
      client.destroy();
      await sim.close();
    },
  };
}

export function newClient(endpoint: string, accessKeyId = 'test'): ServiceCatalogClient {
  return new ServiceCatalogClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId, secretAccessKey: 'test' },
    maxAttempts: 1,
  });
}

/** Raw API call over fetch, for requests no SDK would send. */
export async function rawCall(
  endpoint: string,
  init: { method?: string; path?: string; target?: string | null; contentType?: string | null; body?: string },
): Promise<{ status: number; body: string; json: unknown; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (init.target !== null) headers['X-Amz-Target'] = init.target ?? 'AWS242ServiceCatalogService.ListPortfolios';
  if (init.contentType !== null) headers['Content-Type'] = init.contentType ?? 'application/x-amz-json-1.1';
  const method = init.method ?? 'POST';
  const response = await fetch(`${endpoint}${init.path ?? '/'}`, {
    method,
    headers,
    ...(method === 'GET' || method === 'HEAD' ? {} : { body: init.body ?? '{}' }),
  });
  const body = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  return { status: response.status, body, json, headers: response.headers };
}

/** The name and status of a rejected SDK call. */
export async function sdkError(promise: Promise<unknown>): Promise<{ name: string; message: string; status: number | undefined }> {
  try {
    await promise;
  } catch (err) {
    const e = err as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name ?? '', message: e.message ?? '', status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
