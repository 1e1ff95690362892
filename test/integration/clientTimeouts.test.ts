// A client the waiter creates must time out a call that never answers (the SDK's own default is to wait
// forever). The endpoint is a raw TCP server on 127.0.0.1 that accepts connections and reads requests but
// never answers. Real time is compressed (every timer of 1 s or more fires a thousand times sooner), so the
// client's 30 s request timeout fires in 30 ms while the waiter runs on a fake clock.
import { createServer, type Server, type Socket } from 'node:net';
import { WaitTimeoutError } from '../../src/errors.js';
import { waitUntilPortfolioShareComplete } from '../../src/waitUntilPortfolioShareComplete.js';
import { createFakeTimers } from '../support/fakeTimers.js';

/** Far above the ~150 ms the wait takes with timeouts (five hung calls of 30 ms), far below jest's 30 s. */
const BOUND_MS = 5000;

let server: Server;
let endpoint: string;
const sockets = new Set<Socket>();
let requests = 0;

beforeAll(async () => {
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on('data', (chunk) => {
      if (chunk.toString('latin1').includes('DescribePortfolioShareStatus')) requests += 1;
    });
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  endpoint = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Run `body` with every timer of 1 s or more shortened a thousandfold; `body` gets the real setTimeout. */
async function withCompressedTime<T>(body: (realSetTimeout: typeof setTimeout) => Promise<T>): Promise<T> {
  const realSetTimeout = globalThis.setTimeout;
  globalThis.setTimeout = ((handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) =>
    realSetTimeout(handler, ms !== undefined && ms >= 1000 ? ms / 1000 : ms, ...args)) as typeof setTimeout;
  try {
    return await body(realSetTimeout);
  } finally {
    globalThis.setTimeout = realSetTimeout;
  }
}

test('a created client times out a call that never answers, so the wait ends at its deadline (the request handler options are used)', async () => {
  const controller = new AbortController();
  const timers = createFakeTimers();
  const outcome = await withCompressedTime(async (realSetTimeout) => {
    const wait = waitUntilPortfolioShareComplete(
      {
        clientConfig: { endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example-secret' } },
        timers,
        maxWaitTime: 1,
        retry: { retries: 1 },
        abortSignal: controller.signal,
      },
      { PortfolioShareToken: 'share-hung12345678' },
    ).then(
      (value) => ({ settled: 'resolved', value }),
      (error: unknown) => ({ settled: 'rejected', error }),
    );
    let bound: NodeJS.Timeout | undefined;
    const hung = new Promise<{ settled: 'hung' }>((resolve) => {
      bound = realSetTimeout(() => resolve({ settled: 'hung' }), BOUND_MS);
    });
    const first = await Promise.race([wait, hung]);
    clearTimeout(bound);
    controller.abort(new Error('test over'));
    await wait;
    return first;
  });
  if (outcome.settled === 'hung') throw new Error(`the wait was still pending after ${BOUND_MS} ms: the created client never timed its calls out`);
  expect(outcome.settled).toBe('rejected');
  const error = 'error' in outcome ? outcome.error : undefined;
  expect(error).toBeInstanceOf(WaitTimeoutError);
  expect(error).toMatchObject({ code: 'WAIT_TIMEOUT', elapsedSeconds: 1 });
  const cause = (error as Error).cause as Error;
  expect(cause.name).toBe('TimeoutError');
  expect(cause.message).toMatch(/exceeded the configured 30000 ms requestTimeout/);
  expect(requests).toBeGreaterThanOrEqual(2);
});
