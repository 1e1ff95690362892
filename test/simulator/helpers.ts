import { request } from 'node:http';
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

/** Raw API call over node:http (headers exactly as given), for requests no SDK would send. */
export function rawCall(
  endpoint: string,
  init: { method?: string; path?: string; target?: string | null; contentType?: string | null; body?: string; headers?: Record<string, string> },
): Promise<{ status: number; body: string; json: unknown; headers: Record<string, string | string[] | undefined> }> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.target !== null) headers['X-Amz-Target'] = init.target ?? 'AWS242ServiceCatalogService.ListPortfolios';
  if (init.contentType !== null) headers['Content-Type'] = init.contentType ?? 'application/x-amz-json-1.1';
  const method = init.method ?? 'POST';
  const body = method === 'GET' || method === 'HEAD' ? undefined : init.body ?? '{}';
  if (body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const req = request(`${endpoint}${init.path ?? '/'}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, body: text, json, headers: res.headers });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The name and status of a rejected SDK call. */
export async function sdkError(promise: Promise<unknown>): Promise<{ name: string; message: string; status: number | undefined; code: string | undefined }> {
  try {
    await promise;
  } catch (err) {
    const e = err as { name?: string; message?: string; code?: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name ?? '', message: e.message ?? '', status: e.$metadata?.httpStatusCode, code: e.code };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
