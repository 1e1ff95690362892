// The CLI's wording of the library's log records, on the CLI's real pino logger (JSON lines, as in CI),
// with the library's own messages driven through the real waiter against a fake client.
import { DescribePortfolioShareStatusCommand } from '@aws-sdk/client-service-catalog';
import { LIBRARY_MESSAGES, libraryLogger } from '../../src/cli/libraryLogger.js';
import { createLogger } from '../../src/cli/logging.js';
import type { LogLevel } from '../../src/cli/options.js';

async function sink(level: LogLevel = 'info'): Promise<{ logger: Awaited<ReturnType<typeof createLogger>>; records: () => Array<Record<string, unknown>> }> {
  let text = '';
  const logger = await createLogger(level, { write: (s: string) => (text += s) }, false, false);
  return {
    logger,
    records: () =>
      text
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const { time: _time, ...rest } = JSON.parse(line) as Record<string, unknown>;
          return rest;
        }),
  };
}

test('the first "not visible yet" of each token becomes one warning naming --not-found-grace', async () => {
  const { logger, records } = await sink('warn');
  const lib = libraryLogger(logger, { notFoundGraceSeconds: 45 });
  for (const token of ['share-aaaaaaaaaaaa', 'share-bbbbbbbbbbbb', 'share-aaaaaaaaaaaa']) {
    const child = lib.child({ token });
    child.debug({ attempt: 1, err: { name: 'ResourceNotFoundException' } }, `${LIBRARY_MESSAGES.notVisibleYet}; checking again`);
    child.debug({ attempt: 2, err: { name: 'ResourceNotFoundException' } }, `${LIBRARY_MESSAGES.notVisibleYet}; checking again`);
  }
  expect(records()).toEqual(
    ['share-aaaaaaaaaaaa', 'share-bbbbbbbbbbbb'].map((token) => ({
      level: 40,
      token,
      msg: `${token} not visible yet (ResourceNotFoundException); retrying until --not-found-grace 45s have passed; --not-found-grace 0 fails at once`,
    })),
  );
});

test('a per-call retry is information, not a warning; other warnings stay warnings', async () => {
  const { logger, records } = await sink('info');
  const lib = libraryLogger(logger, { notFoundGraceSeconds: 30 }).child({ token: 'share-aaaaaaaaaaaa' });
  lib.warn({ retry: 1, err: { name: 'Error', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' } }, LIBRARY_MESSAGES.callRetrying);
  lib.warn({ attempt: 3 }, 'portfolio share check failed after its retries; checking again later');
  lib.info('plain message');
  expect(records()).toEqual([
    // No "type":"Object","stack":"" in err: the CLI's serializer leaves the library's plain objects alone.
    { level: 30, token: 'share-aaaaaaaaaaaa', retry: 1, err: { name: 'Error', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' }, msg: LIBRARY_MESSAGES.callRetrying },
    { level: 40, token: 'share-aaaaaaaaaaaa', attempt: 3, msg: 'portfolio share check failed after its retries; checking again later' },
    { level: 30, token: 'share-aaaaaaaaaaaa', msg: 'plain message' },
  ]);
});

test('an Error under err is still serialized with its type and stack', async () => {
  const { logger, records } = await sink('info');
  logger.error({ err: new TypeError('boom') }, 'failed');
  const [record] = records();
  expect(record).toMatchObject({ level: 50, msg: 'failed', err: { type: 'TypeError', message: 'boom' } });
  expect(String((record?.err as { stack?: unknown }).stack)).toContain('TypeError: boom');
});

test("the messages it rewords are the library's own (the real waiter, a client answering not found, then connection refused)", async () => {
  const { waitUntilPortfolioShareComplete } = await import('../../src/waitUntilPortfolioShareComplete.js');
  const { logger, records } = await sink('info');
  let calls = 0;
  const client = {
    send: async (command: unknown) => {
      expect(command).toBeInstanceOf(DescribePortfolioShareStatusCommand);
      calls += 1;
      if (calls === 1) throw Object.assign(new Error('Portfolio share token not found.'), { name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 400 } });
      if (calls === 2) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
      return { Status: 'COMPLETED', PortfolioId: 'port-abcd1234efgh5', OrganizationNodeValue: 'ou-ab12-prod0001', ShareDetails: { SuccessfulShares: [], ShareErrors: [] } };
    },
  };
  const result = await waitUntilPortfolioShareComplete(
    { client, logger: libraryLogger(logger, { notFoundGraceSeconds: 30 }), minDelay: 0.01, maxDelay: 0.01, maxWaitTime: 10, retry: { minTimeout: 1, maxTimeout: 1 } },
    { PortfolioShareToken: 'share-aaaaaaaaaaaa' },
  );
  expect(result.status).toBe('COMPLETED');
  const messages = records().map((r) => [r.level, r.msg]);
  expect(messages).toContainEqual([40, expect.stringContaining('not visible yet (ResourceNotFoundException); retrying until --not-found-grace 30s')]);
  expect(messages).toContainEqual([30, LIBRARY_MESSAGES.callRetrying]);
  expect(messages.filter(([level]) => level === 40)).toHaveLength(1);
});
