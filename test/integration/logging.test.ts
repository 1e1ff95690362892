import { Writable } from 'node:stream';
import { pino } from 'pino';
import { ApiError } from '../../src/errors.js';
import { getPortfolioShareStatus } from '../../src/getPortfolioShareStatus.js';
import { waitUntilPortfolioShareComplete } from '../../src/waitUntilPortfolioShareComplete.js';
import { PRODUCTION_OU, rejection, scenarioWith, startWaiterHarness, type WaiterHarness } from './harness.js';

const ACCESS_KEY_ID = 'AKIARECOGNISABLE7Q3Z';
const SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/RECOGNISABLE/SecretKey+42';
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjRECOGNISABLESessionToken==';

/** A pino logger at trace level writing parsed JSON lines to an array. */
function sinkLogger(): { logger: pino.Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString('utf8').split('\n').filter((line) => line.length > 0));
      callback();
    },
  });
  return { logger: pino({ level: 'trace' }, sink), lines };
}

describe('logging', () => {
  let h: WaiterHarness;
  afterEach(async () => h.close());

  it('logs attempts, status changes, retries and tolerated duplicates as pino objects, with no credential or signature anywhere', async () => {
    h = await startWaiterHarness(scenarioWith({ accounts: { '444444444444': { shareError: 'DuplicateResourceException' } } }));
    const token = await h.createShare({ Type: 'ORGANIZATIONAL_UNIT', Value: PRODUCTION_OU });
    h.sim.injectFault({ operation: 'DescribePortfolioShareStatus', kind: 'throttle', count: 2 });
    h.sim.injectFault({ operation: 'DescribePortfolioShareStatus', kind: 'reset', count: 1 });
    const { logger, lines } = sinkLogger();
    const clientConfig = {
      ...h.clientConfig,
      credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY, sessionToken: SESSION_TOKEN },
    };

    const result = await waitUntilPortfolioShareComplete({ clientConfig, logger, timers: h.timers, maxWaitTime: 300 }, { PortfolioShareToken: token });
    expect(result.duplicateAccounts).toEqual(['444444444444']);
    const notFound = await rejection(getPortfolioShareStatus({ clientConfig, logger }, { PortfolioShareToken: 'share-missing000001' }));
    expect(notFound).toBeInstanceOf(ApiError);

    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const byMessage = (msg: string): Record<string, unknown>[] => records.filter((record) => record.msg === msg);
    expect(records.length).toBeGreaterThan(5);
    expect(byMessage('checking portfolio share status').every((record) => record.level === 20 && record.token !== undefined)).toBe(true);
    // The three faulted calls and their back-off (1.4 s) take the share past NOT_STARTED (1 s).
    expect(byMessage('portfolio share status changed').map((record) => [record.level, record.status])).toEqual([
      [30, 'IN_PROGRESS'],
      [30, 'COMPLETED_WITH_ERRORS'],
    ]);
    const retries = byMessage('DescribePortfolioShareStatus failed transiently; retrying');
    expect(retries.map((record) => [record.level, (record.err as { name?: string }).name])).toEqual([
      [40, 'ThrottlingException'],
      [40, 'ThrottlingException'],
      [40, 'TimeoutError'],
    ]);
    expect(byMessage('accounts already had the portfolio (DuplicateResourceException); not counted as failures')[0]).toMatchObject({ level: 40, duplicateAccounts: ['444444444444'], token });

    const everything = [...lines, JSON.stringify((notFound as ApiError).toJSON()), (notFound as Error).message].join('\n');
    for (const secret of [ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN, 'Signature=', 'Credential=', 'X-Amz-Security-Token', 'authorization']) {
      expect(everything.toLowerCase()).not.toContain(secret.toLowerCase());
    }
  });
});
